"""Read and parse a cited artifact once per run, however often it is cited.

Reads go through the source (never outside the repository tree, never through a
symbolic link), capped at ARTIFACT_MAX_BYTES; a refused or unparsable file becomes a
Reading with an error, never an exception.
"""

from __future__ import annotations

import contextlib
import weakref
from collections import OrderedDict
from dataclasses import dataclass, replace

from ..source import EntryKind, ReadRefused, Source, Tree
from .detect import TRIED, detect, parse_as
from .model import ArtifactError, Format, Parsed
from .testmap import load_test_map

ARTIFACT_MAX_BYTES = 32 * 1024 * 1024
"""Artifacts larger than this are refused (a base-conformance junit_01.xml is ~3 MB)."""


@dataclass(frozen=True)
class Reading:
    path: str  # repository-relative
    format: Format | None  # detected from the content
    parsed: Parsed | None
    error: str | None  # why it could not be read or parsed (None when parsed)
    upstream_format: Format | None  # what upstream's validator assumes from the basename
    upstream_error: str | None  # upstream's parser failing on it (names only upstream reads)
    recognised: bool = True  # False: no known format (the error says what was tried)
    refused: bool = False  # True: kaic did not read it (too large, not a regular file)


_BY_BLOB: OrderedDict[tuple[str, str], Reading] = OrderedDict()  # (blob id, path) -> reading
_BLOB_LIMIT = 64
_BY_SOURCE: weakref.WeakKeyDictionary[object, dict[str, Reading]] = weakref.WeakKeyDictionary()
_BY_CONTENT: OrderedDict[tuple[bytes, Format | None], Reading] = OrderedDict()  # (SHA-256, upstream's format)
_CONTENT_LIMIT = 16


def parse_bytes(path: str, data: bytes) -> Reading:
    """Detect the format of `data` and parse it; also judge it as upstream would by name."""
    upstream = load_test_map().upstream_format(path)
    found = detect(data)
    reason = found.reason
    parsed: Parsed | None = None
    error: str | None = None
    fmt = found.format
    if fmt is not None:
        try:
            parsed = parse_as(fmt, data, found.doc)
        except ArtifactError as exc:
            error = str(exc)
    else:
        error = f"not a test output format kaic knows ({reason}); tried {TRIED}"
    upstream_error: str | None = None
    if upstream is not None:
        if upstream is fmt:
            upstream_error = error
        else:
            try:
                parse_as(upstream, data)
            except ArtifactError as exc:
                upstream_error = str(exc)
    return Reading(path, fmt, parsed, error, upstream, upstream_error, recognised=fmt is not None)


def refused(path: str, message: str) -> Reading:
    """A file kaic does not read: upstream (which reads any size) may judge it either way."""
    return Reading(path, None, None, message, load_test_map().upstream_format(path), None, refused=True)


def read_artifact(source: Source, tree: Tree, path: str) -> Reading:
    """The reading of the regular file `path` (cached per source, and per blob across commits)."""
    per_source = _BY_SOURCE.get(source)
    if per_source is None:
        per_source = {}
        with contextlib.suppress(TypeError):  # a source that cannot be weakly referenced
            _BY_SOURCE[source] = per_source
    known = per_source.get(path)
    if known is not None:
        return known
    entry = tree.get(path)
    key = (entry.oid, path) if entry is not None and entry.oid else None
    if key is not None and key in _BY_BLOB:
        _BY_BLOB.move_to_end(key)
        reading = _BY_BLOB[key]
    else:
        reading = _read(source, tree, path)
        if key is not None:
            _BY_BLOB[key] = reading
            while len(_BY_BLOB) > _BLOB_LIMIT:
                _BY_BLOB.popitem(last=False)
    per_source[path] = reading
    return reading


def _read(source: Source, tree: Tree, path: str) -> Reading:
    entry = tree.get(path)
    if entry is None or entry.kind is not EntryKind.FILE:
        what = "missing" if entry is None else f"a {entry.kind.value}, not a regular file"
        return refused(path, f"{path} is {what}; not read")
    if entry.size > ARTIFACT_MAX_BYTES:
        return refused(path, f"{path} is {entry.size} bytes, over the {ARTIFACT_MAX_BYTES}-byte limit; not read")
    try:
        data = source.read(path, ARTIFACT_MAX_BYTES)
    except ReadRefused as exc:
        return refused(path, exc.message)
    import hashlib

    # The same bytes (read through another view, or cited by another product) are parsed
    # once; a reading depends on the path only through the format upstream assumes from it.
    key = (hashlib.sha256(data).digest(), load_test_map().upstream_format(path))
    known = _BY_CONTENT.get(key)
    if known is None:
        reading = parse_bytes(path, data)
        _BY_CONTENT[key] = reading
        while len(_BY_CONTENT) > _CONTENT_LIMIT:
            _BY_CONTENT.popitem(last=False)
        return reading
    _BY_CONTENT.move_to_end(key)
    return known if known.path == path else replace(known, path=path)
