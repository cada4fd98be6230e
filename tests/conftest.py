"""Shared fixtures: the real corpus (../shared/corpus bundle) and the bundled sample."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Callable, Iterator, Mapping
from functools import cache
from pathlib import Path

import pytest

from kaic.cache import Store
from kaic.load import RepoState, load_state
from kaic.source import GitRepo, GitSource, open_source

ROOT = Path(__file__).resolve().parents[1]
MAIN = "07fbf515ee4b6691f2d3b645e7af41e837554b59"  # bundle main = upstream 223d15f (28 submissions)
OLD = "04ca2f5d9e85088fa4c15de4c4928ef8fe2c926f"  # = upstream 7ae8f57 (23 submissions)


CORPUS_FIXTURES = frozenset({"corpus_bundle", "corpus_checkout", "corpus_repo", "corpus_state"})
CORPUS_HELP = ("the corpus bundle (a git bundle of cncf/k8s-ai-conformance) is expected at "
               "../shared/corpus/*.bundle beside the checkout, or at $KAIC_CORPUS; make one with "
               "`git clone https://github.com/cncf/k8s-ai-conformance && git -C k8s-ai-conformance "
               "bundle create ../shared/corpus/k8s-ai-conformance.bundle --all`")


def find_corpus(env: Mapping[str, str], root: Path) -> Path | None:
    """The corpus bundle: $KAIC_CORPUS, else the newest ../shared/corpus/*.bundle; None if absent."""
    override = env.get("KAIC_CORPUS")
    if override:
        return Path(override) if Path(override).exists() else None
    found = sorted((root.parent / "shared" / "corpus").glob("*.bundle"))
    return found[-1] if found else None


def in_ci(env: Mapping[str, str]) -> bool:
    """CI=true (GitHub Actions, GitLab...): corpus tests must run, so a missing bundle fails."""
    return env.get("CI", "").strip().lower() in {"true", "1", "yes"}


def corpus_bundle_path() -> Path:
    found = find_corpus(os.environ, ROOT)
    if found is None:
        pytest.fail("the corpus bundle is missing: " + CORPUS_HELP)
    return found


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Every test using a corpus fixture is marked `corpus`; without the bundle they are
    skipped with the reason, except under CI=true, where they run and fail."""
    absent = find_corpus(os.environ, ROOT) is None and not in_ci(os.environ)
    skip = pytest.mark.skip(reason="corpus bundle absent: " + CORPUS_HELP)
    for item in items:
        if CORPUS_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.corpus)
        if absent and item.get_closest_marker("corpus") is not None:
            item.add_marker(skip)


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


@pytest.fixture()
def store(tmp_path: Path) -> Iterator[Store]:
    """kaic's result cache in a fresh folder, in use for the test (and nothing shared in memory)."""
    from kaic import cache
    from kaic.components.analysis import clear_shared_results

    chosen = Store(tmp_path / "cache")
    cache.use(chosen)
    clear_shared_results()
    yield chosen
    cache.use(None)
    clear_shared_results()
    chosen.close()
