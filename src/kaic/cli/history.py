"""`kaic history`: the main line walked commit by commit — certification dates, later
changes, expiry, withdrawals, per-commit figures and trends, as JSON or Markdown."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from . import app
from ._common import (
    OPTIONS,
    NoCacheOpt,
    OutOpt,
    SourceOpt,
    check_format,
    emit,
    fail,
    format_option,
    note,
    result_cache,
)

if TYPE_CHECKING:
    from ..analysis import VendorGroups
    from ..history import History, HistoryOptions
    from ..source import GitRepo

HISTORY_FORMATS = ("text", "md", "json")

RefArg = Annotated[str, typer.Option("--ref", "-r", help="The commit, branch or tag whose main line is walked.")]
AsOfOpt = Annotated[str | None, typer.Option(
    "--as-of", help="YYYY-MM-DD: what was current on that day (later commits are ignored). Default: today.")]
GroupsOpt = Annotated[Path | None, typer.Option("--vendor-groups", help="A vendor-groups YAML file instead of kaic's own.")]


def day_or_fail(text: str | None, option: str) -> date | None:
    from ..history import DateError, parse_day

    if text is None:
        return None
    try:
        return parse_day(text)
    except DateError as exc:
        fail(f"{option}: {exc}")


def run_history(source: str | None, options: HistoryOptions, repo: GitRepo | None = None) -> History:
    """Open the repository (unless given) and walk it, with a progress bar on a terminal."""
    from ..history import build_history
    from ..history.progress import progress_bar
    from ..source import SourceError, open_repo

    try:
        repo = repo or open_repo(source)
        repo.refuse_shallow("the history (certification dates, expiry, timeline)")
        note(f"reading {repo.location} (git, the main line up to {options.ref})")
        if repo.stale:
            note(f"warning: {repo.stale}")
        with progress_bar(enabled=not OPTIONS.quiet) as progress:
            return build_history(repo, options, progress=progress)
    except SourceError as exc:
        fail(exc.message, exc.hint)


def groups_or_fail(path: Path | None) -> VendorGroups:
    from ..analysis import VendorGroupsError, load_vendor_groups

    try:
        return load_vendor_groups(path)
    except VendorGroupsError as exc:
        fail(str(exc))


@app.command("history")
def history_cmd(
    source: SourceOpt = None,
    ref: RefArg = "HEAD",
    since: Annotated[str | None, typer.Option("--since", help="YYYY-MM-DD: per-commit figures from this day.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="YYYY-MM-DD: ... up to this day (inclusive).")] = None,
    as_of: AsOfOpt = None,
    all_commits: Annotated[bool, typer.Option(
        "--all-commits", help="Figures for every commit, not only the main line's first parents.")] = False,
    components: Annotated[bool, typer.Option(
        "--components/--no-components", help="Count component adoption at each commit.")] = True,
    top: Annotated[int, typer.Option("--top", min=1, help="Projects shown in the adoption trend.")] = 8,
    fmt: Annotated[str, format_option(HISTORY_FORMATS, "text")] = "text",
    out: OutOpt = None,
    vendor_groups: GroupsOpt = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Text: list every commit walked.")] = False,
    no_cache: NoCacheOpt = False,
) -> None:
    """Walk the history: when each submission was certified (the merge that brought it onto
    the main line), its later changes, expiry and withdrawal, figures per commit, trends.
    Text (default) for a terminal, Markdown, or JSON. Exit 0; 2: usage or source error."""
    with result_cache(no_cache):
        _history(source, ref, since, until, as_of, all_commits, components, top, fmt, out, vendor_groups, verbose)


def _history(source: str | None, ref: str, since: str | None, until: str | None, as_of: str | None,
             all_commits: bool, components: bool, top: int, fmt: str, out: Path | None,
             vendor_groups: Path | None, verbose: bool) -> None:
    from ..cache import kept
    from ..source import SourceError, open_repo

    fmt = check_format(fmt, HISTORY_FORMATS)
    try:
        repo = open_repo(source)
        repo.refuse_shallow("the history (certification dates, expiry, timeline)")
        head = repo.resolve(ref)
    except SourceError as exc:
        fail(exc.message, exc.hint)

    def make() -> str:
        from ..history import HistoryOptions
        from ..history.data import history_data
        from ..history.markdown import history_md, history_text

        options = HistoryOptions(ref=ref, first_parent=not all_commits, since=day_or_fail(since, "--since"),
                                 until=day_or_fail(until, "--until"), as_of=day_or_fail(as_of, "--as-of"),
                                 components=components, groups=groups_or_fail(vendor_groups))
        data = history_data(run_history(source, options, repo), top=top)
        if fmt == "json":
            from ..channels import json_text

            return json_text(data, indent=1) + "\n"
        if fmt == "md":
            return history_md(data)
        return history_text(data, verbose)

    # The history up to a commit never changes: the output is kept by the commit, the
    # options as given (no day: today), the vendor-groups file's bytes and the format.
    groups = _file_digest(vendor_groups) if vendor_groups is not None else "shipped"
    inputs = (repo.location, head.oid, ref, since, until, as_of or date.today().isoformat(), all_commits,
              components, groups, top, fmt, verbose)
    emit(kept("history-output", inputs, make) if groups is not None else make(), out)


def _file_digest(path: Path) -> str | None:
    import hashlib

    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None  # not kept: reading it again reports the error
