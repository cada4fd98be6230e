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
import sqlite3
import subprocess
import sys
import threading
import zlib
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


def _rows(store: Store, namespace: str | None = None) -> list[tuple[str, str]]:
    """(namespace, key) of every stored entry, read from the database directly."""
    with sqlite3.connect(store.path) as db:
        rows = db.execute("SELECT ns, key FROM entries ORDER BY ns, key").fetchall()
    return [r for r in rows if namespace is None or r[0] == namespace]


def _tamper(store: Store, sql: str, *args: object) -> None:
    """Change the database behind the store's back (another process, a bad disk)."""
    with sqlite3.connect(store.path) as db:
        db.execute(sql, args)


# -- the store ------------------------------------------------------------------------------------


def test_a_value_comes_back_and_a_missing_key_is_none(store: Store) -> None:
    store.put("ns", "k1", {"a": (1, "x")})
    assert store.get("ns", "k1") == {"a": (1, "x")}
    assert store.get("ns", "k2") is None
    assert store.get("other", "k1") is None
    assert (store.hits, store.misses) == (1, 2)


def test_a_truncated_entry_is_recomputed(store: Store) -> None:
    store.put("ns", "k", list(range(1000)))
    _tamper(store, "UPDATE entries SET payload = substr(payload, 1, length(payload) / 2)")
    assert store.get("ns", "k") is None
    assert _rows(store) == []  # removed, not kept to fail again
    assert store.cached("ns", "k", lambda: "fresh") == "fresh"
    assert store.get("ns", "k") == "fresh"


@pytest.mark.parametrize("damage", ["garbage", "flip", "empty", "not-bytes"])
def test_a_damaged_entry_is_a_miss_not_a_crash(store: Store, damage: str) -> None:
    store.put("ns", "k", "value")
    with sqlite3.connect(store.path) as db:
        (blob,) = db.execute("SELECT payload FROM entries").fetchone()
        changed: object = {"garbage": os.urandom(len(blob)), "flip": blob[:-3] + bytes([blob[-3] ^ 0xFF]) + blob[-2:],
                           "empty": b"", "not-bytes": "text"}[damage]
        db.execute("UPDATE entries SET payload = ?", (changed,))
    assert store.get("ns", "k") is None
    assert store.rejected == 1


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty"])
def test_a_damaged_database_is_made_afresh(tmp_path: Path, damage: str) -> None:
    first = Store(tmp_path / "c")
    first.put("ns", "k", "value")
    first.close()
    raw = first.path.read_bytes()
    first.path.write_bytes({"garbage": os.urandom(len(raw)), "truncated": raw[:100], "empty": b""}[damage])
    for extra in ("-wal", "-shm"):
        Path(f"{first.path}{extra}").unlink(missing_ok=True)
    again = Store(tmp_path / "c")
    assert again.get("ns", "k") is None  # never an exception
    again.put("ns", "k", "recomputed")
    assert again.get("ns", "k") == "recomputed"
    again.close()


def _forge(store: Store, namespace: str, key: str, payload: bytes) -> None:
    """An entry whose checksum matches a chosen payload (someone who knows the format)."""
    store.put(namespace, key, "placeholder")
    identity = store._identity(namespace, key)
    _tamper(store, "UPDATE entries SET payload = ?, checksum = ? WHERE ns = ? AND key = ?",
            payload, Store._checksum(identity, payload), namespace, key)


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


def test_a_database_of_another_format_is_replaced(tmp_path: Path) -> None:
    (tmp_path / "c").mkdir()
    with sqlite3.connect(tmp_path / "c" / cache.DATABASE) as db:
        db.execute(f"PRAGMA user_version={cache.FORMAT + 1}")
        db.execute("CREATE TABLE entries (anything)")
    store = Store(tmp_path / "c")
    assert store.get("ns", "k") is None
    store.put("ns", "k", 1)
    assert store.get("ns", "k") == 1
    store.close()


def test_an_entry_moved_to_another_key_is_refused(store: Store) -> None:
    store.put("ns", "a", "value of a")
    store.put("ns", "b", "value of b")
    with sqlite3.connect(store.path) as db:
        payload, checksum = db.execute("SELECT payload, checksum FROM entries WHERE key = 'a'").fetchone()
        db.execute("UPDATE entries SET payload = ?, checksum = ? WHERE key = 'b'", (payload, checksum))
    assert store.get("ns", "a") == "value of a"
    assert store.get("ns", "b") is None


def test_the_cache_is_bounded_least_recently_used_first(tmp_path: Path) -> None:
    small = Store(tmp_path / "c", max_bytes=20_000)
    for i in range(40):
        small.put("ns", f"k{i:02d}", os.urandom(2_000))  # incompressible
    for i in range(40):  # k00 oldest ... k39 newest
        _tamper(small, "UPDATE entries SET used = ? WHERE key = ?", 1_000_000 + i, f"k{i:02d}")
    small.close()
    left = [key for _, key in _rows(small)]
    with sqlite3.connect(small.path) as db:
        (total,) = db.execute("SELECT sum(size) FROM entries").fetchone()
    assert total <= 20_000 * 0.8
    assert "k39" in left and "k00" not in left and len(left) < 40
    assert left == sorted(left)[-len(left):]  # the newest are kept


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


def test_two_processes_share_one_database(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from kaic.cache import Store\n"
        "s = Store(Path(sys.argv[1]))\n"
        "for i in range(50):\n"
        "    s.put('ns', f'{sys.argv[2]}-{i}', list(range(i)))\n"
        "    assert s.get('ns', f'{sys.argv[2]}-{i}') == list(range(i))\n"
        "s.close()\n"
    )
    runs = [subprocess.Popen([sys.executable, "-c", code, str(tmp_path / "c"), name]) for name in ("a", "b", "c")]
    assert [r.wait(timeout=120) for r in runs] == [0, 0, 0]
    assert Store(tmp_path / "c").info().namespaces == {"ns": 150}


def test_info_and_clear(store: Store) -> None:
    store.put("parse", "a", 1)
    store.put("components", "b", 2)
    info = store.info()
    assert (info.entries, info.namespaces) == (2, {"components": 1, "parse": 1})
    assert store.clear() == 2
    assert store.info().entries == 0


def test_clear_removes_the_files_of_the_earlier_format(store: Store) -> None:
    legacy = store.root / "results" / "v1" / "parse" / "ab"
    legacy.mkdir(parents=True)
    (legacy / "abcd.bin").write_bytes(b"KAICACHE")
    store.put("parse", "a", 1)
    assert store.clear() == 2
    assert not (store.root / "results").exists()


def test_the_cache_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KAIC_CACHE_DIR", str(tmp_path))
    first = Store(tmp_path)
    first.put("parse", "x", "y")
    first.close()
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
    assert _rows(store, "parse") and _rows(store, "components")
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
    assert not (cache_dir / cache.DATABASE).exists()  # --no-cache writes nothing
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
    reports = Store(cache_dir)
    assert reports.drop("reports") == 1
    reports.close()
    parts = tmp_path / "parts"
    _report(corpus_checkout, parts, cache_dir)
    assert _files(parts) == expected
    # every entry cut in half: recomputed, same answer
    with sqlite3.connect(cache_dir / cache.DATABASE) as db:
        db.execute("UPDATE entries SET payload = substr(payload, 1, length(payload) / 2)")
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
    assert not (cache_dir / cache.DATABASE).exists()
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
