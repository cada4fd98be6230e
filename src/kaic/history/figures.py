"""One commit's figures, taken from the analysis of its state (never counted again here).

Submissions per version, full conformance (strict, lenient, judged) per version and in
total, per-requirement status counts per version and summed over the versions whose
checklist has the requirement, and component adoption (submissions naming each
project) when the component analysis ran.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..analysis import Analysis
from ..model import Status
from .certs import At


@dataclass(frozen=True, slots=True)
class Count:
    """A requirement's implemented count over its denominator."""

    implemented: int
    denominator: int

    @property
    def rate(self) -> float | None:
        return self.implemented / self.denominator if self.denominator else None


@dataclass(frozen=True)
class RequirementFigures:
    level: str
    counts: Mapping[str, int]  # cell value (normalized status or "missing") -> submissions

    @property
    def count(self) -> Count:
        return Count(self.counts.get(Status.IMPLEMENTED.value, 0), sum(self.counts.values()))


@dataclass(frozen=True)
class VersionFigures:
    submissions: int
    judged: int
    strict: int
    lenient: int
    requirements: Mapping[str, RequirementFigures]  # {} when the version has no checklist


@dataclass(frozen=True, slots=True)
class Adopted:
    repo: str
    name: str
    count: int


@dataclass(frozen=True)
class CommitFigures:
    at: At
    subject: str
    versions: Mapping[str, VersionFigures]  # every version present, oldest first
    overall: Mapping[str, Count]  # requirement -> summed over the versions having it
    adoption: tuple[Adopted, ...] | None = None  # most adopted first; None: not analysed
    extra: Mapping[str, Any] = field(default_factory=dict)

    @property
    def submissions(self) -> int:
        return sum(v.submissions for v in self.versions.values())

    @property
    def strict(self) -> int:
        return sum(v.strict for v in self.versions.values())

    @property
    def lenient(self) -> int:
        return sum(v.lenient for v in self.versions.values())

    @property
    def judged(self) -> int:
        return sum(v.judged for v in self.versions.values())

    def adopted(self, repo: str) -> int:
        for a in self.adoption or ():
            if a.repo == repo:
                return a.count
        return 0


def figures(at: At, subject: str, an: Analysis, adoption: tuple[Adopted, ...] | None = None) -> CommitFigures:
    versions: dict[str, VersionFigures] = {}
    for version, paths in an.inventory.by_version.items():
        verdicts = [an.verdicts[p] for p in paths if p in an.verdicts]
        reqs = {rid: RequirementFigures(t.level, t.counts) for rid, t in an.tallies.get(version, {}).items()}
        versions[version] = VersionFigures(
            submissions=len(paths),
            judged=sum(1 for v in verdicts if v.strict is not None),
            strict=len(an.conformant(version)),
            lenient=len(an.conformant(version, lenient=True)),
            requirements=reqs,
        )
    overall = {rid: Count(t.implemented, t.denominator) for rid, t in an.overall.items()}
    return CommitFigures(at, subject, versions, overall, adoption)
