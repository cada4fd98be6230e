"""SARIF 2.1.0 for GitHub code scanning: every rule with its help, every finding located."""

from __future__ import annotations

import re
from pathlib import Path

from ..channels import json_text
from ..lint import ValidationResult
from ..rules import RULES, Severity
from ._util import displayable, uri_path

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


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
                        "artifactLocation": {"uri": uri_path(f.path), "uriBaseId": "%SRCROOT%"},
                        "region": {"startLine": max(f.line or 1, 1)},
                    }
                }
            ],
            "partialFingerprints": {"kaic/v1": f"{f.rule}:{f.path}:{f.requirement or ''}:{f.message}"},
        }
        if f.rule in index:
            entry["ruleIndex"] = index[f.rule]
        properties = {"requirement": f.requirement, "upstream": f.upstream if result.policy != "kaic" else None}
        if any(properties.values()):
            entry["properties"] = {k: v for k, v in properties.items() if v}
        results.append(entry)
    run: dict[str, object] = {
        "tool": {"driver": {"name": "kaic", "version": __version__, "rules": driver_rules}},
        "results": results,
        "columnKind": "unicodeCodePoints",
        "properties": {"policy": result.policy},
    }
    if result.source.commit:
        run["versionControlProvenance"] = [
            {"repositoryUri": _repo_uri(result.source.location), "revisionId": result.source.commit}
        ]
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def _repo_uri(location: str) -> str:
    """The repository as an absolute URI: URLs as given, local paths as file:// URIs."""
    if "://" in location:
        return location
    scp = re.match(r"^([\w.-]+@[\w.-]+):(.*)$", location)  # git@host:org/repo
    if scp:
        return f"ssh://{scp.group(1)}/{scp.group(2).lstrip('/')}"
    return Path(location).resolve().as_uri()


def format(result: ValidationResult, color: bool = False) -> str:
    return json_text(displayable(as_data(result)), indent=2) + "\n"
