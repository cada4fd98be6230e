"""Vendor issues and gaps: validation findings plus the analysis' own, with one
recommendation per kind of issue, and N/A answers told apart from failures.

An N/A (or Not Implemented) answer is *legitimate* when the requirement is a SHOULD, or
is conditional in the checklist ("If the platform provides ...", "For supported ...")
and the vendor says why; *questionable* when an unconditional MUST is N/A with a reason;
a *failure* when a MUST is Not Implemented, or N/A without any reason.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..load import RepoState
from ..model import Status, Submission
from ..rules import Finding, Severity
from ..rules._api import shorten
from .catalog import Catalog
from .evidence import EvidenceReport, Grade
from .model import Detection

if TYPE_CHECKING:
    from ..lint import ValidationResult

_CONDITIONAL = re.compile(r"^\s*(?:if|when|where|for\s+(?:supported|accelerators|platforms))\b", re.IGNORECASE)


@dataclass(frozen=True)
class IssueKind:
    key: str
    title: str
    recommendation: str
    category: str  # "validation", "evidence", "components", "accelerators"


ANALYSIS_KINDS: dict[str, IssueKind] = {
    k.key: k
    for k in (
        IssueKind(
            "documentation-only-evidence",
            "Evidence is product documentation only",
            "Add a reproducible procedure (script or step-by-step commands) and its output for each "
            "claimed requirement, in the submission folder or a public repository.",
            "evidence",
        ),
        IssueKind(
            "no-usable-evidence",
            "No usable evidence",
            "Link at least one document, test procedure or test result for every claimed requirement.",
            "evidence",
        ),
        IssueKind(
            "proprietary-components",
            "Proprietary components named",
            "Name the open-source projects or standard APIs behind proprietary components, so users "
            "can judge portability.",
            "components",
        ),
        IssueKind(
            "single-accelerator-vendor",
            "One accelerator vendor only",
            "State which other accelerator vendors the platform supports, or that it supports only one.",
            "accelerators",
        ),
        IssueKind(
            "accelerator-not-stated",
            "No accelerator vendor named",
            "Name the accelerators (vendor and model family) the conformance evidence was produced on.",
            "accelerators",
        ),
    )
}


@dataclass(frozen=True)
class Issue:
    kind: str  # a rule id, or a key of ANALYSIS_KINDS
    category: str
    severity: str  # "error", "warning", "info"
    requirement: str | None
    line: int | None
    message: str

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "category": self.category, "severity": self.severity,
                "requirement": self.requirement, "line": self.line, "message": self.message}


@dataclass(frozen=True)
class NotApplicable:
    requirement: str
    status: str
    level: str
    conditional: bool
    justified: bool  # notes say why
    verdict: str  # "legitimate" | "questionable" | "failure"
    notes: str

    def as_dict(self) -> dict[str, Any]:
        return {"requirement": self.requirement, "status": self.status, "level": self.level,
                "conditional": self.conditional, "justified": self.justified, "verdict": self.verdict,
                "notes": self.notes}


@dataclass(frozen=True)
class Gaps:
    path: str
    issues: tuple[Issue, ...]
    not_applicable: tuple[NotApplicable, ...]


def _na_cases(state: RepoState, sub: Submission) -> list[NotApplicable]:
    checklist = state.checklist_for(sub)
    out: list[NotApplicable] = []
    for a in sub.answers:
        if a.status not in (Status.NA, Status.NOT_IMPLEMENTED):
            continue
        req = checklist.requirement(a.id) if checklist else None
        level = (req.level if req else (a.level or "")).upper() or "?"
        conditional = bool(req and _CONDITIONAL.search(req.description))
        justified = bool(a.notes.strip())
        if level != "MUST":
            verdict = "legitimate"
        elif a.status is Status.NOT_IMPLEMENTED or not justified:
            verdict = "failure"
        elif conditional:
            verdict = "legitimate"
        else:
            verdict = "questionable"
        out.append(NotApplicable(a.id, a.status.value, level, conditional, justified, verdict, shorten(a.notes, 200)))
    return out


def gaps_for(state: RepoState, sub: Submission, findings: Sequence[Finding], det: Detection,
             evidence: EvidenceReport, catalog: Catalog) -> Gaps:
    issues: list[Issue] = [
        Issue(f.rule, "validation", f.severity.value, f.requirement, f.line, f.message) for f in findings
    ]
    if evidence.grade is Grade.DOCUMENTATION:
        issues.append(Issue("documentation-only-evidence", "evidence", Severity.WARNING.value, None, None,
                            evidence.reason))
    elif evidence.grade is Grade.NONE:
        issues.append(Issue("no-usable-evidence", "evidence", Severity.WARNING.value, None, None, evidence.reason))
    proprietary = []
    for c in det.components:
        entry = catalog.entry(c.repo)
        if entry is not None and entry.open_source is False:
            proprietary.append(c.name)
    if proprietary:
        issues.append(Issue("proprietary-components", "components", Severity.INFO.value, None, None,
                            "proprietary: " + ", ".join(proprietary)))
    if len(det.accelerators) == 1:
        issues.append(Issue("single-accelerator-vendor", "accelerators", Severity.INFO.value, None, None,
                            f"only {det.accelerators[0]} is named"))
    elif not det.accelerators:
        issues.append(Issue("accelerator-not-stated", "accelerators", Severity.INFO.value, None, None,
                            "no accelerator vendor is named in notes, evidence links or files"))
    return Gaps(sub.path, tuple(issues), tuple(_na_cases(state, sub)))


def kind_info(kind: str, validation: ValidationResult) -> IssueKind:
    """Title and recommendation of a kind: the rule's summary and hint, or the analysis' own."""
    if kind in ANALYSIS_KINDS:
        return ANALYSIS_KINDS[kind]
    rule = validation.rules.get(kind)
    if rule is not None:
        return IssueKind(kind, rule.summary, rule.hint, "validation")
    return IssueKind(kind, kind, "", "validation")


def count_by_kind(all_gaps: Mapping[str, Gaps]) -> dict[str, list[str]]:
    """kind -> submission paths having it (each path once)."""
    out: dict[str, list[str]] = {}
    for path, g in all_gaps.items():
        for issue in g.issues:
            paths = out.setdefault(issue.kind, [])
            if path not in paths:
                paths.append(path)
    return out
