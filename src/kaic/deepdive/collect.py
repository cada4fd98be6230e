"""RepoState -> identifiers of every submission (one bad submission never stops the run)."""

from __future__ import annotations

from dataclasses import dataclass

from ..components.catalog import Catalog
from ..components.localfiles import folder_files
from ..load import RepoState
from .identifiers import Identifier, Term, submission_identifiers, submission_terms
from .vocabulary import Vocabulary, load_vocabulary


def vocabulary_for(catalog: Catalog, vocab: Vocabulary | None = None) -> Vocabulary:
    """The vocabulary with the catalog's API groups (CRDs are written `plural.group`)."""
    base = vocab or load_vocabulary()
    return base.with_api_groups(g for e in catalog.projects for g in e.api_groups)


@dataclass(frozen=True)
class Collected:
    identifiers: dict[str, list[Identifier]]  # by submission path
    terms: dict[str, list[Term]]  # mechanism words, by submission path
    errors: dict[str, str]  # submission path -> what went wrong


def collect_identifiers(state: RepoState, vocab: Vocabulary) -> Collected:
    """Identifiers and mechanism words of every submission."""
    ids: dict[str, list[Identifier]] = {}
    terms: dict[str, list[Term]] = {}
    errors: dict[str, str] = {}
    for sub in state.submissions:
        try:
            files = folder_files(state, sub)
            ids[sub.path] = submission_identifiers(sub, files, vocab, state.checklist_for(sub))
            terms[sub.path] = submission_terms(sub, files, vocab)
        except Exception as exc:  # one unreadable submission must not lose the others
            ids[sub.path], terms[sub.path] = [], []
            errors[sub.path] = f"{type(exc).__name__}: {exc}"
    return Collected(ids, terms, errors)
