"""`--current`: the report of the certifications that are current on the as-of day.

A certification is valid for one year from the merge that brought its PRODUCT.yaml onto
the main line (see kaic.history); a submission whose certification expired, was
withdrawn, or is not yet merged on that day is left out of every count. Needs git
history (a bundle, a clone, a URL); a folder without it cannot be judged.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from ..history import HistoryOptions, build_history, current_paths
from ..load import RepoState
from ..source import SourceError
from .sections._history import repo_and_commit


def current_only(state: RepoState, options: dict[str, Any]) -> tuple[RepoState, list[str]]:
    """The state without the submissions that are not current; and the paths left out."""
    found = repo_and_commit(state)
    if found is None:
        raise SourceError("--current needs git history to date each certification",
                          "read a git repository, bundle or URL instead of a plain folder")
    repo, commit = found
    chosen = options.get("as_of")
    as_of = chosen if isinstance(chosen, date) else None
    h = build_history(repo, HistoryOptions(ref=commit, as_of=as_of, figures=False, components=False))
    keep = current_paths(h.certifications, h.as_of)
    dropped = [s.path for s in state.submissions if s.path not in keep]
    return replace(state, submissions=tuple(s for s in state.submissions if s.path in keep)), dropped
