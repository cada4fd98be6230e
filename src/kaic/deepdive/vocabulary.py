"""The identifier vocabulary (data/identifiers.yaml), checked against its schema and
compiled once: known kinds, metric families, mechanisms and N/A reason groups."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cache, cached_property
from importlib import resources
from pathlib import Path
from typing import Any

from .._yaml import load_data


class VocabularyError(ValueError):
    pass


@dataclass(frozen=True)
class IdentifierTest:
    """One way an identifier shows a mechanism: its kind plus value, prefix, suffix or part."""

    kind: str
    value: str | None = None
    prefix: str | None = None
    suffix: str | None = None
    contains: str | None = None

    def matches(self, kind: str, value: str) -> bool:
        if kind != self.kind:
            return False
        return ((self.value is None or value == self.value)
                and (self.prefix is None or value.startswith(self.prefix))
                and (self.suffix is None or value.endswith(self.suffix))
                and (self.contains is None or self.contains in value))


@dataclass(frozen=True)
class Mechanism:
    key: str
    title: str
    words: tuple[str, ...]
    identifiers: tuple[IdentifierTest, ...]


@dataclass(frozen=True)
class ReasonGroup:
    key: str
    title: str
    words: tuple[str, ...]


@dataclass(frozen=True)
class Vocabulary:
    kinds: frozenset[str]
    metric_families: tuple[str, ...]
    metric_suffixes: tuple[str, ...]
    not_resource_domains: frozenset[str]
    mechanisms: tuple[Mechanism, ...]
    reasons: tuple[ReasonGroup, ...]
    kubectl_names: Mapping[str, str] = field(default_factory=dict)  # short or singular -> plural
    api_groups: frozenset[str] = frozenset()  # the catalog's, for `plural.group` CRD names

    @cached_property
    def family_pattern(self) -> re.Pattern[str] | None:
        """Any name starting with a metric family prefix (one alternation of literals)."""
        if not self.metric_families:
            return None
        families = "|".join(re.escape(f) for f in sorted(self.metric_families, key=len, reverse=True))
        return re.compile(rf"(?<![\w:])(?:{families})[A-Za-z0-9_:]{{1,120}}")

    def with_api_groups(self, groups: Iterable[str]) -> Vocabulary:
        return replace(self, api_groups=frozenset(g.lower() for g in groups))


def schema() -> Mapping[str, Any]:
    text = resources.files("kaic").joinpath("data/schemas/identifiers.schema.json").read_text("utf-8")
    loaded: Mapping[str, Any] = json.loads(text)
    return loaded


def parse_vocabulary(data: Any, check: bool = True) -> Vocabulary:
    """The vocabulary of `data`, checked against its JSON Schema unless `check` is False
    (the shipped file: its tests check it, and a report does not import jsonschema)."""
    if check:
        import jsonschema

        errors = sorted(jsonschema.Draft202012Validator(schema()).iter_errors(data), key=lambda e: list(e.path))
        if errors:
            raise VocabularyError("; ".join(f"{'/'.join(map(str, e.path)) or '(root)'}: {e.message}" for e in errors))
    mechanisms = tuple(
        Mechanism(m["key"], m["title"], tuple(m.get("words", ())),
                  tuple(IdentifierTest(**t) for t in m.get("identifiers", ())))
        for m in data["mechanisms"]
    )
    reasons = tuple(ReasonGroup(r["key"], r["title"], tuple(r["words"])) for r in data["reasons"])
    return Vocabulary(frozenset(data["kinds"]), tuple(data["metric_families"]), tuple(data["metric_suffixes"]),
                      frozenset(data["not_resource_domains"]), mechanisms, reasons, dict(data.get("kubectl_names", {})))


def default_path() -> Path:
    return Path(str(resources.files("kaic").joinpath("data/identifiers.yaml")))


@cache
def load_vocabulary(path: Path | None = None) -> Vocabulary:
    text = (path or default_path()).read_text("utf-8")
    return parse_vocabulary(load_data(text), check=path is not None)
