"""A folder on disk: a checkout, or anything holding docs/ and vX.Y/."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .base import (
    MAX_FILE_BYTES,
    Entry,
    EntryKind,
    ReadRefused,
    SourceInfo,
    Tree,
    is_data_path,
)


def _kind(mode: int) -> EntryKind:
    if stat.S_ISLNK(mode):
        return EntryKind.SYMLINK
    if stat.S_ISDIR(mode):
        return EntryKind.DIR
    if stat.S_ISREG(mode):
        return EntryKind.FILE
    return EntryKind.OTHER


class DirectorySource:
    def __init__(self, root: Path, info: SourceInfo | None = None) -> None:
        self.root = root.resolve()
        self.info = info or SourceInfo(location=str(root), kind="directory")
        self._tree: dict[str, Entry] | None = None

    def tree(self) -> Tree:
        if self._tree is None:
            self._tree = self._walk()
        return self._tree

    def _walk(self) -> dict[str, Entry]:
        entries: dict[str, Entry] = {}
        pending = [""]
        while pending:
            rel = pending.pop()
            try:
                with os.scandir(self.root / rel if rel else self.root) as it:
                    children = list(it)
            except OSError:
                continue
            for child in children:
                path = f"{rel}/{child.name}" if rel else child.name
                if not rel and not is_data_path(path):
                    continue
                try:
                    st = child.stat(follow_symlinks=False)
                except OSError:
                    continue
                kind = _kind(st.st_mode)
                entries[path] = Entry(path, kind, st.st_size if kind is EntryKind.FILE else 0)
                if kind is EntryKind.DIR:
                    pending.append(path)
        return entries

    def read(self, path: str, limit: int = MAX_FILE_BYTES) -> bytes:
        entry = self.tree().get(path)
        if entry is None:
            raise ReadRefused("local-evidence-not-found", f"{path} does not exist")
        if entry.kind is not EntryKind.FILE:
            raise ReadRefused("file-not-regular", f"{path} is a {entry.kind.value}, not a regular file")
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
        try:
            fd = os.open(self.root / path, flags)
        except OSError as exc:
            raise ReadRefused("file-not-regular", f"{path} cannot be opened: {exc.strerror}") from None
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode):
                raise ReadRefused("file-not-regular", f"{path} is not a regular file")
            if st.st_size > limit:
                raise ReadRefused(
                    "file-too-large", f"{path} is {st.st_size} bytes, over the {limit}-byte limit"
                )
            with os.fdopen(fd, "rb", closefd=False) as fh:
                data = fh.read(limit + 1)
        finally:
            os.close(fd)
        if len(data) > limit:
            raise ReadRefused("file-too-large", f"{path} is over the {limit}-byte limit")
        return data
