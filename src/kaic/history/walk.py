"""Walk commits through the source layer, parsing each PRODUCT.yaml blob once.

Every commit is read as a `GitSource` and loaded with `load_state`, sharing one
`ParseCache`: a submission whose blob (and checklist fields) did not change between
two commits is not parsed again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date

from ..load import ParseCache, RepoState, load_state
from ..model import SUBMISSION_PATH
from ..source import Commit, GitRepo, Tree
from .dates import day_of
from .trees import KnownTreeSource, TreeReader

Progress = Callable[[int, int, Commit], None]
"""Called after each commit: (done, total, commit)."""


def bounded(commits: Sequence[Commit], since: date | None = None, until: date | None = None) -> list[Commit]:
    """The commits between two days (inclusive).

    `until` cuts the line after its last commit dated on or before that day, so one
    commit with an odd date does not hide the rest; `since` drops commits dated before.
    """
    chosen = list(commits)
    if until is not None:
        last = max((i for i, c in enumerate(chosen) if day_of(c.date) <= until), default=-1)
        chosen = chosen[: last + 1]
    if since is not None:
        chosen = [c for c in chosen if day_of(c.date) >= since]
    return chosen


def submission_blobs(tree: Tree) -> dict[str, str]:
    """PRODUCT.yaml path -> blob id, for one commit's tree."""
    return {path: entry.oid or "" for path, entry in tree.items() if SUBMISSION_PATH.match(path)}


@dataclass(frozen=True)
class Step:
    commit: Commit
    state: RepoState
    unchanged: bool = False  # the commit changed no data file: `state` is the previous one's, re-labelled


def walk(repo: GitRepo, commits: Sequence[Commit], cache: ParseCache | None = None,
         progress: Progress | None = None, trees: TreeReader | None = None) -> Iterator[Step]:
    """Each commit's loaded state, oldest first, parsing only what changed.

    A commit that changes no data file (documentation, tooling) gets the previous
    state, with its own source information: nothing is read again. Trees are read
    through a `TreeReader` (one given, or a new one), not one `ls-tree` per commit.
    """
    trees = trees or TreeReader(repo)
    cache = {} if cache is None else cache
    total = len(commits)
    previous: RepoState | None = None
    for done, commit in enumerate(commits, start=1):
        source = KnownTreeSource(repo, commit, trees.tree(commit.oid))
        if previous is not None and source.tree() == previous.tree:
            state = replace(previous, source=source.info, reader=source, tree=source.tree())
            yield Step(commit, state, unchanged=True)
        else:
            state = load_state(source, cache)
            yield Step(commit, state)
        previous = state
        if progress is not None:
            progress(done, total, commit)

