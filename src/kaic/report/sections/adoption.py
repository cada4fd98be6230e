"""Adoption summary: how many stacks name each project, with its CNCF status and category.

JSON (`adoption`): {submissions, projects: [{rank, repo, name, stacks, percent, with_version,
without_version, cncf, category, steward, open_source, paths}]}. `stacks` counts the
submissions naming the project (M or X), out of `submissions`.
"""

from __future__ import annotations

from typing import Any

from ...model import Submission
from ..escape import md_text
from ..markup import Footnotes, join_blocks, percent, table
from ..section import ReportContext, Rows
from ._components import component_analysis, pct

KEY = "adoption"


class AdoptionSection:
    key = KEY
    title = "Open-source adoption summary"

    def build(self, ctx: ReportContext) -> Any:
        ca = component_analysis(ctx)
        total = len(ca.results)
        projects = []
        for rank, a in enumerate(ca.adoption(), start=1):
            entry = ca.catalog.entry(a.repo)
            m = sum(1 for p in a.paths if a.marks.get(p) == "M")
            projects.append({
                "rank": rank,
                "repo": a.repo,
                "name": a.name,
                "stacks": a.count,
                "percent": pct(a.count, total),
                "with_version": m,
                "without_version": a.count - m,
                "cncf": entry.cncf if entry else None,
                "category": entry.category if entry else None,
                "steward": entry.steward if entry else None,
                "open_source": entry.open_source if entry else None,
                "paths": list(a.paths),
                "via": dict(a.via),  # path -> the umbrella that carries it there (not named itself)
            })
        return {"submissions": total, "projects": projects}

    def markdown(self, data: Any) -> str:
        total = data["submissions"]
        if not data["projects"]:
            return f"No catalog project is named in the {total} submissions."
        notes = Footnotes(KEY)
        rows = []
        for p in data["projects"]:
            via = p.get("via") or {}
            umbrellas = ", ".join(dict.fromkeys(via.values()))
            carried = f" ({len(via)} via {md_text(umbrellas)})" if via else ""
            rows.append([str(p["rank"]), md_text(p["name"]),
                         f"{notes.count(p['stacks'], p['paths'])} / {total}{carried}",
                         percent(p["stacks"], total), f"{p['with_version']} / {p['without_version']}",
                         md_text(p["cncf"] or "–"), md_text(p["category"] or "–")])
        lead = (f"{len(data['projects'])} catalog projects are named by at least one of the {total} submissions. "
                "A stack counts once per project whatever the number of mentions; M / X splits them into "
                "stacks naming a version and stacks naming none. A stack also runs what an umbrella package it "
                "names deploys (the catalog's `includes`: kube-prometheus-stack carries Prometheus, a GPU "
                "Operator the device plugin, DCGM exporter and container toolkit): those count, marked "
                "\"via\" the umbrella.")
        return join_blocks(lead, table(["#", "Project", "Stacks", "%", "M / X", "CNCF status", "Category"], rows,
                                       ["r", "l", "r", "r", "c", "l", "l"]), notes.render())

    def csv(self, data: Any) -> dict[str, Rows]:
        rows: Rows = [["rank", "repo", "project", "stacks", "of", "percent", "with_version", "without_version",
                       "cncf", "category", "steward", "open_source"]]
        for p in data["projects"]:
            rows.append([p["rank"], p["repo"], p["name"], p["stacks"], data["submissions"], p["percent"],
                         p["with_version"], p["without_version"], p["cncf"], p["category"], p["steward"],
                         p["open_source"]])
        return {"adoption": rows}

    def submission_fields(self, ctx: ReportContext, sub: Submission) -> dict[str, Any]:
        return {}


SECTION = AdoptionSection()
