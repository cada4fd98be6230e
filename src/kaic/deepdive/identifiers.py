"""Submission -> identifiers with their places (requirement, field or file, line).

Read: each requirement's notes and evidence (text items, and the words of links'
paths), and the text files of the product folder (placed on the requirements whose
evidence points at the file, a folder above it, or a heading's section of it). Never
read: a requirement's `description` (the checklist's text). An identifier in an answer
whose status is N/A or Not Implemented is kept with the skip reason `status`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..components.context import Hypotheticals
from ..components.localfiles import LocalFile
from ..components.model import Place
from ..components.places import PlaceFn, file_places, readers
from ..components.places import evidence_references as references
from ..components.text import Clauses, LineIndex
from ..components.urls import parse, slug_text
from ..model import Answer, EvidenceKind, Status, Submission
from ..model.checklist import Checklist
from .extract import Found, IdKind, find_identifiers
from .vocabulary import Vocabulary

STATUS = "status"
_NEGATIVE_STATUSES = (Status.NA, Status.NOT_IMPLEMENTED)
_URL_KINDS = (IdKind.API, IdKind.KIND, IdKind.METRIC)


@dataclass(frozen=True, slots=True)
class Identifier:
    kind: IdKind
    value: str
    place: Place
    skip: str | None = None  # None: counts; else negative, roadmap, hypothetical, checklist, status

    @property
    def counts(self) -> bool:
        return self.skip is None

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind.value, "value": self.value, "skip": self.skip, **self.place.as_dict()}




def field_places(place: Place, text: str) -> PlaceFn:
    multiline = "\n" in text.strip()

    def places(line: int) -> list[Place]:
        if place.line is None or not multiline:
            return [place]
        return [Place(place.requirement, place.field, None, place.line + line)]

    return places


def _fixed(place: Place) -> PlaceFn:
    """Every line of a one-line field is the field's line."""
    return lambda _line: [place]


def _emit(out: list[Identifier], text: str, found: list[Found], places: PlaceFn, status_skip: str | None) -> None:
    if not found:
        return
    index = LineIndex(text)
    for f in found:
        for place in places(index.line(f.start)):
            out.append(Identifier(f.kind, f.value, place, status_skip or f.skip))


def _answer_skip(answer: Answer) -> str | None:
    return STATUS if answer.status in _NEGATIVE_STATUSES else None


def submission_identifiers(sub: Submission, files: Mapping[str, LocalFile], vocab: Vocabulary,
                           checklist: Checklist | None) -> list[Identifier]:
    """Every identifier of the submission, in reading order (PRODUCT.yaml, then files)."""
    skip_words = frozenset(checklist.ids) if checklist is not None else frozenset()
    wording = {r.id: r.description for r in checklist.requirements} if checklist is not None else {}
    out: list[Identifier] = []
    for answer in sub.answers:
        status_skip = _answer_skip(answer)
        quoted = wording.get(answer.id, "")
        if answer.notes.strip():
            place = Place(answer.id, "notes", None, answer.notes_line)
            _emit(out, answer.notes, find_identifiers(answer.notes, vocab, quoted, skip_words),
                  field_places(place, answer.notes), status_skip)
        for ev in answer.evidence:
            place = Place(answer.id, "evidence", None, ev.line)
            if ev.kind is EvidenceKind.URL:
                url = parse(ev.target)
                if url is None:
                    continue
                words = slug_text(url)
                found = [f for f in find_identifiers(words, vocab, "", skip_words) if f.kind in _URL_KINDS]
                _emit(out, words, found, _fixed(place), status_skip)
            elif ev.kind is EvidenceKind.TEXT:
                _emit(out, ev.target, find_identifiers(ev.target, vocab, quoted, skip_words),
                      _fixed(place), status_skip)
    refs = references(sub)
    negative = {a.id for a in sub.answers if _answer_skip(a)}
    for path in sorted(files):
        local = files[path]
        if local.text is None:
            continue
        places = file_places(path, local.text, refs)
        read_by = readers(path, refs)
        status_skip = STATUS if read_by and read_by <= negative else None
        _emit(out, local.text, find_identifiers(local.text, vocab, "", skip_words), places, status_skip)
    return out


@dataclass(frozen=True, slots=True)
class Term:
    """A mechanism's word read in counting prose or code, with its place."""

    mechanism: str
    place: Place


def terms_in(text: str, patterns: Mapping[str, re.Pattern[str] | None], places: PlaceFn) -> list[Term]:
    out: list[Term] = []
    if not text.strip():
        return out
    clauses = Clauses(text)
    hypothetical = Hypotheticals(clauses)
    index = LineIndex(text)
    for key, pattern in patterns.items():
        if pattern is None:
            continue
        for m in pattern.finditer(text):
            if clauses.tag(m.start(), m.end()) is not None or hypothetical(m.start(), m.end()):
                continue
            out += [Term(key, p) for p in places(index.line(m.start()))]
    return out


def submission_terms(sub: Submission, files: Mapping[str, LocalFile], vocab: Vocabulary) -> list[Term]:
    """Mechanism words (data/identifiers.yaml) in the notes of answered requirements and in
    the folder's files, skipping negative, roadmap and hypothetical clauses and answers
    whose status is N/A or Not Implemented."""
    patterns = _mechanism_patterns(vocab)
    out: list[Term] = []
    for answer in sub.answers:
        if _answer_skip(answer) or not answer.notes.strip():
            continue
        place = Place(answer.id, "notes", None, answer.notes_line)
        out += terms_in(answer.notes, patterns, field_places(place, answer.notes))
    refs = references(sub)
    for path in sorted(files):
        local = files[path]
        if local.text is not None:
            out += terms_in(local.text, patterns, file_places(path, local.text, refs))
    return out


_PATTERNS: list[tuple[Vocabulary, dict[str, re.Pattern[str] | None]]] = []


def _mechanism_patterns(vocab: Vocabulary) -> dict[str, re.Pattern[str] | None]:
    """Each mechanism's word pattern, compiled once for the last vocabulary asked about."""
    for seen, patterns in _PATTERNS[:1]:
        if seen is vocab:
            return patterns
    patterns = {m.key: word_pattern(m.words) for m in vocab.mechanisms}
    _PATTERNS[:] = [(vocab, patterns)]
    return patterns


def word_pattern(words: Sequence[str]) -> re.Pattern[str] | None:
    """One alternation of literal words: upper-case ones (MIG, MPS) exactly, others in any case."""
    exact = [re.escape(w) for w in words if w.isupper()]
    folded = [re.escape(w) for w in words if not w.isupper()]
    parts = []
    if exact:
        parts.append(rf"(?<![\w/-])(?:{'|'.join(exact)})(?![\w-])")
    if folded:
        parts.append(rf"(?i:(?<![\w-])(?:{'|'.join(folded)})(?![\w-]))")
    return re.compile("|".join(parts)) if parts else None
