"""data/test_map.yaml: which automated test proves which requirement, and which names upstream parses."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from .._yaml import load_data
from ..model import version_key
from .model import Format


@dataclass(frozen=True, slots=True)
class Suite:
    id: str
    name: str
    match: str  # "exact" | "contains"
    url: str = ""


@dataclass(frozen=True, slots=True)
class MappedTest:
    suite: Suite
    test: str
    requirement: str
    since: str
    level: str
    upstream: bool

    def applies_to(self, version: str) -> bool:
        return bool(version) and version_key(version) >= version_key(self.since)


@dataclass(frozen=True)
class TestMap:
    __test__ = False  # not a pytest class
    names: dict[str, Format]  # lower-case basename -> upstream's format
    extensions: tuple[str, ...]
    suites: tuple[Suite, ...]
    tests: tuple[MappedTest, ...]

    def upstream_format(self, path: str) -> Format | None:
        return self.names.get(posixpath.basename(path).lower())

    def is_candidate(self, path: str) -> bool:
        """A cited file kaic reads as possible test output."""
        base = posixpath.basename(path).lower()
        return base in self.names or (base.rpartition(".")[2] in self.extensions and "." in base)

    def for_requirement(self, requirement: str) -> tuple[MappedTest, ...]:
        return tuple(t for t in self.tests if t.requirement == requirement)

    def upstream_test(self, requirement: str) -> MappedTest | None:
        return next((t for t in self.tests if t.requirement == requirement and t.upstream), None)


def data_path() -> Path:
    return Path(str(resources.files("kaic") / "data" / "test_map.yaml"))


def schema_path() -> Path:
    return Path(str(resources.files("kaic") / "data" / "schemas" / "test_map.schema.json"))


@cache
def load_test_map() -> TestMap:
    raw = load_data(data_path().read_text(encoding="utf-8"))
    suites = {s["id"]: Suite(s["id"], s["name"], s["match"], s.get("url", "")) for s in raw["suites"]}
    tests = tuple(
        MappedTest(suites[t["suite"]], t["test"], t["requirement"], str(t["since"]), t["level"], bool(t["upstream"]))
        for t in raw["tests"]
    )
    names = {k.lower(): Format(v) for k, v in raw["artifact_names"].items()}
    return TestMap(names, tuple(raw["artifact_extensions"]), tuple(suites.values()), tests)
