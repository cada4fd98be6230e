"""Which test output format some bytes are, by their content; and what upstream assumes by name.

kaic picks the parser from the content. The upstream validator picks it from the
basename alone (`junit.xml`, `results.json`, `e2e.log`, see data/test_map.yaml), so
a Ginkgo log named `e2e.log` is parsed upstream as `go test -v` text and rejected,
and a JUnit file named `junit_01.xml` is not read upstream at all.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from . import ctrf, ginkgo_json, ginkgo_text, gotest_json, gotest_text, junit
from ._text import short
from .model import FORMAT_LABELS, ArtifactError, Format, Parsed

_GO_RESULT = re.compile(rb"^[ \t]*--- (?:PASS|FAIL|SKIP): \S", re.M)
_JUNIT_ROOT = re.compile(r"<(?:[A-Za-z_][\w.-]*:)?testsuites?[\s>/]")
_HEAD = 64 * 1024
_EVENT = re.compile(r'\{[^\n]{0,300}?"(?:Action|ImportPath)"\s*:')  # a test2json event starts the file

TRIED = ", ".join(FORMAT_LABELS.values())
"""Every format kaic knows, for the message about a file that is none of them."""


@dataclass(frozen=True)
class Detection:
    format: Format | None
    doc: Any = None  # the decoded JSON document, when the format is a JSON document
    reason: str = ""  # why no format was recognised


def _json_doc(data: bytes) -> Any:
    try:
        return json.loads(data)
    except (ValueError, RecursionError) as exc:
        raise ArtifactError(f"parsing JSON: {short(str(exc), 120)}") from None


def detect(data: bytes) -> Detection:
    head = data[:_HEAD]
    if b"\0" in head[:8192]:
        return Detection(None, reason="binary data")
    text = head.decode("utf-8", "replace").lstrip("\ufeff \t\r\n")
    if not text:
        return Detection(None, reason="empty file")
    if text.startswith("<"):
        if _JUNIT_ROOT.search(text[:4096]):
            return Detection(Format.JUNIT)
        return Detection(None, reason="XML, but not <testsuites> or <testsuite>")
    if text.startswith("{"):
        if _EVENT.match(text):
            return Detection(Format.GO_TEST_JSON)
        try:
            doc = _json_doc(data)
        except ArtifactError as exc:
            return Detection(None, reason=str(exc))
        if ctrf.looks_like(doc):
            return Detection(Format.CTRF, doc)
        return Detection(None, reason="JSON, but neither test2json events nor a CTRF report")
    if text.startswith("["):
        try:
            doc = _json_doc(data)
        except ArtifactError as exc:
            return Detection(None, reason=str(exc))
        if ginkgo_json.looks_like(doc):
            return Detection(Format.GINKGO_JSON, doc)
        return Detection(None, reason="a JSON list, but not Ginkgo suite reports")
    if _GO_RESULT.search(data):
        return Detection(Format.GO_TEST_TEXT)
    if ginkgo_text.looks_like(text):
        return Detection(Format.GINKGO_TEXT)
    return Detection(None, reason="text without test result lines")


_BYTES_PARSERS: dict[Format, Callable[[bytes], Parsed]] = {
    Format.JUNIT: junit.parse,
    Format.GO_TEST_JSON: gotest_json.parse,
    Format.GO_TEST_TEXT: gotest_text.parse,
    Format.GINKGO_TEXT: ginkgo_text.parse,
    Format.GINKGO_JSON: lambda data: ginkgo_json.parse_doc(_json_doc(data)),
    Format.CTRF: lambda data: ctrf.parse_doc(_json_doc(data)),
}


def parse_as(fmt: Format, data: bytes, doc: Any = None) -> Parsed:
    """Parse `data` as `fmt` (raises ArtifactError); `doc` spares decoding JSON twice."""
    if doc is not None and fmt is Format.GINKGO_JSON:
        return ginkgo_json.parse_doc(doc)
    if doc is not None and fmt is Format.CTRF:
        return ctrf.parse_doc(doc)
    try:
        return _BYTES_PARSERS[fmt](data)
    except RecursionError:
        raise ArtifactError(f"parsing {fmt.label}: nested too deeply") from None
