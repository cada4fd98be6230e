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
from .expiry import Expiry, VendorStanding, expiry
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
    "Progress",
    "Rename",
    "Snapshot",
    "Step",
    "Trends",
    "VendorStanding",
    "VersionFigures",
    "bounded",
    "build_history",
    "expiry",
    "figures",
    "main_line",
    "one_year_after",
    "pace",
    "parse_day",
    "parse_within",
    "track",
    "trends",
    "walk",
]
