"""`kaic history`'s output, kept in the result cache by what it is made from.

The history up to a commit never changes: the output is a function of the repository's
location (it is printed), the commit the ref names, the options (the day statuses are
judged on — today when not given —, the walk's bounds, groups, components), the number
of projects shown and the format. kaic's code and data are in every cache key already.
Each commit's figures are kept on their own as well (see `build_history`), so a walk
after new commits loads only those.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from ..cache import active, digest_of
from ..source import GitRepo
from .build import HistoryOptions


def history_output(repo: GitRepo, options: HistoryOptions, shown: tuple[object, ...], make: Callable[[], str]) -> str:
    """`make()`, or what it gave for the same repository, commit, options and `shown`
    (the rendering choices)."""
    store = active()
    if store is None:
        return make()
    head = repo.resolve(options.ref)
    key = digest_of(repo.location, head.oid, replace(options, ref=head.oid, as_of=options.as_of or date.today()),
                    shown)
    found = store.get("history-output", key)
    if isinstance(found, str):
        return found
    text = make()
    store.put("history-output", key, text)
    return text
