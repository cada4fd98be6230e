"""Inventory: every submission with its anchor (what the report's footnotes link to), and
the baseline of this state, so a later `kaic diff` can compare against this very report.

JSON (`inventory`): {baseline (the `kaic baseline` document), rows [{path, version,
vendor, platform, group, strict, lenient, findings {error, warning, info}}]}.
"""

from __future__ import annotations

from typing import Any

from ...baseline.snapshot import snapshot
from ...model import Submission
from ...rules import Severity
from ..escape import md_code, md_text
from ..markup import join_blocks, submission_anchor, submission_label, table
from ..section import ReportContext, Rows
from ..shared import analysis, vendor_name

KEY = "inventory"


def _mark(value: bool | None) -> str:
    return "yes" if value else "—" if value is None else "no"


class InventorySection:
    key = KEY
    title = "Inventory"

    def build(self, ctx: ReportContext) -> Any:
        an = analysis(ctx)
        rows = []
        for sub in ctx.state.submissions:
            vendor = an.inventory.vendor_for(sub.path)
            verdict = an.verdicts[sub.path]
            findings = ctx.validation.findings_for(sub)
            rows.append({
                "path": sub.path,
                "version": sub.version,
                "vendor": vendor_name(ctx, sub),
                "vendor_as_written": sub.vendor,
                "platform": sub.platform,
                "group": vendor.group.title if vendor else "",
                "strict": verdict.strict,
                "lenient": verdict.lenient,
                "findings": {s.value: sum(1 for f in findings if f.severity is s) for s in Severity},
            })
        return {"baseline": snapshot(ctx.state), "rows": rows}

    def markdown(self, data: Any) -> str:
        base = data["baseline"]
        src = base["source"]
        commit = src.get("commit") or ""
        facts = [
            f"- Source: {md_text(src.get('location') or '?')}"
            + (f" at commit {md_code(commit)}" if commit else "")
            + (f", committed {md_text(src['date'])}" if src.get("date") else ""),
            f"- Versions: {', '.join(f'v{md_text(v)}' for v in base['versions']) or '—'}; "
            f"version folders: {', '.join(f'v{md_text(v)}' for v in base['version_dirs']) or '—'}",
            f"- Submissions: {base['totals']['submissions']}; distinct vendors: {base['totals']['vendors']}",
            "- To see what changed since this state: "
            + (f"`kaic diff {md_text(commit[:12])} main` (git refs), or " if commit else "")
            + "`kaic diff report.json main` (this report's JSON, or a `kaic baseline` file, as the old side).",
        ]
        blocks = ["\n".join(facts)]
        by_version: dict[str, list[dict[str, Any]]] = {}
        for r in data["rows"]:
            by_version.setdefault(r["version"], []).append(r)
        for version, rows in by_version.items():
            table_rows = [[f'<a id="{submission_anchor(r["path"])}"></a>{md_code(submission_label(r["path"]))}',
                           md_text(r["vendor"]), md_text(r["platform"]), md_text(r["group"]),
                           _mark(r["strict"]), _mark(r["lenient"]),
                           " / ".join(str(r["findings"].get(s.value, 0)) for s in Severity)]
                          for r in rows]
            blocks += [f"### v{md_text(version)} ({len(rows)})",
                       table(["Submission", "Vendor", "Platform", "Group", "Strict", "Lenient",
                              "Findings (error / warning / info)"], table_rows, ["l", "l", "l", "l", "c", "c", "r"])]
        return join_blocks(*blocks)

    def csv(self, data: Any) -> dict[str, Rows]:
        rows: Rows = [["path", "version", "vendor", "platform", "group", "full_conformance_strict",
                       "full_conformance_lenient", "errors", "warnings", "infos", "fingerprint"]]
        prints = data["baseline"]["submissions"]
        rows += [[r["path"], r["version"], r["vendor"], r["platform"], r["group"], r["strict"], r["lenient"],
                  r["findings"].get("error", 0), r["findings"].get("warning", 0), r["findings"].get("info", 0),
                  prints.get(r["path"], {}).get("fingerprint", "")] for r in data["rows"]]
        return {"submissions": rows}

    def submission_fields(self, ctx: ReportContext, sub: Submission) -> dict[str, Any]:
        return {}


SECTION = InventorySection()
