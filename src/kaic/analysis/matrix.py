"""The implementation matrix: submission × requirement, per version.

Columns are the requirements of that version's checklist, in checklist order, with the
checklist's level. A version with no readable checklist gets the ids its submissions
answered, with an unknown level (""), so nothing a vendor wrote disappears.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..model import Checklist, Status, Submission

MISSING = "missing"
"""Cell value when the submission does not answer the requirement at all."""

CELL_VALUES: tuple[str, ...] = (
    Status.IMPLEMENTED.value,
    Status.PARTIAL.value,
    Status.NOT_IMPLEMENTED.value,
    Status.NA.value,
    Status.EMPTY.value,
    Status.OTHER.value,
    MISSING,
)
"""Every value a cell can take, in display order: normalized statuses, then "missing"."""

UNANSWERED: frozenset[str] = frozenset({Status.EMPTY.value, MISSING})


@dataclass(frozen=True, slots=True)
class Column:
    id: str
    category: str
    level: str  # the checklist's level in this version; "" when there is no checklist

    @property
    def is_must(self) -> bool:
        return self.level.upper() == "MUST"


@dataclass(frozen=True, slots=True)
class Row:
    path: str
    cells: Mapping[str, str]  # requirement id -> one of CELL_VALUES


@dataclass(frozen=True)
class VersionMatrix:
    version: str
    checklist: str | None  # path of the checklist, None when the version has none
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]

    def column(self, requirement_id: str) -> Column | None:
        for col in self.columns:
            if col.id == requirement_id:
                return col
        return None


def cell_values(sub: Submission, ids: Iterable[str]) -> dict[str, str]:
    """The normalized status of each id (first answer wins), or MISSING."""
    statuses = sub.statuses()
    return {rid: statuses[rid].value if rid in statuses else MISSING for rid in ids}


def _columns(checklist: Checklist | None, subs: Iterable[Submission]) -> tuple[Column, ...]:
    if checklist is not None and not checklist.error and checklist.requirements:
        seen: dict[str, Column] = {}
        for req in checklist.requirements:
            seen.setdefault(req.id, Column(req.id, req.category, req.level))
        return tuple(seen.values())
    answered: dict[str, Column] = {}
    for sub in subs:
        for answer in sub.answers:
            if answer.id:
                answered.setdefault(answer.id, Column(answer.id, answer.category, ""))
    return tuple(answered.values())


def version_matrix(version: str, checklist: Checklist | None,
                   submissions: Iterable[Submission]) -> VersionMatrix:
    subs = [s for s in submissions if s.version == version]
    columns = _columns(checklist, subs)
    ids = [c.id for c in columns]
    rows = tuple(Row(s.path, cell_values(s, ids)) for s in subs)
    usable = checklist is not None and not checklist.error and bool(checklist.requirements)
    return VersionMatrix(version, checklist.path if usable and checklist else None, columns, rows)


def matrices(versions: Iterable[str], checklists: Mapping[str, Checklist],
             submissions: Iterable[Submission]) -> dict[str, VersionMatrix]:
    """One matrix per version, in the order given."""
    subs = tuple(submissions)
    return {v: version_matrix(v, checklists.get(v), subs) for v in versions}
