"""A baseline: what a repository state holds, in a JSON document a later run can diff against.

It records the kaic version, the source (repository, commit, date), the versions and
version folders, every checklist (requirement levels and categories), and per
submission a fingerprint with what it is made of: statuses, evidence, metadata and a
digest of the notes. Built purely from a RepoState.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from ..analysis.vendors import fold_vendor
from ..components.delta import components_snapshot
from ..envelope import envelope, source_record
from ..load import RepoState
from ..model import Checklist, Submission

BASELINE_VERSION = 1
"""The document's format version; a reader accepts its own major version only."""


def _digest(value: Any, size: int = 16) -> str:
    text = value if isinstance(value, str) else json.dumps(value, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:size]


def _json_value(value: object) -> Any:
    if value is None or isinstance(value, str | bool | int | float):
        return value
    return str(value)


def submission_record(sub: Submission, backing: dict[str, str] | None = None) -> dict[str, Any]:
    statuses: dict[str, str] = {}
    evidence: dict[str, list[str]] = {}
    notes: dict[str, str] = {}
    for answer in sub.answers:
        if answer.id in statuses:
            continue  # the first answer of a duplicated id is the one that counts
        statuses[answer.id] = answer.status.value
        evidence[answer.id] = [e.raw for e in answer.evidence]
        notes[answer.id] = _digest(answer.notes, 12) if answer.notes.strip() else ""
    metadata = {name: _json_value(f.value) for name, f in sorted(sub.metadata.items())}
    body: dict[str, Any] = {"statuses": statuses, "evidence": evidence, "metadata": metadata, "notes": notes}
    if backing:  # how cited test artifacts back answers (absent: every answer self-assessed)
        body["backing"] = backing
    return {
        "version": sub.version,
        "product": sub.product,
        "vendor": sub.vendor,
        "vendor_key": fold_vendor(sub.vendor),
        "platform": sub.platform,
        "parsed": sub.parsed,
        "fingerprint": _digest(body),
        **body,
    }


def automated_backing(state: RepoState, sub: Submission) -> dict[str, str]:
    """requirement -> how test artifacts back its answer, for answers that cite any."""
    from ..artifacts.evaluate import evaluate

    judged = evaluate(sub, state.reader, state.tree)
    return {c.requirement: judged.backing(c.requirement).value for c in judged.citations}


def checklist_record(checklist: Checklist) -> dict[str, Any]:
    requirements: dict[str, dict[str, str]] = {}
    for req in checklist.requirements:
        requirements.setdefault(req.id, {
            "level": req.level,
            "category": req.category,
            "description": _digest(" ".join(req.description.split()), 12),
        })
    body = {"metadata_fields": list(checklist.metadata_fields), "requirements": requirements}
    return {"path": checklist.path, "error": checklist.error, "fingerprint": _digest(body), **body}


def snapshot(state: RepoState) -> dict[str, Any]:
    """The baseline document of one repository state."""
    src = state.source
    by_version: dict[str, list[Submission]] = {v: [] for v in state.versions}
    for sub in state.submissions:
        by_version.setdefault(sub.version, []).append(sub)
    vendors = sorted({fold_vendor(s.vendor) for s in state.submissions} - {""})
    totals = {"submissions": len(state.submissions), "vendors": len(vendors)}
    return envelope("kaic-baseline", {
        "baseline_version": BASELINE_VERSION,
        "source": source_record(src),
        "versions": list(state.versions),
        "version_dirs": list(state.version_dirs),
        "inventory": {
            v: {"submissions": len(subs), "products": [s.product for s in subs],
                "vendors": len({fold_vendor(s.vendor) for s in subs} - {""})}
            for v, subs in by_version.items()
        },
        "totals": totals,
        "vendors": vendors,
        "checklists": {v: checklist_record(c) for v, c in state.checklists.items()},
        "submissions": {s.path: submission_record(s, automated_backing(state, s)) for s in state.submissions},
        "components": components_snapshot(state),
    }, source=src, summary=totals, schema_version=f"{BASELINE_VERSION}.0")
