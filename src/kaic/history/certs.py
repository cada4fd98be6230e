"""Certifications from the main line: when each PRODUCT.yaml arrived, changed and left.

Pure: the input is one snapshot per main-line commit, oldest first — the commit and
the blob id of every `vX.Y/<product>/PRODUCT.yaml` in its tree. A submission is
*certified* by the first snapshot holding its path (the merge that brought it onto the
main line, whatever the dates of the pull request's own commits), *changed* by each
later snapshot where its blob differs, and *withdrawn* by the first snapshot without it.

A folder renamed in one commit keeps its history when the commit shows it is the same
submission: a path that left and a path that arrived in the same version, with the
same blob, or else the same vendor (and, among several, the same platform). A path
that comes back after a withdrawal starts a new certification.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from ..analysis import fold_vendor
from ..model import SUBMISSION_PATH
from .dates import day_of, one_year_after

Day = date  # `date` is also a field name below


@dataclass(frozen=True, slots=True)
class At:
    """A main-line commit and its date (ISO 8601, the committer's offset)."""

    commit: str
    date: str

    @property
    def day(self) -> Day:
        return day_of(self.date)

    def as_dict(self) -> dict[str, str]:
        return {"commit": self.commit, "date": self.date}


@dataclass(frozen=True, slots=True)
class Rename:
    path: str  # the path before the rename
    at: At


@dataclass(frozen=True, slots=True)
class Snapshot:
    at: At
    files: Mapping[str, str]  # PRODUCT.yaml path -> blob id


@dataclass(frozen=True, slots=True)
class Described:
    """What a blob says about itself: enough to name it and to match renames."""

    vendor: str = ""
    platform: str = ""


Describe = Callable[[str, str], Described]
"""(path, blob id) -> Described."""


@dataclass(frozen=True)
class Certification:
    path: str  # the current (or last) path
    version: str
    product: str
    vendor: str
    platform: str
    certified: At
    changes: tuple[At, ...] = ()
    withdrawn: At | None = None
    renamed_from: tuple[Rename, ...] = ()
    oid: str = ""  # the last blob

    @property
    def expires(self) -> date:
        """The first day the certification is no longer valid."""
        return one_year_after(self.certified.day)

    def status(self, as_of: date) -> str:
        """"pending" (not yet merged on that day), "withdrawn", "expired" or "current"."""
        if as_of < self.certified.day:
            return "pending"
        if self.withdrawn is not None and self.withdrawn.day <= as_of:
            return "withdrawn"
        if as_of >= self.expires:
            return "expired"
        return "current"

    def days_left(self, as_of: date) -> int:
        """Days from `as_of` to the expiry (negative once expired)."""
        return (self.expires - as_of).days

    @property
    def vendor_key(self) -> str:
        return fold_vendor(self.vendor)


@dataclass
class _Open:
    path: str
    certified: At
    oid: str
    seq: int  # index of the certifying snapshot: main-line order, whatever the offsets
    changes: list[At] = field(default_factory=list)
    renamed_from: list[Rename] = field(default_factory=list)


def _version_product(path: str) -> tuple[str, str]:
    m = SUBMISSION_PATH.match(path)
    return (m.group(1)[1:], m.group(2)) if m else ("", path)


def _renames(removed: list[str], added: list[str], before: Mapping[str, str], after: Mapping[str, str],
             describe: Describe) -> list[tuple[str, str]]:
    """(old, new) pairs among the paths that left and arrived in one commit."""
    pairs: list[tuple[str, str]] = []
    left = list(removed)
    arrived = list(added)
    for old in list(left):  # same blob, same version: a pure rename
        version = _version_product(old)[0]
        for new in arrived:
            if _version_product(new)[0] == version and after[new] == before[old]:
                pairs.append((old, new))
                left.remove(old)
                arrived.remove(new)
                break
    if not left or not arrived:
        return pairs
    info_old = {p: describe(p, before[p]) for p in left}
    info_new = {p: describe(p, after[p]) for p in arrived}

    def key(info: Described, path: str) -> tuple[str, str]:
        return _version_product(path)[0], fold_vendor(info.vendor)

    for old in list(left):
        version_vendor = key(info_old[old], old)
        if not version_vendor[1]:
            continue
        rivals = [o for o in left if key(info_old[o], o) == version_vendor]
        same = [n for n in arrived if key(info_new[n], n) == version_vendor]
        if len(rivals) > 1 or len(same) > 1:  # several products of one vendor: the platform decides
            platform = info_old[old].platform.casefold()
            rivals = [o for o in rivals if info_old[o].platform.casefold() == platform]
            same = [n for n in same if info_new[n].platform.casefold() == platform]
        if len(rivals) == 1 and len(same) == 1:
            pairs.append((old, same[0]))
            left.remove(old)
            arrived.remove(same[0])
    return pairs


def track(snapshots: Iterable[Snapshot], describe: Describe) -> list[Certification]:
    """Every certification the snapshots show, in main-line order of certification, then path."""
    open_: dict[str, _Open] = {}
    closed: list[tuple[_Open, At]] = []
    before: Mapping[str, str] = {}
    for seq, snap in enumerate(snapshots):
        after = snap.files
        removed = [p for p in before if p not in after]
        added = [p for p in after if p not in before]
        for old, new in _renames(removed, added, before, after, describe):
            rec = open_.pop(old)
            rec.renamed_from.append(Rename(old, snap.at))
            rec.changes.append(snap.at)
            rec.path, rec.oid = new, after[new]
            open_[new] = rec
            removed.remove(old)
            added.remove(new)
        for path in removed:
            closed.append((open_.pop(path), snap.at))
        for path in added:
            open_[path] = _Open(path, snap.at, after[path], seq)
        for path, oid in after.items():
            rec = open_[path]
            if rec.oid != oid:
                rec.changes.append(snap.at)
                rec.oid = oid
        before = after
    records: list[tuple[_Open, At | None]] = [*closed, *((rec, None) for rec in open_.values())]
    records.sort(key=lambda r: (r[0].seq, r[0].path))
    return [_certification(rec, withdrawn, describe) for rec, withdrawn in records]


def _certification(rec: _Open, withdrawn: At | None, describe: Describe) -> Certification:
    version, product = _version_product(rec.path)
    info = describe(rec.path, rec.oid)
    return Certification(
        path=rec.path,
        version=version,
        product=product,
        vendor=info.vendor,
        platform=info.platform,
        certified=rec.certified,
        changes=tuple(rec.changes),
        withdrawn=withdrawn,
        renamed_from=tuple(rec.renamed_from),
        oid=rec.oid,
    )
