"""When the product or vendor was certified before: which submission, and what changed.

The earlier submission is looked for on the base, in this order: the same folder (the
pull request updates a submission), the same product folder name in another version
(the newest), then the same vendor (the newest, preferring the same platform name).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..analysis.vendors import fold_vendor
from ..model import Submission, version_key


@dataclass(frozen=True)
class Change:
    requirement: str
    old: str | None  # None: not in that file
    new: str | None


@dataclass(frozen=True)
class Previous:
    path: str  # the earlier submission's PRODUCT.yaml
    relation: str  # "same folder" | "same product" | "same vendor"
    statuses: tuple[Change, ...] = ()
    evidence_added: tuple[tuple[str, str], ...] = ()  # (requirement, evidence)
    evidence_removed: tuple[tuple[str, str], ...] = ()
    notes: tuple[str, ...] = ()  # requirements whose notes changed
    metadata: tuple[Change, ...] = field(default_factory=tuple)  # field name in `requirement`

    @property
    def unchanged(self) -> bool:
        return not (self.statuses or self.evidence_added or self.evidence_removed or self.notes or self.metadata)

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "relation": self.relation,
            "statuses": [{"requirement": c.requirement, "old": c.old, "new": c.new} for c in self.statuses],
            "evidence": {"added": [{"requirement": r, "evidence": e} for r, e in self.evidence_added],
                         "removed": [{"requirement": r, "evidence": e} for r, e in self.evidence_removed]},
            "notes": list(self.notes),
            "metadata": [{"field": c.requirement, "old": c.old, "new": c.new} for c in self.metadata],
        }


def find_previous(sub: Submission, candidates: tuple[Submission, ...]) -> tuple[Submission, str] | None:
    """The earlier submission `sub` is best compared with, and how they are related."""
    others = [c for c in candidates if c.parsed]
    for c in others:
        if c.path == sub.path:
            return c, "same folder"
    newest = sorted(others, key=lambda c: version_key(c.version), reverse=True)
    for c in newest:
        if c.product == sub.product:
            return c, "same product"
    vendor = fold_vendor(sub.vendor)
    if not vendor:
        return None
    same_vendor = [c for c in newest if fold_vendor(c.vendor) == vendor]
    same_platform = [c for c in same_vendor if c.platform.casefold() == sub.platform.casefold()]
    for c in (*same_platform, *same_vendor):
        return c, "same vendor"
    return None


def compare(old: Submission, new: Submission, relation: str) -> Previous:
    old_answers = {a.id: a for a in old.answered}
    new_answers = {a.id: a for a in new.answered}
    ids = list(dict.fromkeys([*new_answers, *old_answers]))
    statuses, added, removed, notes = [], [], [], []
    for rid in ids:
        a, b = old_answers.get(rid), new_answers.get(rid)
        before = a.status_raw.strip() if a else None
        after = b.status_raw.strip() if b else None
        if before != after:
            statuses.append(Change(rid, before, after))
        old_ev = [e.raw.strip() for e in a.evidence] if a else []
        new_ev = [e.raw.strip() for e in b.evidence] if b else []
        added += [(rid, e) for e in new_ev if e not in old_ev]
        removed += [(rid, e) for e in old_ev if e not in new_ev]
        if a and b and " ".join(a.notes.split()) != " ".join(b.notes.split()):
            notes.append(rid)
    metadata = []
    for name in dict.fromkeys([*new.metadata, *old.metadata]):
        before, after = old.meta(name) or None, new.meta(name) or None
        if before != after:
            metadata.append(Change(name, before, after))
    return Previous(old.path, relation, tuple(statuses), tuple(added), tuple(removed), tuple(notes),
                    tuple(metadata))
