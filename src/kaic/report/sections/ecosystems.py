"""Accelerator-vendor ecosystems (e.g. NVIDIA): which of a steward's projects each
submission names, and the versions observed.

The stewards shown are those the catalog lists as the vendor of an accelerator; their
projects are the catalog projects whose `steward` is that vendor. Nothing here names a
vendor.

JSON (`ecosystems`): {submissions, ecosystems: [{steward, accelerator_named, using_any,
projects: [{repo, name, stacks, percent, paths, versions: [{path, version}]}],
by_submission: [{path, uses: [repo], marks {repo: M|X}, count}]}]}.
"""

from __future__ import annotations

from typing import Any

from ...model import Submission
from ..escape import md_text
from ..markup import Footnotes, join_blocks, percent, submission_label, submission_link, table
from ..section import ReportContext, Rows
from ._components import component_analysis, pct

KEY = "ecosystems"


def _fold(text: str | None) -> str:
    return " ".join((text or "").lower().split())


class EcosystemsSection:
    key = KEY
    title = "Accelerator-vendor ecosystems"

    def build(self, ctx: ReportContext) -> Any:
        ca = component_analysis(ctx)
        total = len(ca.results)
        adoption = {a.repo: a for a in ca.adoption()}
        stewards: list[tuple[str, str]] = []  # (steward as written, accelerator name)
        for acc in ca.catalog.accelerators:
            vendor = acc.vendor or acc.name
            if _fold(vendor) not in [_fold(s) for s, _ in stewards]:
                stewards.append((vendor, acc.name))
        out = []
        for steward, accelerator in stewards:
            keys = [e.key for e in ca.catalog.projects if _fold(e.steward) == _fold(steward)]
            used = [k for k in keys if k in adoption]
            if not used:
                continue
            projects = []
            for k in sorted(used, key=lambda k: (-adoption[k].count, adoption[k].name.lower())):
                a = adoption[k]
                projects.append({"repo": k, "name": a.name, "stacks": a.count, "percent": pct(a.count, total),
                                 "paths": list(a.paths),
                                 "versions": [{"path": p, "version": v} for p, v in a.versions.items()]})
            by_sub = []
            for path, r in ca.results.items():
                marks = {c.repo: c.mark for c in r.detection.components if c.repo in used}
                uses = [p["repo"] for p in projects if p["repo"] in marks]
                by_sub.append({"path": path, "uses": uses, "marks": marks, "count": len(uses)})
            named = sum(1 for r in ca.results.values() if accelerator in r.detection.accelerators)
            out.append({"steward": steward, "accelerator": accelerator, "accelerator_named": named,
                        "using_any": sum(1 for b in by_sub if b["count"]), "projects": projects,
                        "by_submission": by_sub})
        return {"submissions": total, "ecosystems": out}

    def markdown(self, data: Any) -> str:
        total = data["submissions"]
        if not data["ecosystems"]:
            return "No project of an accelerator vendor is named."
        blocks = []
        for eco in data["ecosystems"]:
            notes = Footnotes(f"{KEY}-{eco['steward']}")
            steward = md_text(eco["steward"])
            using = [b["path"] for b in eco["by_submission"] if b["count"]]
            blocks.append(f"### {steward}")
            blocks.append(
                f"{notes.count(eco['using_any'], using)} of {total} submissions ({percent(eco['using_any'], total)}) "
                f"name at least one {steward} project; {eco['accelerator_named']} of {total} name "
                f"{md_text(eco['accelerator'])} accelerators (directly or through such a project); "
                f"{total - eco['using_any']} name no {steward} project.")
            rows = []
            for p in eco["projects"]:
                versions = ", ".join(f"{md_text(v['version'])} ({md_text(submission_label(v['path']))})"
                                     for v in p["versions"])
                rows.append([md_text(p["name"]), md_text(p["repo"]), f"{notes.count(p['stacks'], p['paths'])} / {total}",
                             percent(p["stacks"], total), versions or "not stated"])
            blocks.append(table(["Project", "Repository", "Stacks", "%", "Versions observed"], rows,
                                ["l", "l", "r", "r", "l"]))
            names = [p["name"] for p in eco["projects"]]
            repos = [p["repo"] for p in eco["projects"]]
            sub_rows = []
            for b in eco["by_submission"]:
                cells = [b["marks"].get(r, "-") for r in repos]
                sub_rows.append([submission_link(b["path"]), *cells, str(b["count"])])
            blocks.append(table(["Submission", *[md_text(n) for n in names], "Projects"], sub_rows,
                                ["l", *["c"] * len(names), "r"]))
            blocks.append(notes.render())
        return join_blocks(*blocks)

    def csv(self, data: Any) -> dict[str, Rows]:
        rows: Rows = [["steward", "submission", "repo", "project", "version"]]
        for eco in data["ecosystems"]:
            names = {p["repo"]: p["name"] for p in eco["projects"]}
            versions = {(v["path"], p["repo"]): v["version"] for p in eco["projects"] for v in p["versions"]}
            for b in eco["by_submission"]:
                for repo in b["uses"]:
                    rows.append([eco["steward"], b["path"], repo, names[repo], versions.get((b["path"], repo))])
        return {"ecosystems": rows}

    def submission_fields(self, ctx: ReportContext, sub: Submission) -> dict[str, Any]:
        return {}


SECTION = EcosystemsSection()
