"""Labels for the pull request, like the base conformance bot's (rules in data/review.yaml)."""

from __future__ import annotations

from collections.abc import Iterable

from ..rules import Finding, Severity
from .data import ReviewData


def labels_for(data: ReviewData, findings: Iterable[Finding], versions: Iterable[str],
               passed: bool, online: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """Every label whose condition holds, in the data file's order (`{version}` expanded)."""
    hit = {f.rule for f in findings if f.severity is not Severity.INFO}
    versions = tuple(versions)
    out: list[str] = []
    for label in data.labels:
        when = label.when
        if "rules" in when:
            holds = bool(hit.intersection(when["rules"]))
        elif "submissions" in when:
            holds = bool(versions) == bool(when["submissions"])
        elif "verdict" in when:
            holds = (when["verdict"] == "pass") == passed
        else:
            holds = when.get("online") in online
        if not holds:
            continue
        if "{version}" in label.name:
            out.extend(label.name.replace("{version}", v) for v in versions)
        else:
            out.append(label.name)
    out.extend(sorted(online - set(out)))  # labels the online checks add beyond the documented ones
    return tuple(dict.fromkeys(out))
