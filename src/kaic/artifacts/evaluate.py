"""A submission's cited artifacts judged as upstream does (PR #141), plus kaic's own checks.

For every evidence entry whose file exists and is test output (by upstream's names
or kaic's content detection): the artifact must parse and hold no failing test; the
test to check is the entry's `#fragment`, else the requirement's mapped tests
(data/test_map.yaml): upstream checks its own three in every version, kaic the rest
from the version the suite covers them. Each check is marked `upstream` when
upstream's validator makes the same one, so rules can say which verdicts predict CI.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from enum import StrEnum

from ..model import Answer, Evidence, Status, Submission
from ..source import EntryKind, Source, Tree
from .aggregate import find
from .model import Outcome, Parsed
from .read import Reading, read_artifact
from .testmap import load_test_map


@dataclass(frozen=True)
class Citation:
    """One evidence entry citing an artifact."""

    requirement: str
    evidence: Evidence
    reading: Reading
    first: bool  # the first citation of this file in the submission
    answer: Answer

    @property
    def status(self) -> Status:
        return self.answer.status

    @property
    def written(self) -> str:
        """The link as upstream names it in messages: the item minus '#fragment'."""
        return self.evidence.raw.strip().partition("#")[0]

    @property
    def upstream_reads(self) -> bool:
        return self.reading.upstream_format is not None


@dataclass(frozen=True)
class TestCheck:
    __test__ = False  # not a pytest class
    citation: Citation
    test: str
    outcome: Outcome | None  # None: not found
    upstream: bool  # upstream's validator makes this very check
    from_fragment: bool


class Backing(StrEnum):
    """How a requirement's answer is backed, for the report."""

    VERIFIED = "verified"  # a mapped or named test passes in a clean artifact
    FAILING = "failing"  # a cited test fails, is missing or skipped, or the artifact has failing tests
    UNPARSABLE = "unparsable"  # a cited artifact does not parse
    UNCHECKED = "unchecked"  # artifacts cited, but no test tied to the requirement
    SELF_ASSESSED = "self-assessed"  # no artifact cited


@dataclass
class SubmissionArtifacts:
    citations: list[Citation] = field(default_factory=list)
    checks: list[TestCheck] = field(default_factory=list)

    def readings(self) -> dict[str, Reading]:
        return {c.reading.path: c.reading for c in self.citations}

    def backing(self, requirement: str) -> Backing:
        cites = [c for c in self.citations if c.requirement == requirement]
        if not cites:
            return Backing.SELF_ASSESSED
        if any(c.reading.parsed is None for c in cites):
            return Backing.UNPARSABLE
        checks = [k for k in self.checks if k.citation.requirement == requirement]
        if any(c.reading.parsed and c.reading.parsed.tally().failed for c in cites) or any(
                k.outcome is not Outcome.PASS for k in checks):
            return Backing.FAILING
        return Backing.VERIFIED if checks else Backing.UNCHECKED


_CACHE: weakref.WeakKeyDictionary[object, dict[tuple[str, str | None], SubmissionArtifacts]] = (
    weakref.WeakKeyDictionary())


def evaluate(sub: Submission, source: Source | None, tree: Tree) -> SubmissionArtifacts:
    """Judge `sub`'s artifacts (memoised per source: nine rules ask about one submission)."""
    if source is None:
        return SubmissionArtifacts()
    memo = _CACHE.setdefault(source, {})
    key = (sub.path, sub.oid or str(id(sub)))
    found = memo.get(key)
    if found is None:
        found = memo[key] = _evaluate(sub, source, tree)
    return found


def _evaluate(sub: Submission, source: Source, tree: Tree) -> SubmissionArtifacts:
    tmap = load_test_map()
    out = SubmissionArtifacts()
    seen: set[str] = set()
    for answer in sub.answered:
        for ev in answer.evidence:
            path = ev.lookup
            if path is None or ev.problem is not None or not tmap.is_candidate(path):
                continue
            entry = tree.get(path)
            if entry is None or entry.kind is not EntryKind.FILE:
                continue  # missing, a folder or a link: the local-evidence rules say so
            reading = read_artifact(source, tree, path)
            citation = Citation(answer.id, ev, reading, path not in seen, answer)
            seen.add(path)
            out.citations.append(citation)
            if reading.parsed is not None:
                out.checks.extend(_checks(citation, sub.version))
    return out


def _checks(citation: Citation, version: str) -> list[TestCheck]:
    tmap = load_test_map()
    parsed = citation.reading.parsed
    assert parsed is not None
    ev = citation.evidence
    upstream_reads = citation.upstream_reads and citation.reading.upstream_error is None
    if ev.fragment:
        return [TestCheck(citation, ev.fragment, find(parsed, ev.fragment), upstream_reads, True)]
    if not parsed.tests:
        return []  # totals only: no test to look up
    checks: list[TestCheck] = []
    upstream_test = tmap.upstream_test(citation.requirement)
    kaic_names: list[str] = []
    upstream_found = False
    for m in tmap.for_requirement(citation.requirement):
        if not (m.upstream or m.applies_to(version)):
            continue
        outcome = find(parsed, m.test, m.suite.match)
        if outcome is None:
            kaic_names.append(m.test)
            continue
        upstream_found = upstream_found or m.upstream
        checks.append(TestCheck(citation, m.test, outcome, m.upstream and upstream_reads, False))
    if upstream_test is not None and not upstream_found and (upstream_reads or not checks):
        checks.append(TestCheck(citation, upstream_test.test, None, upstream_reads, False))
    elif not checks:
        ran = [t for t in kaic_names if _suite_ran(parsed, t)]
        if ran:  # the suite ran, but not the test that proves this requirement
            checks.append(TestCheck(citation, ran[0], None, False, False))
    return checks


def _suite_ran(parsed: Parsed, test: str) -> bool:
    """Does `parsed` hold any test of the suite that `test` belongs to?"""
    tmap = load_test_map()
    suite = next((m.suite for m in tmap.tests if m.test == test), None)
    return suite is not None and any(
        find(parsed, m.test, m.suite.match) is not None for m in tmap.tests if m.suite == suite)


def for_rule(sub: Submission, state: object) -> SubmissionArtifacts:
    """evaluate() for a rule's Context.state (a RepoState)."""
    return evaluate(sub, getattr(state, "reader", None), getattr(state, "tree", {}))
