"""A repository's history: per-commit figures, certifications, and the day they are read on.

`build_history` is the one entry point the commands and the report sections call. It
reads git through `GitRepo` only; everything after the walk is pure.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from dataclasses import replace as dc_replace
from datetime import date

from ..analysis import VendorGroups, analyse
from ..cache import active, digest_of
from ..components.analysis import analysis_fingerprint
from ..load import ParseCache
from ..model import CHECKLIST_PATH, Submission, parse_submission, version_key
from ..source import Commit, GitRepo, ReadRefused
from .adoption import AdoptionCounter
from .certs import At, Certification, Described, Snapshot, track
from .figures import CommitFigures, figures
from .options import HistoryOptions
from .trees import TreeReader
from .walk import Progress, Step, bounded, submission_blobs, walk

__all__ = ["History", "HistoryOptions", "build_history", "main_line"]


@dataclass(frozen=True)
class History:
    location: str
    head: Commit  # the commit the ref names
    as_of: date  # the day statuses are judged on
    commits: tuple[CommitFigures, ...]  # walked commits, oldest first
    certifications: tuple[Certification, ...]
    newest_version: str | None  # newest checklist version on the last main-line commit read
    options: HistoryOptions = field(default_factory=HistoryOptions)
    last: At | None = None  # the last main-line commit read

    def by_path(self) -> dict[str, Certification]:
        """The latest certification of each current or past path."""
        return {c.path: c for c in self.certifications}


def main_line(repo: GitRepo, head: Commit, options: HistoryOptions) -> list[Commit]:
    """First-parent commits up to `until`/`as_of` (every day before, from the root)."""
    bound = min((d for d in (options.until, options.as_of) if d is not None), default=None)
    return bounded(repo.log(head.oid, first_parent=True), until=bound)


def build_history(repo: GitRepo, options: HistoryOptions | None = None, *, today: date | None = None,
                  progress: Progress | None = None, cache: ParseCache | None = None) -> History:
    options = options or HistoryOptions()
    head = repo.resolve(options.ref)
    line = main_line(repo, head, options)
    if not options.figures:
        walked = []
    elif options.first_parent:
        walked = bounded(line, since=options.since)
    else:
        bound = min((d for d in (options.until, options.as_of) if d is not None), default=None)
        walked = bounded(repo.log(head.oid, first_parent=False), options.since, bound)

    groups = options.groups or VendorGroups()
    counter = AdoptionCounter(options.catalog, known=options.known) if options.components and walked else None
    cache = {} if cache is None else cache
    by_oid: dict[str, Submission] = {}
    trees = TreeReader(repo)
    store = active()
    shaped_by = ""
    if store is not None:  # what a commit's figures depend on besides the commit itself
        shaped_by = digest_of(groups, analysis_fingerprint(counter.catalog, counter.spec) if counter else None)
    done: dict[str, CommitFigures] = {}
    if store is not None:
        for c in walked:
            found = store.get("history-figures", digest_of(c.oid, c.subject, c.date, shaped_by))
            if isinstance(found, CommitFigures):
                done[c.oid] = found
    # Only the commits not known yet are loaded: a walk costs what changed since the last.
    before: CommitFigures | None = None
    steps: Iterable[Step] = walk(repo, [c for c in walked if c.oid not in done], cache, progress, trees)
    if counter is not None:  # every state first: their analyses are shared between two processes
        steps = list(steps)
        counter.prefetch(s.state for s in steps if not s.unchanged)
    for step in steps:
        at = At(step.commit.oid, step.commit.date)
        if step.unchanged and before is not None:  # same data as the commit before: same figures
            made = dc_replace(before, at=at, subject=step.commit.subject)
        else:
            for sub in step.state.submissions:
                if sub.oid:
                    by_oid[sub.oid] = sub
            an = analyse(step.state, groups)
            adoption = counter.adoption(step.state) if counter is not None else None
            made = figures(at, step.commit.subject, an, adoption)
        done[step.commit.oid] = before = made
        if store is not None:
            store.put("history-figures", digest_of(step.commit.oid, step.commit.subject, step.commit.date, shaped_by),
                      made)
    commits = [done[c.oid] for c in walked]

    def described(path: str, oid: str) -> Described:
        sub = by_oid.get(oid)
        if sub is None:
            try:
                sub = parse_submission(path, repo.read_blob(oid), ())
            except ReadRefused:
                return Described()
            by_oid[oid] = sub
        return Described(sub.vendor, sub.platform)

    def describe(path: str, oid: str) -> Described:
        if store is None:
            return described(path, oid)
        key = digest_of(path, oid)
        found = store.get("described", key)
        if isinstance(found, Described):
            return found
        made = described(path, oid)
        store.put("described", key, made)
        return made

    snapshots = [Snapshot(At(c.oid, c.date), submission_blobs(trees.tree(c.oid))) for c in line]
    certifications = track(snapshots, describe)
    last = line[-1] if line else None
    as_of = options.as_of or options.until or today or date.today()
    return History(
        location=repo.location,
        head=head,
        as_of=as_of,
        commits=tuple(commits),
        certifications=tuple(certifications),
        newest_version=_newest_version(trees, last),
        options=options,
        last=At(last.oid, last.date) if last else None,
    )


def _newest_version(trees: TreeReader, commit: Commit | None) -> str | None:
    if commit is None:
        return None
    versions = [m.group(1) for p in trees.tree(commit.oid) if (m := CHECKLIST_PATH.match(p))]
    return max(versions, key=version_key) if versions else None


