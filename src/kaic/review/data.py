"""The curated data behind `kaic review`: PR-level checks and labels (data/review.yaml)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from ..rules import Severity

DATA_PATH = Path(__file__).resolve().parent.parent / "data" / "review.yaml"
SCHEMA_PATH = DATA_PATH.parent / "schemas" / "review.schema.json"
RESULT_SCHEMA_PATH = DATA_PATH.parent / "schemas" / "review-result.schema.json"
"""The JSON Schema of `kaic review --format json`."""


@dataclass(frozen=True)
class Check:
    """A PR-level check: what it reports, how severe, and what upstream's CI does."""

    id: str
    severity: Severity
    summary: str
    hint: str
    upstream: str  # fails | passes | not-checked
    upstream_message: str | None = None

    @property
    def doc(self) -> str:
        """`kaic rules ID`'s text: a check `kaic review` makes on the pull request as a whole."""
        return f"{self.summary}\n\nA pull-request check: `kaic review` makes it on what the pull request changes."


@dataclass(frozen=True)
class Label:
    name: str  # may hold "{version}"
    description: str
    when: dict[str, Any]


@dataclass(frozen=True)
class ReviewData:
    checks: dict[str, Check]
    labels: tuple[Label, ...]


def parse(data: dict[str, Any]) -> ReviewData:
    checks = {
        c["id"]: Check(c["id"], Severity(c["severity"]), c["summary"], c["hint"], c["upstream"],
                       c.get("upstream_message"))
        for c in data["checks"]
    }
    labels = tuple(Label(x["name"], x["description"], dict(x["when"])) for x in data["labels"])
    return ReviewData(checks, labels)


@cache
def review_data() -> ReviewData:
    return parse(yaml.load(DATA_PATH.read_bytes(), Loader=yaml.CSafeLoader))
