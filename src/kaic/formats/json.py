"""JSON: source, submissions with their verdict, and every finding."""

from __future__ import annotations

from ..channels import json_text
from ..validate import ValidationResult
from ._util import displayable


def as_data(result: ValidationResult) -> dict[str, object]:
    return {
        "source": {"location": result.source.location, "commit": result.source.commit},
        "policy": result.policy,
        "submissions": [
            {"path": s.path, "version": s.version, "vendor": s.vendor, "ok": result.ok(s)}
            for s in result.submissions
        ],
        "findings": [f.as_dict() for f in result.findings],
    }


def format(result: ValidationResult, color: bool = False) -> str:
    return json_text(displayable(as_data(result)), indent=2) + "\n"
