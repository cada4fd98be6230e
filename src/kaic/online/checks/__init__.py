"""The online checks, one module each, documented like rules and registered here only."""

from __future__ import annotations

from . import (
    k8s_conformance_missing,
    k8s_conformance_version,
    link_broken,
    link_unverified,
    logo_content,
    vendor_not_member,
    vendor_unchecked,
)
from ._api import Facts, OnlineRule

_MODULES = (
    link_broken,
    link_unverified,
    vendor_not_member,
    vendor_unchecked,
    k8s_conformance_version,
    k8s_conformance_missing,
    logo_content,
)

ONLINE_RULES: dict[str, OnlineRule] = {r.id: r for r in map(OnlineRule.from_module, _MODULES)}

__all__ = ["ONLINE_RULES", "Facts", "OnlineRule"]
