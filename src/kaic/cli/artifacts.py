"""`kaic artifacts PATH...`: what test artifacts hold, before they are cited in a pull request."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from . import app
from ._common import OutOpt, check_format, emit, emit_json, envelope, format_option

ARTIFACT_FORMATS = ("text", "json")


@app.command("artifacts")
def artifacts_cmd(
    paths: Annotated[list[Path], typer.Argument(help="Test output files: junit.xml, results.json, e2e.log, ...")],
    fmt: Annotated[str, format_option(ARTIFACT_FORMATS, "text")] = "text",
    out: OutOpt = None,
) -> None:
    """Each file's format (by content), its tests with outcome and duration, the requirements
    they prove, and the run's facts. Exit 1 when a file would fail a submission."""
    from ..artifacts.local import describe, read_file, verdict
    from ..artifacts.model import Outcome
    from ..artifacts.render import text

    fmt = check_format(fmt, ARTIFACT_FORMATS)
    readings = [(str(p), read_file(p)) for p in paths]
    files = [describe(label, r) for label, r in readings]
    failing = sum(1 for _, r in readings if verdict(r) is Outcome.FAIL)
    if fmt == "json":
        summary = {"files": len(files), "failing": failing,
                   **{k: sum(f.get("totals", {}).get(k, 0) for f in files) for k in ("passed", "failed", "skipped")}}
        emit_json(envelope("kaic-artifacts", {"files": files}, source=None, summary=summary), out, indent=2)
    else:
        emit(text(files), out)
    if failing:
        raise typer.Exit(1)
