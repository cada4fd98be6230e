"""Pure aggregation over one repository state: inventory, matrix, rates, conformance, history.

Nothing here reads files or prints: give it a RepoState (and vendor groups) and it
returns typed, immutable results the report sections turn into data.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .._lazy import exports

if TYPE_CHECKING:
    from ..load import RepoState
    from .conformance import LENIENT_RULE, STRICT_RULE, Shortfall, Verdict, verdict, verdicts
    from .groups import (
        UNCLASSIFIED,
        Group,
        VendorGroups,
        VendorGroupsError,
        load_vendor_groups,
        parse_vendor_groups,
    )
    from .history import Change, RequirementHistory, requirement_history
    from .inventory import Inventory, Platform, Vendor, count_by_version, inventory
    from .matrix import (
        CELL_VALUES,
        MISSING,
        UNANSWERED,
        Column,
        Row,
        VersionMatrix,
        cell_values,
        matrices,
    )
    from .rates import OverallTally, Tally, VersionTally, overall_tallies, tallies
    from .vendors import fold_platform, fold_vendor

# Loaded on first use: reading vendor groups does not load every aggregation.
__getattr__, __dir__ = exports(__name__, {
    "LENIENT_RULE": "conformance",
    "STRICT_RULE": "conformance",
    "Shortfall": "conformance",
    "Verdict": "conformance",
    "verdict": "conformance",
    "verdicts": "conformance",
    "UNCLASSIFIED": "groups",
    "Group": "groups",
    "VendorGroups": "groups",
    "VendorGroupsError": "groups",
    "load_vendor_groups": "groups",
    "parse_vendor_groups": "groups",
    "Change": "history",
    "RequirementHistory": "history",
    "requirement_history": "history",
    "Inventory": "inventory",
    "Platform": "inventory",
    "Vendor": "inventory",
    "count_by_version": "inventory",
    "CELL_VALUES": "matrix",
    "MISSING": "matrix",
    "UNANSWERED": "matrix",
    "Column": "matrix",
    "Row": "matrix",
    "VersionMatrix": "matrix",
    "cell_values": "matrix",
    "matrices": "matrix",
    "OverallTally": "rates",
    "Tally": "rates",
    "VersionTally": "rates",
    "overall_tallies": "rates",
    "tallies": "rates",
    "fold_platform": "vendors",
    "fold_vendor": "vendors",
})


@dataclass(frozen=True)
class Analysis:
    inventory: Inventory
    matrices: dict[str, VersionMatrix]  # every version, oldest first
    tallies: dict[str, dict[str, VersionTally]]  # version -> requirement -> tally ({} without checklist)
    overall: dict[str, OverallTally]  # requirement -> tally over the versions having it
    verdicts: dict[str, Verdict]  # submission path -> full conformance
    history: RequirementHistory

    def conformant(self, version: str | None = None, *, lenient: bool = False) -> tuple[str, ...]:
        """Paths of fully conformant submissions (in one version, or all)."""
        out = []
        for path, v in self.verdicts.items():
            if version is not None and v.version != version:
                continue
            if (v.lenient if lenient else v.strict) is True:
                out.append(path)
        return tuple(out)


def analyse(state: RepoState, groups: VendorGroups | None = None) -> Analysis:
    from .conformance import verdicts
    from .groups import VendorGroups
    from .history import requirement_history
    from .inventory import inventory
    from .matrix import matrices
    from .rates import overall_tallies, tallies

    groups = groups or VendorGroups()
    inv = inventory(state.versions, state.checklists, state.version_dirs, state.submissions, groups)
    mats = matrices(inv.versions, state.checklists, state.submissions)
    per_version = tallies(mats.values())
    return Analysis(
        inventory=inv,
        matrices=mats,
        tallies=per_version,
        overall=overall_tallies(per_version),
        verdicts=verdicts(state.submissions, state.checklists),
        history=requirement_history(state.checklists),
    )


__all__ = [
    "CELL_VALUES",
    "LENIENT_RULE",
    "MISSING",
    "STRICT_RULE",
    "UNANSWERED",
    "UNCLASSIFIED",
    "Analysis",
    "Change",
    "Column",
    "Group",
    "Inventory",
    "OverallTally",
    "Platform",
    "RequirementHistory",
    "Row",
    "Shortfall",
    "Tally",
    "Vendor",
    "VendorGroups",
    "VendorGroupsError",
    "Verdict",
    "VersionMatrix",
    "VersionTally",
    "analyse",
    "cell_values",
    "count_by_version",
    "fold_platform",
    "fold_vendor",
    "inventory",
    "load_vendor_groups",
    "matrices",
    "overall_tallies",
    "parse_vendor_groups",
    "requirement_history",
    "tallies",
    "verdict",
    "verdicts",
]
