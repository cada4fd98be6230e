"""SARIF 2.1.0 (kaic.formats.sarif), with the pull-request checks among the driver's rules."""

from __future__ import annotations

import json as _json
from typing import Any

from ...formats._util import displayable
from ...formats.sarif import _LEVEL, as_data
from ..data import review_data
from ..run import Review


def render(review: Review, **_: object) -> str:
    data: dict[str, Any] = as_data(review.result)
    run = data["runs"][0]
    rules: list[dict[str, Any]] = run["tool"]["driver"]["rules"]
    used = {f.rule for f in review.findings}
    for check in review_data().checks.values():
        if check.id not in used:
            continue
        rules.append({
            "id": check.id,
            "name": "".join(p.capitalize() for p in check.id.split("-")),
            "shortDescription": {"text": check.summary},
            "help": {"text": f"{check.summary}\n\nFix: {check.hint}"},
            "defaultConfiguration": {"level": _LEVEL[check.severity]},
            "properties": {"tags": ["pull-request"]},
        })
    index = {r["id"]: i for i, r in enumerate(rules)}
    for result in run["results"]:
        if result["ruleId"] in index:
            result["ruleIndex"] = index[result["ruleId"]]
    return _json.dumps(displayable(data), indent=2, ensure_ascii=False) + "\n"
