"""Where a local evidence entry points, resolved exactly as the upstream validator does.

Upstream (cncf/k8s-ai-conformance `scripts/validate.go`, PR #141) resolves every
evidence item that is not an http(s) URL, in every checklist version: trim; strip a
leading `file://`; the text after the first `#` is a test name (not decoded); strip
leading `/`; strip the product's own `vX.Y/<dir>/` prefix; a path into another
product's folder, one escaping the folder (`..`) or naming it (`.`), and an empty
path are errors. Nothing is decoded or normalised beyond that, so `%2e%2e` or a
backslash are ordinary characters of a file name that will not be found.

The result is always a path inside the product folder, or a problem: nothing this
module returns can lead a reader outside it.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from enum import StrEnum

_PRODUCT_PREFIX = re.compile(r"^v\d+\.\d+/[^/]+/")
_FILE_SCHEME = "file://"


class PathProblem(StrEnum):
    EMPTY = "empty"  # nothing left once the scheme, fragment and slashes are gone
    OTHER_PRODUCT = "other-product"  # vN.N/<another>/...
    ESCAPES = "escapes"  # `..` out of the folder, or `.` (the folder itself)


@dataclass(frozen=True, slots=True)
class LocalPath:
    path: str | None  # repository-relative path inside the product folder; None on a problem
    fragment: str | None  # the test name after '#', as written
    problem: PathProblem | None = None
    written: str = ""  # the path as upstream shows it in messages (the item minus '#fragment')


def is_upstream_url(item: str) -> bool:
    """Upstream link-checks exactly the items starting `http://` or `https://`."""
    text = item.strip()
    return text.startswith(("http://", "https://"))


def resolve_local(item: str, folder: str) -> LocalPath:
    """`item` (an evidence string that is not a URL) against `folder` ("v1.37/acme")."""
    text = item.strip()
    written = text.partition("#")[0]
    if text.startswith(_FILE_SCHEME):
        text = text[len(_FILE_SCHEME):]
    path, sep, fragment = text.partition("#")
    frag = fragment if sep and fragment else None
    path = path.lstrip("/")
    if not path:
        return LocalPath(None, frag, PathProblem.EMPTY, written)
    own = folder.rstrip("/") + "/"
    if path.startswith(own):
        path = path[len(own):]
    elif _PRODUCT_PREFIX.match(path):
        return LocalPath(None, frag, PathProblem.OTHER_PRODUCT, written)
    cleaned = posixpath.normpath(path) if path else "."
    if cleaned in (".", "..") or cleaned.startswith("../"):
        return LocalPath(None, frag, PathProblem.ESCAPES, written)
    return LocalPath(f"{own}{cleaned}", frag, None, written)


def problem_text(problem: PathProblem, item: str, folder: str) -> str:
    """Upstream's reason for a path it refuses, in kaic's words."""
    product = posixpath.basename(folder.rstrip("/"))
    if problem is PathProblem.EMPTY:
        return "empty file path"
    if problem is PathProblem.OTHER_PRODUCT:
        return f"path {item.strip()!r} points into another product's folder; evidence must live in {product}"
    return f"path {item.strip()!r} escapes the product folder {product}"
