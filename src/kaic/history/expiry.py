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
