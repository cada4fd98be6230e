"""A content-addressed cache of kaic's results on disk, in the user cache folder.

Results that depend only on content (a submission parsed from one blob, the component
analysis of one product folder, the figures of one commit) are kept under a key made of
that content's id (a git blob or commit id, or a hash of a file's bytes), kaic's own
fingerprint (version and code) and a hash of the data files that shaped the result. A
different kaic or different data therefore never reads another's entries: their keys
differ.

Entries are rows of one SQLite database (`results.sqlite3`, WAL journal): each is
written in its own transaction, so a reader sees a complete entry or none and concurrent
runs at worst compute the same entry twice; a run that cannot get the database within a
few seconds goes without. A row repeats the namespace, key and fingerprints, and its
checksum is the SHA-256 of the payload bound to that identity: an entry that is
truncated, altered or moved to another key is deleted and recomputed, never trusted; a
file that is not a database, or one of another format, is made afresh. Payloads are
pickles read with an unpickler that only builds kaic's own classes and plain containers.

The database is bounded (`KAIC_CACHE_MAX_MB`, default 256 MB of payloads): after a run
that wrote, the least recently used entries are evicted. The command line turns the
cache on (`--no-cache` or `KAIC_NO_CACHE=1` turn it off); the library uses none unless
`use(Store(...))` is called. `kaic cache info|clear` shows and empties it.

Trust: the database is the user's own. Its contents are checked for damage, not for an
attacker who can already write to the user's files.
"""

from __future__ import annotations

import os
import pickle
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from .source import Source

# hashlib, sqlite3 and zlib are imported where used: a run without cache does not load them.

FORMAT = 2  # 1: one file per entry; 2: one SQLite database
DATABASE = "results.sqlite3"
DEFAULT_MAX_BYTES = 256 * 1024 * 1024
_TOUCH_AFTER = 3600.0  # seconds: a hit older than this is marked used again (for eviction)
_BUSY_SECONDS = 5.0  # how long a run waits for another's write before it goes without
_SCHEMA = """CREATE TABLE IF NOT EXISTS entries (
    ns TEXT NOT NULL, key TEXT NOT NULL, kaic TEXT NOT NULL, data TEXT NOT NULL,
    checksum TEXT NOT NULL, payload BLOB NOT NULL, size INTEGER NOT NULL, used REAL NOT NULL,
    PRIMARY KEY (ns, key, kaic, data))"""

T = TypeVar("T")


# -- what shapes a result --------------------------------------------------------------------


def _package_root() -> Path:
    return Path(__file__).resolve().parent


_fingerprints: dict[str, str] = {}


def code_fingerprint() -> str:
    """kaic's version, the interpreter's bytecode tag and kaic's code: the name, size and
    modification time of every module (an edited checkout is a different kaic; an
    installed one never changes)."""
    if "code" not in _fingerprints:
        import hashlib

        from . import __version__

        root = str(_package_root())
        digest = hashlib.sha256(f"{__version__}:{sys.implementation.cache_tag}".encode())
        found: list[str] = []
        folders = [root]
        while folders:
            with os.scandir(folders.pop()) as entries:
                for entry in entries:
                    if entry.is_dir(follow_symlinks=False):
                        if entry.name != "__pycache__":
                            folders.append(entry.path)
                    elif entry.name.endswith(".py"):
                        st = entry.stat()
                        found.append(f"{entry.path[len(root) + 1:]}:{st.st_size}:{st.st_mtime_ns}")
        digest.update("\n".join(sorted(found)).encode())
        _fingerprints["code"] = f"{__version__}+{digest.hexdigest()[:16]}"
    return _fingerprints["code"]


def data_fingerprint() -> str:
    """A hash of kaic's shipped data files (catalog, vocabularies, groups, schemas)."""
    if "data" not in _fingerprints:
        import hashlib

        root = _package_root() / "data"
        digest = hashlib.sha256()
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            digest.update(str(path.relative_to(root)).encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
        _fingerprints["data"] = digest.hexdigest()[:32]
    return _fingerprints["data"]


def digest_of(*parts: object) -> str:
    """A stable hash of plain values (their repr: str, int, tuples, frozen dataclasses)."""
    import hashlib

    digest = hashlib.sha256()
    for part in parts:
        text = part if isinstance(part, str) else repr(part)
        digest.update(text.encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest()


# -- reading safely -----------------------------------------------------------------------------

_SAFE_BUILTINS = frozenset({
    "bool", "bytes", "complex", "dict", "float", "frozenset", "int", "list", "set", "slice", "str", "tuple",
    "NoneType", "range",
})
_SAFE_MODULES = {"datetime": frozenset({"date", "datetime", "time", "timedelta", "timezone"}),
                 "collections": frozenset({"OrderedDict"})}


class _Unpickler(pickle.Unpickler):
    """Builds plain containers, dates and kaic's own classes; nothing else."""

    def find_class(self, module: str, name: str) -> Any:
        if module == "builtins" and name in _SAFE_BUILTINS:
            return super().find_class(module, name)
        if name in _SAFE_MODULES.get(module, ()):
            return super().find_class(module, name)
        if module == "kaic" or module.startswith("kaic."):
            found = super().find_class(module, name)
            if isinstance(found, type):
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in a kaic cache entry")


def _loads(payload: bytes) -> Any:
    import io
    import zlib

    return _Unpickler(io.BytesIO(zlib.decompress(payload))).load()


# -- the store ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Info:
    root: Path
    entries: int
    bytes: int
    max_bytes: int
    namespaces: dict[str, int]

    @property
    def location(self) -> Path:
        return self.root / DATABASE


class Store:
    """Entries in one SQLite database under `root`; `get`/`put` never raise for a damaged,
    missing or locked cache (a cache that cannot be used is a miss, and nothing is kept)."""

    def __init__(self, root: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        import threading

        self.root = Path(root)
        self.max_bytes = max_bytes
        self.hits = 0
        self.misses = 0
        self.written = 0
        self.rejected = 0  # damaged or foreign entries found (and removed)
        self._db: Any = None  # sqlite3.Connection, opened on first use
        self._broken = False  # the database could not be opened even afresh: no cache this run
        self._lock = threading.Lock()  # one connection, shared by the threads of a run

    @property
    def path(self) -> Path:
        return self.root / DATABASE

    # -- the database -----------------------------------------------------------------------------

    def _connect(self) -> Any:
        import sqlite3

        self.root.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path, timeout=_BUSY_SECONDS, isolation_level=None, check_same_thread=False)
        try:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version not in (0, FORMAT):
                raise sqlite3.DatabaseError(f"cache format {version}, kaic writes {FORMAT}")
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            if version == 0:
                db.execute("PRAGMA auto_vacuum=INCREMENTAL")
                db.execute(_SCHEMA)
                db.execute(f"PRAGMA user_version={FORMAT}")
        except BaseException:
            db.close()
            raise
        return db

    def _use(self) -> Any:
        """The open database, or None. A database that is not one, or is damaged, is
        removed and made afresh once; if that fails too the cache is off for this run."""
        import sqlite3

        if self._db is not None or self._broken:
            return self._db
        try:
            self._db = self._connect()
        except sqlite3.OperationalError:  # locked or unwritable: not this run
            self._broken = True
        except sqlite3.DatabaseError:
            self.rejected += 1
            self._remove_files()
            try:
                self._db = self._connect()
            except sqlite3.Error:
                self._broken = True
        except OSError:
            self._broken = True
        return self._db

    def _remove_files(self) -> None:
        for suffix in ("", "-wal", "-shm"):
            _unlink(Path(f"{self.path}{suffix}"))

    def _run(self, sql: str, args: tuple[object, ...] = (), *, count: bool = False) -> list[tuple[Any, ...]] | None:
        """Rows of one statement (with `count`: one row holding how many it changed), or
        None when the cache cannot answer (damaged: reset)."""
        import sqlite3

        with self._lock:
            db = self._use()
            if db is None:
                return None
            try:
                cursor = db.execute(sql, args)
                return [(cursor.rowcount,)] if count else cursor.fetchall()
            except sqlite3.OperationalError:
                return None  # busy past the timeout, disk full: not this time
            except sqlite3.DatabaseError:  # damaged while in use: start afresh
                self.rejected += 1
                db.close()
                self._db = None
                self._remove_files()
                return None

    # -- entries ---------------------------------------------------------------------------------

    @staticmethod
    def _identity(namespace: str, key: str) -> tuple[str, str, str, str]:
        return (namespace, key, code_fingerprint(), data_fingerprint())

    @staticmethod
    def _checksum(identity: tuple[str, str, str, str], payload: bytes) -> str:
        """The payload's SHA-256, bound to its identity: an entry copied to another key fails."""
        import hashlib

        digest = hashlib.sha256("\0".join(identity).encode("utf-8", "surrogatepass") + b"\0")
        digest.update(payload)
        return digest.hexdigest()

    def get(self, namespace: str, key: str) -> Any | None:
        """The value stored under (namespace, key), or None (missing, damaged, foreign)."""
        identity = self._identity(namespace, key)
        rows = self._run("SELECT checksum, payload, used FROM entries WHERE ns=? AND key=? AND kaic=? AND data=?",
                         identity)
        if not rows:
            self.misses += 1
            return None
        checksum, payload, used = rows[0]
        try:
            if not isinstance(payload, bytes) or checksum != self._checksum(identity, payload):
                raise ValueError("payload damaged, truncated or moved")
            value = _loads(payload)
        except Exception:  # damaged, truncated, foreign or unpicklable: recompute
            self.rejected += 1
            self.misses += 1
            self._run("DELETE FROM entries WHERE ns=? AND key=? AND kaic=? AND data=?", identity)
            return None
        self.hits += 1
        now = time.time()
        if not isinstance(used, int | float) or now - used > _TOUCH_AFTER:
            self._run("UPDATE entries SET used=? WHERE ns=? AND key=? AND kaic=? AND data=?", (now, *identity))
        return value

    def put(self, namespace: str, key: str, value: Any) -> None:
        """Store `value` (one transaction; a failure to write is ignored: the cache is optional)."""
        import zlib

        identity = self._identity(namespace, key)
        try:
            payload = zlib.compress(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), 1)
        except Exception:  # not picklable: not cached
            return
        done = self._run("INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                         (*identity, self._checksum(identity, payload), payload, len(payload), time.time()))
        if done is not None:
            self.written += 1

    def cached(self, namespace: str, key: str, compute: Callable[[], T]) -> T:
        """The stored value, or `compute()` stored."""
        found = self.get(namespace, key)
        if found is not None:
            return found
        value = compute()
        self.put(namespace, key, value)
        return value

    def drop(self, namespace: str) -> int:
        """Delete every entry of `namespace`; the number deleted."""
        rows = self._run("DELETE FROM entries WHERE ns=?", (namespace,), count=True)
        return rows[0][0] if rows else 0

    # -- upkeep ---------------------------------------------------------------------------------

    def info(self) -> Info:
        rows = self._run("SELECT ns, count(*) FROM entries GROUP BY ns ORDER BY ns") or []
        size = sum(p.stat().st_size for p in self.root.glob(f"{DATABASE}*") if p.is_file()) if self.root.is_dir() else 0
        return Info(self.root, sum(n for _, n in rows), size, self.max_bytes, {ns: n for ns, n in rows})

    def clear(self) -> int:
        """Delete every entry (and the folders of kaic versions that kept one file per
        entry); the number deleted."""
        import shutil

        rows = self._run("DELETE FROM entries", count=True)
        removed = rows[0][0] if rows else 0
        self._run("PRAGMA incremental_vacuum")
        legacy = self.root / "results"
        if legacy.is_dir():
            removed += sum(1 for p in legacy.rglob("*") if p.is_file())
            shutil.rmtree(legacy, ignore_errors=True)
        return removed

    def evict(self) -> int:
        """Delete the least recently used entries until the payloads take at most 80% of
        `max_bytes`, then return the freed pages; the number deleted."""
        rows = self._run("SELECT coalesce(sum(size), 0) FROM entries")
        if not rows or rows[0][0] <= self.max_bytes:
            return 0
        goal, kept, doomed = int(self.max_bytes * 0.8), 0, []
        for rowid, size in self._run("SELECT rowid, size FROM entries ORDER BY used DESC, rowid DESC") or []:
            kept += size
            if kept > goal:
                doomed.append(rowid)
        removed = 0
        for at in range(0, len(doomed), 500):
            chunk = doomed[at:at + 500]
            gone = self._run(f"DELETE FROM entries WHERE rowid IN ({','.join('?' * len(chunk))})", tuple(chunk),
                             count=True)
            removed += gone[0][0] if gone else 0
        self._run("PRAGMA incremental_vacuum")
        return removed

    def close(self) -> None:
        """End of a run: evict if this run wrote anything, and close the database."""
        if self.written:
            self.evict()
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None


def _unlink(path: Path) -> bool:
    try:
        path.unlink()
    except OSError:
        return False
    return True


# -- the store in use ----------------------------------------------------------------------------

_active: list[tuple[Store, int]] = []  # the store and the process that chose it


def active() -> Store | None:
    """The store results go to, or None (no disk cache; and always None in a forked child,
    which must not use the database connection it inherited: see kaic.parallel)."""
    if not _active or _active[0][1] != os.getpid():
        return None
    return _active[0][0]


def use(store: Store | None) -> None:
    """Make `store` the one in use (None: no disk cache)."""
    _active[:] = [(store, os.getpid())] if store is not None else []


def kept(namespace: str, inputs: tuple[object, ...], make: Callable[[], T]) -> T:
    """`make()`, or what it gave before for the same `inputs` (plain values), when a
    store is in use."""
    store = active()
    if store is None:
        return make()
    return store.cached(namespace, digest_of(*inputs), make)


def tree_digest(source: Source) -> str | None:
    """Every data path with its blob id (a folder's files: their bytes' hash); None when
    a file cannot be read (then the result is made, not looked up)."""
    import hashlib

    from .source import MAX_FILE_BYTES, EntryKind, ReadRefused

    digest = hashlib.sha256()
    for path, entry in sorted(source.tree().items()):
        ident: str = entry.oid or ""
        if not ident and entry.kind is EntryKind.FILE:
            try:
                ident = hashlib.sha256(source.read(path, MAX_FILE_BYTES)).hexdigest()
            except ReadRefused as exc:
                ident = f"refused:{exc.rule}:{exc.message}"
            except OSError:
                return None
        digest.update(f"{path}\0{entry.kind.value}\0{entry.size}\0{ident}\n".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def default_root() -> Path:
    """`KAIC_CACHE_DIR` or the user cache folder (where the source clones live too)."""
    from .source.resolve import cache_dir

    return cache_dir()


def default_store() -> Store:
    raw = os.environ.get("KAIC_CACHE_MAX_MB", "")
    try:
        max_bytes = int(float(raw) * 1024 * 1024) if raw else DEFAULT_MAX_BYTES
    except ValueError:
        max_bytes = DEFAULT_MAX_BYTES
    return Store(default_root(), max(max_bytes, 0))


def disabled_by_environment() -> bool:
    return os.environ.get("KAIC_NO_CACHE", "").strip().lower() not in ("", "0", "false", "no")
