"""How the requirements changed from one checklist version to the next.

Read from `docs/AIConformance-X.Y.yaml` only: a requirement is added when a version's
checklist has an id the previous one lacks, dropped in the reverse case, raised or
lowered when its level moves between SHOULD and MUST, moved when its category changes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..model import Checklist

_RANK = {"MAY": 0, "SHOULD": 1, "MUST": 2}


@dataclass(frozen=True, slots=True)
class Change:
    version: str  # the version where the change shows
    previous: str | None  # the version compared with (None for the first checklist)
    requirement: str
    kind: str  # "initial" | "added" | "dropped" | "raised" | "lowered" | "level-changed" | "moved"
    before: str | None = None  # level (or category, for "moved") before
    after: str | None = None


@dataclass(frozen=True)
class RequirementHistory:
    versions: tuple[str, ...]  # checklist versions compared, oldest first
    levels: Mapping[str, Mapping[str, str | None]]  # id -> version -> level (None: absent)
    categories: Mapping[str, str]  # id -> category in the newest checklist that has it
    changes: tuple[Change, ...]
    unreadable: tuple[str, ...] = ()  # versions whose checklist could not be parsed

    def changes_in(self, version: str) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.version == version)


def _level_change(before: str, after: str) -> str:
    b, a = _RANK.get(before.upper()), _RANK.get(after.upper())
    if b is None or a is None:
        return "level-changed"
    return "raised" if a > b else "lowered"


def requirement_history(checklists: Mapping[str, Checklist]) -> RequirementHistory:
    """`checklists` ordered oldest first (as RepoState.checklists is)."""
    usable = [c for c in checklists.values() if not c.error]
    unreadable = tuple(c.version for c in checklists.values() if c.error)
    versions = tuple(c.version for c in usable)
    order: list[str] = []
    categories: dict[str, str] = {}
    for checklist in usable:
        for req in checklist.requirements:
            if req.id not in order:
                order.append(req.id)
            categories[req.id] = req.category
    levels: dict[str, dict[str, str | None]] = {rid: {} for rid in order}
    for checklist in usable:
        present = {r.id: r for r in reversed(checklist.requirements)}  # first occurrence wins
        for rid in order:
            levels[rid][checklist.version] = present[rid].level if rid in present else None

    changes: list[Change] = []
    previous: Checklist | None = None
    for checklist in usable:
        now = {r.id: r for r in reversed(checklist.requirements)}
        if previous is None:
            changes.extend(Change(checklist.version, None, r.id, "initial", None, r.level)
                           for r in checklist.requirements if now[r.id] is r)
        else:
            before = {r.id: r for r in reversed(previous.requirements)}
            for rid in order:
                old, new = before.get(rid), now.get(rid)
                if old is None and new is not None:
                    changes.append(Change(checklist.version, previous.version, rid, "added", None, new.level))
                elif old is not None and new is None:
                    changes.append(Change(checklist.version, previous.version, rid, "dropped", old.level, None))
                elif old is not None and new is not None:
                    if old.level.upper() != new.level.upper():
                        changes.append(Change(checklist.version, previous.version, rid,
                                              _level_change(old.level, new.level), old.level, new.level))
                    if old.category != new.category:
                        changes.append(Change(checklist.version, previous.version, rid, "moved",
                                              old.category, new.category))
        previous = checklist
    return RequirementHistory(versions, levels, categories, tuple(changes), unreadable)
