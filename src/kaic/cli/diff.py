"""`kaic diff OLD NEW`: what changed between two states (git refs or baseline files)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from . import app
from ._common import OutOpt, SourceOpt, emit, fail, load_or_fail


def _side(spec: str, source: str | None) -> dict[str, Any]:
    """A baseline file (a `kaic baseline` or `kaic report --format json` output), else a git ref."""
    from ..baseline import BaselineError, read_baseline, snapshot

    path = Path(spec)
    if path.is_file():
        try:
            return read_baseline(path)
        except BaselineError as exc:
            fail(str(exc), "give a git ref of --source, or a file written by `kaic baseline`")
    _, state = load_or_fail(source, spec)
    return snapshot(state)


@app.command("diff")
def diff_cmd(
    old: Annotated[str, typer.Argument(help="The old side: a git ref of --source, or a baseline file.")],
    new: Annotated[str, typer.Argument(help="The new side: a git ref of --source, or a baseline file.")],
    source: SourceOpt = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text | md | json")] = "text",
    out: OutOpt = None,
) -> None:
    """New and removed submissions and version folders; status, evidence, metadata and
    checklist changes. Exit 0 (whether or not anything changed); 2: usage or source error."""
    from ..baseline import DIFF_FORMATS, RENDER, diff

    if fmt not in DIFF_FORMATS:
        fail(f"unknown format {fmt!r}", "use one of: " + ", ".join(DIFF_FORMATS))
    delta = diff(_side(old, source), _side(new, source))
    emit(RENDER[fmt](delta), out)
