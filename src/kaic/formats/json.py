"""JSON: source, submissions with their verdict, and every finding."""

from __future__ import annotations

from ..channels import json_text
from ..envelope import envelope
from ..lint import ValidationResult
from ..rules import Severity
from ._util import displayable


def summary(result: ValidationResult) -> dict[str, int]:
    return {
        "submissions": len(result.submissions),
        "failing": sum(1 for s in result.submissions if not result.ok(s)),
        **{sev.value: result.count(sev) for sev in Severity},
        "suppressed": len(result.suppressed),
    }


def as_data(result: ValidationResult) -> dict[str, object]:
    return envelope("kaic-validate", {
        "policy": result.policy,
        "submissions": [
            {"path": s.path, "version": s.version, "vendor": s.vendor, "ok": result.ok(s)}
            for s in result.submissions
        ],
        "findings": [f.as_dict() for f in result.findings],
    }, source=result.source, summary=summary(result))


def format(result: ValidationResult, color: bool = False) -> str:
    return json_text(displayable(as_data(result)), indent=2) + "\n"
