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


# -- a heading and the commands under it -------------------------------------------------

_MD_HEADING = re.compile(r"^ {0,3}#{1,6}\s+\S")
_STEP = re.compile(r"^\s{0,3}(?:\d{1,3}[.)]|[-*+])\s+\S|:\s*$")  # "2. Install X", "- Install X", "Install X:"
_FENCE = re.compile(r"^\s{0,3}(?:```|~~~)")
_BLANK_LINE = re.compile(r"^\s*$")
_MAX_GAP = 2  # blank lines allowed between a step heading and its fenced block


def block_under(lines: list[str], line: int) -> tuple[int, int] | None:
    """The 1-based lines (first, last) of the commands or code a heading introduces, or None
    when `line` is not a heading of a block.

    A Markdown heading ("## Install X") heads the lines up to the next Markdown heading; a
    step line ("2. Install X", "- Install X", "Install X:") heads the fenced block that
    follows it after at most two blank lines. What the block does is what the step does:
    a step headed "Install the device plugin" whose command installs a DRA driver
    installs a DRA driver."""
    if not 1 <= line <= len(lines):
        return None
    head = lines[line - 1]
    if _MD_HEADING.match(head):
        last = line
        while last < len(lines) and not _MD_HEADING.match(lines[last]):
            last += 1
        return (line + 1, last) if last > line else None
    if not _STEP.search(head) or _FENCE.match(head):
        return None
    nxt = line
    while nxt < len(lines) and nxt - line <= _MAX_GAP and _BLANK_LINE.match(lines[nxt]):
        nxt += 1
    if nxt >= len(lines) or not _FENCE.match(lines[nxt]):
        return None
    end = nxt + 1
    while end < len(lines) and not _FENCE.match(lines[end]):
        end += 1
    return (nxt + 1, min(end + 1, len(lines)))


def heading_overruled(own: set[int], rival: set[int], block: tuple[int, int] | None) -> bool:
    """A heading's mention loses to the block under it: the block (lines `block`) names a
    rival of the heading's subject (`rival`: lines of rival mentions) and never the subject
    itself (`own`: lines of the subject's mentions)."""
    if block is None:
        return False
    first, last = block
    inside = range(first, last + 1)
    return any(n in inside for n in rival) and not any(n in inside for n in own)


# -- stated in use, not only named ------------------------------------------------------

_IN_USE = re.compile(
    r"\b(?:is|are|was|were|has\s+been|have\s+been)\s+(?:now\s+|also\s+|fully\s+|already\s+)?"
    r"(?:enabled|in\s+use|used|turned\s+on|switched\s+on|activated|active)\b"
    r"|\benabled\s+by\s+default\b",
    re.IGNORECASE,
)


def states_in_use(clauses: Clauses, start: int, end: int) -> bool:
    """Whether the clause holding [start, end) states the thing enabled or used ("DRA v1
    APIs are enabled in 1.34 by default", "DRA is enabled by default") rather than only
    naming it ("implements the DRA APIs", "supports DRA"). The caller has already ruled
    out negative, roadmap and hypothetical wording."""
    left, right = clauses.bounds(start, end)
    return bool(_IN_USE.search(clauses.text, left, right))


# -- the requirement's own condition, restated --------------------------------------------

_SELF_REFERENCE = re.compile(
    r"\b(?:(?:this|the)\s+(?:requirement|criterion|criteria|checklist\s+item)|conditional\s+(?:on|upon)"
    r"|(?:requirement|criterion)\s+(?:applies|is\s+conditional|only\s+applies))\b",
    re.IGNORECASE,
)
_STEM = 5  # words compared by their first letters: "providing" restates "provides"
_FILLER = frozenset({"the", "a", "an", "of", "and", "or", "for", "to", "in", "on", "with", "this", "that", "is",
                     "are", "be", "it", "its", "requirement", "criterion", "criteria", "conditional", "upon",
                     "checklist", "item", "applies", "only", "if", "when"})


def restates_requirement(clauses: Clauses, start: int, end: int, wording: str, share: float = 0.75) -> bool:
    """Whether the clause holding [start, end) speaks of the requirement itself ("this
    requirement is conditional on the platform providing a cluster autoscaler") and its
    other words are the requirement's own wording (`wording`: its id and description),
    compared by stems. Such a clause restates the condition; it says nothing about the
    platform."""
    if not wording:
        return False
    left, right = clauses.bounds(start, end)
    clause = clauses.text[left:right]
    if not _SELF_REFERENCE.search(clause):
        return False
    mine = [w for w in _WORDS.findall(clause.lower()) if w not in _FILLER]
    if len(mine) < 2:
        return False
    theirs = {w[:_STEM] for w in _WORDS.findall(wording.lower())}
    return sum(1 for w in mine if w[:_STEM] in theirs) >= share * len(mine)
