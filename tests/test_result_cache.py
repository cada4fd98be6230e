"""kaic's result cache on disk: content-addressed entries that are used only when their
key, kaic's fingerprint and the data hash all match; damaged, truncated, poisoned or
foreign entries are recomputed, never trusted; writes are atomic and the folder is
bounded. And the cache never changes an answer: a warm report is byte-identical to one
made with `--no-cache`.
"""

from __future__ import annotations

import importlib
import os
import pickle
import shutil
import subprocess
import sys
import threading
import zlib
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kaic import cache
from kaic.cache import Store
from kaic.cli import app
from kaic.components.analysis import analyse_components, clear_shared_results
from kaic.config import Config
from kaic.history import HistoryOptions, build_history
from kaic.load import load_state
from kaic.report.stored import inputs_key
from kaic.source import DirectorySource, GitRepo

from .fixtures.builder import VERSION
from .test_history import Repo, new_repo, product


@pytest.fixture()
def store(tmp_path: Path) -> Iterator[Store]:
    chosen = Store(tmp_path / "cache")
    cache.use(chosen)
    clear_shared_results()
    yield chosen
    cache.use(None)
    clear_shared_results()


def _entries(store: Store, namespace: str | None = None) -> list[Path]:
    base = store.root / "results"
    return sorted(p for p in base.rglob("*.bin") if namespace is None or f"/{namespace}/" in p.as_posix())


# -- the store ------------------------------------------------------------------------------------


def test_a_value_comes_back_and_a_missing_key_is_none(store: Store) -> None:
    store.put("ns", "k1", {"a": (1, "x")})
    assert store.get("ns", "k1") == {"a": (1, "x")}
    assert store.get("ns", "k2") is None
    assert store.get("other", "k1") is None
    assert (store.hits, store.misses) == (1, 2)


def test_a_truncated_entry_is_recomputed(store: Store) -> None:
    store.put("ns", "k", list(range(1000)))
    (path,) = _entries(store)
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    assert store.get("ns", "k") is None
    assert not path.exists()  # removed, not kept to fail again
    assert store.cached("ns", "k", lambda: "fresh") == "fresh"
    assert store.get("ns", "k") == "fresh"


@pytest.mark.parametrize("damage", ["garbage", "flip", "empty", "huge-header"])
def test_a_damaged_entry_is_a_miss_not_a_crash(store: Store, damage: str) -> None:
    store.put("ns", "k", "value")
    (path,) = _entries(store)
    blob = path.read_bytes()
    if damage == "garbage":
        path.write_bytes(os.urandom(len(blob)))
    elif damage == "flip":
        path.write_bytes(blob[:-3] + bytes([blob[-3] ^ 0xFF]) + blob[-2:])
    elif damage == "empty":
        path.write_bytes(b"")
    else:
        path.write_bytes(cache.MAGIC + (2**31).to_bytes(4, "big") + b"{}")
    assert store.get("ns", "k") is None
    assert store.rejected == 1


def _forge(store: Store, namespace: str, key: str, payload: bytes) -> Path:
    """An entry at the right place whose header and checksum match a chosen payload."""
    store.put(namespace, key, "placeholder")
    (path,) = _entries(store, namespace)
    blob = path.read_bytes()
    size = int.from_bytes(blob[8:12], "big")
    import hashlib
    import json

    header = json.loads(blob[12 : 12 + size])
    header.update(size=len(payload), sha256=hashlib.sha256(payload).hexdigest())
    raw = json.dumps(header).encode()
    path.write_bytes(cache.MAGIC + len(raw).to_bytes(4, "big") + raw + payload)
    return path


class _Boom:
    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, ("echo poisoned > /dev/null",))


def test_a_poisoned_pickle_builds_nothing_outside_kaic(store: Store) -> None:
    _forge(store, "ns", "k", zlib.compress(pickle.dumps(_Boom())))
    assert store.get("ns", "k") is None
    assert store.rejected == 1
    # kaic's own functions are refused too: only its classes and plain containers are built
    _forge(store, "ns", "k", zlib.compress(pickle.dumps(cache.default_store)))
    assert store.get("ns", "k") is None


def test_entries_of_another_kaic_or_data_are_ignored(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    store.put("ns", "k", "made by this kaic")
    monkeypatch.setitem(cache._fingerprints, "code", "9.9.9+other")
    assert store.get("ns", "k") is None
    monkeypatch.setitem(cache._fingerprints, "code", cache.code_fingerprint())
    monkeypatch.setitem(cache._fingerprints, "data", "another-data-hash")
    assert store.get("ns", "k") is None


def test_an_entry_moved_to_another_key_is_refused(store: Store) -> None:
    store.put("ns", "a", "value of a")
    store.put("ns", "b", "value of b")
    path_a, path_b = _entries(store)
    path_b.write_bytes(path_a.read_bytes())  # whichever is which: one now holds the other's header
    assert {store.get("ns", "a"), store.get("ns", "b")} <= {"value of a", "value of b", None}
    assert None in {store.get("ns", "a"), store.get("ns", "b")}


def test_the_folder_is_bounded_least_recently_used_first(tmp_path: Path) -> None:
    small = Store(tmp_path / "c", max_bytes=20_000)
    for i in range(40):
        small.put("ns", f"k{i}", os.urandom(2_000))  # incompressible
        os.utime(_entries(small)[0].parent, None)
    paths = {p: p.stat().st_mtime for p in _entries(small)}
    for i, p in enumerate(sorted(paths)):
        os.utime(p, (1_000_000 + i, 1_000_000 + i))
    newest = sorted(paths)[-1]
    small.close()
    left = _entries(small)
    assert sum(p.stat().st_size for p in left) <= 20_000
    assert newest in left and len(left) < 40


def test_a_stale_temporary_file_is_removed(store: Store) -> None:
    store.put("ns", "k", 1)
    (path,) = _entries(store)
    tmp = path.parent / ".tmp-crashed.part"
    tmp.write_bytes(b"half")
    os.utime(tmp, (1_000_000, 1_000_000))
    store.evict()
    assert not tmp.exists() and path.exists()


def test_concurrent_writers_and_readers_never_see_half_an_entry(store: Store) -> None:
    value = list(range(20_000))
    errors: list[BaseException] = []
    seen: list[object] = []

    def write() -> None:
        try:
            for _ in range(30):
                store.put("ns", "shared", value)
        except BaseException as exc:  # pragma: no cover - the assertion reports it
            errors.append(exc)

    def read() -> None:
        try:
            for _ in range(60):
                seen.append(store.get("ns", "shared"))
        except BaseException as exc:  # pragma: no cover
            errors.append(exc)

    threads = [threading.Thread(target=f) for f in (write, write, read, read)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not errors
    assert store.rejected == 0
    assert all(s is None or s == value for s in seen)
    assert store.get("ns", "shared") == value


def test_info_and_clear(store: Store) -> None:
    store.put("parse", "a", 1)
    store.put("components", "b", 2)
    info = store.info()
    assert (info.entries, info.namespaces) == (2, {"components": 1, "parse": 1})
    assert store.clear() == 2
    assert store.info().entries == 0


def test_the_cache_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KAIC_CACHE_DIR", str(tmp_path))
    Store(tmp_path).put("parse", "x", "y")
    runner = CliRunner()
    shown = runner.invoke(app, ["cache", "info"])
    assert shown.exit_code == 0 and "entries: 1" in shown.output and "parse: 1" in shown.output
    cleared = runner.invoke(app, ["cache", "clear"])
    assert cleared.exit_code == 0 and "removed 1" in cleared.output
    assert runner.invoke(app, ["cache", "nonsense"]).exit_code == 2


# -- results kept by content -------------------------------------------------------------------------


def _folder(tmp_path: Path, notes: str) -> Path:
    root = tmp_path / "repo"
    r = new_repo(root)
    data = product("acme", "Acme Widgets")
    next(iter(data["spec"].values()))[0]["notes"] = notes
    r.write(f"v{VERSION}/acme", data)
    return root


def test_a_folder_source_is_cached_by_content(store: Store, tmp_path: Path) -> None:
    root = _folder(tmp_path, "Kueue schedules the jobs")
    first = analyse_components(load_state(DirectorySource(root)))
    assert {c.name for r in first.results.values() for c in r.detection.components} == {"Kueue"}
    assert _entries(store, "parse") and _entries(store, "components")
    clear_shared_results()
    again = analyse_components(load_state(DirectorySource(root)))
    assert store.hits >= 2
    assert [r.detection for r in again.results.values()] == [r.detection for r in first.results.values()]
    # the same file, edited: a new key, a new answer (never the stale one)
    product_file = root / f"v{VERSION}" / "acme" / "PRODUCT.yaml"
    product_file.write_text(product_file.read_text().replace("Kueue", "Volcano"), encoding="utf-8")
    clear_shared_results()
    edited = analyse_components(load_state(DirectorySource(root)))
    assert {c.name for r in edited.results.values() for c in r.detection.components} == {"Volcano"}


def _walk_repo(tmp_path: Path) -> Repo:
    r = new_repo(tmp_path / "walked")
    r.write(f"v{VERSION}/acme", product("acme", "Acme Widgets"))
    r.commit("one", "2024-03-01T12:00:00+00:00")
    r.write(f"v{VERSION}/beta", product("beta", "Beta Corp"))
    r.commit("two", "2024-04-01T12:00:00+00:00")
    return r


def test_a_history_walk_loads_only_commits_it_has_not_seen(store: Store, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    r = _walk_repo(tmp_path)
    walk_module = importlib.import_module("kaic.history.walk")
    loaded: list[str] = []
    real = walk_module.load_state

    def counting(source: object, *args: object) -> object:
        loaded.append(source.info.commit)  # type: ignore[attr-defined]
        return real(source, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(walk_module, "load_state", counting)
    options = HistoryOptions(as_of=None, components=True)
    cold = build_history(GitRepo(r.root), options)
    assert sorted(loaded) == sorted(r.commits.values())  # init, one, two: each loaded once
    loaded.clear()
    clear_shared_results()
    warm = build_history(GitRepo(r.root), options)
    assert loaded == [] and warm.commits == cold.commits and warm.certifications == cold.certifications
    r.write(f"v{VERSION}/gamma", product("gamma", "Gamma Inc"))
    newest = r.commit("three", "2024-05-01T12:00:00+00:00")
    grown = build_history(GitRepo(r.root), options)
    assert loaded == [newest]
    assert grown.commits[:-1] == cold.commits and grown.commits[-1].submissions == 3
    cache.use(None)
    clear_shared_results()
    assert build_history(GitRepo(r.root), options).commits == grown.commits


# -- the cache never changes an answer --------------------------------------------------------------


def _report(checkout: Path, out: Path, cache_dir: Path, *extra: str) -> None:
    env = {**os.environ, "KAIC_CACHE_DIR": str(cache_dir)}
    env.pop("KAIC_NO_CACHE", None)
    done = subprocess.run(
        [sys.executable, "-m", "kaic", "report", "--source", str(checkout), "--format", "all", "--out", str(out),
         "--as-of", "2026-03-16", *extra],
        cwd=checkout, env=env, capture_output=True, text=True, timeout=600,
    )
    assert done.returncode == 0, done.stderr[-2000:]


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.mark.corpus
@pytest.mark.timeout(900)
def test_a_warm_report_is_byte_identical_to_one_without_cache(corpus_checkout: Path, tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    fresh, cold, warm, damaged = (tmp_path / n for n in ("fresh", "cold", "warm", "damaged"))
    _report(corpus_checkout, fresh, cache_dir, "--no-cache")
    assert not (cache_dir / "results").exists()  # --no-cache writes nothing
    _report(corpus_checkout, cold, cache_dir)
    stored = Store(cache_dir).info()
    submissions = len(list(corpus_checkout.glob("v*/*/PRODUCT.yaml")))
    assert stored.namespaces["parse"] >= submissions
    assert stored.namespaces["components"] >= submissions  # and older versions met by the history walk
    assert stored.namespaces["history-figures"] >= 1
    assert stored.namespaces["findings"] == submissions  # each submission's findings, with what they read
    _report(corpus_checkout, warm, cache_dir)
    assert Store(cache_dir).info().entries == stored.entries  # nothing new to compute
    expected = _files(fresh)
    assert len(expected) > 3
    assert _files(cold) == expected
    assert _files(warm) == expected
    # without the whole report kept, from the per-file and per-commit entries alone
    shutil.rmtree(cache_dir / "results" / f"v{cache.FORMAT}" / "reports")
    parts = tmp_path / "parts"
    _report(corpus_checkout, parts, cache_dir)
    assert _files(parts) == expected
    # every entry cut in half: recomputed, same answer
    for path in (cache_dir / "results").rglob("*.bin"):
        path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    _report(corpus_checkout, damaged, cache_dir)
    assert _files(damaged) == expected


def _validate(checkout: Path, cache_dir: Path, *extra: str) -> str:
    env = {**os.environ, "KAIC_CACHE_DIR": str(cache_dir)}
    env.pop("KAIC_NO_CACHE", None)
    done = subprocess.run(
        [sys.executable, "-m", "kaic", "validate", "--source", str(checkout), "--format", "json", *extra],
        cwd=checkout, env=env, capture_output=True, text=True, timeout=600,
    )
    assert done.returncode in (0, 1), done.stderr[-2000:]
    return done.stdout


@pytest.mark.corpus
@pytest.mark.timeout(600)
def test_warm_validate_is_identical_to_one_without_cache(corpus_checkout: Path, tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    fresh = _validate(corpus_checkout, cache_dir, "--no-cache")
    assert not (cache_dir / "results").exists()
    assert '"findings"' in fresh
    cold = _validate(corpus_checkout, cache_dir)
    submissions = len(list(corpus_checkout.glob("v*/*/PRODUCT.yaml")))
    assert Store(cache_dir).info().namespaces["findings"] == submissions
    assert cold == fresh
    assert _validate(corpus_checkout, cache_dir) == fresh
    for policy in ("upstream", "faq"):  # another policy: other keys, its own answer
        assert _validate(corpus_checkout, cache_dir, "--policy", policy) == _validate(
            corpus_checkout, cache_dir, "--policy", policy, "--no-cache")


def test_a_kept_report_is_never_served_for_changed_inputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _folder(tmp_path, "Kueue schedules the jobs")
    monkeypatch.setenv("KAIC_CACHE_DIR", str(tmp_path / "cache"))
    runner = CliRunner()

    def report(*extra: str) -> str:
        done = runner.invoke(app, ["report", "--source", str(root), "--no-history", "--format", "json", *extra])
        assert done.exit_code == 0, done.output
        return done.stdout

    first = report()
    assert "Kueue" in first and report() == first
    assert Store(tmp_path / "cache").info().namespaces.get("reports") == 1
    product_file = root / f"v{VERSION}" / "acme" / "PRODUCT.yaml"
    product_file.write_text(product_file.read_text().replace("Kueue", "Volcano"), encoding="utf-8")
    edited = report()
    assert edited != first and "Volcano" in edited
    assert edited == report("--no-cache")  # what a fresh run says, not the kept first report
    (root / f"v{VERSION}" / "acme" / "notes.md").write_text("We also run Ray.\n", encoding="utf-8")
    assert report() != edited  # a new file in the folder is a new input
    assert report("--no-cache") == report()
    source = DirectorySource(root)
    keys = {inputs_key(source, Config(), ["json"], {"as_of": day}) for day in (None, date(2020, 1, 1), date.today())}
    assert len(keys) == 2  # no day given is today
    assert inputs_key(source, Config(), ["json", "md"], {}) != inputs_key(source, Config(), ["json"], {})
    assert inputs_key(source, Config({"logo-format": None}), ["json"], {}) != inputs_key(source, Config(), ["json"], {})


def test_kept_history_output_follows_new_commits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    r = _walk_repo(tmp_path)
    monkeypatch.setenv("KAIC_CACHE_DIR", str(tmp_path / "cache"))
    runner = CliRunner()

    def history(*extra: str) -> str:
        done = runner.invoke(app, ["history", "--source", str(r.root), "--format", "json", *extra])
        assert done.exit_code == 0, done.output
        return done.stdout

    first = history()
    assert history() == first == history("--no-cache")
    r.write(f"v{VERSION}/gamma", product("gamma", "Gamma Inc"))
    r.commit("three", "2024-05-01T12:00:00+00:00")
    grown = history()
    assert grown != first and "Gamma Inc" in grown and grown == history("--no-cache")
