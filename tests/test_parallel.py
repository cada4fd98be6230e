"""Work in a second process (kaic.parallel): the same answer as one process, whatever happens."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kaic import cache, parallel
from kaic.cache import Store

needs_two_cores = pytest.mark.skipif(not parallel.available(), reason="one usable core (or not Linux)")


@needs_two_cores
def test_the_value_comes_from_the_child() -> None:
    parent = os.getpid()
    running = parallel.in_background(lambda: (os.getpid(), [n * n for n in range(1000)]))
    assert running is not None
    pid, squares = running.result()
    assert pid != parent and squares == [n * n for n in range(1000)]


@needs_two_cores
def test_a_child_that_dies_is_replaced_by_this_process() -> None:
    parent = os.getpid()

    def work() -> int:
        if os.getpid() != parent:
            os._exit(3)  # killed, crashed: no value sent
        return 42

    running = parallel.in_background(work)
    assert running is not None and running.result() == 42


@needs_two_cores
def test_a_value_the_child_cannot_send_is_made_here() -> None:
    parent = os.getpid()

    def work() -> object:
        return (lambda: "unpicklable") if os.getpid() != parent else "made here"

    running = parallel.in_background(work)
    assert running is not None and running.result() == "made here"


@needs_two_cores
def test_the_child_never_uses_the_result_cache(tmp_path: Path) -> None:
    store = Store(tmp_path / "c")
    cache.use(store)
    try:
        assert cache.active() is store
        running = parallel.in_background(lambda: cache.active() is None)
        assert running is not None and running.result() is True
        assert cache.active() is store
    finally:
        cache.use(None)
        store.close()


def test_one_process_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KAIC_JOBS", "1")
    assert not parallel.available()
    assert parallel.in_background(lambda: 1) is None


def _run(checkout: Path, out: Path, jobs: str | None, *args: str) -> dict[str, bytes]:
    env = {k: v for k, v in os.environ.items() if k != "KAIC_JOBS"}
    if jobs is not None:
        env["KAIC_JOBS"] = jobs
    done = subprocess.run([sys.executable, "-m", "kaic", *args, "--source", str(checkout), "--out", str(out),
                           "--no-cache"], cwd=checkout, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    files = [out] if out.is_file() else sorted(out.iterdir())
    return {p.name: p.read_bytes() for p in files}


@pytest.mark.corpus
@pytest.mark.timeout(900)
@needs_two_cores
def test_two_processes_write_the_report_and_history_one_process_writes(corpus_checkout: Path,
                                                                      tmp_path: Path) -> None:
    report = ("report", "--format", "all", "--as-of", "2026-03-16")
    one = _run(corpus_checkout, tmp_path / "one", "1", *report)
    two = _run(corpus_checkout, tmp_path / "two", None, *report)
    assert len(one) > 3 and one == two
    history = ("history", "--format", "json")
    (alone,) = _run(corpus_checkout, tmp_path / "h1.json", "1", *history).values()
    (shared,) = _run(corpus_checkout, tmp_path / "h2.json", None, *history).values()
    assert len(alone) > 1000 and alone == shared
