"""`kaic artifacts PATH...`: what test artifacts hold, before they are cited in a pull request."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..channels import json_text
from . import app
from ._common import OutOpt, emit, fail


@app.command("artifacts")
def artifacts_cmd(
    paths: Annotated[list[Path], typer.Argument(help="Test output files: junit.xml, results.json, e2e.log, ...")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="text | json")] = "text",
    out: OutOpt = None,
) -> None:
    """Each file's format (by content), its tests with outcome and duration, the requirements
    they prove, and the run's facts. Exit 1 when a file would fail a submission."""
    from ..artifacts.local import describe, read_file, verdict
    from ..artifacts.model import Outcome
    from ..artifacts.render import text

    if fmt not in ("text", "json"):
        fail(f"unknown format {fmt!r}", "use --format text or --format json")
    readings = [(str(p), read_file(p)) for p in paths]
    files = [describe(label, r) for label, r in readings]
    if fmt == "json":
        emit(json_text({"files": files}, indent=2), out)
    else:
        emit(text(files), out)
    if any(verdict(r) is Outcome.FAIL for _, r in readings):
        raise typer.Exit(1)
