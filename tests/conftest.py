"""Shared fixtures: the real corpus (../shared/corpus bundle) and the bundled sample."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path

import pytest

from kaic.load import RepoState, load_state
from kaic.source import GitRepo, GitSource, open_source

ROOT = Path(__file__).resolve().parents[1]
MAIN = "07fbf515ee4b6691f2d3b645e7af41e837554b59"  # bundle main = upstream 223d15f (28 submissions)
OLD = "04ca2f5d9e85088fa4c15de4c4928ef8fe2c926f"  # = upstream 7ae8f57 (23 submissions)


def corpus_bundle_path() -> Path:
    override = os.environ.get("KAIC_CORPUS")
    if override:
        return Path(override)
    found = sorted((ROOT.parent / "shared" / "corpus").glob("*.bundle"))
    if not found:
        pytest.fail("the corpus bundle is missing: expected ../shared/corpus/*.bundle (or set KAIC_CORPUS)")
    return found[-1]


@pytest.fixture(scope="session", autouse=True)
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Bundle clones and upstream caches go to a temporary folder, never ~/.cache."""
    old = os.environ.get("KAIC_CACHE_DIR")
    os.environ["KAIC_CACHE_DIR"] = str(tmp_path_factory.mktemp("kaic-cache"))
    os.environ["KAIC_UPSTREAM"] = "file:///nonexistent/kaic-test-upstream"  # never reach GitHub
    yield
    if old is None:
        os.environ.pop("KAIC_CACHE_DIR", None)
    else:
        os.environ["KAIC_CACHE_DIR"] = old


@pytest.fixture(scope="session")
def corpus_bundle() -> Path:
    return corpus_bundle_path()


@pytest.fixture(scope="session")
def corpus_checkout(tmp_path_factory: pytest.TempPathFactory, corpus_bundle: Path) -> Path:
    """A normal clone of the corpus with a work tree at main (read-only by convention)."""
    target = tmp_path_factory.mktemp("corpus") / "k8s-ai-conformance"
    subprocess.run(["git", "clone", "-q", str(corpus_bundle), str(target)], check=True)
    return target


@pytest.fixture(scope="session")
def corpus_repo(corpus_checkout: Path) -> GitRepo:
    return GitRepo(corpus_checkout)


@pytest.fixture(scope="session")
def corpus_state(corpus_repo: GitRepo) -> Callable[[str], RepoState]:
    """corpus_state("main") / corpus_state(OLD): the loaded state at a commit, cached."""

    @cache
    def load(ref: str) -> RepoState:
        return load_state(GitSource(corpus_repo, corpus_repo.resolve(ref), ref))

    return load


@pytest.fixture(scope="session")
def sample_state() -> RepoState:
    return load_state(open_source("sample"))
