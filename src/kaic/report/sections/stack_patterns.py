"""Stack patterns: per topic (metrics stack, gang scheduling, cluster autoscaling), the
class each submission falls in, with its members and the rule that put them there
(data/stack_patterns.yaml; first matching class wins).

JSON (`stack_patterns`): [{key, title, topic, classes: [{label, rule, count, members:
[{submission, names, refs ["path:line"]}]}]}].
"""

from __future__ import annotations

from typing import Any

from ...deepdive.patterns import load_patterns, stack_patterns
from ...model import Submission
from ..escape import md_code, md_text
from ..markup import join_blocks, submission_link, table
from ..section import ReportContext, Rows
from ._components import component_analysis

KEY = "stack_patterns"


class StackPatternsSection:
    key = KEY
    title = "Stack patterns"

    def build(self, ctx: ReportContext) -> Any:
        return stack_patterns(component_analysis(ctx), load_patterns())

    def markdown(self, data: Any) -> str:
        blocks = []
        for p in data:
            rows = []
            for c in p["classes"]:
                if not c["count"]:
                    continue
                members = "; ".join(
                    submission_link(m["submission"])
                    + (f" ({', '.join(md_code(r) for r in m['refs'])})" if m["refs"] else "") for m in c["members"])
                rows.append([md_text(c["label"]), str(c["count"]), members, md_text(c["rule"])])
            body = table(["Class", "Submissions", "Members (where)", "Rule"], rows) if rows else "No submission."
            blocks.append(f"**{md_text(p['title'])}**\n\n{body}")
        return join_blocks(*blocks) if blocks else "No pattern."

    def csv(self, data: Any) -> dict[str, Rows]:
        rows: Rows = [["pattern", "class", "rule", "submission", "names", "refs"]]
        for p in data:
            for c in p["classes"]:
                for m in c["members"]:
                    rows.append([p["title"], c["label"], c["rule"], m["submission"], "; ".join(m["names"]),
                                 "; ".join(m["refs"])])
        return {"stack_patterns": rows}

    def submission_fields(self, ctx: ReportContext, sub: Submission) -> dict[str, Any]:
        return {}


SECTION = StackPatternsSection()
