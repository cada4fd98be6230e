"""The files a vendor put beside PRODUCT.yaml, read safely.

Everything goes through the Source: only regular files inside the product folder, never
links or special files, never more than `FILE_LIMIT` bytes. A file that cannot be read
is kept with the reason, and the run goes on.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from ..load import RepoState
from ..model import Submission
from ..source import EntryKind, ReadRefused, Source

FILE_LIMIT = 1024 * 1024
"""Local evidence files larger than this are not read (1 MiB)."""

TEXT_EXTENSIONS = frozenset(
    {
        "md", "markdown", "txt", "text", "log", "out", "xml", "yaml", "yml", "json", "sh", "bash",
        "html", "htm", "go", "py", "csv", "tsv", "rst", "adoc",
    }
)
IMAGE_EXTENSIONS = frozenset({"png", "jpg", "jpeg", "gif", "svg", "webp", "bmp"})


@dataclass(frozen=True, slots=True)
class LocalFile:
    path: str  # repository-relative
    size: int
    kind: str  # "text" | "image" | "other" | "link" | "special"
    text: str | None = None  # decoded content when read
    refused: str | None = None  # why it was not read

    @property
    def extension(self) -> str:
        base = posixpath.basename(self.path)
        return base.rsplit(".", 1)[-1].lower() if "." in base else ""


def extension(path: str) -> str:
    base = posixpath.basename(path.rstrip("/"))
    return base.rsplit(".", 1)[-1].lower() if "." in base else ""


def folder_files(state: RepoState, sub: Submission, source: Source | None = None) -> dict[str, LocalFile]:
    """Every entry under the submission's folder except PRODUCT.yaml, by path."""
    source = source if source is not None else state.reader
    prefix = sub.folder + "/"
    out: dict[str, LocalFile] = {}
    for path, entry in state.tree.items():
        if not path.startswith(prefix) or path == sub.path or entry.kind is EntryKind.DIR:
            continue
        ext = extension(path)
        if entry.kind is EntryKind.SYMLINK:
            out[path] = LocalFile(path, entry.size, "link", refused="a symbolic link; not followed")
            continue
        if entry.kind is not EntryKind.FILE:
            out[path] = LocalFile(path, entry.size, "special", refused=f"a {entry.kind.value}; not read")
            continue
        if ext in IMAGE_EXTENSIONS:
            out[path] = LocalFile(path, entry.size, "image")
            continue
        if ext not in TEXT_EXTENSIONS:
            out[path] = LocalFile(path, entry.size, "other")
            continue
        if source is None:
            out[path] = LocalFile(path, entry.size, "text", refused="no source to read from")
            continue
        if entry.size > FILE_LIMIT:
            out[path] = LocalFile(path, entry.size, "text", refused=f"larger than {FILE_LIMIT} bytes; not read")
            continue
        try:
            data = source.read(path, FILE_LIMIT)
        except ReadRefused as exc:
            out[path] = LocalFile(path, entry.size, "text", refused=exc.message)
            continue
        except OSError as exc:  # a file that vanished or cannot be opened: keep going
            out[path] = LocalFile(path, entry.size, "text", refused=f"cannot be read: {exc.strerror or exc}")
            continue
        out[path] = LocalFile(path, entry.size, "text", text=data.decode("utf-8", "replace"))
    return out
