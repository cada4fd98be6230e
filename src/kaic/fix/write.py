"""Putting a fixed file in place: a unified diff to show, an atomic replace to write."""

from __future__ import annotations

import difflib
import os
import stat
import tempfile
from pathlib import Path


def unified_diff(path: str, before: str, after: str) -> str:
    return "".join(difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                        fromfile=f"a/{path}", tofile=f"b/{path}"))


def replace_atomically(target: Path, text: str) -> None:
    """Write `text` beside `target` and rename it over: readers see the old or the new
    file, never half of one. A link or special file is refused (OSError)."""
    st = os.lstat(target)
    if not stat.S_ISREG(st.st_mode):
        raise OSError(f"{target} is not a regular file")
    fd, tmp = tempfile.mkstemp(prefix=".kaic-", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, stat.S_IMODE(st.st_mode))
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
