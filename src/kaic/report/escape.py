"""Make vendor text safe where reports put it: Markdown tables and prose, CSV cells.

Vendor text (names, notes, evidence) is untrusted. In Markdown it must not break a
table (pipes, newlines), inject HTML, turn into links or images, or stay a live GitHub
reference — `@user`, `@org/team`, `#123`, `owner/repo#123` and `GH-123` notify people
and cross-link issues when a report is posted on GitHub, so they are shown as code. In
CSV it must not start a spreadsheet formula on any line of a cell, after a tab or a `;`,
and every cell holding a line break, quote or separator is quoted. JSON is written by
`kaic.channels.json_text`.
"""

from __future__ import annotations

import csv
import re
from typing import Any

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~$])")
_BLOCK_START = re.compile(r"^([#+=>-])")
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_LIST_START = re.compile(r"^(\d+)([.)])(?=\s|$)")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
# GitHub references: a mention (@user, @org/team) or an issue link (#1, owner/repo#1, GH-1),
# wherever GitHub would see one (after any character that is not part of a word). Each
# branch starts where the text before cannot continue it: one attempt per run, linear.
_REFERENCE = re.compile(
    r"(?<!\w)@[A-Za-z0-9][A-Za-z0-9-]*(?:/[A-Za-z0-9][\w.-]*)?"
    r"|(?<![\w.-])[A-Za-z0-9][\w.-]*/[\w.-]+#\d+"
    r"|(?<!\w)#\d+"
    r"|(?<![\w-])GH-\d+",
)
_WORD_TAIL = re.compile(r"[\w@#/.-]*")


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
    if _REFERENCE.search(line) is None:
        return _escape_text(line)
    out: list[str] = []
    start = 0
    m = _REFERENCE.search(line)
    while m is not None:
        # The code span takes the whole word the reference begins (`@a@b`, `#1#2`): text
        # right after a code span starts a new text node, where `@b` would be live again.
        end = _WORD_TAIL.match(line, m.end()).end()  # type: ignore[union-attr]  # `*` always matches
        out.append(_escape_text(line[start:m.start()]))
        out.append(_code_span(line[m.start():end]))
        start = end
        m = _REFERENCE.search(line, end)
    out.append(_escape_text(line[start:]))
    return "".join(out)


def _escape_text(line: str) -> str:
    if not line:
        return line
    if "&" in line or "<" in line or ">" in line:  # as _HTML maps them ('&' first: no double escape)
        line = line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    line = _MD_SPECIAL.sub(r"\\\1", line)
    line = _BLOCK_START.sub(r"\\\1", line)  # a heading, list or quote if it began a line
    return _LIST_START.sub(r"\1\\\2", line)


def md_code(value: Any) -> str:
    """Untrusted text as an inline code span (ids, paths): backticks cannot close it."""
    text = " ".join(("" if value is None else str(value)).split())
    return _code_span(_CONTROL.sub(" ", text))


def _code_span(text: str) -> str:
    text = text.replace("|", "\\|")
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or not text else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def md_url(url: str) -> str | None:
    """The URL if it is a plain http(s) URL safe to put inside `<...>` or `(...)`, else None."""
    if re.match(r"^https?://[^\s<>()\[\]`\"'|\\]+$", url or ""):
        return url
    return None


# A formula can start a cell, any line inside it, or follow a tab or `;` (spreadsheets that
# split pasted text there, or use `;` as their list separator); full-width signs count too.
_FORMULA = re.compile("(^|[\r\n\t;])([ \u3000]*)(?=[=+\\-@\uff1d\uff0b\uff0d\uff20])")
_BLANK_START = ("\t", "\r", "\n")


def csv_cell(value: Any) -> Any:
    """A CSV cell that a spreadsheet will not run: a formula sign (= + - @, or their
    full-width forms) at the start of the cell, of a line in it, or after a tab or `;`
    gets an apostrophe before it; a cell starting with a tab or a line break gets one
    too. Every CSV kaic writes spells a boolean `true`/`false`, an unknown value as an
    empty cell, and a version folder as its number (`1.34`, no `v`). (Quoting is the
    writer's: see `CSV_DIALECT`.)"""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None or isinstance(value, int | float):
        return value
    text = str(value)
    if text.startswith(_BLANK_START):
        text = "'" + text
    if _FORMULA.search(text) is None:  # most cells: no rewriting to do
        return text
    return _FORMULA.sub(r"\1\2'", text)


def csv_row(values: list[Any]) -> list[Any]:
    return [csv_cell(v) for v in values]


CSV_DIALECT = csv.excel
"""How kaic writes CSV (RFC 4180, minimal quoting): records end in CRLF, so a cell holding either a CR or
a LF is quoted — a bare CR can never end a record early and start a forged row."""
