"""Project reference: every catalog project this state names, adopted or as a platform.

JSON (`projects`): [{repo, url, name, license, cncf, category, steward, open_source,
description, stacks, platform_of}]: `stacks` submissions adopt it, `platform_of`
submissions are the project itself.
"""

from __future__ import annotations

from typing import Any

from ...model import Submission
from ..escape import md_code, md_text, md_url
from ..markup import join_blocks, table
from ..section import ReportContext, Rows
from ._components import component_analysis

KEY = "projects"


class ProjectsSection:
    key = KEY
    title = "Project reference"

    def build(self, ctx: ReportContext) -> Any:
        ca = component_analysis(ctx)
        stacks: dict[str, int] = {}
        platform_of: dict[str, int] = {}
        for r in ca.results.values():
            for c in r.detection.components:
                stacks[c.repo] = stacks.get(c.repo, 0) + 1
            for c in r.detection.platform:
                platform_of[c.repo] = platform_of.get(c.repo, 0) + 1
        out: list[dict[str, Any]] = []
        for key in ca.catalog.order({*stacks, *platform_of}):
            e = ca.catalog.entry(key)
            if e is None:
                continue
            out.append({"repo": key, "url": e.url, "name": e.name, "license": e.license, "cncf": e.cncf,
                        "category": e.category, "steward": e.steward, "open_source": e.open_source,
                        "description": e.description, "stacks": stacks.get(key, 0),
                        "platform_of": platform_of.get(key, 0)})
        out.sort(key=lambda p: str(p["name"]).lower())
        return out

    def markdown(self, data: Any) -> str:
        if not data:
            return "No catalog project is named."
        rows = []
        for p in data:
            url = md_url(p["url"] or "")
            repo = f"[{md_text(p['repo'])}]({url})" if url else md_code(p["repo"])
            source = {True: "open source", False: "proprietary"}.get(p["open_source"], "–")
            use = f"{p['stacks']}" + (f" (+{p['platform_of']} as platform)" if p["platform_of"] else "")
            rows.append([md_text(p["name"]), repo, md_text(p["license"] or "–"), md_text(p["cncf"] or "–"),
                         md_text(p["category"] or "–"), md_text(p["steward"] or "–"), source, use,
                         md_text(p["description"] or "", max_length=120)])
        named = sum(1 for p in data if p["stacks"])
        only_platform = len(data) - named
        why = (f": the {named} projects named by at least one submission (the adoption summary's count) plus "
               f"{only_platform} that appear only as a vendor's own platform (\"as platform\"), which adoption "
               "leaves out") if only_platform else ": the projects named by at least one submission"
        return join_blocks(
            f"{len(data)} projects, from kaic's curated catalog (`kaic catalog` lists all of it){why}.",
            table(["Project", "Repository", "License", "CNCF status", "Category", "Steward", "Source", "Stacks",
                   "Description"], rows),
        )

    def csv(self, data: Any) -> dict[str, Rows]:
        rows: Rows = [["repo", "project", "license", "cncf", "category", "steward", "open_source", "stacks",
                       "platform_of", "description"]]
        for p in data:
            rows.append([p["repo"], p["name"], p["license"], p["cncf"], p["category"], p["steward"],
                         p["open_source"], p["stacks"], p["platform_of"], p["description"]])
        return {"projects": rows}

    def submission_fields(self, ctx: ReportContext, sub: Submission) -> dict[str, Any]:
        return {}


SECTION = ProjectsSection()
