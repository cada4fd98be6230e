"""Practices, all counted from the data, every sentence with the lines behind it:

- `what_works`: projects named by at least `SHARED` of the submissions with the best
  evidence grade present (how many of them, and where);
- `challenges`: the most frequent N/A and Not Implemented reason groups (deep dives),
  and the most frequent validation findings;
- `anti_patterns`: each rule that fired, with its instances;
- `recommendations`: one per issue kind (rules' hints, analysis recommendations), with
  how many submissions it concerns.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..components.analysis import ComponentAnalysis
from ..components.evidence import CLASS_LABELS, GRADE_LABELS, EvidenceClass, Grade
from ..components.gaps import ANALYSIS_KINDS
from ..lint import ValidationResult
from .dives import Ref, ref_of
from .profiles import sentence

SHARED = 2
TOP = 5


def _grade_order() -> list[Grade]:
    return list(Grade)  # best first, as the enum is declared


def practices(ca: ComponentAnalysis, validation: ValidationResult,
              dives: Sequence[Mapping[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {"what_works": [], "challenges": [], "anti_patterns": [],
                                            "recommendations": []}
    results = list(ca.results.values())
    present = [g for g in _grade_order() if any(r.evidence.grade is g for r in results)]
    if present:
        best = present[0]
        top = [r for r in results if r.evidence.grade is best]
        named: dict[str, tuple[str, list[Ref]]] = {}
        for r in top:
            for c in r.detection.components:
                name, refs = named.get(c.repo, (c.name, []))
                named[c.repo] = (name, [*refs, ref_of(r.sub, c.places[0])] if c.places else refs)
        shared = sorted(((n, refs) for n, refs in named.values() if len(refs) >= SHARED),
                        key=lambda t: (-len(t[1]), t[0].lower()))
        for name, refs in shared[:TOP]:
            s = sentence("shared_component", {"name": name, "count": len(refs), "of": len(top), "grade": best.value,
                                                     "grade_label": GRADE_LABELS[best]},
                         refs)
            if s:
                out["what_works"].append(s)
        classes: dict[str, list[Ref]] = {}
        for r in top:
            for req in r.evidence.requirements:
                backed = [i for i in req.items if i.cls is req.best and i.line]
                if backed and r.sub.path not in {ref.file for ref in classes.get(req.best.value, [])}:
                    classes.setdefault(req.best.value, []).append(Ref(r.sub.path, backed[0].line))
        for cls, refs in sorted(classes.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:TOP]:
            if len(refs) < SHARED:
                continue
            s = sentence("shared_evidence", {"label": CLASS_LABELS[EvidenceClass(cls)], "count": len(refs),
                                             "of": len(top), "grade_label": GRADE_LABELS[best]}, refs)
            if s:
                out["what_works"].append(s)
    reasons: dict[str, tuple[str, list[Ref]]] = {}
    for version in dives:
        for d in version["requirements"]:
            for g in d["not_applicable"]:
                title, refs = reasons.get(g["group"], (g["title"], []))
                reasons[g["group"]] = (title, refs + [_parse(a["ref"]) for a in g["answers"]])
    for title, refs in sorted(reasons.values(), key=lambda t: (-len(t[1]), t[0]))[:TOP]:
        s = sentence("na_reason", {"title": title, "count": len(refs)}, refs)
        if s:
            out["challenges"].append(s)
    by_rule: dict[str, list[tuple[str, Ref]]] = {}
    hints: dict[str, str] = {}
    for r in results:
        for f in validation.findings_for(r.sub):
            by_rule.setdefault(f.rule, []).append((r.sub.path, Ref(f.path, f.line)))
            hints.setdefault(f.rule, f.hint)
    ranked = sorted(by_rule.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    for rule, items in ranked[:TOP]:
        s = sentence("frequent_finding", {"rule": rule, "count": len(items), "submissions": len({p for p, _ in items})},
                     [ref for _, ref in items if ref.line])
        if s:
            out["challenges"].append(s)
    for rule, items in ranked:
        s = sentence("rule_instances", {"rule": rule, "count": len(items), "submissions": len({p for p, _ in items})},
                     [ref for _, ref in items if ref.line])
        if s:
            out["anti_patterns"].append(s)
    kinds: dict[str, list[Ref]] = {}
    subs: dict[str, set[str]] = {}
    for r in results:
        for issue in r.gaps.issues:
            answer = next((a for a in r.sub.answers if a.id == issue.requirement), None)
            line = issue.line or (answer.line if answer else None) or r.sub.metadata_line
            kinds.setdefault(issue.kind, []).append(Ref(r.sub.path, line))
            subs.setdefault(issue.kind, set()).add(r.sub.path)
    for kind, refs in sorted(kinds.items(), key=lambda kv: (-len(subs[kv[0]]), kv[0])):
        analysis = ANALYSIS_KINDS.get(kind)
        advice = analysis.recommendation if analysis else hints.get(kind, "")
        if not advice:
            continue
        s = sentence("recommendation", {"kind": kind, "advice": advice, "submissions": len(subs[kind])}, refs)
        if s:
            out["recommendations"].append(s)
    return out


def _parse(label: str) -> Ref:
    path, _, line = label.rpartition(":")
    return Ref(path, int(line)) if path and line.isdigit() else Ref(label, None)
