"""Report data -> the dashboard's "Requirement deep dives" view. Pure: dicts in, dicts out.

Reads the report's `deep_dives` section only (absent: the view is left out). Vendor text
is passed on as it is; the template escapes it (Jinja2 autoescape).
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from typing import Any

from ..model import version_key

KIND_LABELS = {
    "metric": "metric", "api": "API group/version", "kind": "kind or CRD", "feature_gate": "feature gate",
    "helm_chart": "Helm chart", "kubectl": "kubectl command", "resource": "resource or label",
}


def _who(path: str) -> str:
    return posixpath.basename(posixpath.dirname(path)) or path


def deep_dives_view(data: Mapping[str, Any]) -> list[dict[str, Any]] | None:
    dives = data.get("deep_dives")
    if not dives:
        return None
    out = []
    for version in sorted(dives, key=lambda v: version_key(v["version"]), reverse=True):
        reqs = []
        for d in version["requirements"]:
            reqs.append({
                "id": d["requirement"], "level": d["level"], "category": d["category"], "answers": d["answers"],
                "statuses": sorted(d["statuses"].items(), key=lambda kv: -kv[1]),
                "solutions": [{"name": s["name"], "count": len(s["submissions"]),
                               "who": ", ".join(_who(p) for p in s["submissions"])} for s in d["solutions"]],
                "identifiers": [{**i, "label": KIND_LABELS.get(i["kind"], i["kind"])} for i in d["identifiers"]],
                "mechanisms": d["mechanisms"],
                "evidence": sorted(d["evidence"].items(), key=lambda kv: -kv[1]),
                "levels": sorted(d["testing"]["levels"].items(), key=lambda kv: -kv[1]),
                "commands": d["testing"]["commands"],
                "not_applicable": [{"title": g["title"], "count": g["count"],
                                    "answers": [{**a, "who": _who(a["submission"])} for a in g["answers"]]}
                                   for g in d["not_applicable"]],
            })
        out.append({"version": version["version"], "submissions": version["submissions"], "requirements": reqs})
    return out
