"""Shared, memoised work of one report: the analysis every section draws on.

Sections call `analysis(ctx)` instead of recomputing; the vendor groups come from
`ctx.options["vendor_groups"]` (a VendorGroups, or a path), else the shipped file.
"""

from __future__ import annotations

from pathlib import Path

from ..analysis import Analysis, VendorGroups, analyse, load_vendor_groups
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
