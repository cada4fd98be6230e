"""`kaic baseline`: a JSON record of a repository state for later `kaic diff` runs."""

from __future__ import annotations

from . import app
from ._common import OutOpt, RefOpt, SourceOpt, emit, load_or_fail


@app.command("baseline")
def baseline_cmd(source: SourceOpt = None, ref: RefOpt = None, out: OutOpt = None) -> None:
    """Write the baseline of a state: kaic version, source, commit, date, inventory per
    version, checklists, and a fingerprint per submission (statuses, evidence, metadata)."""
    from ..baseline import snapshot
    from ..channels import json_text

    _, state = load_or_fail(source, ref, quiet=True)  # the baseline records its source
    emit(json_text(snapshot(state), indent=2) + "\n", out)
