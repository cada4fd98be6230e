"""Find a test in a parsed artifact as upstream does: the exact name, else its subtests together."""

from __future__ import annotations

from collections.abc import Iterable

from .model import Format, Outcome, Parsed, TestResult

_SPEC_FORMATS = (Format.GINKGO_TEXT, Format.GINKGO_JSON, Format.CTRF, Format.JUNIT)


def combine(results: Iterable[TestResult]) -> Outcome | None:
    """Any fail -> fail; all skip -> skip; else pass; nothing -> None."""
    outcomes = {r.outcome for r in results}
    if not outcomes:
        return None
    if Outcome.FAIL in outcomes:
        return Outcome.FAIL
    if outcomes == {Outcome.SKIP}:
        return Outcome.SKIP
    return Outcome.PASS


def find(parsed: Parsed, name: str, match: str = "exact") -> Outcome | None:
    """The outcome of test `name`: exact name, then `name/...` subtests (or spec text containing it)."""
    if match == "contains":
        return combine(t for n, t in parsed.tests.items() if name in n)
    exact = parsed.tests.get(name)
    if exact is not None:
        return exact.outcome
    prefix = name + "/"
    found = combine(t for n, t in parsed.tests.items() if n.startswith(prefix))
    if found is None and parsed.format in _SPEC_FORMATS and parsed.format is not Format.JUNIT:
        return combine(t for n, t in parsed.tests.items() if name in n)  # a spec named by part of its text
    return found
