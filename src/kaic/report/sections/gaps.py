"""Vendor issues and gaps: the validator's findings plus the analysis' own (documentation-
only evidence, proprietary components, a single or no accelerator vendor), counted by kind
and category per vendor, with one recommendation per kind; N/A answers are told apart
from failures (legitimate: a SHOULD, or a conditional requirement with a reason).

JSON (`gaps`): {kinds: [{kind, title, category, severity, submissions, paths, issues,
recommendation}] (one entry per kind and severity), vendors: [{vendor, key, submissions, issues, by_category {category: n},
kinds {kind: n}}], not_applicable: [{path, requirement, status, level, conditional,
justified, verdict, notes}], issues: [{path, kind, category, severity, requirement, line,
message}]}.
"""

from __future__ import annotations

from typing import Any

from ...components.gaps import kind_info
from ...model import Submission
from ..escape import md_code, md_text
from ..markup import Footnotes, join_blocks, submission_link, table
from ..section import ReportContext, Rows
from ..shared import analysis
from ._components import component_analysis

KEY = "gaps"
_SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}
CATEGORIES = ("validation", "evidence", "components", "accelerators")


class GapsSection:
    key = KEY
    title = "Vendor issues and gaps"

    def build(self, ctx: ReportContext) -> Any:
        ca = component_analysis(ctx)
        inv = analysis(ctx).inventory
        issues = []
        nas = []
        for path, r in ca.results.items():
            issues += [{"path": path, **i.as_dict()} for i in r.gaps.issues]
            nas += [{"path": path, **n.as_dict()} for n in r.gaps.not_applicable]
        # one row per kind and severity: a rule whose findings differ in severity (an error
        # for a field the checklist asks for, a warning for one only upstream asks for) is
        # never labelled with its worst severity alone
        kinds: dict[tuple[str, str], dict[str, Any]] = {}
        for i in issues:
            k = kinds.get((i["kind"], i["severity"]))
            if k is None:
                info = kind_info(i["kind"], ctx.validation)
                k = kinds[(i["kind"], i["severity"])] = {
                    "kind": i["kind"], "title": info.title, "category": i["category"], "severity": i["severity"],
                    "paths": [], "issues": 0, "recommendation": info.recommendation}
            k["issues"] += 1
            if i["path"] not in k["paths"]:
                k["paths"].append(i["path"])
        kind_list = sorted(kinds.values(), key=lambda k: (_SEVERITY_RANK.get(k["severity"], 3), -len(k["paths"]),
                                                          k["kind"]))
        for k in kind_list:
            k["submissions"] = len(k["paths"])
        vendors: dict[str, dict[str, Any]] = {}
        for path in ca.results:
            v = inv.vendor_for(path)
            key = v.key if v else ""
            entry = vendors.setdefault(key, {"vendor": v.name if v else "", "key": key, "submissions": [],
                                             "issues": 0, "by_category": {c: 0 for c in CATEGORIES}, "kinds": {}})
            entry["submissions"].append(path)
        for i in issues:
            v = inv.vendor_for(i["path"])
            entry = vendors[v.key if v else ""]
            entry["issues"] += 1
            entry["by_category"][i["category"]] = entry["by_category"].get(i["category"], 0) + 1
            entry["kinds"][i["kind"]] = entry["kinds"].get(i["kind"], 0) + 1
        vendor_list = sorted(vendors.values(), key=lambda v: (-v["issues"], v["vendor"].lower()))
        return {"kinds": kind_list, "vendors": vendor_list, "not_applicable": nas, "issues": issues}

    def markdown(self, data: Any) -> str:
        notes = Footnotes(KEY)
        total = sum(len(v["submissions"]) for v in data["vendors"])
        n_kinds = len({k["kind"] for k in data["kinds"]})
        blocks = [f"{len(data['issues'])} issues of {n_kinds} kinds in {total} submissions from "
                  f"{len(data['vendors'])} vendors: the validator's findings (`kaic validate`) and the analysis' "
                  "own. One recommendation per kind; a kind whose issues differ in severity has one row per "
                  "severity."]
        rows = [[md_text(k["title"]), md_code(k["kind"]), md_text(k["category"]), md_text(k["severity"]),
                 notes.count(k["submissions"], k["paths"]), str(k["issues"]), md_text(k["recommendation"])]
                for k in data["kinds"]]
        if rows:
            blocks.append(table(["Issue", "Kind", "Category", "Severity", "Submissions", "Issues", "Recommendation"],
                                rows, ["l", "l", "l", "l", "r", "r", "l"]))
        rows = []
        for v in data["vendors"]:
            cats = [str(v["by_category"].get(c, 0)) for c in CATEGORIES]
            top = sorted(v["kinds"].items(), key=lambda kv: (-kv[1], kv[0]))[:4]
            rows.append([md_text(v["vendor"]) or "*(no vendorName)*", ", ".join(submission_link(p) for p in v["submissions"]),
                         str(v["issues"]), *cats, ", ".join(f"{md_code(k)} ×{n}" for k, n in top)])
        blocks += ["### By vendor", table(["Vendor", "Submissions", "Issues", *[c.capitalize() for c in CATEGORIES],
                                            "Most frequent kinds"], rows, ["l", "l", "r", "r", "r", "r", "r", "l"])]
        nas = data["not_applicable"]
        if nas:
            verdicts: dict[str, list[str]] = {}
            for n in nas:
                verdicts.setdefault(n["verdict"], []).append(n["path"])
            summary = "; ".join(f"{len(v)} {md_text(k)}" for k, v in sorted(verdicts.items()))
            blocks.append("### N/A and not-implemented answers")
            blocks.append(f"{len(nas)} answers are N/A or Not Implemented: {summary}. Legitimate: a SHOULD, or a "
                          "conditional requirement (\"If the platform provides ...\") with a reason; questionable: "
                          "an unconditional MUST marked N/A with a reason; failure: a MUST Not Implemented or N/A "
                          "without a reason.")
            rows = [[submission_link(n["path"]), md_code(n["requirement"]), md_text(n["level"]), md_text(n["status"]),
                     "yes" if n["conditional"] else "no", md_text(n["verdict"]), md_text(n["notes"], max_length=160)]
                    for n in nas]
            blocks.append(table(["Submission", "Requirement", "Level", "Status", "Conditional", "Verdict", "Notes"],
                                rows))
        blocks.append(notes.render())
        return join_blocks(*blocks)

    def csv(self, data: Any) -> dict[str, Rows]:
        issues: Rows = [["submission", "kind", "category", "severity", "requirement", "line", "message"]]
        for i in data["issues"]:
            issues.append([i["path"], i["kind"], i["category"], i["severity"], i["requirement"], i["line"],
                           i["message"]])
        kinds: Rows = [["kind", "title", "category", "severity", "submissions", "issues", "recommendation"]]
        for k in data["kinds"]:
            kinds.append([k["kind"], k["title"], k["category"], k["severity"], k["submissions"], k["issues"],
                          k["recommendation"]])
        nas: Rows = [["submission", "requirement", "level", "status", "conditional", "justified", "verdict", "notes"]]
        for n in data["not_applicable"]:
            nas.append([n["path"], n["requirement"], n["level"], n["status"], n["conditional"], n["justified"],
                        n["verdict"], n["notes"]])
        return {"gaps_issues": issues, "gaps_kinds": kinds, "gaps_not_applicable": nas}

    def submission_fields(self, ctx: ReportContext, sub: Submission) -> dict[str, Any]:
        return {}


SECTION = GapsSection()
