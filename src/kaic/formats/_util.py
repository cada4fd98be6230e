"""Helpers shared by the formatters: output that always encodes, on one line when asked."""

from __future__ import annotations

from urllib.parse import quote

from ..channels import terminal


def display(text: str) -> str:
    """`text` made encodable as UTF-8.

    File names that are not UTF-8 reach kaic as surrogate escapes (git and os.scandir
    decode them so); their bytes are shown as `\\xNN` instead of crashing the writer.
    """
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


def one_line(text: str) -> str:
    """`display(text)` on one line (newlines and tabs become spaces) and safe for a terminal:
    every other control character is shown as `kaic.channels.terminal` shows it."""
    return terminal(display(text).replace("\r\n", " ").replace("\n", " ").replace("\t", " "))


def displayable(data: object) -> object:
    """Every string inside `data` (dicts, lists) passed through `display`."""
    if isinstance(data, str):
        return display(data)
    if isinstance(data, dict):
        return {display(k) if isinstance(k, str) else k: displayable(v) for k, v in data.items()}
    if isinstance(data, list | tuple):
        return [displayable(v) for v in data]
    return data


def uri_path(path: str) -> str:
    """A repository-relative path as a URI reference: `v1.0/a b/PRODUCT.yaml` -> `v1.0/a%20b/...`.

    Non-UTF-8 bytes of a file name are percent-encoded as the bytes they are.
    """
    return quote(path, safe="/!$&'()*+,;=@", errors="surrogateescape")
