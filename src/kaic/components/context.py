"""Context of a mention beyond negation: hypothetical wording and quoted checklist text.

Shared by component detection and identifier extraction (`kaic.deepdive`). The cue
words are English grammar, not knowledge about projects or vendors:

- *hypothetical*: the clause offers the thing as an example of what could be done
  ("HPA can be configured with custom metrics, such as ...", "any Gateway API
  controller, for example A or B, may be installed"), or as optional or forward-looking;
- *checklist*: the sentence is the requirement's own wording, quoted back.

Every pattern here is a plain alternation of literals and bounded classes (linear time).
"""

from __future__ import annotations

import re

from .text import Clauses

HYPOTHETICAL = "hypothetical"
CHECKLIST = "checklist"

_EXAMPLE = re.compile(r"\b(?:such\s+as|for\s+example|for\s+instance|e\.g\.|including|like)(?=[\s,:(])", re.IGNORECASE)
_MODAL = re.compile(
    r"\b(?:could|might|may|would|any|whichever"
    r"|can\s+(?:also\s+)?be\s+(?:configured|installed|deployed|used|added|enabled|integrated)"
    r"|if\s+(?:needed|desired|required|preferred|you|the\s+user|users|customers?))\b",
    re.IGNORECASE,
)
_ALWAYS = re.compile(r"\b(?:forward[\s-]looking|optional(?:ly)?|hypothetical(?:ly)?)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<!\be\.g)(?<!\bi\.e)[.!?]\s")  # "e.g. " does not end the sentence
_LOOKBACK = 80  # "e.g." ends a clause for the clause splitter: look this far back on the line too
_WORDS = re.compile(r"[a-z0-9]+")
MIN_QUOTE = 24  # a shorter sentence is not taken for a quotation


def _clause_cues(clause: str) -> tuple[bool, bool, bool]:
    """(always, example, modal) cues of one clause."""
    return bool(_ALWAYS.search(clause)), bool(_EXAMPLE.search(clause)), bool(_MODAL.search(clause))


class Hypotheticals:
    """`is_hypothetical` over one text, with each clause's cues read once."""

    __slots__ = ("_cues", "clauses")

    def __init__(self, clauses: Clauses) -> None:
        self.clauses = clauses
        self._cues: dict[tuple[int, int], tuple[bool, bool, bool]] = {}

    def __call__(self, start: int, end: int) -> bool:
        bounds = self.clauses.bounds(start, end)
        cues = self._cues.get(bounds)
        if cues is None:
            cues = self._cues[bounds] = _clause_cues(self.clauses.text[bounds[0] : bounds[1]])
        always, example, modal = cues
        if always:
            return True
        text = self.clauses.text
        line_start = text.rfind("\n", 0, start) + 1
        before = text[max(line_start, start - _LOOKBACK, 0) : start]
        ends = [m.end() for m in _SENTENCE_END.finditer(before)]
        before = before[ends[-1] :] if ends else before
        return bool((example or _EXAMPLE.search(before)) and (modal or _MODAL.search(before)))


def is_hypothetical(clauses: Clauses, start: int, end: int) -> bool:
    """Whether the clause holding [start, end) offers the thing as an option or example."""
    return Hypotheticals(clauses)(start, end)


def folded_words(text: str) -> str:
    """Lower-case words joined by single spaces: the form quotations are compared in."""
    return " ".join(_WORDS.findall(text.lower()))


def _sentence(text: str, start: int, end: int) -> str:
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    right_candidates = [p for p in (text.find(". ", end), text.find("\n", end)) if p >= 0]
    right = min(right_candidates) if right_candidates else len(text)
    return text[left + 1 : right]


def is_checklist_quote(text: str, start: int, end: int, folded_checklist: str) -> bool:
    """Whether the sentence holding [start, end) is the checklist's own wording (given
    folded by `folded_words`)."""
    if not folded_checklist:
        return False
    sentence = folded_words(_sentence(text, start, end))
    return len(sentence) >= MIN_QUOTE and sentence in folded_checklist
