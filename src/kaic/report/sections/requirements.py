"""Implementation rate of each requirement over every version whose checklist has it.

JSON (`requirements`): {id: {category, levels {X.Y: level}, denominator, counts {status:
n}, paths {status: [path]}, implemented_rate}}. The denominator counts only submissions
whose checklist lists the requirement.
"""

from __future__ import annotations

from typing import Any

from ...model import Status, Submission
from ..escape import md_code, md_text
from ..markup import Footnotes, fraction, join_blocks, links, table
from ..section import ReportContext, Rows
from ..shared import analysis

KEY = "requirements"


class RequirementsSection:
    key = KEY
    title = "Implementation rate by requirement, all versions"

    def build(self, ctx: ReportContext) -> Any:
        an = analysis(ctx)
        return {
            rid: {
                "category": t.category,
                "levels": dict(t.levels),
                "denominator": t.denominator,
                "counts": t.counts,
                "paths": {k: list(v) for k, v in t.paths.items() if v},
                "implemented_rate": t.rate,
            }
            for rid, t in an.overall.items()
        }

    def markdown(self, data: Any) -> str:
        if not data:
            return "No checklist could be read, so no requirement can be rated."
        notes = Footnotes(KEY)
        rows = []
        for rid, r in data.items():
            implemented = r["paths"].get(Status.IMPLEMENTED.value, [])
            others = {k: v for k, v in r["paths"].items() if k != Status.IMPLEMENTED.value}
            levels = ", ".join(f"{md_text(lv)} in v{md_text(v)}" for v, lv in r["levels"].items())
            share = fraction(len(implemented), r["denominator"])
            if others:
                detail = "; ".join(f"{md_text(k or 'empty')}: {len(v)}" for k, v in others.items())
                share += notes.cite(f"{md_code(rid)} not Implemented ({detail}): "
                                    + "; ".join(f"{md_text(k or 'empty')}: {links(v)}" for k, v in others.items()))
            rows.append([md_text(r["category"]), md_code(rid), levels, share, str(r["denominator"])])
        intro = ("Each rate counts *Implemented* answers over the submissions whose version's "
                 "checklist has the requirement; the footnotes name every submission that "
                 "answered otherwise. Per-version figures are in "
                 "[Conformance by requirement, per version](#versions).")
        return join_blocks(intro, table(["Category", "Requirement", "Level", "Implemented", "Denominator"],
                                        rows, ["l", "l", "l", "r", "r"]), notes.render())

    def csv(self, data: Any) -> dict[str, Rows]:
        return {}

    def submission_fields(self, ctx: ReportContext, sub: Submission) -> dict[str, Any]:
        return {}


SECTION = RequirementsSection()
