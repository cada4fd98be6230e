"""Requirement history across checklist versions: added, raised, lowered, dropped.

JSON (`history`): {versions [X.Y], requirements [{id, category, levels {X.Y: level or
null}}], changes [{version, previous, requirement, kind, before, after}], unreadable
[X.Y]}.
"""

from __future__ import annotations

from typing import Any

from ...model import Submission
from ..escape import md_code, md_text
from ..markup import join_blocks, table
from ..section import ReportContext, Rows
from ..shared import analysis

KEY = "history"

_WORDS = {
    "initial": "first checklist",
    "added": "added",
    "dropped": "dropped",
    "raised": "raised",
    "lowered": "lowered",
    "level-changed": "level changed",
    "moved": "moved to another category",
}


class HistorySection:
    key = KEY
    title = "Requirement history"

    def build(self, ctx: ReportContext) -> Any:
        h = analysis(ctx).history
        checklists = {v: c.path for v, c in ctx.state.checklists.items()}
        return {
            "versions": list(h.versions),
            "checklists": {v: checklists.get(v) for v in h.versions},
            "requirements": [{"id": rid, "category": h.categories.get(rid, ""), "levels": dict(levels)}
                             for rid, levels in h.levels.items()],
            "changes": [{"version": c.version, "previous": c.previous, "requirement": c.requirement,
                         "kind": c.kind, "before": c.before, "after": c.after} for c in h.changes],
            "unreadable": list(h.unreadable),
        }

    def markdown(self, data: Any) -> str:
        if not data["versions"]:
            return "No checklist could be read."
        versions = data["versions"]
        rows = [[md_code(r["id"]), md_text(r["category"]),
                 *[md_text(r["levels"].get(v) or "—") for v in versions]] for r in data["requirements"]]
        sources = ", ".join(f"v{md_text(v)}: `{md_text(p)}`" for v, p in data["checklists"].items() if p)
        blocks = [f"Read from the checklists ({sources}); — means the version does not have the requirement.",
                  table(["Requirement", "Category", *[f"v{md_text(v)}" for v in versions]], rows)]
        lines = []
        for version in versions:
            changes = [c for c in data["changes"] if c["version"] == version and c["kind"] != "initial"]
            if not changes:
                continue
            prev = changes[0]["previous"]
            items = "; ".join(_describe(c) for c in changes)
            lines.append(f"- **v{md_text(version)}** (against v{md_text(prev)}): {items}")
        initial = [c for c in data["changes"] if c["kind"] == "initial"]
        if initial:
            lines.insert(0, f"- **v{md_text(initial[0]['version'])}** (first checklist): {len(initial)} requirements, "
                         f"{sum(1 for c in initial if (c['after'] or '').upper() == 'MUST')} MUST")
        if lines:
            blocks.append("\n".join(lines))
        if data["unreadable"]:
            blocks.append("Checklists that could not be read: " + ", ".join(f"v{md_text(v)}" for v in data["unreadable"]))
        return join_blocks(*blocks)

    def csv(self, data: Any) -> dict[str, Rows]:
        rows: Rows = [["version", "previous", "requirement", "change", "before", "after"]]
        rows += [[c["version"], c["previous"] or "", c["requirement"], c["kind"], c["before"] or "", c["after"] or ""]
                 for c in data["changes"]]
        return {"requirement_history": rows}

    def submission_fields(self, ctx: ReportContext, sub: Submission) -> dict[str, Any]:
        return {}


def _describe(c: dict[str, Any]) -> str:
    rid = md_code(c["requirement"])
    word = _WORDS.get(c["kind"], c["kind"])
    if c["kind"] == "added":
        return f"{rid} {word} ({md_text(c['after'])})"
    if c["kind"] == "dropped":
        return f"{rid} {word} (was {md_text(c['before'])})"
    return f"{rid} {word}: {md_text(c['before'])} → {md_text(c['after'])}"


SECTION = HistorySection()
