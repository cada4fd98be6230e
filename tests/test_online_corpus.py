"""The online phase's inputs over the real repository (no request is made).

Expected values were counted from the files at main with plain PyYAML: every metadata
value and every evidence item that is a string starting with http:// or https://
(case-insensitive, trimmed) — 514 places, 404 distinct URLs — and no k8sConformanceUrl
whose vX.Y differs from its submission's folder.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kaic.load import RepoState
from kaic.online.checks import ONLINE_RULES, Facts
from kaic.online.collect import link_sites

from .conftest import MAIN

pytestmark = pytest.mark.corpus


def test_every_link_of_the_corpus_is_collected_once_per_place(corpus_state: Callable[[str], RepoState]) -> None:
    state = corpus_state(MAIN)
    sites = [s for sub in state.submissions for s in link_sites(sub)]
    assert len(sites) == 514
    assert len({s.url for s in sites}) == 404
    assert all(s.line and s.path.endswith("/PRODUCT.yaml") for s in sites)


def test_no_conformance_link_names_another_version(corpus_state: Callable[[str], RepoState]) -> None:
    state = corpus_state(MAIN)
    check = ONLINE_RULES["k8s-conformance-version"].check
    assert [h for sub in state.submissions for h in check(sub, Facts())] == []
