"""Which version string, if any, belongs to a mention.

A version belongs to a project only when it is written right after the project's name
("Kueue v0.14.2", "KubeRay operator v1.3.0", "nvidia-device-plugin --version=0.14.5"),
with nothing between them but separators and a few filler words, and no other mention
in between; or, in a command or YAML block, on a line that holds only a version key
(`--version 1.0.1`, `version: "25.3.0"`) a few lines below the project's name in the
same block. A version next to one project is never given to another, and an API version
(`v1beta1`) is not a release.
"""

from __future__ import annotations

import re

VERSION = r"v?\d+\.\d+(?:\.\d+){0,2}(?:[-+](?:[0-9A-Za-z]+)(?:[.\-][0-9A-Za-z]+)*)?"
_VERSION_RE = re.compile(rf"(?<![\w.]){VERSION}(?![\w]|\.\d)")

_FILLER = (
    r"(?:operator|controller|chart|helm|release|version|ver\.?|app|application|plugin|driver"
    r"|exporter|image|tag|crds?|server|scheduler|stack|addon|add-on|pack|package|gpu)"
)
_GAP_CHARS = r"[\s:=@/(\[\"'\-]*"
_AFTER = re.compile(
    rf"{_GAP_CHARS}(?:{_FILLER}s?\b{_GAP_CHARS}){{0,3}}(?:--?(?:version|tag)\b[\s:=]*)?"
    rf"(?P<v>{VERSION})(?![\w]|\.\d)",
    re.IGNORECASE,
)
# Possessive runs of blanks (`\s*+`): what follows a run can never be a blank, so giving
# one back cannot help a match; without them a key followed by thousands of spaces and
# no version is tried at every split of the run (quadratic).
_KEY_LINE = re.compile(
    rf"^\s*+(?:-\s++)?(?:--?)?(?:version|tag|chart[_-]?version|app[_-]?version|image[_-]?tag)"
    rf"(?:\s*+[:=]\s*+|\s++)[\"']?(?P<v>{VERSION})[\"']?\s*+(?:[|\\#].*)?$",
    re.IGNORECASE,
)

LOOKBACK_LINES = 8
"""How far above a version-key line its project's name may be (same block only)."""


def is_version(text: str) -> bool:
    return bool(_VERSION_RE.fullmatch(text))


def version_after(text: str, end: int, stop: int) -> str | None:
    """The version written right after a mention ending at `end`, before `stop`."""
    m = _AFTER.match(text, end, stop)
    if not m:
        return None
    return m.group("v")


def key_line_version(line: str) -> str | None:
    """`--version 1.0.1 \\` or `version: "25.3.0"`: a line that only sets a version."""
    m = _KEY_LINE.match(line)
    return m.group("v") if m else None


def normalize(version: str) -> str:
    """`v0.14.2` and `0.14.2` compare equal; the string shown is kept as read."""
    return version[1:] if version[:1] in "vV" else version
