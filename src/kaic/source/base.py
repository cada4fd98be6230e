"""What every source of repository data offers: a tree listing and bounded reads."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

MAX_FILE_BYTES = 2 * 1024 * 1024
"""Files larger than this are refused (reported as `file-too-large`), never read."""


class EntryKind(StrEnum):
    FILE = "file"
    SYMLINK = "symlink"
    DIR = "dir"
    SUBMODULE = "submodule"
    OTHER = "other"  # named pipe, socket, device


@dataclass(frozen=True, slots=True)
class Entry:
    path: str  # POSIX, relative to the repository root
    kind: EntryKind
    size: int
    oid: str | None = None  # git blob id, when the source is git


Tree = Mapping[str, Entry]


_URL_PARTS = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*://)([^/?#]*@)?([^?#]*)", re.S)
# The scheme starts where a word does (the lookbehind): one attempt per word, linear time.
_USERINFO_ANYWHERE = re.compile(r"(?<![A-Za-z0-9+.-])([A-Za-z][A-Za-z0-9+.-]*://)[^/?#\s@]*@")


def public_location(location: str) -> str:
    """`location` as kaic may record it: a URL loses its user name, password or token
    (`https://user:token@host/x`) and its query and fragment (`?access_token=...`)."""
    m = _URL_PARTS.match(location)
    if m is None:
        return location
    return m.group(1) + m.group(3)


def without_credentials(text: str) -> str:
    """`text` (a message that may quote URLs) with the user information of every URL removed."""
    return _USERINFO_ANYWHERE.sub(r"\1", text)


@dataclass(frozen=True, slots=True)
class SourceInfo:
    location: str  # what the user gave, made readable (path, URL, "sample"); never credentials
    kind: str  # "directory" | "git" | "sample"
    commit: str | None = None
    ref: str | None = None
    date: str | None = None  # ISO 8601 commit date, when known

    def __post_init__(self) -> None:
        object.__setattr__(self, "location", public_location(self.location))


class SourceError(Exception):
    """The source cannot be opened or resolved (exit code 2)."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class ReadRefused(Exception):
    """One file cannot be read; the run goes on and reports it."""

    def __init__(self, rule: str, message: str) -> None:
        super().__init__(message)
        self.rule = rule
        self.message = message


class Source(Protocol):
    info: SourceInfo

    def tree(self) -> Tree:
        """Every file, link and folder under the data paths, keyed by path."""
        ...

    def read(self, path: str, limit: int = MAX_FILE_BYTES) -> bytes:
        """The bytes of a regular file; raises ReadRefused otherwise."""
        ...


DATA_TOP = ("docs", "v")


def is_data_path(path: str) -> bool:
    """Paths kaic looks at: docs/ and version folders (vX.Y/...), plus root config."""
    top = path.split("/", 1)[0]
    return top == "docs" or (top.startswith("v") and top[1:2].isdigit()) or path in (".kaic.yaml", "pyproject.toml")
