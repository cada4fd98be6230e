"""What the upstream validator's CI does with the input behind a finding."""

from __future__ import annotations

from ..policy import upstream_of
from ..rules import Finding
from .data import review_data

VERDICTS = ("fails", "passes", "not-checked")


def upstream_verdict(f: Finding) -> str:
    """`fails` (upstream prints `f.upstream`), `passes`, or `not-checked` (kaic cannot tell:
    kaic's own safety refusals, checks upstream does not have)."""
    if f.upstream:
        return "fails"
    check = review_data().checks.get(f.rule)
    if check is not None:
        return check.upstream
    return "not-checked" if upstream_of(f.rule).verdict == "not-checked" else "passes"
