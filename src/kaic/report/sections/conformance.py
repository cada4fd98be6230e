"""Full conformance lists: who meets every MUST, strictly or leniently, and who does not.

JSON (`conformance`): {rules {strict, lenient}, totals {submissions, strict, lenient,
not_judged}, versions {X.Y: {submissions, strict [path], lenient_only [{path, accepted
[id]}], failing [{path, failures [{requirement, status}]}], not_judged [{path,
reason}]}}}.
"""

from __future__ import annotations

from typing import Any

from ...analysis import LENIENT_RULE, STRICT_RULE
from ...model import Submission
from ..escape import md_code, md_text
from ..markup import join_blocks, links, percent, submission_link, table
from ..section import ReportContext, Rows
from ..shared import analysis

KEY = "conformance"


class ConformanceSection:
    key = KEY
    title = "Full conformance"

    def build(self, ctx: ReportContext) -> Any:
        an = analysis(ctx)
        versions: dict[str, Any] = {}
        for version, paths in an.inventory.by_version.items():
            verdicts = [an.verdicts[p] for p in paths]
            versions[version] = {
                "submissions": len(paths),
                "strict": [v.path for v in verdicts if v.strict],
                "lenient_only": [{"path": v.path, "accepted": list(v.accepted_na)}
                                 for v in verdicts if v.lenient and not v.strict],
                "failing": [{"path": v.path,
                             "failures": [{"requirement": f.requirement, "status": f.status}
                                          for f in v.lenient_failures]}
                            for v in verdicts if v.lenient is False],
                "not_judged": [{"path": v.path, "reason": v.reason} for v in verdicts if v.strict is None],
            }
        all_verdicts = list(an.verdicts.values())
        return {
            "rules": {"strict": STRICT_RULE, "lenient": LENIENT_RULE},
            "totals": {
                "submissions": len(all_verdicts),
                "strict": sum(1 for v in all_verdicts if v.strict),
                "lenient": sum(1 for v in all_verdicts if v.lenient),
                "not_judged": sum(1 for v in all_verdicts if v.strict is None),
            },
            "versions": versions,
        }

    def markdown(self, data: Any) -> str:
        t = data["totals"]
        judged = t["submissions"] - t["not_judged"]
        blocks = [
            f"- **Strict**: {md_text(data['rules']['strict'])}.\n"
            f"- **Lenient**: {md_text(data['rules']['lenient'])}.\n\n"
            "Levels come from the version's checklist, not from what a vendor wrote in its file.",
            table(["", "Submissions", "Strict", "Lenient", "Not judged"],
                  [["all versions", t["submissions"], f"{t['strict']} ({percent(t['strict'], judged)})",
                    f"{t['lenient']} ({percent(t['lenient'], judged)})", t["not_judged"]]]
                  + [[f"v{md_text(ver)}", v["submissions"], len(v["strict"]),
                      len(v["strict"]) + len(v["lenient_only"]), len(v["not_judged"])]
                     for ver, v in data["versions"].items()],
                  ["l", "r", "r", "r", "r"]),
        ]
        for ver, v in data["versions"].items():
            if not v["submissions"]:
                continue
            lines = [f"### v{md_text(ver)}", ""]
            lines.append(f"- Strictly conformant ({len(v['strict'])}): {links(v['strict']) or '—'}")
            if v["lenient_only"]:
                items = "; ".join(f"{submission_link(e['path'])} (N/A with notes on "
                                  f"{', '.join(md_code(r) for r in e['accepted'])})" for e in v["lenient_only"])
                lines.append(f"- Conformant only under the lenient rule ({len(v['lenient_only'])}): {items}")
            if v["failing"]:
                items = "; ".join(f"{submission_link(e['path'])} ("
                                  + ", ".join(f"{md_code(f['requirement'])}: {md_text(f['status'] or 'empty')}"
                                              for f in e["failures"]) + ")" for e in v["failing"])
                lines.append(f"- Not conformant ({len(v['failing'])}): {items}")
            if v["not_judged"]:
                items = "; ".join(f"{submission_link(e['path'])} ({md_text(e['reason'])})" for e in v["not_judged"])
                lines.append(f"- Not judged ({len(v['not_judged'])}): {items}")
            blocks.append("\n".join(lines))
        return join_blocks(*blocks)

    def csv(self, data: Any) -> dict[str, Rows]:
        return {}

    def submission_fields(self, ctx: ReportContext, sub: Submission) -> dict[str, Any]:
        v = analysis(ctx).verdicts[sub.path]
        return {"must_shortfalls": [{"requirement": f.requirement, "status": f.status} for f in v.strict_failures]}


SECTION = ConformanceSection()
