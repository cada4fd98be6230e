"""The implementation matrix, per version and vendor group.

JSON (`matrix`): {legend {status: symbol}, versions [{version, checklist, columns [{id,
category, level}], groups [{id, title, rows [{path, vendor, platform, cells {id:
status}}]}]}]}. A cell holds the normalized status, or "missing".
"""

from __future__ import annotations

from typing import Any

from ...analysis import MISSING
from ...model import Status, Submission
from ..escape import md_code, md_text
from ..markup import join_blocks, submission_link, table
from ..section import ReportContext, Rows
from ..shared import analysis, vendor_groups

KEY = "matrix"

SYMBOLS = {
    Status.IMPLEMENTED.value: "Y",
    Status.PARTIAL.value: "P",
    Status.NOT_IMPLEMENTED.value: "N",
    Status.NA.value: "N/A",
    Status.EMPTY.value: "?",
    Status.OTHER.value: "!",
    MISSING: "—",
}
LEGEND = {
    Status.IMPLEMENTED.value: "Implemented",
    Status.PARTIAL.value: "Partially Implemented",
    Status.NOT_IMPLEMENTED.value: "Not Implemented",
    Status.NA.value: "N/A",
    Status.EMPTY.value: "status left empty",
    Status.OTHER.value: "a status kaic cannot read",
    MISSING: "requirement left out of the file",
}


class MatrixSection:
    key = KEY
    title = "Implementation matrix by vendor group"

    def build(self, ctx: ReportContext) -> Any:
        an = analysis(ctx)
        groups = vendor_groups(ctx).ordered
        subs = {s.path: s for s in ctx.state.submissions}
        versions = []
        for version, matrix in an.matrices.items():
            if not matrix.rows:
                continue
            by_group: dict[str, list[dict[str, Any]]] = {g.id: [] for g in groups}
            for row in matrix.rows:
                vendor = an.inventory.vendor_for(row.path)
                sub = subs[row.path]
                gid = vendor.group.id if vendor else "unclassified"
                by_group.setdefault(gid, []).append({
                    "path": row.path,
                    "vendor": vendor.name if vendor and vendor.name else sub.vendor,
                    "platform": sub.platform,
                    "cells": dict(row.cells),
                })
            for rows in by_group.values():
                rows.sort(key=lambda r: (r["vendor"].casefold(), r["platform"].casefold(), r["path"]))
            titles = {g.id: g.title for g in groups}
            versions.append({
                "version": version,
                "checklist": matrix.checklist,
                "columns": [{"id": c.id, "category": c.category, "level": c.level} for c in matrix.columns],
                "groups": [{"id": gid, "title": titles.get(gid, gid), "rows": rows}
                           for gid, rows in by_group.items() if rows],
            })
        return {"legend": {k: {"symbol": SYMBOLS[k], "meaning": LEGEND[k]} for k in SYMBOLS}, "versions": versions}

    def markdown(self, data: Any) -> str:
        legend = ", ".join(f"**{md_text(v['symbol'])}** {md_text(v['meaning'])}" for v in data["legend"].values())
        blocks = ["Each row is one submission (linked to its inventory entry); each column a "
                  "requirement of that version's checklist, with its level there. Legend: " + legend + "."]
        for v in data["versions"]:
            cols = v["columns"]
            headers = ["Vendor", "Platform", *[f"{md_code(c['id'])}<br>{md_text(c['level'] or '?')}" for c in cols]]
            source = f" (checklist `{md_text(v['checklist'])}`)" if v["checklist"] else " (no checklist: levels unknown)"
            blocks.append(f"### v{md_text(v['version'])}{source}")
            for group in v["groups"]:
                rows = [[submission_link(r["path"], r["vendor"] or "(no vendorName)"), md_text(r["platform"]),
                         *[SYMBOLS.get(r["cells"].get(c["id"], MISSING), "!") for c in cols]]
                        for r in group["rows"]]
                blocks.append(f"**{md_text(group['title'])}** ({len(group['rows'])})")
                blocks.append(table(headers, rows, ["l", "l", *["c"] * len(cols)]))
        return join_blocks(*blocks)

    def csv(self, data: Any) -> dict[str, Rows]:
        rows: Rows = [["version", "group", "path", "vendor", "platform", "requirement", "category", "level", "status"]]
        for v in data["versions"]:
            for group in v["groups"]:
                for r in group["rows"]:
                    for c in v["columns"]:
                        rows.append([v["version"], group["id"], r["path"], r["vendor"], r["platform"],
                                     c["id"], c["category"], c["level"], r["cells"].get(c["id"], MISSING)])
        return {"matrix": rows}

    def submission_fields(self, ctx: ReportContext, sub: Submission) -> dict[str, Any]:
        return {}


SECTION = MatrixSection()
