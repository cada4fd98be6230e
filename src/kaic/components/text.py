"""Plain-text helpers for detection: line numbers, clauses, negative and roadmap wording.

The cue words are English grammar, not knowledge about projects or vendors: they tell
"Cluster Autoscaler is not deployed" or "support is planned" apart from a statement
that a component is used.
"""

from __future__ import annotations

import bisect
import re
from enum import StrEnum


class Tag(StrEnum):
    """Why a mention does not count as adoption."""

    NEGATIVE = "negative"  # "not applicable", "not deployed", "does not provide", "instead of A/B"
    ROADMAP = "roadmap"  # "planned", "in the future", "ongoing efforts to transition"
    HYPOTHETICAL = "hypothetical"  # "any controller, such as A, B or C, can be installed"
    TOOL_OUTPUT = "tool-output"  # metric help text, nvidia-smi table headers
    QUOTED = "quoted"  # the requirement's own wording: a link anchor "#_support_dynamic_resource_allocation_dra"


# When several mentions of one component disagree, the folded tag is the first of these.
TAG_ORDER = (Tag.ROADMAP, Tag.HYPOTHETICAL, Tag.NEGATIVE, Tag.QUOTED, Tag.TOOL_OUTPUT)

_WORD = re.compile(r"[a-z0-9]+")
_FILLER = frozenset({"the", "a", "an", "of", "and", "or", "for", "to", "in", "on", "with"})


def restates(words: str, wording: str, share: float = 0.75) -> bool:
    """`words` (a link anchor, a heading) only restate `wording` (a requirement's id and
    description): at least `share` of its words, fillers aside, and at least two, are the
    requirement's own. "#_support_dynamic_resource_allocation_dra" restates "Support
    Dynamic Resource Allocation (DRA) APIs ..."; "#using-kueue-with-topology-aware-scheduling"
    does not restate the gang-scheduling requirement."""
    mine = [w for w in _WORD.findall(words.lower()) if w not in _FILLER]
    if len(mine) < 2:
        return False
    theirs = set(_WORD.findall(wording.lower()))
    return sum(1 for w in mine if w in theirs) >= share * len(mine)


class LineIndex:
    """Offsets -> 1-based line numbers of one text, by binary search."""

    __slots__ = ("_starts",)

    def __init__(self, text: str) -> None:
        starts = [0]
        find = text.find
        pos = find("\n")
        while pos >= 0:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        self._starts = starts

    def line(self, offset: int) -> int:
        return bisect.bisect_right(self._starts, offset)

    def start(self, line: int) -> int:
        return self._starts[line - 1]

    def end(self, line: int, text_len: int) -> int:
        return self._starts[line] - 1 if line < len(self._starts) else text_len

    def __len__(self) -> int:
        return len(self._starts)


# A clause ends at a sentence end, a semicolon, a line break, or a contrast word:
# "does not provide an autoscaler, but works with the Kubernetes autoscaler" has two.
_CLAUSE_BREAK = re.compile(
    r"[.!?](?=\s|$)|[;\n\r]|\b(?:[Bb]ut|[Hh]owever|[Ww]hereas|[Aa]lthough|[Tt]hough|[Ww]hile|[Ee]xcept)\b"
)

_NEGATIVE = re.compile(
    r"\b(?:"
    r"not\s+(?:applicable|deployed|installed|provided|supported|available|used|enabled|included|offered|required|possible|part\s+of)"
    r"|n/a|unavailable|unsupported|disabled"
    r"|(?:does|do|did|is|are|was|were|can|could|will|would|has|have)(?:\s+not|n't)\b"
    r"|cannot|can't|won't|no\s+longer|never|neither|nor"
    r"|no\s+(?:\w+\s+)?(?:support|integration|autoscal\w*)"
    r")",
    re.IGNORECASE,
)

_ROADMAP = re.compile(
    r"\b(?:"
    r"planned|plans?\s+to|planning|roadmap|in\s+the\s+future|future\s+(?:release|version|work)s?"
    r"|upcoming|coming\s+soon|not\s+yet|later\s+release|under\s+development|in\s+progress"
    r"|ongoing\s+efforts?|work\s+is\s+underway"
    r"|will\s+(?:be\s+(?:supported|available|added|included|released|introduced|offered|enabled)"
    r"|(?:support|add|include|offer|introduce|move|transition))\b"
    r"|intend\s+to|expected\s+to\s+(?:be|land|ship)"
    r")",
    re.IGNORECASE,
)
# "we will move to X once it is GA": a move followed, later on its line, by "once". Two
# linear scans instead of `move\s+to\b.*\bonce\b`, which re-reads the rest of the line
# after every "move to" (quadratic in a clause repeating it).
_MOVE_TO = re.compile(r"\b(?:transition|migrate|move)\s+to\b", re.IGNORECASE)
_ONCE = re.compile(r"\bonce\b", re.IGNORECASE)


def _moves_once(clause: str) -> bool:
    """Whether some "move to" is followed by "once" on the same line."""
    move = _MOVE_TO.search(clause)
    while move is not None:
        line_end = clause.find("\n", move.end())
        line_end = len(clause) if line_end < 0 else line_end
        if _ONCE.search(clause, move.end(), line_end):
            return True
        move = _MOVE_TO.search(clause, line_end)  # a later line
    return False


def is_roadmap(clause: str) -> bool:
    """Whether a clause speaks of plans ("planned", "will support", "move to X once ...")."""
    return _ROADMAP.search(clause) is not None or _moves_once(clause)


# Wording right around a name that says it is not used: "unlike Volcano", "instead of
# Ray", "instead of Kueue/Volcano" (every name of a short list after the cue), "vs.
# Volcano", "no Kubeflow", "a Slurm-like scheduler", "dcgmExporter.enabled=false".
_LIST_ITEM = r"(?:[\w.+-]+(?:\s[\w.+-]+)?\s*(?:/|,|\bor\b|\band\b)\s*)"
_NEGATIVE_BEFORE = re.compile(
    r"(?:\b(?:without|other\s+than)|(?:^|[.;:!?]\s*)no)\s+(?:the\s+)?$"
    r"|\b(?:unlike|instead\s+of|rather\s+than|vs\.?|versus|compared\s+(?:to|with)|alternatives?\s+to)"
    r"\s+(?:the\s+)?" + _LIST_ITEM + r"{0,3}$",
    re.IGNORECASE,
)
_NEGATIVE_AFTER = re.compile(r"^(?:-(?:like|style|esque)\b|[\w-]*\.enabled\s*[=:]\s*[\"']?false\b)",
                             re.IGNORECASE)

# A name offered as an example of what could be installed, not as what is used: an
# enumeration cue in a sentence that speaks of possibility ("any Gateway API controller,
# such as A, B or C, can be installed"; "solutions such as A and B are compatible").
_EXAMPLES = re.compile(r"\b(?:such\s+as|e\.g\.|for\s+example|for\s+instance|including|like)\b", re.IGNORECASE)
_POSSIBLE = re.compile(
    r"\b(?:any|a\s+variety\s+of|(?:can|could|may|might)\s+(?:also\s+)?be\s+(?:installed|used|deployed|added)"
    r"|(?:is|are)\s+compatible|of\s+(?:your|their|the\s+user's)\s+choice|bring\s+your\s+own)\b",
    re.IGNORECASE,
)
_SENTENCE = re.compile(r"[.!?](?=\s|$)|[\n\r]")

# Tool output quoted as evidence: metric metadata (Prometheus exposition "# HELP" /
# "# TYPE" lines) and boxed table rows (nvidia-smi's "| MIG M. |" header) name things the
# tool reports about, not components the platform runs.
_TOOL_LINE = re.compile(r"^\s*(?:#\s*(?:HELP|TYPE)\s|\|.*\|\s*$|\+[-=+]+\+\s*$)")

# A clause that states the present ("currently", "today") before its roadmap cue: the
# mentions before the cue are facts of today, only those after it are plans.
_PRESENT = re.compile(r"\b(?:current(?:ly)?|today|now|at\s+present|presently)\b", re.IGNORECASE)


class Clauses:
    """The clause breaks of one text, found in one pass; clause lookups by bisection."""

    __slots__ = ("_ends", "_possible", "_sentences", "_starts", "_tags", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        starts: list[int] = []
        ends: list[int] = []
        for m in _CLAUSE_BREAK.finditer(text):
            starts.append(m.start())
            ends.append(m.end())
        self._starts = starts
        self._ends = ends
        self._tags: dict[tuple[int, int], Tag | None] = {}
        self._sentences: list[int] | None = None
        self._possible: list[tuple[int, int]] = []

    def bounds(self, start: int, end: int) -> tuple[int, int]:
        i = bisect.bisect_right(self._ends, start)  # breaks ending at or before start
        left = self._ends[i - 1] if i else 0
        j = bisect.bisect_left(self._starts, end)
        right = self._starts[j] if j < len(self._starts) else len(self.text)
        return left, right

    def tag(self, start: int, end: int) -> Tag | None:
        if _NEGATIVE_BEFORE.search(self.text[max(0, start - 64) : start]) or _NEGATIVE_AFTER.match(
            self.text[end : end + 48]
        ):
            return Tag.NEGATIVE
        line_start = self.text.rfind("\n", 0, start) + 1
        line_end = self.text.find("\n", end)
        if _TOOL_LINE.match(self.text[line_start : line_end if line_end >= 0 else len(self.text)]):
            return Tag.TOOL_OUTPUT
        bounds = self.bounds(start, end)
        if bounds not in self._tags:
            clause = self.text[bounds[0] : bounds[1]]
            self._tags[bounds] = (
                Tag.ROADMAP if is_roadmap(clause) else Tag.NEGATIVE if _NEGATIVE.search(clause) else None
            )
        found = self._tags[bounds]
        if found is Tag.ROADMAP:
            clause = self.text[bounds[0] : bounds[1]]
            cue = _ROADMAP.search(clause)
            if cue is not None and start < bounds[0] + cue.start() and _PRESENT.search(clause, 0, cue.start()):
                found = Tag.NEGATIVE if _NEGATIVE.search(clause, 0, cue.start()) else None
        if found is None and self._hypothetical(start):
            return Tag.HYPOTHETICAL
        return found

    def _hypothetical(self, start: int) -> bool:
        """The name stands in an example list of a sentence about what is possible."""
        text = self.text
        left = max((m.end() for m in _SENTENCE.finditer(text, max(0, start - 400), start)), default=max(0, start - 400))
        if _EXAMPLES.search(text, left, start) is None:
            return False
        # the sentence ends and the possibility cues of the whole text, found once: each
        # lookup is a bisection, however many names one long sentence holds
        if self._sentences is None:
            self._sentences = [m.start() for m in _SENTENCE.finditer(text)]
            self._possible = [m.span() for m in _POSSIBLE.finditer(text)]
        i = bisect.bisect_left(self._sentences, start)
        right = self._sentences[i] if i < len(self._sentences) else len(text)
        j = bisect.bisect_left(self._possible, (left, -1))
        return j < len(self._possible) and self._possible[j][1] <= right


def tag_for(text: str, start: int, end: int) -> Tag | None:
    """NEGATIVE or ROADMAP when the clause holding the span says so, else None.

    Roadmap wins over negative: "not yet available, planned for Q3" is a plan.
    """
    return Clauses(text).tag(start, end)
