"""The program over time: a walk over the main line, certification dates, expiry, trends.

- `build_history(repo, HistoryOptions)` walks the commits (first parent by default),
  loading each through the source layer with one shared parse cache, and returns the
  per-commit figures (from `kaic.analysis` and `kaic.components`) and the
  certifications (`certs.track`);
- `expiry(...)` and `trends(...)` are pure views of that;
- `data` turns them into the JSON documents, `markdown` into Markdown and text.
"""

from .build import History, HistoryOptions, build_history, main_line
from .certs import At, Certification, Described, Rename, Snapshot, track
from .dates import DateError, one_year_after, parse_day, parse_within
from .expiry import (
    Expiry,
    PlatformLine,
    VendorStanding,
    current_paths,
    expiry,
    platform_lines,
    platform_status,
)
from .figures import Adopted, CommitFigures, Count, VersionFigures, figures
from .trends import Milestone, Pace, Trends, pace, trends
from .walk import Progress, Step, bounded, walk

__all__ = [
    "Adopted",
    "At",
    "Certification",
    "CommitFigures",
    "Count",
    "DateError",
    "Described",
    "Expiry",
    "History",
    "HistoryOptions",
    "Milestone",
    "Pace",
    "PlatformLine",
    "Progress",
    "Rename",
    "Snapshot",
    "Step",
    "Trends",
    "VendorStanding",
    "VersionFigures",
    "bounded",
    "build_history",
    "current_paths",
    "expiry",
    "figures",
    "main_line",
    "one_year_after",
    "pace",
    "parse_day",
    "parse_within",
    "platform_lines",
    "platform_status",
    "track",
    "trends",
    "walk",
]
