"""Report data -> what the dashboard template shows. Pure: dicts in, dicts out.

Everything comes from the report's JSON document (`Report.data`): a section that is
absent (no git history, no component analysis) leaves its part of the page out. Vendor
text is passed on as it is; the template escapes it (Jinja2 autoescape).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from ..model import version_key
from ..report.markup import submission_anchor, submission_label
from .deep_dives import deep_dives_view

STATUS_CLASS = {
    "Implemented": "ok",
    "Partially Implemented": "part",
    "Not Implemented": "no",
    "N/A": "na",
    "": "empty",
    "other": "other",
    "missing": "missing",
}
STATUS_SYMBOL = {
    "Implemented": "✓",
    "Partially Implemented": "◐",
    "Not Implemented": "✗",
    "N/A": "N/A",
    "": "?",
    "other": "!",
    "missing": "—",
}
STATUS_ORDER = {s: i for i, s in enumerate(STATUS_CLASS)}
_SAFE_URL = re.compile(r"^https?://[^\s<>\"'`\\]+$", re.I)
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def safe_url(text: str) -> str | None:
    """A plain http(s) URL fit for an href, else None (javascript:, data:, spaces...)."""
    value = (text or "").strip()
    return value if _SAFE_URL.match(value) else None


def _columns(data: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Every requirement of every version's matrix, the newest checklist's order first."""
    versions = sorted((data.get("matrix") or {}).get("versions", []), key=lambda v: version_key(v["version"]),
                      reverse=True)
    cols: dict[str, dict[str, Any]] = {}
    for v in versions:
        for c in v["columns"]:
            col = cols.setdefault(c["id"], {"id": c["id"], "category": c.get("category", ""), "levels": {}})
            col["levels"][v["version"]] = c.get("level", "")
    for col in cols.values():
        levels = col["levels"]
        col["must"] = any(str(lv).upper() == "MUST" for lv in levels.values())
        col["title"] = f"{col['id']} ({col['category']}): " + ", ".join(
            f"v{v} {lv or '?'}" for v, lv in sorted(levels.items(), key=lambda kv: version_key(kv[0])))
    return list(cols.values())


def _conformance_word(strict: bool | None, lenient: bool | None) -> tuple[str, str, int]:
    if strict is True:
        return "strict", "ok", 0
    if lenient is True:
        return "lenient", "part", 1
    if strict is None:
        return "not judged", "empty", 3
    return "no", "no", 2


def _place(p: Mapping[str, Any]) -> str:
    if p.get("file"):
        where = f"{p['file']}:{p['line']}" if p.get("line") else str(p["file"])
        return f"{where} ({p['requirement']})" if p.get("requirement") else where
    parts = [str(x) for x in (p.get("requirement"), p.get("field")) if x]
    text = " ".join(parts) or "?"
    return f"{text}, line {p['line']}" if p.get("line") else text


def _by_path(items: Iterable[Mapping[str, Any]]) -> dict[str, list[Mapping[str, Any]]]:
    out: dict[str, list[Mapping[str, Any]]] = {}
    for it in items:
        out.setdefault(str(it.get("path", "")), []).append(it)
    return out


def view(data: Mapping[str, Any]) -> dict[str, Any]:
    subs = list(data.get("submissions", []))
    columns = _columns(data)
    vendors = {v["key"]: v for v in data.get("vendors", [])}
    findings = list(data.get("findings", []))
    findings_by_path = _by_path(findings)
    evidence = data.get("evidence") or {}
    items_by_path = _by_path(evidence.get("items", []))
    class_labels = {c["class"]: c["label"] for c in evidence.get("classes", [])}
    grade_labels = {g["grade"]: g["label"] for g in evidence.get("grades", [])}
    timeline = data.get("timeline")
    certs = {c["path"]: c for c in (timeline or {}).get("certifications", []) if not c.get("withdrawn")}
    levels_by_version = {v["version"]: {c["id"]: c.get("level", "") for c in v["columns"]}
                         for v in (data.get("matrix") or {}).get("versions", [])}
    exceptions = {(e["path"], e["requirement"]): e for e in data.get("exceptions", [])}

    rows = []
    details = []
    for s in subs:
        vendor = vendors.get(s.get("vendor_key", ""), {})
        anchor = submission_anchor(s["path"])
        levels = levels_by_version.get(s["version"], {})
        cells = []
        for col in columns:
            if col["id"] not in levels:
                cells.append({"rid": col["id"], "status": "", "symbol": "", "cls": "absent", "sort": 99,
                              "title": f"{col['id']}: not in the v{s['version']} checklist", "absent": True})
                continue
            status = s.get("statuses", {}).get(col["id"], "missing")
            level = levels.get(col["id"], "")
            cells.append({"rid": col["id"], "status": status, "symbol": STATUS_SYMBOL.get(status, "!"),
                          "cls": STATUS_CLASS.get(status, "other") + (" must" if level.upper() == "MUST" else ""),
                          "sort": STATUS_ORDER.get(status, 9),
                          "title": f"{col['id']} ({level or 'level unknown'}): {status or 'empty'}", "absent": False})
        word, word_cls, word_sort = _conformance_word(s.get("full_conformance_strict"), s.get("full_conformance_lenient"))
        cert = certs.get(s["path"])
        counts = s.get("findings", {})
        grade = s.get("evidence_grade")
        row = {
            "path": s["path"], "anchor": anchor, "label": submission_label(s["path"]),
            "vendor": s.get("vendor_name") or s.get("vendor") or "", "vendor_key": s.get("vendor_key", ""),
            "group": s.get("vendor_group", ""), "group_title": vendor.get("group_title", s.get("vendor_group", "")),
            "platform": s.get("platform", ""), "version": s["version"], "product": s.get("product", ""),
            "cells": cells, "conformance": word, "conformance_cls": word_cls, "conformance_sort": word_sort,
            "grade": grade, "grade_label": grade_labels.get(grade or "", grade or ""),
            "cert": cert, "findings": counts,
            "findings_total": sum(int(counts.get(k, 0)) for k in ("error", "warning", "info")),
        }
        rows.append(row)
        details.append(_detail(s, row, columns, levels, items_by_path.get(s["path"], []), class_labels,
                               findings_by_path.get(s["path"], []), exceptions))

    statuses_seen = sorted({c["status"] for r in rows for c in r["cells"] if not c["absent"]},
                           key=lambda x: STATUS_ORDER.get(x, 9))
    groups = {r["group"]: r["group_title"] for r in rows}
    return {
        "title": "Kubernetes AI Conformance",
        "source": data.get("source", {}),
        "kaic_version": data.get("kaic_version", ""),
        "headline": _headline(data, rows, timeline),
        "columns": columns,
        "rows": rows,
        "details": details,
        "legend": [{"status": st or "(empty)", "symbol": STATUS_SYMBOL[st], "cls": STATUS_CLASS[st]}
                   for st in STATUS_CLASS],
        "filters": {
            "vendors": sorted({(r["vendor_key"], r["vendor"]) for r in rows}, key=lambda kv: kv[1].casefold()),
            "versions": sorted({r["version"] for r in rows}, key=version_key, reverse=True),
            "groups": sorted(groups.items(), key=lambda kv: kv[1].casefold()),
            "requirements": [c["id"] for c in columns],
            "certified": any(r["cert"] for r in rows),
            "statuses": [(st, {"": "(empty)", "missing": "missing (left out)"}.get(st, st)) for st in statuses_seen],
        },
        "components": _components(data),
        "deep_dives": deep_dives_view(data),
        "timeline": _timeline(timeline),
        "automated": _automated(data.get("automated_verification")),
        "findings": sorted(findings, key=lambda f: (SEVERITY_ORDER.get(f.get("severity", ""), 9),
                                                    f.get("path", ""), f.get("line") or 0)),
        "findings_counts": Counter(f.get("severity", "") for f in findings),
        "errors": data.get("errors", []),
    }


def _headline(data: Mapping[str, Any], rows: list[dict[str, Any]], timeline: Mapping[str, Any] | None) -> list[dict[str, Any]]:
    summary = data.get("summary") or {}
    conf = summary.get("conformance", {})
    judged = conf.get("judged", 0)
    per_version = ", ".join(f"v{v['version']}: {v['count']}" for v in
                            sorted(summary.get("per_version", []), key=lambda v: version_key(v["version"]), reverse=True))
    out = [
        {"label": "Submissions", "value": str(len(rows)), "detail": per_version},
        {"label": "Vendors", "value": str(summary.get("vendors", {}).get("count", len({r["vendor_key"] for r in rows}))),
         "detail": f"{len(summary.get('multi_version_vendors', []))} in several versions"},
        {"label": "Full conformance (strict)", "value": f"{conf.get('strict', {}).get('count', 0)}/{judged}",
         "detail": "every MUST Implemented"},
        {"label": "Full conformance (lenient)", "value": f"{conf.get('lenient', {}).get('count', 0)}/{judged}",
         "detail": "MUST Implemented or N/A with notes"},
    ]
    if timeline:
        out.append({"label": "Current certifications", "value": str(len(timeline.get("current", []))),
                    "detail": f"as of {timeline.get('as_of', '')}; {len(timeline.get('expiring', []))} expire within "
                              f"{timeline.get('within_days', '')} days"})
    f = summary.get("findings", {})
    out.append({"label": "Validation errors", "value": str(f.get("error", 0)),
                "detail": f"and {f.get('warning', 0)} warnings, {f.get('info', 0)} notes"})
    return out


def _detail(s: Mapping[str, Any], row: Mapping[str, Any], columns: list[dict[str, Any]], levels: Mapping[str, str],
            items: list[Mapping[str, Any]], class_labels: Mapping[str, str], findings: list[Mapping[str, Any]],
            exceptions: Mapping[tuple[str, str], Mapping[str, Any]]) -> dict[str, Any]:
    by_req: dict[str, list[dict[str, Any]]] = {}
    for it in items:
        if it.get("source") not in (None, "evidence"):
            continue
        text = str(it.get("evidence", ""))
        by_req.setdefault(str(it.get("requirement", "")), []).append({
            "text": text or "(empty)", "href": safe_url(text), "line": it.get("line"),
            "cls": it.get("class", ""), "label": class_labels.get(str(it.get("class", "")), str(it.get("class", ""))),
        })
    notes = dict(s.get("notes") or {})
    requirements = []
    ids = list(levels) + [rid for rid in s.get("statuses", {}) if rid not in levels]
    for rid in ids:
        status = s.get("statuses", {}).get(rid, "missing")
        note = notes.get(rid) or (exceptions.get((s["path"], rid)) or {}).get("notes", "")
        requirements.append({"id": rid, "level": levels.get(rid, "not in checklist"), "status": status or "(empty)",
                             "symbol": STATUS_SYMBOL.get(status, "!"), "cls": STATUS_CLASS.get(status, "other"),
                             "notes": note, "evidence": by_req.get(rid, [])})
    components = [{"name": c.get("name", ""), "repo": c.get("repo", ""), "mark": c.get("mark", ""),
                   "version": c.get("version"), "places": [_place(p) for p in c.get("places", [])]}
                  for c in s.get("components", [])]
    return {
        **{k: row[k] for k in ("anchor", "path", "label", "vendor", "platform", "version", "product", "group_title",
                               "conformance", "conformance_cls", "grade", "grade_label", "cert")},
        "shortfalls": s.get("must_shortfalls", []),
        "grade_reason": s.get("evidence_reason", ""),
        "requirements": requirements,
        "findings": sorted(findings, key=lambda f: (SEVERITY_ORDER.get(f.get("severity", ""), 9), f.get("line") or 0)),
        "components": components,
        "has_components": "components" in s,
        "platform_projects": [p.get("name", "") for p in s.get("platform_projects", [])],
    }


def _components(data: Mapping[str, Any]) -> dict[str, Any] | None:
    comp = data.get("components")
    adoption = data.get("adoption")
    if not comp and not adoption:
        return None
    versions = []
    for v in sorted((comp or {}).get("versions", []), key=lambda v: version_key(v["version"]), reverse=True):
        subs = [{"path": p, "anchor": submission_anchor(p), "label": submission_label(p).split("/", 1)[-1]}
                for p in v.get("submissions", [])]
        rows = [{"name": r.get("name", ""), "repo": r.get("repo", ""),
                 "cells": [r.get("cells", {}).get(sub["path"], "-") for sub in subs]} for r in v.get("rows", [])]
        versions.append({"version": v["version"], "subs": subs, "rows": rows})
    projects = list((adoption or {}).get("projects", []))
    return {"versions": versions, "projects": projects, "submissions": (adoption or {}).get("submissions", 0),
            "legend": (comp or {}).get("legend", {})}


def _timeline(t: Mapping[str, Any] | None) -> dict[str, Any] | None:
    if not t:
        return None
    certs = []
    for c in t.get("certifications", []):
        status = c.get("status", "")
        certs.append({**c, "anchor": submission_anchor(c["path"]) if not c.get("withdrawn") else None,
                      "label": submission_label(c["path"]), "status_cls": {
                          "current": "ok", "expired": "no", "withdrawn": "na", "pending": "empty"}.get(status, "other"),
                      "soon": status == "current" and c.get("days_left", 10**6) <= t.get("within_days", 0)})
    return {**t, "rows": certs}


def _automated(a: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """The Automated verification view: per version and requirement, how answers are backed."""
    if not a:
        return None
    totals = a.get("totals", {})
    answers = int(totals.get("answers", 0))
    versions = []
    for v in sorted(a.get("versions", []), key=lambda v: version_key(v["version"]), reverse=True):
        rows = [{**r, "share": f"{round(100 * r['verified'] / r['answers'])}%" if r.get("answers") else "–"}
                for r in v.get("requirements", [])]
        versions.append({"version": v["version"], "rows": rows})
    subs = [{**s, "anchor": submission_anchor(s["path"]), "label": submission_label(s["path"]),
             "files": [str(f.get("path", "")).rsplit("/", 1)[-1] + f" ({f.get('format') or 'unknown'})"
                       for f in s.get("artifacts", [])]} for s in a.get("submissions", [])]
    return {"totals": totals, "answers": answers,
            "share": f"{round(100 * int(totals.get('verified', 0)) / answers)}%" if answers else "–",
            "versions": versions, "submissions": subs}

