"""Sources: where repository data comes from (a folder, a git commit, the sample)."""

from .base import (
    MAX_FILE_BYTES,
    Entry,
    EntryKind,
    ReadRefused,
    Source,
    SourceError,
    SourceInfo,
    Tree,
    public_location,
    without_credentials,
)
from .directory import DirectorySource
from .git import Commit, GitRepo, GitSource
from .resolve import UPSTREAM_URL, open_repo, open_source, sample_root

__all__ = [
    "MAX_FILE_BYTES",
    "UPSTREAM_URL",
    "Commit",
    "DirectorySource",
    "Entry",
    "EntryKind",
    "GitRepo",
    "GitSource",
    "ReadRefused",
    "Source",
    "SourceError",
    "SourceInfo",
    "Tree",
    "open_repo",
    "open_source",
    "public_location",
    "sample_root",
    "without_credentials",
]
