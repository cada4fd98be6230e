"""JUnit XML: a suite per submission, a test case per rule; error findings fail it."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..lint import ValidationResult
from ..rules import Severity

_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _x(text: str) -> str:
    return _INVALID_XML.sub("\ufffd", text)


def format(result: ValidationResult, color: bool = False) -> str:
    root = ET.Element("testsuites", name="kaic validate")
    total = failures = 0
    for sub in result.submissions:
        findings = result.findings_for(sub)
        suite = ET.SubElement(root, "testsuite", name=_x(sub.path))
        suite_failures = 0
        for rule in result.rules.values():
            hits = [f for f in findings if f.rule == rule.id]
            case = ET.SubElement(suite, "testcase", classname=_x(sub.path), name=rule.id)
            errors = [f for f in hits if f.severity is Severity.ERROR]
            if errors:
                suite_failures += 1
                failure = ET.SubElement(case, "failure", message=_x(errors[0].message), type=rule.id)
                failure.text = _x("\n".join(f"line {f.line}: {f.message}" for f in errors) + f"\nFix: {rule.hint}")
            others = [f for f in hits if f.severity is not Severity.ERROR]
            if others:
                out = ET.SubElement(case, "system-out")
                out.text = _x("\n".join(f"{f.severity.value} line {f.line}: {f.message}" for f in others))
        suite.set("tests", str(len(result.rules)))
        suite.set("failures", str(suite_failures))
        total += len(result.rules)
        failures += suite_failures
    root.set("tests", str(total))
    root.set("failures", str(failures))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
