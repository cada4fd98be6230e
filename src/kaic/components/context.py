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

_EXAMPLE = re.compile(r"\b(?:such\s+as|for\s+example|for\s+instance|e\.g\.)(?=[\s,:(])", re.IGNORECASE)
_MODAL = re.compile(
    r"\b(?:could|might|may|would|any|whichever"
    r"|can\s+(?:also\s+)?be\s+(?:configured|installed|deployed|used|added|enabled|integrated)"
    r"|if\s+(?:needed|desired|required|preferred|you|the\s+user|users|customers?))\b",
    re.IGNORECASE,
)
_ALWAYS = re.compile(r"\b(?:forward[\s-]looking|optional(?:ly)?|hypothetical(?:ly)?)\b", re.IGNORECASE)
_LOOKBACK = 80  # "e.g." ends a clause for the clause splitter: look this far back on the line too
_WORDS = re.compile(r"[a-z0-9]+")
MIN_QUOTE = 24  # a shorter sentence is not taken for a quotation


def is_hypothetical(clauses: Clauses, start: int, end: int) -> bool:
    """Whether the clause holding [start, end) offers the thing as an option or example."""
    left, right = clauses.bounds(start, end)
    clause = clauses.text[left:right]
    if _ALWAYS.search(clause):
        return True
    line_start = clauses.text.rfind("\n", 0, start) + 1
    before = clauses.text[max(line_start, start - _LOOKBACK, 0) : start]
    example = _EXAMPLE.search(clause) or _EXAMPLE.search(before)
    return bool(example and (_MODAL.search(clause) or _MODAL.search(before)))


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
