"""What a requirement is about, read from its checklist text plus data/requirement_terms.yaml.

Used by the rules that compare notes and evidence with their requirement. Everything is
compared in folded form (lower case, every run of non-alphanumerics one space, padded
with a space on both sides), so a term is found as whole words with `in` (linear time).
A term ending in "*" also matches longer words: " autoscal" finds " autoscaler ".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

TERMS_PATH = Path(__file__).resolve().parent / "data" / "requirement_terms.yaml"
_NON_WORD = re.compile(r"[^a-z0-9]+")
_ACRONYM = re.compile(r"\(([A-Za-z][A-Za-z0-9-]{1,11})\)")
_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+")
# A scheme is at most 32 characters: each attempt scans a bounded prefix, so the pattern is
# linear (an unbounded `[a-z0-9+.-]*` rescanned "a.a.a..." from every dot: quadratic).
_URL = re.compile(r"\b[a-z][a-z0-9+.-]{0,31}://\S+", re.I)


def fold(text: str) -> str:
    """" words of text " in lower case, separated by single spaces, padded."""
    return " " + " ".join(_NON_WORD.sub(" ", text.lower()).split()) + " "


def _term(raw: str) -> str:
    """A term in the form `in` compares: " word " or, with a trailing "*", " word"."""
    prefix = raw.endswith("*")
    core = fold(raw.rstrip("*")).strip()
    return f" {core}" if prefix else f" {core} "


def overlaps(a: str, b: str) -> bool:
    """Two terms can match the same words: equal, or one is a prefix term of the other."""
    return a == b or (not b.endswith(" ") and a.startswith(b)) or (not a.endswith(" ") and b.startswith(a))


def distinctive(terms: Mapping[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """Each key's terms that no other key's terms can match too."""
    return {k: tuple(t for t in mine if not any(overlaps(t, u) for o, theirs in terms.items() if o != k
                                                for u in theirs))
            for k, mine in terms.items()}


def mentions(folded: str, terms: Iterable[str]) -> list[str]:
    """The terms (as written in `_term` form) found in folded text."""
    return [t for t in terms if t in folded]


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text.strip()) if s.strip()]


@dataclass(frozen=True)
class Cues:
    forward_looking: tuple[str, ...]
    generic_subjects: tuple[str, ...]
    not_applying: tuple[str, ...]
    subjects: Mapping[str, tuple[str, ...]]
    topics: Mapping[str, tuple[str, ...]]
    copied_min_words: int = 12
    copied_similarity: float = 0.6

    @classmethod
    def parse(cls, data: Mapping[str, Any]) -> Cues:
        def phrases(key: str) -> tuple[str, ...]:
            return tuple(dict.fromkeys(fold(str(p)) for p in data.get(key) or ()))

        def by_req(key: str) -> dict[str, tuple[str, ...]]:
            return {str(k): tuple(_term(str(t)) for t in v or ()) for k, v in (data.get(key) or {}).items()}

        copied = data.get("notes_copied") or {}
        return cls(phrases("forward_looking"), phrases("generic_subjects"), phrases("not_applying"),
                   by_req("subjects"), by_req("topics"),
                   int(copied.get("min_words", 12)), float(copied.get("similarity", 0.6)))

    def present(self, description: str) -> str:
        """The description without its forward-looking sentences."""
        kept = [s for s in sentences(description) if not any(fold(s).startswith(p) for p in self.forward_looking)]
        return " ".join(kept)

    def subject_terms(self, requirement_id: str, description: str) -> tuple[str, ...]:
        """The requirement as a whole: its id as a phrase, the acronyms its description
        defines outside forward-looking sentences, and the curated subjects."""
        derived = [_term(requirement_id.replace("_", " "))]
        derived += [_term(a) for a in _ACRONYM.findall(self.present(description))]
        return tuple(dict.fromkeys([*derived, *self.subjects.get(requirement_id, ())]))

    def topic_terms(self, requirement_id: str, description: str) -> tuple[str, ...]:
        """What a link about the requirement names: its id as a phrase, the acronyms its
        description defines, and the curated topics (not the broader subjects)."""
        derived = [_term(requirement_id.replace("_", " "))]
        derived += [_term(a) for a in _ACRONYM.findall(description)]
        return tuple(dict.fromkeys([*derived, *self.topics.get(requirement_id, ())]))

    def not_applying_in(self, text: str) -> str | None:
        folded = fold(text)
        return next((p.strip() for p in self.not_applying if p in folded), None)


def prose(text: str) -> str:
    """Text without its URLs (links differ where templated notes do not)."""
    return _URL.sub(" ", text)


def shingles(text: str) -> frozenset[tuple[str, ...]]:
    """The three-word runs of text (folded)."""
    words = fold(text).split()
    return frozenset(tuple(words[i : i + 3]) for i in range(len(words) - 2))


def similarity(a: frozenset[tuple[str, ...]], b: frozenset[tuple[str, ...]]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def parse_cues(data: Any) -> Cues:
    if not isinstance(data, Mapping):
        raise ValueError("requirement terms: the top level must be a mapping")
    return Cues.parse(data)


def load_data(path: Path = TERMS_PATH) -> Any:
    from ._yaml import load_data as load_yaml

    return load_yaml(path.read_text(encoding="utf-8"))


@cache
def cues() -> Cues:
    """The shipped cues (their schema is checked by the tests, not on every run)."""
    return parse_cues(load_data())
