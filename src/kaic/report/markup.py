"""Markdown building blocks shared by the sections: tables, anchors and footnotes.

Every figure in the report can be traced: a section attaches a footnote to a number
(`Footnotes.cite`) listing the submissions behind it, each linked to its row in the
inventory (`submission_link`).
"""

from __future__ import annotations

import math
import posixpath
import re
from collections.abc import Iterable, Sequence

from .escape import md_text


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


_PLAIN_FOLDER = re.compile(r"^v(\d+)\.(\d+)/([a-z0-9]+(?:-[a-z0-9]+)*)$")


def submission_anchor(path: str) -> str:
    """The HTML id of a submission (its inventory row, its dashboard detail), unique by
    construction: two folders never share one.

    A plain folder reads as itself: v1.34/gke -> sub-v1-34-gke (the version is always two
    numbers, and a plain product name is lowercase words joined by single hyphens, so
    this is reversible). Any other folder (`acme--ai`, `Acme`, `a_b`) gets its slug, `_`
    (which a plain id never holds) and the hex of its exact name: v1.34/acme--ai ->
    sub-v1-34-acme-ai_76312e33342f61636d652d2d6169. An id derived from an anchor appends
    `_` and a non-hex word (the dashboard's `<anchor>_h` heading), so it cannot be an anchor.
    """
    folder = posixpath.dirname(path) or path
    m = _PLAIN_FOLDER.match(folder)
    if m:
        return f"sub-v{m.group(1)}-{m.group(2)}-{m.group(3)}"
    return f"sub-{slug(folder)}_{folder.encode('utf-8', 'surrogateescape').hex()}"


def submission_label(path: str) -> str:
    """v1.34/gke/PRODUCT.yaml -> v1.34/gke."""
    return posixpath.dirname(path) or path


def submission_link(path: str, label: str | None = None) -> str:
    return f"[{md_text(label if label is not None else submission_label(path))}](#{submission_anchor(path)})"


def links(paths: Iterable[str]) -> str:
    return ", ".join(submission_link(p) for p in paths)


def anchor(anchor_id: str) -> str:
    return f'<a id="{slug(anchor_id)}"></a>'


def table(headers: Sequence[str], rows: Iterable[Sequence[object]], align: Sequence[str] | None = None) -> str:
    """A GitHub table; cells must already be Markdown (escape vendor text first)."""
    marks = {"l": ":---", "r": "---:", "c": ":---:"}
    aligns = list(align or ["l"] * len(headers))
    out = ["| " + " | ".join(headers) + " |",
           "| " + " | ".join(marks.get(a, "---") for a in aligns) + " |"]
    for row in rows:
        out.append("| " + " | ".join("" if c is None else str(c) for c in row) + " |")
    return "\n".join(out)


def percent(part: int, whole: int) -> str:
    return f"{math.floor(100 * part / whole + 0.5)}%" if whole else "–"  # half up: 5/8 is 63%


def fraction(part: int, whole: int) -> str:
    """"19/23 (83%)": the count, its denominator and the rounded share."""
    return f"{part}/{whole} ({percent(part, whole)})" if whole else "–"


class Footnotes:
    """Numbered footnotes of one section; labels carry the section key so they are unique."""

    def __init__(self, prefix: str) -> None:
        self.prefix = slug(prefix)
        self._notes: list[tuple[str, str]] = []
        self._by_text: dict[str, str] = {}

    def cite(self, text: str) -> str:
        """A `[^label]` reference to a note with this (already Markdown) text; same text, same note."""
        if text in self._by_text:
            return self._by_text[text]
        label = f"{self.prefix}-{len(self._notes) + 1}"
        ref = f"[^{label}]"
        self._notes.append((label, text))
        self._by_text[text] = ref
        return ref

    def count(self, n: int, paths: Sequence[str], what: str = "", every: tuple[Sequence[str], str] | None = None) -> str:
        """The number `n` with a footnote listing the submissions it counts (none when 0).

        `every` = (universe, label): when `paths` is the whole universe the note says
        "all <label>" instead of listing them again.
        """
        if not n or not paths:
            return str(n)
        lead = f"{md_text(what)}: " if what else ""
        if every is not None and len(paths) > 1 and set(paths) == set(every[0]):
            return f"{n}{self.cite(f'{lead}all {len(paths)} {every[1]}')}"
        return f"{n}{self.cite(lead + links(paths))}"

    def render(self) -> str:
        return "\n".join(f"[^{label}]: {text}" for label, text in self._notes)


def join_blocks(*blocks: str) -> str:
    return "\n\n".join(b.strip("\n") for b in blocks if b and b.strip())
