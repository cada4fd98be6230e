"""Small helpers the parsers share: bounded lines, numbers, shortened messages."""

from __future__ import annotations

from collections.abc import Iterator

from .model import ArtifactError

MAX_LINE_BYTES = 1024 * 1024
"""A single line longer than this is not test output (a 100 MB JSON line is refused)."""

MAX_TESTS = 200_000
"""More test results than this in one artifact is refused."""


def split_lines(data: bytes, what: str) -> list[str]:
    """The lines of `data` (decoded, invalid bytes replaced); a line over MAX_LINE_BYTES is an error."""
    parts = data.decode("utf-8", "replace").split("\n")
    if parts and max(map(len, parts)) > MAX_LINE_BYTES:
        number = next(i for i, p in enumerate(parts, 1) if len(p) > MAX_LINE_BYTES)
        raise ArtifactError(f"parsing {what}: line {number} is longer than {MAX_LINE_BYTES} bytes")
    return parts


def lines(data: bytes, what: str) -> Iterator[tuple[int, str]]:
    """(1-based number, text) of every non-empty line (see split_lines)."""
    for number, line in enumerate(split_lines(data, what), 1):
        if line:
            yield number, line[:-1] if line.endswith("\r") else line


_INF = float("inf")


def seconds(text: str | None) -> float | None:
    if text is None:
        return None
    try:
        value = float(text)
    except ValueError:
        return None
    return value if 0 <= value < _INF else None  # NaN compares False


def short(text: str, width: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def too_many(count: int, what: str) -> None:
    if count > MAX_TESTS:
        raise ArtifactError(f"parsing {what}: more than {MAX_TESTS} test results")
