"""Practices: what works (projects shared by the submissions with the best evidence
grade), common challenges (most frequent N/A reasons and findings), anti-patterns (each
rule with its instances) and recommendations (one per issue kind), all counted, every
sentence footnoted to the lines behind it.

JSON (`practices`): {what_works, challenges, anti_patterns, recommendations: [{kind,
values, refs ["path:line"]}]}.
"""

from __future__ import annotations

from typing import Any

from ...deepdive.practices import practices
from ...model import Submission
from ..markup import Footnotes, join_blocks
from ..section import ReportContext, Rows
from ._components import component_analysis
from ._sentences import render_sentence
from .deep_dives import SECTION as DIVES

KEY = "practices"
PARTS = (("what_works", "What works"), ("challenges", "Common challenges"), ("anti_patterns", "Anti-patterns"),
         ("recommendations", "Recommendations"))


class PracticesSection:
    key = KEY
    title = "Practices"

    def build(self, ctx: ReportContext) -> Any:
        dives = ctx.memo("deepdive_dives", lambda: DIVES.build(ctx))
        return practices(component_analysis(ctx), ctx.validation, dives)

    def markdown(self, data: Any) -> str:
        notes = Footnotes(KEY)
        blocks = []
        for key, title in PARTS:
            items = data.get(key, [])
            body = "\n".join(f"- {render_sentence(s, notes)}" for s in items) or "- Nothing in the data."
            blocks.append(f"**{title}**\n\n{body}")
        return join_blocks(*blocks, notes.render())

    def csv(self, data: Any) -> dict[str, Rows]:
        rows: Rows = [["part", "kind", "values", "refs"]]
        for key, _ in PARTS:
            for s in data.get(key, []):
                rows.append([key, s["kind"], "; ".join(f"{k}={v}" for k, v in s["values"].items()), "; ".join(s["refs"])])
        return {"practices": rows}

    def submission_fields(self, ctx: ReportContext, sub: Submission) -> dict[str, Any]:
        return {}


SECTION = PracticesSection()
