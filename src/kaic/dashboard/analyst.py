"""The analyst's views the Markdown report has: requirement rates by version, solutions,
evidence quality, vendor gaps and the vendor table. Pure: report data in, dicts out; a
section missing from the report leaves its view out (None)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..model import version_key
from ..report.markup import submission_anchor, submission_label

RATE_STATUSES = ("Implemented", "Partially Implemented", "Not Implemented", "N/A")


def _percent(part: float, whole: float) -> str:
    return f"{round(100 * part / whole)}%" if whole else "–"


def _links(paths: Sequence[str]) -> list[dict[str, str]]:
    return [{"anchor": submission_anchor(p), "label": submission_label(p)} for p in paths]


def rates_by_version(data: Mapping[str, Any]) -> dict[str, Any] | None:
    """Per requirement, its Implemented rate in every version (rows: requirements in the
    newest checklist's order, then older ones; columns: versions, newest first)."""
    versions = data.get("versions")
    if not isinstance(versions, Mapping) or not versions:
        return None
    order = sorted(versions, key=version_key, reverse=True)
    rows: dict[str, dict[str, Any]] = {}
    for ver in order:
        for rid, r in (versions[ver].get("requirements") or {}).items():
            row = rows.setdefault(rid, {"id": rid, "category": r.get("category", ""), "cells": {}})
            counts = r.get("counts") or {}
            total = r.get("denominator") or 0
            row["cells"][ver] = {
                "rate": _percent(counts.get("Implemented", 0), total),
                "value": (counts.get("Implemented", 0) / total) if total else -1,
                "level": r.get("level", ""),
                "title": f"{rid} in v{ver} ({r.get('level', '')}): " + ", ".join(
                    f"{counts.get(s, 0)} {s}" for s in RATE_STATUSES) + f" of {total}",
            }
    out_rows = []
    for row in rows.values():
        cells = [row["cells"].get(ver) for ver in order]
        out_rows.append({"id": row["id"], "category": row["category"], "cells": cells})
    return {"versions": order, "rows": out_rows,
            "submissions": {ver: versions[ver].get("submissions", 0) for ver in order}}


def solutions_view(data: Mapping[str, Any]) -> dict[str, Any] | None:
    sol = data.get("solutions")
    if not isinstance(sol, Mapping) or not sol.get("topics"):
        return None
    topics = []
    for t in sol["topics"]:
        buckets = [{"label": b.get("label", ""), "count": b.get("count", 0), "links": _links(b.get("paths", []))}
                   for b in t.get("buckets", [])]
        topics.append({"key": t.get("key", ""), "title": t.get("title", ""), "answered": t.get("answered", 0),
                       "requirements": t.get("requirements", []), "buckets": buckets})
    return {"submissions": sol.get("submissions", 0), "topics": topics}


def evidence_view(data: Mapping[str, Any]) -> dict[str, Any] | None:
    ev = data.get("evidence")
    if not isinstance(ev, Mapping) or not ev.get("grades"):
        return None
    total = sum(g.get("count", 0) for g in ev["grades"])
    grades = [{"grade": g.get("grade", ""), "label": g.get("label", ""), "count": g.get("count", 0),
               "share": _percent(g.get("count", 0), total), "links": _links(g.get("paths", []))}
              for g in ev["grades"]]
    items = sum(c.get("items", 0) for c in ev.get("classes", []))
    classes = [{"class": c.get("class", ""), "label": c.get("label", ""), "links": c.get("items", 0),
                "share": _percent(c.get("items", 0), items), "submissions": len(c.get("submissions", []))}
               for c in ev.get("classes", [])]
    return {"grades": grades, "classes": classes, "submissions": total}


def gaps_view(data: Mapping[str, Any]) -> dict[str, Any] | None:
    gaps = data.get("gaps")
    if not isinstance(gaps, Mapping) or not (gaps.get("vendors") or gaps.get("kinds")):
        return None
    categories = sorted({c for v in gaps.get("vendors", []) for c in (v.get("by_category") or {})})
    vendors = [{"vendor": v.get("vendor", ""), "key": v.get("key", ""), "issues": v.get("issues", 0),
                "submissions": len(v.get("submissions", [])),
                "cells": [(v.get("by_category") or {}).get(c, 0) for c in categories],
                "top": sorted((v.get("kinds") or {}).items(), key=lambda kv: (-kv[1], kv[0]))[:3]}
               for v in gaps.get("vendors", [])]
    vendors.sort(key=lambda v: (-v["issues"], v["vendor"].casefold()))
    kinds = [{"kind": k.get("kind", ""), "title": k.get("title", ""), "category": k.get("category", ""),
              "severity": k.get("severity", ""), "submissions": k.get("submissions", 0), "issues": k.get("issues", 0),
              "recommendation": k.get("recommendation", "")} for k in gaps.get("kinds", [])]
    return {"categories": categories, "vendors": vendors, "kinds": kinds}


def vendor_table(data: Mapping[str, Any]) -> list[dict[str, Any]] | None:
    vendors = data.get("vendors")
    if not isinstance(vendors, list) or not vendors:
        return None
    subs_by_vendor: dict[str, list[Mapping[str, Any]]] = {}
    for s in data.get("submissions", []):
        subs_by_vendor.setdefault(s.get("vendor_key", ""), []).append(s)
    current = {c["path"] for c in (data.get("timeline") or {}).get("current", [])}
    rows = []
    for v in vendors:
        subs = subs_by_vendor.get(v.get("key", ""), [])
        rows.append({
            "key": v.get("key", ""), "name": v.get("name", ""), "group_title": v.get("group_title", v.get("group", "")),
            "curated": bool(v.get("curated")),
            "versions": sorted(v.get("versions", []), key=version_key, reverse=True),
            "platforms": sorted({s.get("platform", "") for s in subs if s.get("platform")}),
            "spellings": [sp for sp in v.get("spellings", []) if sp != v.get("name")],
            "strict": sum(1 for s in subs if s.get("full_conformance_strict") is True),
            "submissions": len(subs),
            "current": sum(1 for s in subs if s.get("path") in current) if current else None,
            "links": _links([s["path"] for s in subs]),
        })
    rows.sort(key=lambda r: r["name"].casefold())
    return rows


def analyst_views(data: Mapping[str, Any]) -> dict[str, Any]:
    return {"rates": rates_by_version(data), "solutions": solutions_view(data), "evidence": evidence_view(data),
            "gaps": gaps_view(data), "vendor_table": vendor_table(data)}
