"""JUnit XML: gotestsum, go-junit-report, Ginkgo and Sonobuoy shapes.

Root `<testsuites>` or `<testsuite>`, suites nested to any depth; each `<testcase>`
with `<failure>` or `<error>` fails, with `<skipped>` skips, else passes (Ginkgo's
`status="skipped"|"failed"` attribute counts too).

Parsed with defusedxml's parser (imported only when an XML artifact is read): any
DOCTYPE is refused, so no entity is ever declared or expanded (billion laughs) and
nothing external is fetched (XXE). Streamed: the expat parser that defusedxml set up
calls two small handlers per element directly (not through ElementTree's Python-level
dispatch, which costs several times more), text is ignored and no tree is built, so
memory stays flat however many test cases there are.
"""

from __future__ import annotations

from ._text import MAX_TESTS, seconds, short, too_many
from .model import ArtifactError, Format, Outcome, Parsed, Recorder, TestResult

WHAT = "JUnit XML"
_STATUS = {"failed": Outcome.FAIL, "error": Outcome.FAIL, "panicked": Outcome.FAIL, "timedout": Outcome.FAIL,
           "skipped": Outcome.SKIP, "pending": Outcome.SKIP, "disabled": Outcome.SKIP}
_CHUNK = 256 * 1024
_GO_VERSION_KEYS = ("go.version", "goversion")


def _local(tag: str) -> str:
    return tag.rpartition("}")[2] if "}" in tag else tag


class _Target:
    """expat events -> test results; only attributes are kept. Tags arrive as
    `namespace}local` and attributes as a flat [name, value, ...] list."""

    def __init__(self) -> None:
        self.recorder = Recorder()
        self.facts: dict[str, str] = {}
        self.root: str | None = None
        self.case: dict[str, str] | None = None
        self.outcome = Outcome.PASS
        self.message = ""
        self.count = 0

    def start(self, tag: str, flat: list[str]) -> None:
        if "}" in tag:
            tag = tag.rpartition("}")[2]
        if tag == "testcase":
            self.case, self.outcome, self.message = dict(zip(flat[::2], flat[1::2], strict=False)), Outcome.PASS, ""
            return
        if self.case is not None:
            if tag in ("failure", "error") and self.outcome is not Outcome.FAIL:
                self.outcome, self.message = Outcome.FAIL, _attr(flat, "message")
            elif tag == "skipped" and self.outcome is Outcome.PASS:
                self.outcome, self.message = Outcome.SKIP, _attr(flat, "message")
            return
        attrs = dict(zip(flat[::2], flat[1::2], strict=False))
        if self.root is None:
            self.root = tag
            if tag not in ("testsuites", "testsuite"):
                raise ArtifactError(f"parsing {WHAT}: the root element is <{short(tag, 40)}>, "
                                    "not <testsuites> or <testsuite>")
        if tag == "testsuite":
            for key, name in (("name", "suite"), ("timestamp", "started"), ("time", "duration")):
                value = attrs.get(key)
                if value and name not in self.facts:
                    self.facts[name] = short(value, 120)
        elif tag == "property" and attrs.get("name", "").lower() in _GO_VERSION_KEYS and attrs.get("value"):
            self.facts.setdefault("go_version", short(attrs["value"], 40))

    def end(self, tag: str) -> None:
        case = self.case
        if case is None or not tag.endswith("testcase") or _local(tag) != "testcase":
            return
        outcome = self.outcome
        if outcome is Outcome.PASS and "status" in case:
            outcome = _STATUS.get(case["status"].lower(), Outcome.PASS)
        self.count += 1
        if self.count > MAX_TESTS:
            too_many(self.count, WHAT)
        self.recorder.add(TestResult(case.get("name", ""), outcome, seconds(case.get("time")),
                                     message=short(self.message) if self.message else ""))
        self.case = None


def _attr(flat: list[str], name: str) -> str:
    for i in range(0, len(flat) - 1, 2):
        if flat[i] == name:
            return flat[i + 1]
    return ""


def parse(data: bytes) -> Parsed:
    from xml.parsers.expat import ErrorString, ExpatError

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import DefusedXMLParser

    target = _Target()
    parser = DefusedXMLParser(forbid_dtd=True, forbid_entities=True, forbid_external=True)
    expat = parser.parser  # defusedxml's DTD, entity and external-reference guards stay set on it
    expat.StartElementHandler = target.start
    expat.EndElementHandler = target.end
    expat.CharacterDataHandler = None
    expat.DefaultHandlerExpand = None
    expat.ordered_attributes = True
    try:
        for at in range(0, len(data), _CHUNK):
            expat.Parse(data[at:at + _CHUNK], False)
        expat.Parse(b"", True)
    except DefusedXmlException:
        raise ArtifactError(f"parsing {WHAT}: a DTD (DOCTYPE or entity) is not allowed") from None
    except ExpatError as exc:
        where = f"line {exc.lineno}, column {exc.offset}"
        raise ArtifactError(f"parsing {WHAT}: {short(ErrorString(exc.code), 120)}: {where}") from None
    if target.root is None:
        raise ArtifactError(f"parsing {WHAT}: no root element")
    if not target.recorder.tests:
        raise ArtifactError(f"parsing {WHAT}: no <testcase> elements found")
    return Parsed(Format.JUNIT, target.recorder.tests, target.facts)
