"""A small on-disk cache of online results: one JSON file per key, written atomically.

Entries expire after their TTL; a file that cannot be read or parsed is treated as
absent (and replaced on the next write): a corrupt cache never breaks a run.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
import time
from pathlib import Path
from typing import Any

MAX_ENTRY = 4 * 1024 * 1024  # bytes: larger files are not cache entries kaic wrote


class DiskCache:
    def __init__(self, folder: Path, enabled: bool = True) -> None:
        self.folder = folder
        self.enabled = enabled

    def _file(self, namespace: str, key: str) -> Path:
        digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()
        return self.folder / namespace / f"{digest}.json"

    def get(self, namespace: str, key: str, now: float | None = None) -> Any | None:
        """The value stored under `key`, or None when absent, expired or unreadable."""
        found = self.get_with_age(namespace, key, now)
        return None if found is None or found[1] else found[0]

    def get_with_age(self, namespace: str, key: str, now: float | None = None) -> tuple[Any, bool] | None:
        """(value, expired) even past the TTL — a stale copy beats none when a refresh fails."""
        if not self.enabled:
            return None
        path = self._file(namespace, key)
        try:
            with path.open("rb") as handle:
                raw = handle.read(MAX_ENTRY + 1)
            if len(raw) > MAX_ENTRY:
                return None
            entry = json.loads(raw)
        except (OSError, ValueError):
            return None
        if not isinstance(entry, dict) or entry.get("key") != key:
            return None
        expires = entry.get("expires")
        if not isinstance(expires, int | float):
            return None
        return entry.get("value"), expires <= (time.time() if now is None else now)

    def put(self, namespace: str, key: str, value: Any, ttl: float, now: float | None = None) -> None:
        """Store `value` for `ttl` seconds; a failure to write is not an error (no cache)."""
        if not self.enabled or ttl <= 0:
            return
        path = self._file(namespace, key)
        entry = {"key": key, "expires": (time.time() if now is None else now) + ttl, "value": value}
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as handle:
                    json.dump(entry, handle)
                os.replace(tmp, path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
        except OSError:
            return
