"""Component adoption in baselines, and its changes between two of them (`kaic diff`).

A baseline records, per submission, the projects it adopts with their mark and
version (`components_snapshot`); `component_changes` compares two such records:
projects whose number of stacks changed (with the submissions gained and lost), and per
submission the projects added, removed or whose mark or version changed. A baseline
written before components were recorded yields `available: false`.
"""

from __future__ import annotations

from typing import Any

from ..load import RepoState
from ..words import plural
from .analysis import analyse_components
from .catalog import Catalog, CatalogError


def components_snapshot(state: RepoState, catalog: Catalog | None = None) -> dict[str, Any]:
    """{"submissions": {path: {repo: {name, mark, version}}}, "platform": {path: [repo]}};
    {"error": ...} when the catalog cannot be read (the rest of the baseline is still made)."""
    try:
        ca = analyse_components(state, None, catalog)
    except (OSError, CatalogError) as exc:
        return {"error": f"component catalog unavailable: {exc}"}
    subs: dict[str, dict[str, dict[str, Any]]] = {}
    platform: dict[str, list[str]] = {}
    for path, r in ca.results.items():
        subs[path] = {c.repo: {"name": c.name, "mark": c.mark, "version": c.version} for c in r.detection.components}
        if r.detection.platform:
            platform[path] = [c.repo for c in r.detection.platform]
    return {"submissions": subs, "platform": platform}


def _mark(entry: dict[str, Any] | None) -> str | None:
    if entry is None:
        return None
    return f"M {entry['version']}" if entry.get("mark") == "M" and entry.get("version") else str(entry.get("mark"))


def component_changes(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """The adoption delta between two baselines (see the module doc)."""
    old_c = old.get("components")
    new_c = new.get("components")
    if not isinstance(old_c, dict) or not isinstance(new_c, dict) or "error" in old_c or "error" in new_c:
        return {"available": False, "projects": [], "submissions": []}
    old_s: dict[str, dict[str, Any]] = old_c.get("submissions", {})
    new_s: dict[str, dict[str, Any]] = new_c.get("submissions", {})
    names: dict[str, str] = {}
    users: dict[str, tuple[set[str], set[str]]] = {}
    for side, subs in ((0, old_s), (1, new_s)):
        for path, comps in subs.items():
            for repo, entry in comps.items():
                names.setdefault(repo, str(entry.get("name", repo)))
                users.setdefault(repo, (set(), set()))[side].add(path)
    projects: list[dict[str, Any]] = []
    for repo, (was, now) in users.items():
        if was == now:
            continue
        projects.append({"repo": repo, "name": names[repo], "old": len(was), "new": len(now),
                         "added": sorted(now - was), "removed": sorted(was - now)})
    projects.sort(key=lambda p: (-abs(int(p["new"]) - int(p["old"])), str(p["name"]).lower()))
    per_sub = []
    for path in sorted(set(old_s) | set(new_s)):
        before: dict[str, Any] = old_s.get(path, {})
        after: dict[str, Any] = new_s.get(path, {})
        added = [{"repo": r, "name": names[r], "mark": _mark(after[r])} for r in after if r not in before]
        removed = [{"repo": r, "name": names[r], "mark": _mark(before[r])} for r in before if r not in after]
        changed = [{"repo": r, "name": names[r], "old": _mark(before[r]), "new": _mark(after[r])}
                   for r in after if r in before and _mark(before[r]) != _mark(after[r])]
        if added or removed or changed:
            per_sub.append({"path": path, "new_submission": path not in old_s, "removed_submission": path not in new_s,
                            "added": added, "removed": removed, "changed": changed})
    return {"available": True, "projects": projects, "submissions": per_sub}


def text_lines(changes: dict[str, Any], verbose: bool = False) -> list[str]:
    """Plain-text lines for `kaic diff` (empty when nothing changed): one line per project
    with its counts; the submissions gained and lost only when `verbose`."""
    if not changes.get("available") or not (changes["projects"] or changes["submissions"]):
        return []  # not recorded in one of the baselines (the JSON says so), or no change
    out = ["", f"Component adoption ({plural(len(changes['projects']), 'project')} changed):"]
    for p in changes["projects"]:
        counts = f"+{len(p['added'])} -{len(p['removed'])}"
        out.append(f"  {p['name']} ({p['repo']}): {p['old']} -> {p['new']} stacks ({counts})")
        if verbose:
            out += [f"    + {x}" for x in p["added"]] + [f"    - {x}" for x in p["removed"]]
    for s in changes["submissions"]:
        if s["new_submission"] or s["removed_submission"]:
            continue
        bits = [f"+{a['name']}" for a in s["added"]] + [f"-{r['name']}" for r in s["removed"]]
        bits += [f"{c['name']} {c['old']} -> {c['new']}" for c in s["changed"]]
        out.append(f"  ~ {s['path']}: " + ", ".join(bits))
    return out


def markdown_lines(changes: dict[str, Any]) -> list[str]:
    """Markdown for `kaic diff --format md`."""
    from ..report.escape import md_code, md_text
    from ..report.markup import table

    if not changes.get("available") or not (changes["projects"] or changes["submissions"]):
        return []
    rows = [[md_text(p["name"]), md_code(p["repo"]), f"{p['old']} → {p['new']}",
             "<br>".join(md_code(x) for x in p["added"]), "<br>".join(md_code(x) for x in p["removed"])]
            for p in changes["projects"]]
    out = ["", "## Component adoption", "", table(["Project", "Repository", "Stacks", "Gained", "Lost"], rows)]
    changed = [s for s in changes["submissions"] if not (s["new_submission"] or s["removed_submission"])]
    if changed:
        rows = []
        for s in changed:
            bits = [f"+{md_text(a['name'])}" for a in s["added"]] + [f"−{md_text(r['name'])}" for r in s["removed"]]
            bits += [f"{md_text(c['name'])}: {md_text(c['old'])} → {md_text(c['new'])}" for c in s["changed"]]
            rows.append([md_code(s["path"]), "; ".join(bits)])
        out += ["", table(["Submission", "Component changes"], rows)]
    return out
