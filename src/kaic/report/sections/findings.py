"""Validation findings, as `kaic validate --format json` lists them, with a summary by rule.

JSON (`findings`): [{rule, severity, path, line, requirement, message, hint}].
"""

from __future__ import annotations

from typing import Any

from ...model import Submission
from ...rules import Severity
from ...words import plural
from ..escape import md_code
from ..markup import join_blocks, submission_label, submission_link, table
from ..section import ReportContext, Rows

KEY = "findings"


class FindingsSection:
    key = KEY
    title = "Validation findings"

    def build(self, ctx: ReportContext) -> Any:
        return [f.as_dict() for f in ctx.validation.findings]

    def markdown(self, data: Any) -> str:
        if not data:
            return "No finding: every submission passes every rule."
        by_severity = {s.value: sum(1 for f in data if f["severity"] == s.value) for s in Severity}
        paths = sorted({f["path"] for f in data})
        head = (f"{plural(len(data), 'finding')} ({', '.join(f'{n} {sev}' for sev, n in by_severity.items())}) in "
                f"{plural(len(paths), 'submission')}. Each rule is documented by `kaic rules <id>`; the full list, "
                "with lines and messages, is in the JSON and CSV reports and in `kaic validate`.")
        rules: dict[tuple[str, str], dict[str, int]] = {}
        for f in data:
            per_path = rules.setdefault((f["rule"], f["severity"]), {})
            per_path[f["path"]] = per_path.get(f["path"], 0) + 1
        rank = {s.value: s.rank for s in Severity}
        rows = []
        for (rule, severity), per_path in sorted(rules.items(), key=lambda kv: (rank.get(kv[0][1], 9), kv[0][0])):
            where = ", ".join(submission_link(p, submission_label(p) + (f" ×{n}" if n > 1 else ""))
                              for p, n in sorted(per_path.items()))
            rows.append([md_code(rule), severity, sum(per_path.values()), where])
        return join_blocks(head, table(["Rule", "Severity", "Findings", "Submissions"], rows, ["l", "l", "r", "l"]))

    def csv(self, data: Any) -> dict[str, Rows]:
        rows: Rows = [["rule", "severity", "path", "line", "requirement", "message", "hint"]]
        rows += [[f["rule"], f["severity"], f["path"], f["line"], f["requirement"], f["message"], f["hint"]]
                 for f in data]
        return {"findings": rows}

    def submission_fields(self, ctx: ReportContext, sub: Submission) -> dict[str, Any]:
        return {}


SECTION = FindingsSection()
