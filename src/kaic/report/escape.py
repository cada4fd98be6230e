"""Make vendor text safe where reports put it: Markdown tables and prose, CSV cells.

Vendor text (names, notes, evidence) is untrusted. In Markdown it must not break a
table (pipes, newlines), inject HTML, or turn into links or images; in CSV it must not
start a spreadsheet formula. JSON needs nothing beyond `json.dumps`.
"""

from __future__ import annotations

import re
from typing import Any

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~$])")
_BLOCK_START = re.compile(r"^([#+=>-])")
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_LIST_START = re.compile(r"^(\d+)([.)])(?=\s|$)")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u2028\u2029]")


def md_text(value: Any, *, max_length: int | None = None) -> str:
    """Untrusted text as inline Markdown: one line, no HTML, no links, no table breaks.

    Newlines become `<br>` (kaic's own tag, so multi-line notes stay readable in a
    table cell); every other character that Markdown or HTML would interpret is
    escaped, so `[x](javascript:...)`, `![img](...)`, `<script>` and `|` show as typed.
    """
    text = "" if value is None else str(value)
    text = _CONTROL.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n"))
    if max_length is not None and len(text) > max_length:
        text = text[: max_length - 1].rstrip() + "…"
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return "<br>".join(_escape_line(line) for line in lines if line)


def _escape_line(line: str) -> str:
    if "&" in line or "<" in line or ">" in line:  # as _HTML maps them ('&' first: no double escape)
        line = line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    line = _MD_SPECIAL.sub(r"\\\1", line)
    line = _BLOCK_START.sub(r"\\\1", line)  # a heading, list or quote if it began a line
    return _LIST_START.sub(r"\1\\\2", line)


def md_code(value: Any) -> str:
    """Untrusted text as an inline code span (ids, paths): backticks cannot close it."""
    text = " ".join(("" if value is None else str(value)).split())
    text = _CONTROL.sub(" ", text).replace("|", "\\|")
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or not text else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def md_url(url: str) -> str | None:
    """The URL if it is a plain http(s) URL safe to put inside `<...>` or `(...)`, else None."""
    if re.match(r"^https?://[^\s<>()\[\]`\"'|\\]+$", url or ""):
        return url
    return None


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """A CSV cell that a spreadsheet will not run: text starting with = + - @ tab or CR
    gets a leading apostrophe. Numbers, booleans and None are returned as they are."""
    if value is None or isinstance(value, bool | int | float):
        return value
    text = str(value)
    if text.startswith(_FORMULA_START):
        return "'" + text
    return text


def csv_row(values: list[Any]) -> list[Any]:
    return [csv_cell(v) for v in values]


_MENTION = re.compile(r"(?<![\w&`])@(?=[A-Za-z0-9])")
_ISSUE_REF = re.compile(r"(?<!&)(#|\bGH-)(?=\d)", re.IGNORECASE)
_ZERO_WIDTH = "&#8203;"


def md_inert(markdown: str) -> str:
    """Inline Markdown (as `md_text` makes it) with GitHub's autolinks defused.

    `@user` or `@org/team` would notify, `#123`, `owner/repo#123` and `GH-123` would
    link an issue: a zero-width space after the `@` or `#` keeps the text as typed and
    links nothing. Idempotent. Not for code spans, where GitHub links nothing anyway.
    """
    return _ISSUE_REF.sub(lambda m: m.group(1) + _ZERO_WIDTH, _MENTION.sub("@" + _ZERO_WIDTH, markdown))
