"""Which certifications are current on a day, which lapse soon, which have lapsed, and
which vendors hold nothing current for the newest Kubernetes version."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from ..analysis import VendorGroups, fold_vendor
from ..model import version_key
from .certs import Certification


@dataclass(frozen=True)
class VendorStanding:
    key: str  # folded vendorName
    name: str  # the curated name, else the newest spelling
    current: tuple[str, ...]  # versions with a current certification, oldest first
    latest: Certification  # the vendor's most recent certification


@dataclass(frozen=True)
class Expiry:
    as_of: date
    within: int  # days
    newest_version: str | None
    current: tuple[Certification, ...]  # ordered by expiry
    expiring: tuple[Certification, ...]  # current, and expiring within `within` days
    expired: tuple[Certification, ...]  # lapsed (not withdrawn), most recent expiry first
    withdrawn: tuple[Certification, ...]
    without_newest: tuple[VendorStanding, ...]  # vendors with no current certification for newest_version
    groups: VendorGroups | None = None  # for the one display name of each vendor


@dataclass(frozen=True)
class PlatformLine:
    """One product of one vendor followed across Kubernetes versions (its folder name,
    case-folded): the program treats a platform as certified while any of its
    certifications is current."""

    vendor: str  # folded vendorName
    product: str  # folder name, case-folded
    platform: str  # platformName of its newest certification
    certifications: tuple[Certification, ...]  # main-line order
    current: tuple[str, ...]  # versions with a current certification

    @property
    def status(self) -> str:
        """"current" (something current), "lapsed" (certified once, nothing current now)."""
        return "current" if self.current else "lapsed"


def platform_lines(certifications: Iterable[Certification], as_of: date) -> tuple[PlatformLine, ...]:
    by_line: dict[tuple[str, str], list[Certification]] = {}
    for c in certifications:
        if c.status(as_of) == "pending":
            continue
        by_line.setdefault((fold_vendor(c.vendor), c.product.casefold()), []).append(c)
    out = []
    for (vendor, product), items in by_line.items():
        current = tuple(sorted({c.version for c in items if c.status(as_of) == "current"}, key=version_key))
        out.append(PlatformLine(vendor, product, items[-1].platform, tuple(items), current))
    out.sort(key=lambda p: (p.status != "current", p.platform.casefold(), p.product))
    return tuple(out)


def platform_status(c: Certification, as_of: date, lines: Iterable[PlatformLine]) -> str:
    """A certification seen from its platform: "current"; "renewed" (it expired or was
    withdrawn, and its platform holds a current certification for a newer version);
    "lapsed" (it is not current and neither is anything of its platform); "pending"."""
    own = c.status(as_of)
    if own in ("current", "pending"):
        return own
    for line in lines:
        if c in line.certifications:
            newer = [v for v in line.current if version_key(v) > version_key(c.version)]
            return "renewed" if newer else "lapsed"
    return "lapsed"


def current_paths(certifications: Iterable[Certification], as_of: date) -> set[str]:
    """The paths whose certification is current on `as_of`."""
    return {c.path for c in certifications if c.status(as_of) == "current"}


def expiry(certifications: Iterable[Certification], as_of: date, within: int,
           newest_version: str | None, groups: VendorGroups | None = None) -> Expiry:
    certs = [c for c in certifications if c.status(as_of) != "pending"]
    current = sorted((c for c in certs if c.status(as_of) == "current"), key=lambda c: (c.expires, c.path))
    expiring = tuple(c for c in current if c.days_left(as_of) <= within)
    expired = sorted((c for c in certs if c.status(as_of) == "expired"), key=lambda c: (c.expires, c.path),
                     reverse=True)
    withdrawn = tuple(c for c in certs if c.status(as_of) == "withdrawn")
    return Expiry(as_of, within, newest_version, tuple(current), expiring, tuple(expired), withdrawn,
                  _without_newest(certs, as_of, newest_version, groups or VendorGroups()), groups)


def _without_newest(certs: list[Certification], as_of: date, newest: str | None,
                    groups: VendorGroups) -> tuple[VendorStanding, ...]:
    if newest is None:
        return ()
    by_vendor: dict[str, list[Certification]] = {}
    for c in certs:
        key = fold_vendor(c.vendor)
        if key:
            by_vendor.setdefault(key, []).append(c)
    out = []
    for key, items in by_vendor.items():
        current = [c for c in items if c.status(as_of) == "current"]
        if any(c.version == newest for c in current):
            continue
        latest = items[-1]  # certifications come in main-line order
        curated = groups.curated(key)
        name = curated.name if curated and curated.name else latest.vendor
        versions = tuple(sorted({c.version for c in current}, key=version_key))
        out.append(VendorStanding(key, name, versions, latest))
    out.sort(key=lambda v: v.name.casefold())
    return tuple(out)
