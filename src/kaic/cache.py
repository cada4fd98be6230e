"""A content-addressed cache of kaic's results on disk, in the user cache folder.

Results that depend only on content (a submission parsed from one blob, the component
analysis of one product folder, the figures of one commit) are kept under a key made of
that content's id (a git blob or commit id, or a hash of a file's bytes), kaic's own
fingerprint (version and code) and a hash of the data files that shaped the result. A
different kaic or different data therefore never reads another's entries: their keys
differ.

An entry is one file, written whole to a temporary name and renamed into place (a
reader sees a complete entry or none; concurrent runs at worst compute the same entry
twice). Its header repeats the namespace, key, fingerprint, format version, payload size
and SHA-256: an entry that is truncated, altered, of another format or for another key
is deleted and recomputed, never trusted. Payloads are pickles read with an unpickler
that only builds kaic's own classes and plain containers.

The folder is bounded (`KAIC_CACHE_MAX_MB`, default 256 MB): after a run that wrote,
the least recently used entries are evicted. The command line turns the cache on
(`--no-cache` or `KAIC_NO_CACHE=1` turn it off); the library uses none unless
`use(Store(...))` is called. `kaic cache info|clear` shows and empties it.

Trust: the folder is the user's own. Its contents are checked for damage, not for an
attacker who can already write to the user's files.
"""

from __future__ import annotations

import os
import pickle
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from .source import Source

# hashlib, json, zlib and tempfile are imported where used: a command that uses no cache
# (`kaic validate`) does not load them.

FORMAT = 1
MAGIC = b"KAICACHE"
DEFAULT_MAX_BYTES = 256 * 1024 * 1024
_TOUCH_AFTER = 3600.0  # seconds: a hit older than this is marked used again (for eviction)
_STALE_TMP = 3600.0  # seconds: a temporary file this old was left by a crashed run
_HEADER_LIMIT = 64 * 1024

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
        for folder, dirs, names in os.walk(root):
            dirs[:] = [d for d in dirs if d != "__pycache__"]
            for name in names:
                if name.endswith(".py"):
                    path = os.path.join(folder, name)
                    st = os.stat(path)
                    found.append(f"{os.path.relpath(path, root)}:{st.st_size}:{st.st_mtime_ns}")
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


class Store:
    """Entries under `root`; `get`/`put` never raise for a damaged or missing entry."""

    def __init__(self, root: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.root = Path(root)
        self.max_bytes = max_bytes
        self.hits = 0
        self.misses = 0
        self.written = 0
        self.rejected = 0  # damaged or foreign entries found (and removed)
        self._folders: set[Path] = set()  # folders this store made or found

    @property
    def _base(self) -> Path:
        return self.root / "results" / f"v{FORMAT}"

    def _identity(self, namespace: str, key: str) -> dict[str, Any]:
        return {"format": FORMAT, "kaic": code_fingerprint(), "data": data_fingerprint(),
                "ns": namespace, "key": key}

    def _path(self, identity: dict[str, Any]) -> Path:
        name = digest_of(identity["ns"], identity["key"], identity["kaic"], identity["data"])
        return self._base / identity["ns"] / name[:2] / f"{name}.bin"

    def get(self, namespace: str, key: str) -> Any | None:
        """The value stored under (namespace, key), or None (missing, damaged, foreign)."""
        identity = self._identity(namespace, key)
        path = self._path(identity)
        try:
            with open(path, "rb") as fh:
                blob = fh.read()
        except OSError:
            self.misses += 1
            return None
        try:
            value = self._decode(blob, identity)
        except Exception:  # damaged, truncated, foreign or unpicklable: recompute
            self.rejected += 1
            self.misses += 1
            _unlink(path)
            return None
        self.hits += 1
        try:
            if time.time() - path.stat().st_mtime > _TOUCH_AFTER:
                os.utime(path)
        except OSError:
            pass
        return value

    @staticmethod
    def _decode(blob: bytes, identity: dict[str, Any]) -> Any:
        import hashlib
        import json

        if not blob.startswith(MAGIC):
            raise ValueError("not a kaic cache entry")
        size = int.from_bytes(blob[len(MAGIC) : len(MAGIC) + 4], "big")
        if size > _HEADER_LIMIT:
            raise ValueError("header too large")
        start = len(MAGIC) + 4
        header = json.loads(blob[start : start + size])
        payload = blob[start + size :]
        if not isinstance(header, dict) or any(header.get(k) != v for k, v in identity.items()):
            raise ValueError("entry for another key, kaic or data")
        if header.get("size") != len(payload) or header.get("sha256") != hashlib.sha256(payload).hexdigest():
            raise ValueError("payload damaged or truncated")
        return _loads(payload)

    def put(self, namespace: str, key: str, value: Any) -> None:
        """Store `value` (atomically; a failure to write is ignored: the cache is optional)."""
        import hashlib
        import json
        import tempfile
        import zlib

        identity = self._identity(namespace, key)
        path = self._path(identity)
        try:
            payload = zlib.compress(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), 1)
        except Exception:  # not picklable: not cached
            return
        header = json.dumps({**identity, "size": len(payload),
                             "sha256": hashlib.sha256(payload).hexdigest()}).encode()
        blob = MAGIC + len(header).to_bytes(4, "big") + header + payload
        try:
            if path.parent not in self._folders:
                path.parent.mkdir(parents=True, exist_ok=True)
                self._folders.add(path.parent)
            fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=".part", dir=path.parent)
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(blob)
                os.replace(tmp, path)
            except BaseException:
                _unlink(Path(tmp))
                raise
        except OSError:
            return
        self.written += 1

    def cached(self, namespace: str, key: str, compute: Callable[[], T]) -> T:
        """The stored value, or `compute()` stored."""
        found = self.get(namespace, key)
        if found is not None:
            return found
        value = compute()
        self.put(namespace, key, value)
        return value

    # -- upkeep ---------------------------------------------------------------------------------

    def _files(self) -> Iterator[tuple[Path, os.stat_result]]:
        base = self.root / "results"
        if not base.is_dir():
            return
        for dirpath, _, names in os.walk(base):
            for name in names:
                path = Path(dirpath) / name
                try:
                    yield path, path.lstat()
                except OSError:
                    continue

    def info(self) -> Info:
        entries, total = 0, 0
        namespaces: dict[str, int] = {}
        current = self._base
        for path, st in self._files():
            entries += 1
            total += st.st_size
            ns = path.parent.parent.name if path.parent.parent.parent == current else "(other kaic format)"
            namespaces[ns] = namespaces.get(ns, 0) + 1
        return Info(self.root, entries, total, self.max_bytes, dict(sorted(namespaces.items())))

    def clear(self) -> int:
        """Delete every entry; the number deleted."""
        removed = 0
        for path, _ in list(self._files()):
            if _unlink(path):
                removed += 1
        return removed

    def evict(self) -> int:
        """Delete stale temporary files, then the least recently used entries until the
        folder holds at most 80% of `max_bytes`; the number deleted."""
        now = time.time()
        files: list[tuple[float, int, Path]] = []
        removed = 0
        total = 0
        for path, st in self._files():
            if path.name.startswith(".tmp-"):
                if now - st.st_mtime > _STALE_TMP and _unlink(path):
                    removed += 1
                continue
            files.append((st.st_mtime, st.st_size, path))
            total += st.st_size
        if total <= self.max_bytes:
            return removed
        files.sort()
        goal = self.max_bytes * 0.8
        for _, size, path in files:
            if total <= goal:
                break
            if _unlink(path):
                removed += 1
            total -= size
        return removed

    def close(self) -> None:
        """End of a run: evict if this run wrote anything."""
        if self.written:
            self.evict()


def _unlink(path: Path) -> bool:
    try:
        path.unlink()
    except OSError:
        return False
    return True


# -- the store in use ----------------------------------------------------------------------------

_active: list[Store] = []


def active() -> Store | None:
    """The store results go to, or None (no disk cache)."""
    return _active[0] if _active else None


def use(store: Store | None) -> None:
    """Make `store` the one in use (None: no disk cache)."""
    _active[:] = [store] if store is not None else []


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
