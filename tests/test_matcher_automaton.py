"""The Aho-Corasick matcher against a plain reference: at each position, left to right,
every name's own expression is tried at every length (word boundaries on both sides);
the longest folded name wins, else the longest case-sensitive one, else the patterns'
expression; a hit consumes its text. Texts are built from the shipped catalog's words,
separators, case changes and Unicode look-alikes."""

from __future__ import annotations

import re
from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kaic.components.catalog import load_catalog
from kaic.components.matcher import Matcher, Term, TermKind, _chain, _units, compiled_matcher
from kaic.components.solutions import load_spec

_WORD = re.compile(r"[A-Za-z0-9]")


@cache
def _terms() -> tuple[Term, ...]:
    return tuple(load_catalog().with_entries(load_spec().signal_entries()).terms())


@cache
def _shapes() -> tuple[list[re.Pattern[str]], list[re.Pattern[str]]]:
    folded, exact = [], []
    for t in _terms():
        if t.kind is TermKind.PATTERN:
            continue
        if t.case_sensitive and t.kind is not TermKind.API_GROUP:
            exact.append(re.compile(_chain(_units(t.text, t.kind, False), False)))
        else:
            folded.append(re.compile(_chain(_units(t.text, t.kind, True), True)))
    return folded, exact


def _bounded(text: str, start: int, end: int) -> bool:
    return not (start and _WORD.match(text[start - 1])) and not (end < len(text) and _WORD.match(text[end]))


def _longest(shapes: list[re.Pattern[str]], text: str, start: int) -> int | None:
    for end in range(min(len(text), start + 80), start, -1):
        if _bounded(text, start, end) and any(s.fullmatch(text, start, end) for s in shapes):
            return end
    return None


def reference(matcher: Matcher, text: str) -> list[tuple[str, int, int]]:
    folded, exact = _shapes()
    out = []
    pos = 0
    while pos < len(text):
        found = None
        for is_folded, shapes in ((True, folded), (False, exact)):
            end = _longest(shapes, text, pos)
            if end is not None:
                term = matcher._name_term(is_folded, text[pos:end])
                found = (term, end)
                break
        if found is None:
            m = matcher.regex.match(text, pos)
            if m is not None:
                group = m.lastgroup
                found = (matcher._patterns.get(group) if group else None, max(m.end(), pos + 1))
        if found is None:
            pos += 1
            continue
        term, pos_end = found
        if term is not None and term.kind is not TermKind.VETO:
            out.append((term.text, pos, pos_end))
        pos = pos_end
    return out


def _scan(text: str) -> list[tuple[str, int, int]]:
    return [(h.term.text, h.start, h.end) for h in compiled_matcher(_terms()).scan(text)]


def _words() -> list[str]:
    return [t.text for t in _terms() if t.kind is not TermKind.PATTERN]


def test_the_automaton_finds_what_the_reference_finds_on_fixed_texts() -> None:
    words = _words()[:120]
    matcher = compiled_matcher(_terms())
    texts = [
        " ".join(words),
        "-".join(w.upper() for w in words),
        "__".join(w.lower() for w in words),
        "    ".join(words[:30]),  # four spaces: more than a separator run may hold
        "; ".join(f"x{w} {w}s NVIDIA {w} Tesla {w}" for w in words[:40]),
        " ".join(w.replace("k", "\u212a").replace("s", "\u017f") for w in words[:60]),
        "We run NVIDIA H100, a RayCluster, cert-manager.io/v1 and Kueue's ClusterQueue; no x-ray.",
    ]
    for text in texts:
        assert _scan(text) == reference(matcher, text)


_PIECES = st.sampled_from([*(w for w in _words()), " ", "-", "_", ".", "  ", "\n", "x", "s", "v1", "İ", "ß"])


@settings(max_examples=60, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_PIECES, st.sampled_from(["", "upper", "lower", "glue"])), max_size=12))
def test_the_automaton_finds_what_the_reference_finds_on_generated_texts(parts: list[tuple[str, str]]) -> None:
    text = ""
    for piece, how in parts:
        piece = piece.upper() if how == "upper" else piece.lower() if how == "lower" else piece
        text += piece if how == "glue" else " " + piece
    assert _scan(text) == reference(compiled_matcher(_terms()), text)


def test_a_scan_of_part_of_a_text_sees_the_text_before_it() -> None:
    matcher = Matcher((Term("kueue", "Kueue"), Term("ray", "Ray", case_sensitive=True)))
    text = "xKueue Kueue and Ray"
    assert [(h.start, h.end) for h in matcher.scan(text, 1)] == [(7, 12), (17, 20)]  # "xKueue" is no word
    assert [(h.start, h.end) for h in matcher.scan(text, 0, 19)] == [(7, 12)]  # "Ra" is not Ray
