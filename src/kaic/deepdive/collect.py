"""RepoState -> identifiers of every submission (one bad submission never stops the run)."""

from __future__ import annotations

from ..components.catalog import Catalog
from ..components.localfiles import folder_files
from ..load import RepoState
from .identifiers import Identifier, submission_identifiers
from .vocabulary import Vocabulary, load_vocabulary


def vocabulary_for(catalog: Catalog, vocab: Vocabulary | None = None) -> Vocabulary:
    """The vocabulary with the catalog's API groups (CRDs are written `plural.group`)."""
    base = vocab or load_vocabulary()
    return base.with_api_groups(g for e in catalog.projects for g in e.api_groups)


def collect_identifiers(state: RepoState, vocab: Vocabulary) -> tuple[dict[str, list[Identifier]], dict[str, str]]:
    """(identifiers by submission path, errors by submission path)."""
    out: dict[str, list[Identifier]] = {}
    errors: dict[str, str] = {}
    for sub in state.submissions:
        try:
            out[sub.path] = submission_identifiers(sub, folder_files(state, sub), vocab, state.checklist_for(sub))
        except Exception as exc:  # one unreadable submission must not lose the others
            out[sub.path] = []
            errors[sub.path] = f"{type(exc).__name__}: {exc}"
    return out, errors
