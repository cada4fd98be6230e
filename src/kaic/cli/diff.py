"""`kaic diff OLD NEW`: what changed between two states (git refs or baseline files)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer

from . import app
from ._common import OutOpt, SourceOpt, check_format, emit, fail, format_option

DIFF_FORMATS = ("text", "md", "json")


def _side(spec: str, source: str | None) -> dict[str, Any]:
    """A baseline file (a `kaic baseline` or `kaic report --format json` output), else a git ref."""
    from ..baseline import BaselineError, read_baseline, snapshot
    from ..load import load_state
    from ..source import SourceError, open_source

    path = Path(spec)
    if path.is_file():
        try:
            return read_baseline(path)
        except BaselineError as exc:
            fail(str(exc), "give a git ref of --source, or a file written by `kaic baseline`")
    try:
        return snapshot(load_state(open_source(source, spec)))
    except SourceError as exc:
        if source == "sample" or (source is not None and Path(source).is_dir()
                                  and "not a git repository" in exc.message):
            fail(f"{spec!r} is not a file, and the source {source} has no git refs",
                 "give two baseline files (`kaic baseline -o FILE`), or a git --source")
        fail(exc.message, exc.hint)


@app.command("diff")
def diff_cmd(
    old: Annotated[str, typer.Argument(help="The old side: a git ref of --source, or a baseline file.")],
    new: Annotated[str, typer.Argument(help="The new side: a git ref of --source, or a baseline file.")],
    source: SourceOpt = None,
    fmt: Annotated[str, format_option(DIFF_FORMATS, "text")] = "text",
    out: OutOpt = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Every change in detail (text format).")] = False,
    exit_code: Annotated[bool, typer.Option("--exit-code", help="Exit 1 when the two sides differ.")] = False,
) -> None:
    """New and removed submissions and version folders; status, evidence, metadata and
    checklist changes. Exit 0 (or with --exit-code: 0 same, 1 different); 2: usage or
    source error."""
    from ..baseline import RENDER, diff
    from ..baseline.diff import is_empty

    fmt = check_format(fmt, DIFF_FORMATS)
    delta = diff(_side(old, source), _side(new, source))
    emit(RENDER[fmt](delta, verbose), out)
    if exit_code and not is_empty(delta):
        raise typer.Exit(1)
