"""Putting a fixed file in place: a unified diff to show, an atomic replace to write."""

from __future__ import annotations

import difflib
from pathlib import Path

from ..safe_write import write_file


def unified_diff(path: str, before: str, after: str) -> str:
    return "".join(difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                        fromfile=f"a/{path}", tofile=f"b/{path}"))


def replace_atomically(root: Path, path: str, text: str) -> None:
    """Replace root/path (a regular file, reached through no link) with `text`: readers
    see the old file or the new one, never half of one."""
    write_file(root, path, text.encode("utf-8"), replace=True)
