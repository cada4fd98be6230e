"""Key findings on components, solutions and evidence: every sentence is built from
numbers computed here (nothing is written by hand), with the submissions behind it.

JSON (`component_findings`): [{key, text, count, of, paths}]: `text` is plain text,
`count` of `of` is the figure the sentence rests on, `paths` the submissions it counts.
"""

from __future__ import annotations

import statistics
from collections import Counter
from typing import Any

from ...components.evidence import GRADE_LABELS, Grade
from ...components.gaps import kind_info
from ...components.solutions import NOT_APPLICABLE, NOT_STATED
from ...model import Submission
from ..escape import md_text
from ..markup import Footnotes, join_blocks, links
from ..section import ReportContext, Rows
from ._components import component_analysis

KEY = "component_findings"
TOP = 5


def _share(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "–"


def _finding(key: str, text: str, count: int, of: int, paths: list[str]) -> dict[str, Any]:
    return {"key": key, "text": text, "count": count, "of": of, "paths": paths}


class ComponentFindingsSection:
    key = KEY
    title = "Key findings: components, solutions and evidence"

    def build(self, ctx: ReportContext) -> Any:
        ca = component_analysis(ctx)
        results = ca.results
        total = len(results)
        if not total:
            return []
        out = []
        adoption = ca.adoption()
        per_sub = [len(r.detection.components) for r in results.values()]
        with_any = [p for p, r in results.items() if r.detection.components]
        out.append(_finding(
            "projects",
            f"{len(adoption)} catalog projects are named across the {total} submissions; {len(with_any)} of "
            f"{total} submissions name at least one (median {statistics.median(per_sub):g} per submission, "
            f"at most {max(per_sub)}).",
            len(with_any), total, with_any))
        if adoption:
            top = adoption[:TOP]
            listed = ", ".join(f"{a.name} ({a.count}/{total}, {_share(a.count, total)})" for a in top)
            out.append(_finding("top_projects", f"Most named projects: {listed}.", top[0].count, total,
                                list(top[0].paths)))
        for topic in ca.spec.topics:
            sols = {p: r.solutions.topics[topic.key] for p, r in results.items() if topic.key in r.solutions.topics}
            if not sols:
                continue
            answered = len(sols)
            names = Counter(n for s in sols.values() for n in s.names if n not in (NOT_STATED, NOT_APPLICABLE))
            silent = [p for p, s in sols.items() if s.names == (NOT_STATED,)]
            na = [p for p, s in sols.items() if s.names == (NOT_APPLICABLE,)]
            if names:
                lead, count = sorted(names.items(), key=lambda kv: (-kv[1], kv[0].lower()))[0]
                paths = [p for p, s in sols.items() if lead in s.names]
                others = len(names) - 1
                text = (f"{topic.title}: {lead} is named by {count} of the {answered} submissions answering it "
                        f"({_share(count, answered)}); {others} other solution{'s are' if others != 1 else ' is'} "
                        f"named; {len(silent)} name none" + (f"; {len(na)} are N/A" if na else "") + ".")
                out.append(_finding(f"topic:{topic.key}", text, count, answered, paths))
            else:
                out.append(_finding(f"topic:{topic.key}",
                                    f"{topic.title}: none of the {answered} submissions answering it names a "
                                    "catalog solution.", 0, answered, []))
        acc = Counter(a for r in results.values() for a in r.solutions.accelerators)
        none = [p for p, r in results.items() if not r.solutions.accelerators]
        several = [p for p, r in results.items() if len(r.solutions.accelerators) > 1]
        if acc:
            listed = ", ".join(f"{a} by {n}" for a, n in sorted(acc.items(), key=lambda kv: (-kv[1], kv[0])))
            out.append(_finding("accelerators",
                                f"Accelerator vendors named: {listed}; {len(several)} of {total} submissions name "
                                f"more than one vendor and {len(none)} name none.", len(several), total, several))
        for eco_steward, repos in _stewards(ca).items():
            users = [p for p, r in results.items() if any(c.repo in repos for c in r.detection.components)]
            out.append(_finding(f"steward:{eco_steward}",
                                f"{eco_steward} projects ({len(repos)} of them named) appear in {len(users)} of "
                                f"{total} submissions ({_share(len(users), total)}).", len(users), total, users))
        grades = Counter(r.evidence.grade for r in results.values())
        tests = [p for p, r in results.items() if r.evidence.grade is Grade.TESTS]
        spread = ", ".join(f"{grades.get(g, 0)} {GRADE_LABELS[g]}" for g in Grade)
        out.append(_finding("evidence",
                            f"{len(tests)} of {total} submissions ({_share(len(tests), total)}) back their claims "
                            f"with reproducible test evidence; overall: {spread}.", len(tests), total, tests))
        approaches = Counter(r.solutions.dra.approach for r in results.values())
        api = Counter(v for r in results.values() for v in r.solutions.dra.api_versions)
        dra_text = ", ".join(f"{n} {a}" for a, n in sorted(approaches.items(), key=lambda kv: (-kv[1], kv[0])))
        api_text = ", ".join(f"{v} by {n}" for v, n in sorted(api.items())) or "none"
        dra_paths = [p for p, r in results.items() if r.solutions.dra.approach == "DRA"]
        out.append(_finding("dra", f"DRA approach in the {total} submissions: {dra_text}. DRA API versions "
                            f"named: {api_text}.",
                            len(dra_paths), total, dra_paths))
        versioned = [p for p, r in results.items() if any(c.version for c in r.detection.components)]
        if adoption:
            most = max(adoption, key=lambda a: (len(a.versions), -adoption.index(a)))
            distinct = len({v.lstrip("vV") for v in most.versions.values()})
            tail = (f"; {most.name} has a version in the most submissions ({len(most.versions)}, {distinct} distinct)"
                    if most.versions else "")
            out.append(_finding("versions", f"{len(versioned)} of {total} submissions state the version of at least "
                                f"one component{tail}.", len(versioned), total, versioned))
        kinds: Counter[str] = Counter()
        kind_paths: dict[str, list[str]] = {}
        for p, r in results.items():
            for i in {i.kind for i in r.gaps.issues}:
                kinds[i] += 1
                kind_paths.setdefault(i, []).append(p)
        if kinds:
            kind, n = sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))[0]
            verdicts = Counter(n.verdict for r in results.values() for n in r.gaps.not_applicable)
            na_text = ", ".join(f"{k} {v}" for v, k in sorted(verdicts.items())) or "none"
            title = kind_info(kind, ctx.validation).title.rstrip(".")
            out.append(_finding("gaps", f"The most widespread issue is \"{title}\" ({kind}, {n} of {total} "
                                f"submissions); N/A or not-implemented answers: {na_text}.", n, total, kind_paths[kind]))
        return out

    def markdown(self, data: Any) -> str:
        if not data:
            return "No submission."
        notes = Footnotes(KEY)
        lines = []
        for f in data:
            cite = notes.cite(links(f["paths"])) if f["paths"] else ""
            lines.append(f"- {md_text(f['text'])}{cite}")
        return join_blocks("\n".join(lines), notes.render())

    def csv(self, data: Any) -> dict[str, Rows]:
        rows: Rows = [["key", "text", "count", "of"]]
        for f in data:
            rows.append([f["key"], f["text"], f["count"], f["of"]])
        return {"component_findings": rows}

    def submission_fields(self, ctx: ReportContext, sub: Submission) -> dict[str, Any]:
        return {}


def _stewards(ca: Any) -> dict[str, set[str]]:
    """Accelerator-vendor stewards -> their projects named in this state."""
    adopted = {a.repo for a in ca.adoption()}
    out: dict[str, set[str]] = {}
    for acc in ca.catalog.accelerators:
        vendor = acc.vendor or acc.name
        fold = " ".join(vendor.lower().split())
        repos = {e.key for e in ca.catalog.projects if " ".join((e.steward or "").lower().split()) == fold} & adopted
        if repos and vendor not in out:
            out[vendor] = repos
    return out


SECTION = ComponentFindingsSection()
