"""GitHub Actions workflow commands: one `::error file=...,line=...::` annotation per finding."""

from __future__ import annotations

from ..lint import ValidationResult
from ..rules import Severity
from ._util import display

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(text: str) -> str:
    text = "".join(ch if ch.isprintable() or ch in "\r\n" else " " for ch in display(text))
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def format(result: ValidationResult, color: bool = False) -> str:
    lines = []
    for f in result.findings:
        props = [f"file={_prop(f.path)}"]
        if f.line:
            props.append(f"line={f.line}")
        props.append(f"title={_prop(f.rule)}")
        text = f.message + " — " + f.hint
        if f.upstream and result.policy != "kaic":  # the upstream-parity policies show upstream's words
            text += "\nupstream: " + f.upstream
        lines.append(f"::{_LEVEL[f.severity]} {','.join(props)}::{_data(text)}")
    return "\n".join(lines) + ("\n" if lines else "")
