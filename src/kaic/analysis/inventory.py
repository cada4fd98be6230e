"""What the repository holds: versions, submissions per version, vendors and platforms."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..model import Submission, version_key
from .groups import Group, VendorGroups
from .vendors import fold_platform, fold_vendor


@dataclass(frozen=True)
class Vendor:
    key: str  # folded vendorName; "" for submissions without one
    name: str  # the curated name, else the spelling of its newest submission
    spellings: tuple[str, ...]  # every vendorName as written
    group: Group
    curated: bool  # listed in the vendor-groups file
    submissions: tuple[str, ...]  # paths
    versions: tuple[str, ...]
    products: tuple[str, ...]  # folder names
    platforms: tuple[str, ...]  # platformName values


@dataclass(frozen=True)
class Platform:
    """One product of one vendor, followed across versions by its folder name."""

    vendor: str  # vendor key
    product: str  # folder name, as in the newest version
    name: str  # platformName in the newest version
    versions: tuple[str, ...]
    submissions: tuple[str, ...]


@dataclass(frozen=True)
class Inventory:
    versions: tuple[str, ...]  # every version with a checklist or a folder, oldest first
    checklist_versions: tuple[str, ...]
    version_dirs: tuple[str, ...]
    by_version: Mapping[str, tuple[str, ...]]  # version -> submission paths (every version present)
    vendors: tuple[Vendor, ...]  # ordered by group, then name
    vendor_of: Mapping[str, str]  # submission path -> vendor key
    platforms: tuple[Platform, ...]

    @property
    def submission_count(self) -> int:
        return sum(len(p) for p in self.by_version.values())

    @property
    def named_vendors(self) -> tuple[Vendor, ...]:
        """Vendors with a name: the distinct-vendor count leaves out blank vendorName."""
        return tuple(v for v in self.vendors if v.key)

    def vendor(self, key: str) -> Vendor | None:
        for v in self.vendors:
            if v.key == key:
                return v
        return None

    def vendor_for(self, path: str) -> Vendor | None:
        key = self.vendor_of.get(path)
        return self.vendor(key) if key is not None else None

    @property
    def multi_version_vendors(self) -> tuple[Vendor, ...]:
        return tuple(v for v in self.named_vendors if len(v.versions) > 1)

    @property
    def multi_version_platforms(self) -> tuple[Platform, ...]:
        return tuple(p for p in self.platforms if len(p.versions) > 1)

    def vendors_in(self, version: str) -> tuple[Vendor, ...]:
        return tuple(v for v in self.named_vendors if version in v.versions)


def _newest_first(subs: Iterable[Submission]) -> list[Submission]:
    return sorted(subs, key=lambda s: (version_key(s.version), s.path), reverse=True)


def _vendor(key: str, subs: list[Submission], groups: VendorGroups) -> Vendor:
    newest = _newest_first(subs)
    spellings = tuple(dict.fromkeys(s.vendor for s in newest if s.vendor))
    curated = groups.curated(key) if key else None
    name = curated.name if curated and curated.name else (spellings[0] if spellings else "")
    ordered = sorted(subs, key=lambda s: (version_key(s.version), s.path))
    return Vendor(
        key=key,
        name=name,
        spellings=spellings,
        group=groups.group_of(key) if key else groups.group_of(""),
        curated=curated is not None,
        submissions=tuple(s.path for s in ordered),
        versions=tuple(dict.fromkeys(s.version for s in ordered)),
        products=tuple(dict.fromkeys(s.product for s in ordered)),
        platforms=tuple(dict.fromkeys(s.platform for s in ordered if s.platform)),
    )


def inventory(versions: Iterable[str], checklist_versions: Iterable[str], version_dirs: Iterable[str],
              submissions: Iterable[Submission], groups: VendorGroups) -> Inventory:
    subs = tuple(submissions)
    all_versions = tuple(sorted({*versions, *(s.version for s in subs)}, key=version_key))
    by_version = {v: tuple(s.path for s in subs if s.version == v) for v in all_versions}

    by_vendor: dict[str, list[Submission]] = {}
    for s in subs:
        by_vendor.setdefault(fold_vendor(s.vendor), []).append(s)
    group_rank = {g.id: i for i, g in enumerate(groups.ordered)}
    vendors = sorted((_vendor(k, v, groups) for k, v in by_vendor.items()),
                     key=lambda v: (not v.key, group_rank.get(v.group.id, len(group_rank)), v.name.casefold(), v.key))
    vendor_of = {s.path: fold_vendor(s.vendor) for s in subs}

    by_platform: dict[tuple[str, str], list[Submission]] = {}
    for s in subs:
        by_platform.setdefault((vendor_of[s.path], s.product.casefold()), []).append(s)
    platforms = []
    for (vkey, _), items in by_platform.items():
        newest = _newest_first(items)[0]
        ordered = sorted(items, key=lambda s: (version_key(s.version), s.path))
        platforms.append(Platform(vkey, newest.product, newest.platform or fold_platform(newest.product),
                                  tuple(dict.fromkeys(s.version for s in ordered)),
                                  tuple(s.path for s in ordered)))
    platforms.sort(key=lambda p: (p.vendor, p.product.casefold()))
    return Inventory(
        versions=all_versions,
        checklist_versions=tuple(sorted(checklist_versions, key=version_key)),
        version_dirs=tuple(sorted(version_dirs, key=version_key)),
        by_version=by_version,
        vendors=tuple(vendors),
        vendor_of=vendor_of,
        platforms=tuple(platforms),
    )


def count_by_version(inv: Inventory, paths: Iterable[str]) -> dict[str, int]:
    """How many of `paths` fall in each version (every version listed, zeros kept)."""
    chosen = set(paths)
    return {v: sum(1 for p in members if p in chosen) for v, members in inv.by_version.items()}
