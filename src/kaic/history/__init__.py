"""The program over time: a walk over the main line, certification dates, expiry, trends.

- `build_history(repo, HistoryOptions)` walks the commits (first parent by default),
  loading each through the source layer with one shared parse cache, and returns the
  per-commit figures (from `kaic.analysis` and `kaic.components`) and the
  certifications (`certs.track`);
- `expiry.expiry(...)` and `trends.trends(...)` are pure views of that;
- `data` turns them into the JSON documents, `markdown` into Markdown and text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import exports

if TYPE_CHECKING:
    from .build import History, HistoryOptions, build_history, main_line
    from .certs import At, Certification, Described, Rename, Snapshot, track
    from .dates import DateError, one_year_after, parse_day, parse_within
    from .expiry import (
        Expiry,
        PlatformLine,
        VendorStanding,
        current_paths,
        platform_lines,
        platform_status,
    )
    from .figures import Adopted, CommitFigures, Count, VersionFigures
    from .trends import Milestone, Pace, Trends, pace
    from .walk import Progress, Step, bounded

# Loaded on first use: the walk does not load the views (expiry, trends) and back.
# `expiry`, `figures`, `trends` and `walk` are modules: import those functions from them.
__getattr__, __dir__ = exports(__name__, {
    "History": "build",
    "HistoryOptions": "build",
    "build_history": "build",
    "main_line": "build",
    "At": "certs",
    "Certification": "certs",
    "Described": "certs",
    "Rename": "certs",
    "Snapshot": "certs",
    "track": "certs",
    "DateError": "dates",
    "one_year_after": "dates",
    "parse_day": "dates",
    "parse_within": "dates",
    "Expiry": "expiry",
    "PlatformLine": "expiry",
    "VendorStanding": "expiry",
    "current_paths": "expiry",
    "platform_lines": "expiry",
    "platform_status": "expiry",
    "Adopted": "figures",
    "CommitFigures": "figures",
    "Count": "figures",
    "VersionFigures": "figures",
    "Milestone": "trends",
    "Pace": "trends",
    "Trends": "trends",
    "pace": "trends",
    "Progress": "walk",
    "Step": "walk",
    "bounded": "walk",
})

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
    "main_line",
    "one_year_after",
    "pace",
    "parse_day",
    "parse_within",
    "platform_lines",
    "platform_status",
    "track",
]
