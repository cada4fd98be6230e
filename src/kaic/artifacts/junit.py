"""JUnit XML: gotestsum, go-junit-report, Ginkgo and Sonobuoy shapes.

Root `<testsuites>` or `<testsuite>`, suites nested to any depth; each `<testcase>`
with `<failure>` or `<error>` fails, with `<skipped>` skips, else passes (Ginkgo's
`status="skipped"|"failed"` attribute counts too). Parsed without DTDs or entity
expansion, streaming: elements are dropped as soon as they are read.
"""

from __future__ import annotations

import io
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException  # type: ignore[import-untyped]
from defusedxml.ElementTree import iterparse  # type: ignore[import-untyped]

from ._text import seconds, short, too_many
from .model import ArtifactError, Format, Outcome, Parsed, Recorder, TestResult

WHAT = "JUnit XML"
_STATUS = {"failed": Outcome.FAIL, "error": Outcome.FAIL, "panicked": Outcome.FAIL, "timedout": Outcome.FAIL,
           "skipped": Outcome.SKIP, "pending": Outcome.SKIP, "disabled": Outcome.SKIP}


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _case(elem: Element) -> TestResult:
    outcome = Outcome.PASS
    message = ""
    for child in elem:
        tag = _local(child.tag)
        if tag in ("failure", "error"):
            outcome = Outcome.FAIL
            message = child.get("message") or (child.text or "")
            break
        if tag == "skipped" and outcome is Outcome.PASS:
            outcome = Outcome.SKIP
            message = child.get("message") or ""
    if outcome is Outcome.PASS:
        outcome = _STATUS.get((elem.get("status") or "").lower(), Outcome.PASS)
    return TestResult(elem.get("name") or "", outcome, seconds(elem.get("time")), message=short(message))


def parse(data: bytes) -> Parsed:
    recorder = Recorder()
    facts: dict[str, str] = {}
    root: str | None = None
    depth = 0
    count = 0
    try:
        for event, elem in iterparse(io.BytesIO(data), events=("start", "end"), forbid_dtd=True):
            tag = _local(elem.tag)
            if event == "start":
                if root is None:
                    root = tag
                    if tag not in ("testsuites", "testsuite"):
                        raise ArtifactError(f"parsing {WHAT}: the root element is <{short(tag, 40)}>, "
                                            "not <testsuites> or <testsuite>")
                depth += 1
                if tag == "testsuite":
                    for key, name in (("name", "suite"), ("timestamp", "started"), ("time", "duration")):
                        value = elem.get(key)
                        if value and name not in facts:
                            facts[name] = short(value, 120)
                continue
            depth -= 1
            if tag == "testcase":
                count += 1
                too_many(count, WHAT)
                recorder.add(_case(elem))
                elem.clear()
            elif tag == "property":
                key, value = elem.get("name") or "", elem.get("value") or ""
                if key.lower() in ("go.version", "goversion") and value:
                    facts.setdefault("go_version", short(value, 40))
            elif tag == "testsuite":
                elem.clear()
    except (ParseError, DefusedXmlException) as exc:
        raise ArtifactError(f"parsing {WHAT}: {short(str(exc) or type(exc).__name__, 160)}") from None
    if root is None:
        raise ArtifactError(f"parsing {WHAT}: no root element")
    if not recorder.tests:
        raise ArtifactError(f"parsing {WHAT}: no <testcase> elements found")
    return Parsed(Format.JUNIT, recorder.tests, facts)
