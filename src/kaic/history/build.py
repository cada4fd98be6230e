"""A repository's history: per-commit figures, certifications, and the day they are read on.

`build_history` is the one entry point the commands and the report sections call. It
reads git through `GitRepo` only; everything after the walk is pure.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from dataclasses import replace as dc_replace
from datetime import date

from ..analysis import VendorGroups, analyse
from ..components.analysis import ComponentAnalysis
from ..components.catalog import Catalog
from ..load import ParseCache, RepoState
from ..model import CHECKLIST_PATH, Submission, parse_submission, version_key
from ..source import Commit, GitRepo, ReadRefused
from .adoption import AdoptionCounter
from .certs import At, Certification, Described, Snapshot, track
from .figures import CommitFigures, figures
from .trees import TreeReader
from .walk import Progress, bounded, submission_blobs, walk


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
    commits: list[CommitFigures] = []
    trees = TreeReader(repo)
    for step in walk(repo, walked, cache, progress, trees):
        at = At(step.commit.oid, step.commit.date)
        if step.unchanged and commits:  # same data as the commit before: same figures
            commits.append(dc_replace(commits[-1], at=at, subject=step.commit.subject))
            continue
        for sub in step.state.submissions:
            if sub.oid:
                by_oid[sub.oid] = sub
        an = analyse(step.state, groups)
        adoption = counter.adoption(step.state) if counter is not None else None
        commits.append(figures(at, step.commit.subject, an, adoption))

    def describe(path: str, oid: str) -> Described:
        sub = by_oid.get(oid)
        if sub is None:
            try:
                sub = parse_submission(path, repo.read_blob(oid), ())
            except ReadRefused:
                return Described()
            by_oid[oid] = sub
        return Described(sub.vendor, sub.platform)

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


