"""SARIF 2.1.0 for GitHub code scanning: every rule with its help, every finding located."""

from __future__ import annotations

import json as _json

from ..rules import RULES, Severity
from ..validate import ValidationResult

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFO_URI = "https://github.com/cncf/k8s-ai-conformance"


def as_data(result: ValidationResult) -> dict[str, object]:
    from .. import __version__

    rules = list(RULES.values())
    index = {r.id: i for i, r in enumerate(rules)}
    driver_rules = [
        {
            "id": r.id,
            "name": "".join(p.capitalize() for p in r.id.split("-")),
            "shortDescription": {"text": r.summary},
            "fullDescription": {"text": r.doc.strip() or r.summary},
            "help": {"text": f"{r.doc.strip()}\n\nFix: {r.hint}", "markdown": f"{r.doc.strip()}\n\n**Fix:** {r.hint}"},
            "defaultConfiguration": {"level": _LEVEL[r.severity]},
            "properties": {"tags": ["upstream-parity"] if r.upstream else ["kaic"]},
        }
        for r in rules
    ]
    results = []
    for f in result.findings:
        entry: dict[str, object] = {
            "ruleId": f.rule,
            "level": _LEVEL[f.severity],
            "message": {"text": f"{f.message}. {f.hint}" if f.hint else f.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": f.path, "uriBaseId": "%SRCROOT%"},
                        "region": {"startLine": max(f.line or 1, 1)},
                    }
                }
            ],
            "partialFingerprints": {"kaic/v1": f"{f.rule}:{f.path}:{f.requirement or ''}:{f.message}"},
        }
        if f.rule in index:
            entry["ruleIndex"] = index[f.rule]
        if f.requirement:
            entry["properties"] = {"requirement": f.requirement}
        results.append(entry)
    run: dict[str, object] = {
        "tool": {"driver": {"name": "kaic", "version": __version__, "informationUri": INFO_URI, "rules": driver_rules}},
        "results": results,
        "columnKind": "unicodeCodePoints",
    }
    if result.source.commit:
        run["versionControlProvenance"] = [
            {"repositoryUri": _repo_uri(result.source.location), "revisionId": result.source.commit}
        ]
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def _repo_uri(location: str) -> str:
    return location if "://" in location else "file://" + location


def format(result: ValidationResult, color: bool = False) -> str:
    return _json.dumps(as_data(result), indent=2, ensure_ascii=False) + "\n"
