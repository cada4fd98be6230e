"""Open-source components: the project × submission matrix of each version (M/X/-).

M = named with a version (the version string and where it was read are in the JSON),
X = named without one, - = not named. Mentions in negative or roadmap wording ("not
deployed", "planned") and in N/A or Not Implemented answers do not count; the
platform's own project (its repoUrl or platform name) is shown as the platform.

JSON (`components`): {legend, versions: [{version, submissions, rows: [{repo, name,
cells {path: "M"|"X"|"-"}}]}], platform_projects [{path, repo, name}], not_adopted
[{path, repo, name, tag, places}], files_not_read [{path, reason}], errors [{path,
message}], mentions [{path, repo, name, version, via, tag, text, requirement, field, file,
line}]}. Each `submissions[]` entry gains `components[] {repo, name, mark, version,
versions[], places[] {requirement, field, file, line}}`, `platform_projects[]` and
`components_not_adopted[]`.
"""

from __future__ import annotations

from typing import Any

from ...components.model import Kind
from ...model import Submission
from ..escape import md_code, md_text
from ..markup import join_blocks, submission_link, table
from ..section import ReportContext, Rows
from ._components import component_analysis, product

KEY = "components"
LEGEND = {
    "M": "named with a version",
    "X": "named without a version",
    "V": "not named, carried by an umbrella package it names (via)",
    "-": "not named",
}


class ComponentsSection:
    key = KEY
    title = "Open-source components by submission"

    def build(self, ctx: ReportContext) -> Any:
        ca = component_analysis(ctx)
        versions = []
        by_version: dict[str, list[str]] = {}
        for sub in ctx.state.submissions:
            by_version.setdefault(sub.version, []).append(sub.path)
        for version, paths in by_version.items():
            rows = []
            for a in ca.adoption(paths):
                rows.append({
                    "repo": a.repo,
                    "name": a.name,
                    "cells": {p: "V" if p in a.via else a.marks.get(p, "-") for p in paths},
                    "via": {p: a.via[p] for p in paths if p in a.via},
                })
            versions.append({"version": version, "submissions": paths, "rows": rows})
        platform = []
        not_adopted = []
        unread = []
        errors = []
        mentions = []
        for path, r in ca.results.items():
            for m in r.detection.mentions:
                if ca.catalog.kind(m.target) is not Kind.PROJECT:
                    continue
                mentions.append({"path": path, "repo": m.target, "name": ca.catalog.name(m.target),
                                 "version": m.version, "via": m.via.value, "tag": m.tag.value if m.tag else None,
                                 "text": m.text, **m.place.as_dict()})
            if r.error:
                errors.append({"path": path, "message": r.error})
            for c in r.detection.platform:
                platform.append({"path": path, "repo": c.repo, "name": c.name})
            for c in r.detection.not_adopted:
                not_adopted.append({"path": path, "repo": c.repo, "name": c.name,
                                    "tag": c.tag.value if c.tag else None,
                                    "places": [p.as_dict() for p in c.places]})
            for file, state in r.detection.files:
                if state not in ("read", "image", "other"):
                    unread.append({"path": file, "reason": state})
        return {"legend": LEGEND, "versions": versions, "platform_projects": platform,
                "not_adopted": not_adopted, "files_not_read": unread, "errors": errors, "mentions": mentions}

    def markdown(self, data: Any) -> str:
        blocks = ["Read from each submission's notes, evidence links, metadata and the text files in its "
                  "folder (never from the requirement descriptions copied from the checklist). "
                  + "; ".join(f"**{k}** = {v}" for k, v in data["legend"].items())
                  + ". Names in negative or roadmap wording, or in N/A and Not Implemented answers, do "
                  "not count. The JSON report keeps the place of every mention."]
        for v in data["versions"]:
            paths = v["submissions"]
            headers = ["Project", *[md_text(product(p)) for p in paths], "Stacks"]
            rows = []
            for row in v["rows"]:
                marks = [row["cells"][p] for p in paths]
                used = sum(1 for m in marks if m != "-")
                rows.append([md_text(row["name"]), *marks, str(used)])
            blocks.append(f"### v{md_text(v['version'])} ({len(paths)} submissions)")
            if rows:
                blocks.append(table(headers, rows, ["l", *["c"] * len(paths), "r"]))
            else:
                blocks.append("No catalog project is named.")
        if data["platform_projects"]:
            items = [f"{submission_link(e['path'])}: {md_text(e['name'])} ({md_code(e['repo'])})"
                     for e in data["platform_projects"]]
            blocks.append("**The platform's own project** (from its repoUrl or platform name; not counted as "
                          "a component): " + "; ".join(items) + ".")
        if data["not_adopted"]:
            rows = [[submission_link(e["path"]), md_text(e["name"]), md_text(e["tag"] or ""),
                     md_text("; ".join(_place(p) for p in e["places"][:4]))] for e in data["not_adopted"]]
            blocks += ["**Named only in negative or roadmap wording** (kept, not counted):",
                       table(["Submission", "Project", "Wording", "Where"], rows)]
        if data["files_not_read"]:
            items = [f"{md_code(e['path'])} ({md_text(e['reason'])})" for e in data["files_not_read"]]
            blocks.append("Evidence files not read: " + "; ".join(items) + ".")
        if data["errors"]:
            items = [f"{submission_link(e['path'])}: {md_text(e['message'])}" for e in data["errors"]]
            blocks.append("Submissions that could not be analysed: " + "; ".join(items) + ".")
        return join_blocks(*blocks)

    def csv(self, data: Any) -> dict[str, Rows]:
        matrix: Rows = [["version", "submission", "repo", "project", "mark"]]
        for v in data["versions"]:
            for row in v["rows"]:
                for path, mark in row["cells"].items():
                    matrix.append([v["version"], path, row["repo"], row["name"], mark])
        mentions: Rows = [["submission", "repo", "project", "version", "requirement", "field", "file", "line",
                           "via", "tag", "text"]]
        for m in data["mentions"]:
            mentions.append([m["path"], m["repo"], m["name"], m["version"], m["requirement"], m["field"],
                             m["file"], m["line"], m["via"], m["tag"], m["text"]])
        return {"components_matrix": matrix, "component_mentions": mentions}

    def submission_fields(self, ctx: ReportContext, sub: Submission) -> dict[str, Any]:
        r = component_analysis(ctx).result(sub.path)
        if r is None:
            return {}
        det = r.detection
        return {
            "components": [c.as_dict() for c in det.components],
            "platform_projects": [{"repo": c.repo, "name": c.name, "places": [p.as_dict() for p in c.places]}
                                  for c in det.platform],
            "components_not_adopted": [{"repo": c.repo, "name": c.name, "tag": c.tag.value if c.tag else None,
                                        "places": [p.as_dict() for p in c.places]} for c in det.not_adopted],
        }


def _place(p: dict[str, Any]) -> str:
    if p.get("file"):
        return f"{p['file']}:{p['line']}" if p.get("line") else str(p["file"])
    parts = [x for x in (p.get("requirement"), p.get("field")) if x]
    where = " ".join(parts)
    return f"{where} l.{p['line']}" if p.get("line") else where


SECTION = ComponentsSection()
