"""Shared by the timeline and trends sections: the repository's history, walked once per
report, up to the commit the report reads.

The history needs git: a report read from a git commit (a bundle, a URL, `--ref`) or
from a checkout walks the main line up to that commit; a folder without git (the
bundled sample) has no history, and both sections are left out. `ctx.options`:
`history` (False: leave them out), `as_of` (a date or YYYY-MM-DD: the day statuses are
judged on; default today), `expiry_within` (days, default 90), `trend_top` (projects).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ...history import History, HistoryOptions, build_history, parse_day
from ...load import RepoState
from ...source import GitRepo, GitSource, Source, SourceError
from ..section import ReportContext
from ..shared import vendor_groups
from ._components import component_analysis


def _repo_and_commit(ctx: ReportContext) -> tuple[GitRepo, str] | None:
    return repo_and_commit(ctx.state)


def repo_and_commit(state: RepoState) -> tuple[GitRepo, str] | None:
    """The git repository and commit a state was read from, if it has history."""
    reader = state.reader
    if isinstance(reader, GitSource):
        return reader.repo, reader.commit.oid
    info = state.source
    if info.kind == "directory" and info.commit:
        root = Path(info.location)
        if (root / ".git").exists():
            return GitRepo(root, info.location), info.commit
    return None


def as_of(ctx: ReportContext) -> date | None:
    chosen = ctx.options.get("as_of")
    if isinstance(chosen, date):
        return chosen
    return parse_day(str(chosen)) if chosen else None


def history(ctx: ReportContext, *, figures: bool = True) -> History | None:
    """The history up to the report's commit, or None when there is none to walk.

    One walk per report serves every section: the timeline reads its certifications,
    the trends its per-commit figures. `figures` is kept for callers that only need
    the certifications; they get the same walk (made once, with the figures).
    """

    def compute() -> History | None:
        if ctx.options.get("history") is False:
            return None
        found = _repo_and_commit(ctx)
        if found is None:
            return None
        repo, commit = found
        known = (ctx.state, component_analysis(ctx))  # the report's own analysis, reused
        options = HistoryOptions(ref=commit, as_of=as_of(ctx), groups=vendor_groups(ctx), known=known)
        try:
            return build_history(repo, options)
        except SourceError:
            return None

    return ctx.memo("history_walk", compute)


def within(ctx: ReportContext) -> int:
    return int(ctx.options.get("expiry_within", 90))


def older_state_day(reader: Source | None) -> tuple[date, str] | None:
    """When the source reads a git commit older than the repository's HEAD: that commit's
    day and why it is the default `--as-of` (a report of an older state judges statuses
    as they were then, not today)."""
    if not isinstance(reader, GitSource):
        return None
    try:
        head = reader.repo.resolve("HEAD")
    except SourceError:
        return None
    if head.oid == reader.commit.oid:
        return None
    day = parse_day(reader.commit.date[:10])
    return day, (f"the date of commit {reader.commit.oid[:12]}, the older state --ref names; "
                 "pass --as-of to judge on another day")
