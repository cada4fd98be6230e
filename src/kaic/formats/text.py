"""Plain text: `path:line: severity rule-id message`, grouped by file, then a summary."""

from __future__ import annotations

from ..lint import ValidationResult
from ..rules import Severity
from ..words import plural
from ._util import one_line

_COLORS = {Severity.ERROR: "\033[31m", Severity.WARNING: "\033[33m", Severity.INFO: "\033[36m"}
_RESET = "\033[0m"


def format(result: ValidationResult, color: bool = False) -> str:
    lines: list[str] = []
    current = None
    for f in result.findings:
        if f.path != current:
            if current is not None:
                lines.append("")
            current = f.path
        where = f"{one_line(f.path)}:{f.line}" if f.line else one_line(f.path)
        sev = f.severity.value
        if color:
            sev = f"{_COLORS[f.severity]}{sev}{_RESET}"
        lines.append(f"{where}: {sev} {f.rule} {one_line(f.message)}")
        if f.upstream and result.policy != "kaic":  # the upstream-parity policies show upstream's words
            lines.append(f"    upstream: {one_line(f.upstream)}")
    failing = sum(1 for s in result.submissions if not result.ok(s))
    summary = (
        f"{plural(len(result.submissions), 'submission')} checked, {failing} with errors: "
        f"{plural(result.count(Severity.ERROR), 'error')}, {plural(result.count(Severity.WARNING), 'warning')}, "
        f"{result.count(Severity.INFO)} info (policy {result.policy})"
    )
    if result.suppressed:
        summary += f" ({len(result.suppressed)} more suppressed or accepted)"
    if lines:
        lines.append("")
    lines.append(summary)
    return "\n".join(lines) + "\n"
