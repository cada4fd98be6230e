"""Small helpers the parsers share: bounded lines, numbers, shortened messages."""

from __future__ import annotations

from collections.abc import Iterator

from .model import ArtifactError

MAX_LINE_BYTES = 1024 * 1024
"""A single line longer than this is not test output (a 100 MB JSON line is refused)."""

MAX_TESTS = 200_000
"""More test results than this in one artifact is refused."""


def lines(data: bytes, what: str) -> Iterator[tuple[int, str]]:
    """(1-based number, text) of every line; a line over MAX_LINE_BYTES is an error."""
    start = 0
    number = 0
    size = len(data)
    while start < size:
        end = data.find(b"\n", start)
        if end < 0:
            end = size
        number += 1
        if end - start > MAX_LINE_BYTES:
            raise ArtifactError(f"parsing {what}: line {number} is longer than {MAX_LINE_BYTES} bytes")
        yield number, data[start:end].decode("utf-8", "replace").rstrip("\r")
        start = end + 1


def seconds(text: str | None) -> float | None:
    if text is None:
        return None
    try:
        value = float(text)
    except ValueError:
        return None
    return value if value >= 0 and value == value and value != float("inf") else None


def short(text: str, width: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def too_many(count: int, what: str) -> None:
    if count > MAX_TESTS:
        raise ArtifactError(f"parsing {what}: more than {MAX_TESTS} test results")
