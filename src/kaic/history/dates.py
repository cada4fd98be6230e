"""Days and durations as kaic's history commands take and give them.

Commit dates are ISO 8601 with the committer's offset (`2025-10-30T19:02:13-05:00`);
a commit's *day* is its calendar date in that offset, as `git log` prints it. The
program's terms make a certification valid for one year from the day its pull request
is merged: it `expires` on the same calendar day a year later (the first day it is no
longer valid; 29 February rolls to 1 March).
"""

from __future__ import annotations

import re
from datetime import date, datetime

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SPAN = re.compile(r"^\s*(\d+)\s*([dwy]?)\s*$", re.I)
_UNIT_DAYS = {"": 1, "d": 1, "w": 7, "y": 365}


class DateError(ValueError):
    """A date or duration the user typed cannot be read."""


def parse_day(text: str) -> date:
    """`2026-10-01` -> date; anything else raises DateError."""
    value = text.strip()
    if not _DAY.match(value):
        raise DateError(f"not a date: {text!r} (expected YYYY-MM-DD)")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise DateError(f"not a date: {text!r}") from None


def parse_within(text: str) -> int:
    """`90d`, `12w`, `1y` or `30` -> a number of days."""
    m = _SPAN.match(text)
    if not m:
        raise DateError(f"not a duration: {text!r} (expected e.g. 90d, 12w or 1y)")
    return int(m.group(1)) * _UNIT_DAYS[m.group(2).lower()]


def day_of(iso: str) -> date:
    """The calendar day of an ISO 8601 commit date, in the committer's own offset
    (a year past 9999 is the last day Python holds)."""
    try:
        return date.fromisoformat(iso[:10])
    except ValueError:
        year = iso.split("-", 1)[0]
        return date.max if year.isdigit() and int(year) > date.max.year else date.min


def instant(iso: str) -> datetime:
    """An ISO 8601 commit date as an aware datetime (`Z` accepted)."""
    return datetime.fromisoformat(iso.replace("Z", "+00:00"))


def one_year_after(day: date) -> date:
    """The same calendar day a year later; the last day Python holds if that is past 9999."""
    if day.year >= date.max.year:
        return date.max
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return date(day.year + 1, 3, 1)
