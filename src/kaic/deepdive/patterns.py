"""Stack patterns: per topic (metrics stack, gang scheduling, cluster autoscaling...),
which class each submission falls in and the rule that put it there.

The classes and their conditions are data (data/stack_patterns.yaml, first match wins);
the solutions come from the component analysis (data/solutions.yaml topics, catalog
names and roles); words are read in the notes of the topic's requirements, outside
negative, roadmap and hypothetical clauses.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from .._yaml import load_data
from ..components.analysis import ComponentAnalysis, SubmissionResult
from ..components.catalog import Catalog, Entry
from ..components.model import Kind, Place
from ..components.solutions import NOT_APPLICABLE, NOT_STATED
from ..model import Status
from .dives import Ref, ref_of
from .identifiers import field_places, terms_in, word_pattern

_NEGATIVE = (Status.NA, Status.NOT_IMPLEMENTED)


class PatternsError(ValueError):
    pass


@dataclass(frozen=True)
class PatternClass:
    label: str
    when: Mapping[str, Any]


@dataclass(frozen=True)
class Pattern:
    key: str
    title: str
    topic: str
    classes: tuple[PatternClass, ...]


def _schema() -> Mapping[str, Any]:
    loaded: Mapping[str, Any] = json.loads(
        resources.files("kaic").joinpath("data/schemas/stack_patterns.schema.json").read_text("utf-8"))
    return loaded


def parse_patterns(data: Any, check: bool = True) -> tuple[Pattern, ...]:
    """The patterns of `data`, checked against their JSON Schema unless `check` is False
    (the shipped file: its tests check it, and a report does not import jsonschema)."""
    if check:
        import jsonschema

        errors = list(jsonschema.Draft202012Validator(_schema()).iter_errors(data))
        if errors:
            raise PatternsError("; ".join(f"{'/'.join(map(str, e.path)) or '(root)'}: {e.message}" for e in errors))
    return tuple(Pattern(p["key"], p["title"], p["topic"],
                         tuple(PatternClass(c["label"], dict(c.get("when", {}))) for c in p["classes"]))
                 for p in data["patterns"])


@cache
def load_patterns(path: Path | None = None) -> tuple[Pattern, ...]:
    target = path or Path(str(resources.files("kaic").joinpath("data/stack_patterns.yaml")))
    return parse_patterns(load_data(target.read_text("utf-8")), check=path is not None)


def rule_text(when: Mapping[str, Any]) -> str:
    """The conditions in words: what the report states as the rule."""
    if not when:
        return "none of the above"
    parts = []
    for key, value in when.items():
        listed = ", ".join(value) if isinstance(value, list) else str(value)
        parts.append({
            "managed": "names a managed service",
            "roles": f"names a project with role {listed}",
            "names_any": f"names {' or '.join(value) if isinstance(value, list) else listed}",
            "names_all": f"names {' and '.join(value) if isinstance(value, list) else listed}",
            "several": "names more than one solution",
            "status": f"answers {listed}",
            "not_stated": "names no solution",
            "words": f"the notes say {' or '.join(repr(v) for v in value) if isinstance(value, list) else listed}",
        }[key])
    return " and ".join(parts)


@dataclass(frozen=True)
class Facts:
    """What the conditions read about one submission and one topic."""

    names: tuple[str, ...]  # stated solutions (catalog names)
    entries: Mapping[str, Entry | None]
    status_na: bool
    word_refs: Mapping[str, list[Ref]]  # word -> where it was read (counting clauses)


def _condition(key: str, value: Any, facts: Facts) -> bool:
    entries = [facts.entries.get(n) for n in facts.names]
    if key == "managed":
        return any(e is not None and e.kind is Kind.MANAGED for e in entries)
    if key == "roles":
        return any(e is not None and bool(set(value) & set(e.roles)) for e in entries)
    if key == "names_any":
        return bool(set(value) & set(facts.names))
    if key == "names_all":
        return set(value) <= set(facts.names)
    if key == "several":
        return len(facts.names) > 1
    if key == "status":
        return facts.status_na
    if key == "not_stated":
        return not facts.names and not facts.status_na
    if key == "words":
        return any(facts.word_refs.get(w) for w in value)
    raise PatternsError(f"unknown condition {key!r}")


def holds(when: Mapping[str, Any], facts: Facts) -> bool:
    """Whether every condition of a class holds (a class without conditions always does)."""
    return all(_condition(key, value, facts) for key, value in when.items())


def _facts(pattern: Pattern, r: SubmissionResult, catalog: Catalog, requirements: Sequence[str]) -> Facts | None:
    sol = r.solutions.topics.get(pattern.topic)
    answers = [a for a in r.sub.answers if a.id in requirements]
    if sol is None or not answers:
        return None
    names = tuple(n for n in sol.names if n not in (NOT_STATED, NOT_APPLICABLE))
    by_name = {e.name: e for e in (*catalog.projects, *catalog.managed_services)}
    words = {w for c in pattern.classes for w in c.when.get("words", ())}
    word_refs: dict[str, list[Ref]] = {}
    for w in words:
        regex = word_pattern([w])
        for a in answers:
            if a.status in _NEGATIVE or not a.notes.strip():
                continue
            place = Place(a.id, "notes", None, a.notes_line)
            for term in terms_in(a.notes, {w: regex}, field_places(place, a.notes)):
                word_refs.setdefault(w, []).append(ref_of(r.sub, term.place))
    status_na = sol.names == (NOT_APPLICABLE,) or all(a.status in _NEGATIVE for a in answers)
    return Facts(names, {n: by_name.get(n) for n in names}, status_na, word_refs)


def _member_refs(facts: Facts, r: SubmissionResult, catalog: Catalog, requirements: Sequence[str],
                 when: Mapping[str, Any]) -> list[str]:
    refs: list[Ref] = []
    if facts.status_na:
        refs += [Ref(r.sub.path, a.status_line or a.line) for a in r.sub.answers if a.id in requirements]
    for m in r.detection.mentions:
        if m.counts and m.place.requirement in requirements and catalog.name(m.target) in facts.names:
            refs.append(ref_of(r.sub, m.place))
    for w in when.get("words", ()):
        refs += facts.word_refs.get(w, [])
    return list(dict.fromkeys(x.label() for x in refs if x.line))[:3]


def stack_patterns(ca: ComponentAnalysis, patterns: Sequence[Pattern]) -> list[dict[str, Any]]:
    """[{key, title, topic, classes: [{label, rule, count, members [{submission, names, refs}]}]}]."""
    topics = {t.key: t for t in ca.spec.topics}
    out = []
    for pattern in patterns:
        topic = topics.get(pattern.topic)
        if topic is None:
            continue
        members: dict[str, list[dict[str, Any]]] = {c.label: [] for c in pattern.classes}
        for r in ca.results.values():
            facts = _facts(pattern, r, ca.catalog, topic.requirements)
            if facts is None:
                continue
            chosen = next((c for c in pattern.classes if holds(c.when, facts)), None)
            if chosen is None:
                continue
            members[chosen.label].append({"submission": r.sub.path, "names": list(facts.names),
                                          "refs": _member_refs(facts, r, ca.catalog, topic.requirements, chosen.when)})
        out.append({"key": pattern.key, "title": pattern.title, "topic": pattern.topic, "classes": [
            {"label": c.label, "rule": rule_text(c.when), "count": len(members[c.label]), "members": members[c.label]}
            for c in pattern.classes]})
    return out
