"""Evidence quality: what each evidence item is, and a grade per submission with its reason.

Classes (from the link or file itself): test code or output in a repository or in the
submission folder, JUnit or go-test output, command transcript or walkthrough, shared
document, product documentation, blog or marketing, other link, image only, broken local
path, empty. Links written in the notes are classified too (source "notes").

JSON (`evidence`): {classes: [{class, label, items, submissions}], grades: [{grade, label,
count, paths}], levels: [{level, label, claims}] (claimed requirements per level), grading
{tests, walkthroughs} (the shares the grades need), submissions: [{path, grade, label, reason, levels {requirement: level},
counts {class: n}}], items: [{path, requirement, evidence, line, source, class}]}. Each
`submissions[]` entry gains `evidence_grade` and `evidence_reason`.
"""

from __future__ import annotations

from typing import Any

from ...components.evidence import (
    CLASS_LABELS,
    GRADE_LABELS,
    LEVEL_LABELS,
    LEVELS,
    EvidenceClass,
    Grade,
    vocabulary,
)
from ...model import Submission
from ..escape import md_text
from ..markup import Footnotes, join_blocks, percent, submission_link, table
from ..section import ReportContext, Rows
from ._components import component_analysis

KEY = "evidence"


class EvidenceSection:
    key = KEY
    title = "Evidence quality"

    def build(self, ctx: ReportContext) -> Any:
        ca = component_analysis(ctx)
        items = []
        subs = []
        for path, r in ca.results.items():
            ev = r.evidence
            for req in ev.requirements:
                for it in req.items:
                    items.append({"path": path, **it.as_dict()})
            subs.append({"path": path, "grade": ev.grade.value, "label": GRADE_LABELS[ev.grade], "reason": ev.reason,
                         "levels": {req.requirement: req.level for req in ev.requirements},
                         "counts": {c.value: n for c, n in ev.counts().items()}})
        classes = []
        for cls in EvidenceClass:
            mine = [i for i in items if i["class"] == cls.value]
            classes.append({"class": cls.value, "label": CLASS_LABELS[cls], "items": len(mine),
                            "evidence_items": sum(1 for i in mine if i["source"] == "evidence"),
                            "submissions": list(dict.fromkeys(i["path"] for i in mine))})
        grades = []
        for g in Grade:
            paths = [s["path"] for s in subs if s["grade"] == g.value]
            grades.append({"grade": g.value, "label": GRADE_LABELS[g], "count": len(paths), "paths": paths})
        words = vocabulary()
        claimed = [(path, req.level) for path, r in ca.results.items() for req in r.evidence.requirements
                   if req.status in ("Implemented", "Partially Implemented")]
        levels = [{"level": lv, "label": LEVEL_LABELS[lv], "claims": sum(1 for _, x in claimed if x == lv)}
                  for lv in LEVELS]
        return {"classes": classes, "grades": grades, "submissions": subs, "items": items, "levels": levels,
                "grading": {"tests": words.grade_tests, "walkthroughs": words.grade_walkthroughs}}

    def markdown(self, data: Any) -> str:
        notes = Footnotes(KEY)
        total = len(data["submissions"])
        n_items = sum(c["evidence_items"] for c in data["classes"])
        grading = data.get("grading") or {"tests": 0.5, "walkthroughs": 0.5}
        blocks = [f"{n_items} evidence items in {total} submissions, classified from the link or file itself "
                  "(plus links written in the notes). Each claimed requirement (Implemented or Partially "
                  "Implemented) is graded first by its best evidence: test code or output, a walkthrough, a vendor "
                  "conformance page, product documentation, generic pages (blogs, other links, a project's own home "
                  "page) or none. A submission is then graded by the share of its claims: reproducible tests when "
                  f"at least {grading['tests']:.0%} have test code or output, walkthroughs when at least "
                  f"{grading['walkthroughs']:.0%} have tests or walkthroughs, mostly documentation below that "
                  "(the shares are `grading` in kaic's data/evidence.yaml)."]
        if data.get("levels"):
            claims = sum(lv["claims"] for lv in data["levels"])
            rows = [[md_text(lv["label"]), str(lv["claims"]), percent(lv["claims"], claims)]
                    for lv in data["levels"] if lv["claims"]]
            blocks.append(table([f"Claimed requirements ({claims})", "Claims", "%"], rows, ["l", "r", "r"]))
        rows = [[md_text(g["label"]), notes.count(g["count"], g["paths"]), percent(g["count"], total)]
                for g in data["grades"]]
        blocks.append(table(["Grade", "Submissions", "%"], rows, ["l", "r", "r"]))
        rows = [[md_text(c["label"]), str(c["evidence_items"]), str(c["items"] - c["evidence_items"]),
                 notes.count(len(c["submissions"]), c["submissions"])]
                for c in data["classes"] if c["items"]]
        blocks.append(table(["Class", "Evidence items", "Links in notes", "Submissions"], rows, ["l", "r", "r", "r"]))
        rows = [[submission_link(s["path"]), md_text(s["label"]), md_text(s["reason"])] for s in data["submissions"]]
        blocks += ["### By submission", table(["Submission", "Grade", "Reason"], rows), notes.render()]
        return join_blocks(*blocks)

    def csv(self, data: Any) -> dict[str, Rows]:
        grades: Rows = [["submission", "grade", "reason"]]
        for s in data["submissions"]:
            grades.append([s["path"], s["grade"], s["reason"]])
        items: Rows = [["submission", "requirement", "evidence", "line", "source", "class"]]
        for i in data["items"]:
            items.append([i["path"], i["requirement"], i["evidence"], i["line"], i["source"], i["class"]])
        return {"evidence_grades": grades, "evidence_items": items}

    def submission_fields(self, ctx: ReportContext, sub: Submission) -> dict[str, Any]:
        r = component_analysis(ctx).result(sub.path)
        if r is None:
            return {}
        return {"evidence_grade": r.evidence.grade.value, "evidence_reason": r.evidence.reason}


SECTION = EvidenceSection()
