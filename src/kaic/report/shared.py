"""Shared, memoised work of one report: the analysis every section draws on.

Sections call `analysis(ctx)` instead of recomputing; the vendor groups come from
`ctx.options["vendor_groups"]` (a VendorGroups, or a path), else the shipped file.
"""

from __future__ import annotations

from pathlib import Path

from ..analysis import Analysis, VendorGroups, analyse, load_vendor_groups
from ..model import Submission
from .section import ReportContext


def vendor_groups(ctx: ReportContext) -> VendorGroups:
    def load() -> VendorGroups:
        chosen = ctx.options.get("vendor_groups")
        if isinstance(chosen, VendorGroups):
            return chosen
        return load_vendor_groups(Path(chosen) if chosen else None)

    return ctx.memo("vendor_groups", load)


def analysis(ctx: ReportContext) -> Analysis:
    return ctx.memo("analysis", lambda: analyse(ctx.state, vendor_groups(ctx)))


def vendor_name(ctx: ReportContext, sub: Submission) -> str:
    """The one name every table uses for the vendor of `sub`: the curated name when the
    vendor groups list it, else the spelling of its newest submission (see inventory)."""
    vendor = analysis(ctx).inventory.vendor_for(sub.path)
    return vendor.name if vendor is not None and vendor.name else sub.vendor
