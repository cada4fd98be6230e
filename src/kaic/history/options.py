"""What a history walk is asked for (a light module: the command line reads it before
deciding whether anything needs walking)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..analysis import VendorGroups
    from ..components.analysis import ComponentAnalysis
    from ..components.catalog import Catalog
    from ..load import RepoState


@dataclass(frozen=True)
class HistoryOptions:
    ref: str = "HEAD"
    first_parent: bool = True  # walk the main line only (certifications always use it)
    since: date | None = None  # per-commit figures from this day
    until: date | None = None  # ... to this day
    as_of: date | None = None  # the day statuses are judged on; also bounds the walk
    figures: bool = True  # load and analyse each walked commit (False: certifications only)
    components: bool = True  # count component adoption at each commit
    groups: VendorGroups | None = None
    catalog: Catalog | None = None
    known: tuple[RepoState, ComponentAnalysis] | None = None  # a component analysis already made (reused)
