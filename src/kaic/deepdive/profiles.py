"""Distinctive vendor profiles: per vendor, the sentences that set it apart, each with the
lines (file:line) behind it.

A sentence is data: {kind, values, refs}; the words are Jinja2 templates
(report/templates/deepdive.md.j2). Sentence kinds, in order, each only when the data
shows it:

- `history`: the versions it was certified on (its PRODUCT.yaml files);
- `rare_components`: projects it names that at most `RARE` vendors name;
- `rare_accelerators`: accelerator vendors it names that fewer than half of the vendors
  naming accelerators name;
- `several_solutions`: topics for which it names more than one solution;
- `test_evidence`: requirements backed by test code or test output;
- `not_applicable`: requirements it answers N/A or Not Implemented, with how many other
  vendors did the same;
- `findings`: its validation findings by severity.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..analysis.inventory import Vendor
from ..components.analysis import ComponentAnalysis
from ..components.evidence import TEST_CLASSES
from ..components.model import Kind
from ..components.solutions import NOT_APPLICABLE, NOT_STATED
from ..lint import ValidationResult
from ..model import Status
from ..model.checklist import version_key
from ..rules import Severity
from .dives import Ref, ref_of

RARE = 2
MAX_REFS = 12
_NEGATIVE = (Status.NA, Status.NOT_IMPLEMENTED)


def sentence(kind: str, values: Mapping[str, Any], refs: Iterable[Ref]) -> dict[str, Any] | None:
    """A sentence with its distinct refs to lines (at most MAX_REFS); None without any."""
    labels = list(dict.fromkeys(r.label() for r in refs if r.line))
    if not labels:
        return None
    return {"kind": kind, "values": dict(values), "refs": labels[:MAX_REFS]}


def _vendor_sets(ca: ComponentAnalysis, vendors: Sequence[Vendor]) -> tuple[Counter[str], Counter[str], Counter[str]]:
    """How many vendors name each component, each accelerator, and answer each requirement N/A."""
    comps: Counter[str] = Counter()
    accs: Counter[str] = Counter()
    nas: Counter[str] = Counter()
    for v in vendors:
        results = [ca.results[p] for p in v.submissions if p in ca.results]
        comps.update({c.repo for r in results for c in r.detection.components})
        accs.update({a for r in results for a in r.solutions.accelerators})
        nas.update({a.id for r in results for a in r.sub.answers if a.status in _NEGATIVE})
    return comps, accs, nas


@dataclass(frozen=True)
class CertFacts:
    """A submission's certification as the history walk read it (git sources only)."""

    certified: str  # YYYY-MM-DD, the day it was merged on the main line
    expires: str
    status: str  # current, expired, withdrawn, pending


def vendor_profiles(ca: ComponentAnalysis, vendors: Sequence[Vendor], validation: ValidationResult,
                    certs: Mapping[str, CertFacts] | None = None) -> list[dict[str, Any]]:
    """One profile per vendor; `certs` (by submission path) adds dates to its history."""
    comps, accs, nas = _vendor_sets(ca, vendors)
    naming_accelerators = sum(
        1 for v in vendors if any(ca.results[p].solutions.accelerators for p in v.submissions if p in ca.results))
    out = []
    for v in vendors:
        results = [ca.results[p] for p in v.submissions if p in ca.results]
        if not results:
            continue
        said: list[dict[str, Any] | None] = []
        known = certs or {}
        dated = [{"version": r.sub.version, "certified": known[r.sub.path].certified,
                  "expires": known[r.sub.path].expires, "status": known[r.sub.path].status}
                 for r in sorted(results, key=lambda r: version_key(r.sub.version)) if r.sub.path in known]
        said.append(sentence(
            "history",
            {"versions": sorted({r.sub.version for r in results}, key=version_key), "submissions": len(results),
             "dated": dated},
            [Ref(r.sub.path, r.sub.metadata_line or 1) for r in results]))
        rare: dict[str, tuple[str, int, list[Ref]]] = {}
        for r in results:
            for c in r.detection.components:
                if comps[c.repo] <= RARE:
                    name, n, refs = rare.get(c.repo, (c.name, comps[c.repo], []))
                    rare[c.repo] = (name, n, refs + [ref_of(r.sub, p) for p in c.places[:1]])
        said.append(sentence(
            "rare_components",
            {"items": [{"name": n, "vendors": k} for n, k, _ in sorted(rare.values(), key=lambda t: (t[1], t[0].lower()))]},
            [ref for _, _, refs in rare.values() for ref in refs]))
        rare_acc: dict[str, list[Ref]] = {}
        for r in results:
            for name in r.solutions.accelerators:
                if 2 * accs[name] < naming_accelerators:
                    rare_acc.setdefault(name, []).extend(
                        ref_of(r.sub, m.place) for m in r.detection.mentions
                        if m.counts and ca.catalog.kind(m.target) is Kind.ACCELERATOR and ca.catalog.name(m.target) == name)
        said.append(sentence(
            "rare_accelerators",
            {"items": [{"name": n, "vendors": accs[n]} for n in rare_acc if rare_acc[n]],
             "naming": naming_accelerators},
            [ref for refs in rare_acc.values() for ref in refs[:2]]))
        several: dict[tuple[str, tuple[str, ...]], dict[str, Any]] = {}
        several_refs: list[Ref] = []
        for r in results:
            for topic in ca.spec.topics:
                sol = r.solutions.topics.get(topic.key)
                if sol is None or sol.where != "requirement":
                    continue
                names = [n for n in sol.names if n not in (NOT_STATED, NOT_APPLICABLE)]
                if len(names) < 2:
                    continue
                refs = [ref_of(r.sub, m.place) for m in r.detection.mentions
                        if m.counts and m.place.requirement == sol.requirement and ca.catalog.name(m.target) in names]
                if refs:
                    several.setdefault((topic.title, tuple(names)), {
                        "topic": topic.title, "versions": [], "names": names})["versions"].append(r.sub.version)
                    several_refs += refs[:3]
        said.append(sentence("several_solutions", {"items": list(several.values())}, several_refs))
        tested: list[str] = []
        tested_refs: list[Ref] = []
        for r in results:
            for req in r.evidence.requirements:
                if req.best in TEST_CLASSES:
                    items = [i for i in req.items if i.cls is req.best and i.line]
                    if items:
                        tested.append(req.requirement)
                        tested_refs.append(Ref(r.sub.path, items[0].line))
        said.append(sentence("test_evidence", {"requirements": sorted(set(tested)), "claims": len(tested)}, tested_refs))
        na_items: dict[tuple[str, str], dict[str, Any]] = {}
        na_refs: list[Ref] = []
        for r in results:
            for a in r.sub.answers:
                if a.status in _NEGATIVE:
                    item = na_items.setdefault((a.id, a.status.value), {
                        "requirement": a.id, "status": a.status.value, "versions": [], "others": nas[a.id] - 1})
                    item["versions"].append(r.sub.version)
                    na_refs.append(Ref(r.sub.path, a.status_line or a.line))
        said.append(sentence("not_applicable", {"items": list(na_items.values())}, na_refs))
        severities: dict[str, int] = {sev.value: 0 for sev in Severity}
        finding_refs: list[Ref] = []
        for r in results:
            for f in validation.findings_for(r.sub):
                severities[f.severity.value] = severities.get(f.severity.value, 0) + 1
                if f.line:
                    finding_refs.append(Ref(f.path, f.line))
        said.append(sentence("findings", {"severities": {k: n for k, n in severities.items() if n},
                                          "total": sum(severities.values())},
                             finding_refs))
        out.append({"vendor": v.name, "key": v.key, "submissions": [r.sub.path for r in results],
                    "sentences": [s for s in said if s is not None]})
    return out
