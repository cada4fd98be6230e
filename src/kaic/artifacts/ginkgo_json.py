"""A Ginkgo v2 JSON report (`ginkgo --json-report`): a list of suite reports with spec reports.

A spec's name is its container texts and leaf text joined by spaces (setup nodes
such as BeforeSuite are named `[BeforeSuite]`); its labels are the containers' and
the leaf's. `passed` passes; `skipped` and `pending` skip; every other state fails.
"""

from __future__ import annotations

from typing import Any

from ._text import seconds, short, too_many
from .model import ArtifactError, Format, Outcome, Parsed, Recorder, TestResult

WHAT = "Ginkgo JSON report"
_STATES = {"passed": Outcome.PASS, "skipped": Outcome.SKIP, "pending": Outcome.SKIP}


def looks_like(doc: Any) -> bool:
    return isinstance(doc, list) and bool(doc) and isinstance(doc[0], dict) and (
        "SpecReports" in doc[0] or "SuiteDescription" in doc[0])


def _texts(value: Any) -> list[str]:
    return [str(v) for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _spec(report: dict[str, Any]) -> TestResult:
    leaf_type = str(report.get("LeafNodeType") or "It")
    texts = _texts(report.get("ContainerHierarchyTexts"))
    leaf = report.get("LeafNodeText")
    if leaf_type == "It":
        name = " ".join([*texts, str(leaf or "")]).strip()
    else:
        name = f"[{leaf_type}]" + (f" {leaf}" if leaf else "")
    found: list[str] = []
    containers = report.get("ContainerHierarchyLabels")
    for group in containers if isinstance(containers, list) else []:
        found.extend(_texts(group))
    found.extend(_texts(report.get("LeafNodeLabels")))
    state = str(report.get("State") or "")
    outcome = _STATES.get(state, Outcome.FAIL)
    failure = report.get("Failure")
    message = str(failure.get("Message") or "") if isinstance(failure, dict) else ""
    runtime = report.get("RunTime")
    duration = seconds(str(runtime / 1e9)) if isinstance(runtime, int | float) else None
    return TestResult(short(name, 500), outcome, duration, tuple(dict.fromkeys(found)), short(message))


def parse_doc(doc: Any) -> Parsed:
    if not looks_like(doc):
        raise ArtifactError(f"parsing {WHAT}: not a list of Ginkgo suite reports")
    recorder = Recorder()
    facts: dict[str, str] = {}
    count = 0
    for suite in doc:
        if not isinstance(suite, dict):
            continue
        for key, name in (("SuiteDescription", "suite"), ("SuitePath", "path"), ("StartTime", "started")):
            if isinstance(suite.get(key), str):
                facts.setdefault(name, short(suite[key], 120))
        runtime = suite.get("RunTime")
        if isinstance(runtime, int | float):
            facts.setdefault("duration", f"{runtime / 1e9:.3f}s")
        specs = suite.get("SpecReports")
        for report in specs if isinstance(specs, list) else []:
            if isinstance(report, dict):
                count += 1
                too_many(count, WHAT)
                recorder.add(_spec(report))
    if not recorder.tests:
        raise ArtifactError(f"parsing {WHAT}: no spec reports found")
    return Parsed(Format.GINKGO_JSON, recorder.tests, facts)
