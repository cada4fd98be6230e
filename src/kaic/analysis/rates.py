"""Status counts and rates per requirement, per version and over all versions.

The denominator of a requirement is the number of submissions whose checklist has that
requirement: a v1.33 submission does not count against a requirement that only v1.35
has, and a submission that leaves a requirement of its checklist out counts as
"missing". Versions without a checklist add nothing to the rates.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ..model import Status
from .matrix import CELL_VALUES, UNANSWERED, VersionMatrix


@dataclass(frozen=True)
class Tally:
    """Which submissions gave which status for one requirement."""

    id: str
    category: str
    paths: Mapping[str, tuple[str, ...]]  # cell value -> submission paths, every CELL_VALUE present

    @property
    def denominator(self) -> int:
        return sum(len(p) for p in self.paths.values())

    def count(self, value: str) -> int:
        return len(self.paths.get(value, ()))

    @property
    def counts(self) -> dict[str, int]:
        return {value: len(paths) for value, paths in self.paths.items()}

    @property
    def implemented(self) -> int:
        return self.count(Status.IMPLEMENTED.value)

    @property
    def unanswered(self) -> int:
        return sum(self.count(v) for v in UNANSWERED)

    @property
    def rate(self) -> float | None:
        """Implemented / denominator; None when no submission has the requirement."""
        return self.implemented / self.denominator if self.denominator else None


@dataclass(frozen=True)
class VersionTally(Tally):
    version: str = ""
    level: str = ""


@dataclass(frozen=True)
class OverallTally(Tally):
    levels: Mapping[str, str] = field(default_factory=dict)  # version -> level, for versions having it


def _empty() -> dict[str, list[str]]:
    return {value: [] for value in CELL_VALUES}


def version_tallies(matrix: VersionMatrix) -> dict[str, VersionTally]:
    """Per requirement of the version's checklist; {} when the version has no checklist."""
    if matrix.checklist is None:
        return {}
    out: dict[str, VersionTally] = {}
    for col in matrix.columns:
        buckets = _empty()
        for row in matrix.rows:
            buckets[row.cells[col.id]].append(row.path)
        out[col.id] = VersionTally(col.id, col.category, {k: tuple(v) for k, v in buckets.items()},
                                   version=matrix.version, level=col.level)
    return out


def overall_tallies(per_version: Mapping[str, Mapping[str, VersionTally]]) -> dict[str, OverallTally]:
    """Each requirement summed over the versions whose checklist has it.

    Order: requirements as listed by the newest checklist, then those only older
    checklists have (newest first).
    """
    order: list[str] = []
    for version in reversed(list(per_version)):
        for rid in per_version[version]:
            if rid not in order:
                order.append(rid)
    out: dict[str, OverallTally] = {}
    for rid in order:
        buckets = _empty()
        levels: dict[str, str] = {}
        category = ""
        for version, tallies in per_version.items():
            tally = tallies.get(rid)
            if tally is None:
                continue
            levels[version] = tally.level
            category = tally.category
            for value, paths in tally.paths.items():
                buckets[value].extend(paths)
        out[rid] = OverallTally(rid, category, {k: tuple(v) for k, v in buckets.items()}, levels=levels)
    return out


def tallies(matrices: Iterable[VersionMatrix]) -> dict[str, dict[str, VersionTally]]:
    return {m.version: version_tallies(m) for m in matrices}
