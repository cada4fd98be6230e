"""Test results read from a vendor's artifact, whatever format they came in."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum


class Format(StrEnum):
    JUNIT = "junit"
    GO_TEST_JSON = "go-test-json"
    GO_TEST_TEXT = "go-test-text"
    GINKGO_TEXT = "ginkgo-text"
    GINKGO_JSON = "ginkgo-json"
    CTRF = "ctrf"

    @property
    def label(self) -> str:
        return FORMAT_LABELS[self]


FORMAT_LABELS = {
    Format.JUNIT: "JUnit XML",
    Format.GO_TEST_JSON: "go test -json (test2json)",
    Format.GO_TEST_TEXT: "go test -v text",
    Format.GINKGO_TEXT: "Ginkgo text log",
    Format.GINKGO_JSON: "Ginkgo JSON report",
    Format.CTRF: "CTRF JSON",
}


class Outcome(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    SKIP = "skip"


class ArtifactError(Exception):
    """The bytes are not what the parser expects; the message says where and why."""


@dataclass(frozen=True, slots=True)
class TestResult:
    __test__ = False  # not a pytest class
    name: str
    outcome: Outcome
    duration: float | None = None  # seconds
    labels: tuple[str, ...] = ()  # Ginkgo labels / CTRF tags
    message: str = ""  # failure or skip message, shortened


@dataclass(frozen=True, slots=True)
class Counts:
    """Totals a format states without naming the tests (a succinct Ginkgo log)."""

    passed: int = 0
    failed: int = 0
    skipped: int = 0


@dataclass(frozen=True)
class Parsed:
    """What one parser read: tests by name (recorded as upstream records them) and run facts."""

    format: Format
    tests: dict[str, TestResult] = field(default_factory=dict)
    facts: dict[str, str] = field(default_factory=dict)  # suite module, commit, go version, duration, started
    counts: Counts | None = None  # only when the file states totals but names no test

    @property
    def failing(self) -> list[str]:
        names = [n for n, t in self.tests.items() if t.outcome is Outcome.FAIL]
        return sorted(names)

    def tally(self) -> Counts:
        if self.counts is not None and not self.tests:
            return self.counts
        known = self.__dict__.get("_tally")  # counted once: the tests never change
        if isinstance(known, Counts):
            return known
        out = {o: 0 for o in Outcome}
        for t in self.tests.values():
            out[t.outcome] += 1
        counted = Counts(out[Outcome.PASS], out[Outcome.FAIL], out[Outcome.SKIP])
        self.__dict__["_tally"] = counted
        return counted


class Recorder:
    """Upstream's recording: a failure is never downgraded; a later skip or fail beats a pass."""

    def __init__(self) -> None:
        self.tests: dict[str, TestResult] = {}

    def add(self, result: TestResult) -> None:
        old = self.tests.get(result.name)
        if old is None or old.outcome is Outcome.PASS or (
                old.outcome is Outcome.SKIP and result.outcome is Outcome.FAIL):
            self.tests[result.name] = result

    def extend(self, results: Iterable[TestResult]) -> None:
        for r in results:
            self.add(r)

    @property
    def has_failure(self) -> bool:
        return any(t.outcome is Outcome.FAIL for t in self.tests.values())
