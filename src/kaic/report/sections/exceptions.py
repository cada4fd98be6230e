"""Every answer other than Implemented, with the vendor's notes: N/A, Not Implemented,
Partially Implemented, empty, unreadable, and requirements left out of the file.

JSON (`exceptions`): [{path, version, vendor, platform, requirement, category, level,
status, status_raw, notes, line}], level from the version's checklist ("" without one),
status normalized ("missing" when the file leaves the requirement out).
"""

from __future__ import annotations

from typing import Any

from ...analysis import MISSING
from ...model import Status, Submission
from ..escape import md_code, md_text
from ..markup import join_blocks, submission_link, table
from ..section import ReportContext, Rows
from ..shared import analysis, vendor_name

KEY = "exceptions"

ORDER = (Status.NOT_IMPLEMENTED.value, Status.NA.value, Status.PARTIAL.value, Status.EMPTY.value,
         Status.OTHER.value, MISSING)
NAMES = {
    Status.NOT_IMPLEMENTED.value: "Not Implemented",
    Status.NA.value: "N/A",
    Status.PARTIAL.value: "Partially Implemented",
    Status.EMPTY.value: "Empty status",
    Status.OTHER.value: "Unreadable status",
    MISSING: "Left out of the file",
}


class ExceptionsSection:
    key = KEY
    title = "N/A, partial and not-implemented answers"

    def build(self, ctx: ReportContext) -> Any:
        an = analysis(ctx)
        out = []
        for sub in ctx.state.submissions:
            matrix = an.matrices.get(sub.version)
            if matrix is None:
                continue
            answers = {a.id: a for a in sub.answered}
            for col in matrix.columns:
                answer = answers.get(col.id)
                status = answer.status.value if answer else MISSING
                if status == Status.IMPLEMENTED.value:
                    continue
                out.append({
                    "path": sub.path,
                    "version": sub.version,
                    "vendor": vendor_name(ctx, sub),
                    "vendor_as_written": sub.vendor,
                    "platform": sub.platform,
                    "requirement": col.id,
                    "category": col.category,
                    "level": col.level,
                    "status": status,
                    "status_raw": answer.status_raw if answer else None,
                    "notes": answer.notes if answer else "",
                    "line": (answer.status_line or answer.line) if answer else None,
                })
        return out

    def markdown(self, data: Any) -> str:
        if not data:
            return "Every answer is Implemented."
        levels = list(dict.fromkeys(sorted((e["level"] for e in data),
                                           key=lambda lv: (lv.upper() != "MUST", lv.upper() != "SHOULD", lv))))
        blocks = ["Notes are quoted as the vendor wrote them. On a MUST requirement, only N/A with "
                  "notes passes the [lenient rule](#conformance)."]
        for level in levels:
            at_level = [e for e in data if e["level"] == level]
            blocks.append(f"### {md_text(level) + ' requirements' if level else 'Requirements of versions without a checklist'}"
                          f" ({len(at_level)})")
            for status in ORDER:
                entries = [e for e in at_level if e["status"] == status]
                if not entries:
                    continue
                rows = [[submission_link(e["path"]), md_text(e["vendor"]), md_code(e["requirement"]),
                         md_text(e["notes"]) or "*(no notes)*"] for e in entries]
                blocks.append(f"**{NAMES[status]}** ({len(entries)})")
                blocks.append(table(["Submission", "Vendor", "Requirement", "Notes"], rows))
        return join_blocks(*blocks)

    def csv(self, data: Any) -> dict[str, Rows]:
        rows: Rows = [["path", "version", "vendor", "platform", "requirement", "level", "status", "line", "notes"]]
        rows += [[e["path"], e["version"], e["vendor"], e["platform"], e["requirement"], e["level"], e["status"],
                  e["line"], e["notes"]] for e in data]
        return {"exceptions": rows}

    def submission_fields(self, ctx: ReportContext, sub: Submission) -> dict[str, Any]:
        return {}


SECTION = ExceptionsSection()
