"""Component version matrix: the version of each project as each submission states it.

Only versions written next to a project's name (or set for it in a command or a YAML
block, or in a release link) are shown, as written; where each was read is in the
`components` JSON.

JSON (`component_versions`): {columns: [{repo, name, submissions, distinct}], rows:
[{path, kubernetes_version, platform_version, versions {repo: version}}]}: only
projects with a version somewhere, only submissions stating one.
"""

from __future__ import annotations

from typing import Any

from ...model import Submission
from ...words import plural, plural_word
from ..escape import md_text
from ..markup import join_blocks, submission_link, table
from ..section import ReportContext, Rows
from ._components import component_analysis

KEY = "component_versions"


class ComponentVersionsSection:
    key = KEY
    title = "Component version matrix"

    def build(self, ctx: ReportContext) -> Any:
        ca = component_analysis(ctx)
        subs = {s.path: s for s in ctx.state.submissions}
        rows = []
        seen: dict[str, set[str]] = {}
        counts: dict[str, int] = {}
        for path, r in ca.results.items():
            versions = {c.repo: c.version for c in r.detection.components if c.version}
            if not versions:
                continue
            for repo, v in versions.items():
                seen.setdefault(repo, set()).add(v.lstrip("vV"))
                counts[repo] = counts.get(repo, 0) + 1
            sub = subs[path]
            rows.append({"path": path, "kubernetes_version": _meta(sub, "kubernetesVersion"),
                         "platform_version": _meta(sub, "platformVersion"), "versions": versions})
        columns = [{"repo": k, "name": ca.catalog.name(k), "submissions": counts[k], "distinct": len(seen[k])}
                   for k in sorted(counts, key=lambda k: (-counts[k], ca.catalog.name(k).lower()))]
        return {"columns": columns, "rows": rows}

    def markdown(self, data: Any) -> str:
        cols = data["columns"]
        if not cols:
            return "No submission states the version of a catalog project."
        total = len(data["rows"])
        lead = (f"{total} submissions state the version of at least one component; {len(cols)} projects have a "
                "version somewhere. Versions are shown as written (a distribution's packaged version may differ "
                "from the upstream release).")
        rows = [[submission_link(r["path"]), md_text(r["kubernetes_version"]), md_text(r["platform_version"]),
                 *[md_text(r["versions"].get(c["repo"], "")) or "–" for c in cols]] for r in data["rows"]]
        spread = [f"{md_text(c['name'])}: {c['distinct']} distinct {plural_word('version', c['distinct'])} in "
                  f"{plural(c['submissions'], 'submission')}"
                  for c in cols]
        return join_blocks(lead,
                           table(["Submission", "Kubernetes", "Platform version", *[md_text(c["name"]) for c in cols]],
                                 rows),
                           "; ".join(spread) + ".")

    def csv(self, data: Any) -> dict[str, Rows]:
        out: Rows = [["submission", "kubernetes_version", "platform_version", "repo", "project", "version"]]
        names = {c["repo"]: c["name"] for c in data["columns"]}
        for r in data["rows"]:
            for repo, v in r["versions"].items():
                out.append([r["path"], r["kubernetes_version"], r["platform_version"], repo, names.get(repo, repo), v])
        return {"component_versions": out}

    def submission_fields(self, ctx: ReportContext, sub: Submission) -> dict[str, Any]:
        return {}


def _meta(sub: Submission, name: str) -> str:
    """A metadata value as written, also when YAML read it as a number (`platformVersion: 1.0`)."""
    field = sub.metadata.get(name)
    if field is None or field.value is None or isinstance(field.value, dict | list):
        return ""
    return str(field.value).strip()


SECTION = ComponentVersionsSection()
