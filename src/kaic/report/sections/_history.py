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
from ...source import GitRepo, GitSource, SourceError
from ..section import ReportContext
from ..shared import vendor_groups
from ._components import component_analysis


def _repo_and_commit(ctx: ReportContext) -> tuple[GitRepo, str] | None:
    reader = ctx.state.reader
    if isinstance(reader, GitSource):
        return reader.repo, reader.commit.oid
    info = ctx.state.source
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
