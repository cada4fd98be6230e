"""Vendor profiles: one short paragraph per vendor, every clause built from its data
(submissions, components named, solutions, accelerators, evidence grade, issues).

JSON (`profiles`): [{vendor, key, submissions, versions, platforms, components [names,
most named first], solutions {topic title: [names]}, accelerators, grades {grade: n},
issues, by_category {category: n}, not_applicable {verdict: n}}].
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from ...components.evidence import GRADE_LABELS, Grade
from ...components.solutions import NOT_APPLICABLE, NOT_STATED
from ...model import Submission
from ..escape import md_text
from ..markup import join_blocks, submission_link
from ..section import ReportContext, Rows
from ..shared import analysis
from ._components import component_analysis

KEY = "profiles"
MAX_COMPONENTS = 8


class ProfilesSection:
    key = KEY
    title = "Vendor profiles"

    def build(self, ctx: ReportContext) -> Any:
        ca = component_analysis(ctx)
        out = []
        for v in analysis(ctx).inventory.vendors:
            paths = [p for p in v.submissions if p in ca.results]
            if not paths:
                continue
            named: Counter[str] = Counter()
            solutions: dict[str, list[str]] = {}
            accelerators: list[str] = []
            grades: Counter[str] = Counter()
            categories: Counter[str] = Counter()
            nas: Counter[str] = Counter()
            issues = 0
            for p in paths:
                r = ca.results[p]
                named.update(c.name for c in r.detection.components)
                for topic in ca.spec.topics:
                    sol = r.solutions.topics.get(topic.key)
                    if sol is None:
                        continue
                    names = solutions.setdefault(topic.title, [])
                    for n in sol.names:
                        if n not in names:
                            names.append(n)
                accelerators += [a for a in r.solutions.accelerators if a not in accelerators]
                grades[r.evidence.grade.value] += 1
                issues += len(r.gaps.issues)
                categories.update(i.category for i in r.gaps.issues)
                nas.update(n.verdict for n in r.gaps.not_applicable)
            for title, names in solutions.items():
                if len(names) > 1:
                    solutions[title] = [n for n in names if n not in (NOT_STATED, NOT_APPLICABLE)] or names[:1]
            out.append({
                "vendor": v.name, "key": v.key, "submissions": paths, "versions": list(v.versions),
                "platforms": list(v.platforms),
                "components": [n for n, _ in sorted(named.items(), key=lambda kv: (-kv[1], kv[0].lower()))],
                "solutions": solutions, "accelerators": accelerators, "grades": dict(grades), "issues": issues,
                "by_category": dict(categories), "not_applicable": dict(nas),
            })
        return out

    def markdown(self, data: Any) -> str:
        blocks = []
        for p in data:
            n = len(p["submissions"])
            who = md_text(p["vendor"]) or "*(no vendorName)*"
            versions = ", ".join(f"v{md_text(x)}" for x in p["versions"])
            platforms = "; ".join(md_text(x) for x in p["platforms"])
            parts = [f"**{who}**: {n} submission{'s' if n != 1 else ''} ({versions}"
                     + (f"; {platforms}" if platforms else "") + "): "
                     + ", ".join(submission_link(s) for s in p["submissions"]) + "."]
            comps = p["components"]
            if comps:
                shown = ", ".join(md_text(c) for c in comps[:MAX_COMPONENTS])
                more = f" and {len(comps) - MAX_COMPONENTS} more" if len(comps) > MAX_COMPONENTS else ""
                parts.append(f"Names {len(comps)} catalog project{'s' if len(comps) != 1 else ''}: {shown}{more}.")
            else:
                parts.append("Names no catalog project.")
            stated = [f"{md_text(t)}: {', '.join(md_text(x) for x in names)}" for t, names in p["solutions"].items()
                      if names and names[0] not in (NOT_STATED, NOT_APPLICABLE)]
            na = [md_text(t) for t, names in p["solutions"].items() if names == [NOT_APPLICABLE]]
            silent = [md_text(t) for t, names in p["solutions"].items() if names == [NOT_STATED]]
            if stated:
                parts.append("; ".join(stated) + ".")
            if na:
                parts.append("N/A: " + ", ".join(na) + ".")
            if silent:
                parts.append("Not stated: " + ", ".join(silent) + ".")
            parts.append("Accelerators named: " + (", ".join(md_text(a) for a in p["accelerators"]) or "none") + ".")
            grades = ", ".join(f"{GRADE_LABELS[Grade(g)]} in {k} of {n}" for g, k in p["grades"].items())
            parts.append(f"Evidence: {grades}.")
            cats = ", ".join(f"{k} {md_text(c)}" for c, k in sorted(p["by_category"].items()))
            parts.append(f"{p['issues']} issue{'s' if p['issues'] != 1 else ''}" + (f" ({cats})" if cats else "") + ".")
            if p["not_applicable"]:
                nas = ", ".join(f"{k} {md_text(v)}" for v, k in sorted(p["not_applicable"].items()))
                parts.append(f"N/A or not implemented answers: {nas}.")
            blocks.append(" ".join(parts))
        return join_blocks(*blocks) if blocks else "No vendor."

    def csv(self, data: Any) -> dict[str, Rows]:
        rows: Rows = [["vendor", "submissions", "versions", "components", "accelerators", "issues"]]
        for p in data:
            rows.append([p["vendor"], "; ".join(p["submissions"]), "; ".join(p["versions"]),
                         "; ".join(p["components"]), "; ".join(p["accelerators"]), p["issues"]])
        return {"profiles": rows}

    def submission_fields(self, ctx: ReportContext, sub: Submission) -> dict[str, Any]:
        return {}


SECTION = ProfilesSection()
