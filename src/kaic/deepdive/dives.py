"""Requirement deep dives: per checklist version and requirement, how the submissions
answer it, from their data only.

For each requirement: its answers by status; the solutions (component analysis); the
identifiers most cited, by how many submissions; the best evidence class of each
claim; the mechanisms the answers show (data/identifiers.yaml); how vendors tested it
(evidence levels and the `kubectl` commands of their walkthroughs); and the N/A and Not
Implemented answers with their reasons, grouped by the reason groups of the data file.
Every count comes with the places (file:line) behind it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..components.analysis import ComponentAnalysis
from ..components.model import Place
from ..components.solutions import NOT_APPLICABLE, NOT_STATED
from ..load import RepoState
from ..model import Answer, Status, Submission
from ..model.checklist import version_key
from .extract import IdKind
from .identifiers import Identifier, Term
from .vocabulary import Mechanism, ReasonGroup, Vocabulary

TOP_IDENTIFIERS = 12
PLACES_SHOWN = 3
NO_REASON = "no-reason"
OTHER_REASON = "other"
_NEGATIVE = (Status.NA, Status.NOT_IMPLEMENTED)


@dataclass(frozen=True, slots=True)
class Ref:
    """A line of a file in the repository: what a footnote points at."""

    file: str
    line: int | None

    def label(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file


def ref_of(sub: Submission, place: Place) -> Ref:
    return Ref(place.file or sub.path, place.line)


def reason_group(notes: str, groups: Sequence[ReasonGroup]) -> str:
    folded = " ".join(notes.lower().split())
    if not folded:
        return NO_REASON
    for g in groups:
        if any(w.lower() in folded for w in g.words):
            return g.key
    return OTHER_REASON


def _mechanism_refs(mech: Mechanism, sub: Submission, ids: Sequence[Identifier], terms: Sequence[Term]) -> list[Ref]:
    refs = [ref_of(sub, i.place) for i in ids
            if any(t.matches(i.kind.value, i.value) for t in mech.identifiers)]
    refs += [ref_of(sub, t.place) for t in terms if t.mechanism == mech.key]
    return list(dict.fromkeys(refs))


def _answers(subs: Sequence[Submission], rid: str) -> list[tuple[Submission, Answer]]:
    out = []
    for sub in subs:
        answer = next((a for a in sub.answers if a.id == rid), None)
        if answer is not None:
            out.append((sub, answer))
    return out


def _dive(rid: str, answered: list[tuple[Submission, Answer]], ca: ComponentAnalysis,
          ids_of: Mapping[str, list[Identifier]], terms_of: Mapping[str, list[Term]],
          vocab: Vocabulary) -> dict[str, Any]:
    statuses: dict[str, int] = {}
    solutions: dict[str, list[str]] = {}
    cited: dict[tuple[str, str], dict[str, list[Ref]]] = {}
    evidence: dict[str, int] = {}
    levels: dict[str, int] = {}
    commands: dict[str, dict[str, list[Ref]]] = {}
    mechanisms: dict[str, dict[str, list[Ref]]] = {m.key: {} for m in vocab.mechanisms}
    na: dict[str, list[dict[str, Any]]] = {}
    for sub, answer in answered:
        statuses[answer.status.value] = statuses.get(answer.status.value, 0) + 1
        result = ca.results.get(sub.path)
        mine = [i for i in ids_of.get(sub.path, ()) if i.counts and i.place.requirement == rid]
        terms = [t for t in terms_of.get(sub.path, ()) if t.place.requirement == rid]
        if answer.status in _NEGATIVE:
            group = reason_group(answer.notes, vocab.reasons)
            na.setdefault(group, []).append({
                "submission": sub.path, "status": answer.status.value, "notes": answer.notes.strip(),
                "ref": Ref(sub.path, answer.status_line or answer.line).label()})
            continue
        if result is not None:
            for sol in result.solutions.topics.values():
                if sol.requirement != rid:
                    continue
                for name in sol.names:
                    if name not in (NOT_STATED, NOT_APPLICABLE):
                        solutions.setdefault(name, [])
                        if sub.path not in solutions[name]:
                            solutions[name].append(sub.path)
            for req in result.evidence.requirements:
                if req.requirement == rid:
                    evidence[req.best.value] = evidence.get(req.best.value, 0) + 1
                    levels[req.level] = levels.get(req.level, 0) + 1
        for i in mine:
            by_sub = commands.setdefault(i.value, {}) if i.kind is IdKind.KUBECTL else \
                cited.setdefault((i.kind.value, i.value), {})
            by_sub.setdefault(sub.path, []).append(ref_of(sub, i.place))
        for mech in vocab.mechanisms:
            refs = _mechanism_refs(mech, sub, mine, terms)
            if refs:
                mechanisms[mech.key][sub.path] = refs

    def ranked(table: Mapping[Any, dict[str, list[Ref]]]) -> list[tuple[Any, dict[str, list[Ref]]]]:
        return sorted(table.items(), key=lambda kv: (-len(kv[1]), str(kv[0])))

    def places(by_sub: Mapping[str, list[Ref]]) -> list[str]:
        return [refs[0].label() for refs in by_sub.values()][:PLACES_SHOWN]

    titles = {g.key: g.title for g in vocab.reasons}
    titles[NO_REASON] = "no reason given"
    titles[OTHER_REASON] = "other reasons (as written)"
    return {
        "requirement": rid,
        "answers": len(answered),
        "statuses": statuses,
        "solutions": [{"name": n, "submissions": s} for n, s in sorted(solutions.items(), key=lambda kv: (-len(kv[1]), kv[0]))],
        "identifiers": [
            {"kind": k, "value": v, "count": len(by_sub), "submissions": list(by_sub), "places": places(by_sub)}
            for (k, v), by_sub in ranked(cited)[:TOP_IDENTIFIERS]
        ],
        "identifier_total": len(cited),
        "evidence": dict(sorted(evidence.items(), key=lambda kv: -kv[1])),
        "mechanisms": [
            {"key": m.key, "title": m.title, "count": len(mechanisms[m.key]),
             "submissions": list(mechanisms[m.key]), "places": places(mechanisms[m.key])}
            for m in vocab.mechanisms if mechanisms[m.key]
        ],
        "testing": {
            "levels": levels,
            "commands": [{"command": c, "count": len(by_sub), "submissions": list(by_sub), "places": places(by_sub)}
                         for c, by_sub in ranked(commands)[:TOP_IDENTIFIERS]],
        },
        "not_applicable": [
            {"group": g, "title": titles[g], "count": len(items), "answers": items}
            for g, items in sorted(na.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        ],
    }


def deep_dives(state: RepoState, ca: ComponentAnalysis, ids_of: Mapping[str, list[Identifier]],
               terms_of: Mapping[str, list[Term]], vocab: Vocabulary) -> list[dict[str, Any]]:
    """[{version, requirements: [dive]}] for every checklist version with submissions."""
    out = []
    for version in sorted(state.checklists, key=version_key):
        checklist = state.checklists[version]
        subs = [s for s in state.submissions if s.version == checklist.version and s.parsed]
        if not subs:
            continue
        dives = []
        for req in checklist.requirements:
            answered = _answers(subs, req.id)
            dive = _dive(req.id, answered, ca, ids_of, terms_of, vocab)
            dives.append({"category": req.category, "level": req.level, **dive})
        out.append({"version": checklist.version, "submissions": len(subs), "requirements": dives})
    return out
