"""Writing YAML text by hand: scalars in a chosen quoting style, and requirement blocks.

`kaic init` writes whole files and `kaic fix` splices pieces into a vendor's file;
both need scalars that read back as exactly the string given, whatever it holds,
and requirement blocks shaped like the checklist's.
"""

from __future__ import annotations

import json
import re

import yaml

from .model import Requirement

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

_NOT_IN_YAML = re.compile("[^\t\n\r\x20-\x7e\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
"""Characters a YAML stream may not hold as they are (and U+FEFF, U+2028/9, NEL: breaks)."""


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def double_quoted(value: str) -> str:
    """A YAML double-quoted scalar (JSON's escapes are YAML's) that stays on one line."""
    text = json.dumps(value, ensure_ascii=False)
    return _NOT_IN_YAML.sub(_escape, text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _reads_back(snippet: str, value: str, flow: bool) -> bool:
    doc = f"k: [{snippet}]" if flow else f"k: {snippet}"
    try:
        data = yaml.load(doc, Loader=_Loader)  # the C safe loader: builds no objects
    except yaml.YAMLError:
        return False
    got = data.get("k") if isinstance(data, dict) else None
    if flow:
        return isinstance(got, list) and len(got) == 1 and got[0] == value
    return isinstance(got, str) and got == value


def scalar(value: str, style: str | None = '"', *, flow: bool = False) -> str:
    """`value` as a YAML scalar in `style` ('"', "'", None = plain) when that style can
    hold it on one line and it reads back unchanged, else double-quoted."""
    plain_ok = style is None and value and "\n" not in value and value == value.strip()
    if plain_ok and _reads_back(value, value, flow):
        return value
    if style == "'" and value.isprintable():
        quoted = "'" + value.replace("'", "''") + "'"
        if _reads_back(quoted, value, flow):
            return quoted
    return double_quoted(value)


def requirement_lines(req: Requirement, status: str = "", evidence: tuple[str, ...] = (),
                      notes: str = "", *, comments: bool = False) -> list[str]:
    """One requirement as block lines (no indentation): id, description and level from
    the checklist, the answer fields as given (empty by default)."""
    status_note = "  # Implemented, Not Implemented, Partially Implemented, N/A" if comments else ""
    lines = [
        f"- id: {scalar(req.id, None)}",
        f"  description: {double_quoted(req.description)}",
        f"  level: {scalar(req.level, None)}",
        f"  status: {double_quoted(status)}{status_note}",
    ]
    if evidence:
        lines.append("  evidence:")
        lines.extend(f"    - {double_quoted(item)}" for item in evidence)
    else:
        lines.append("  evidence: []" + ("  # links to documentation, test results or files in this folder"
                                         if comments else ""))
    lines.append(f"  notes: {double_quoted(notes)}" + ("  # required when the status is N/A" if comments else ""))
    return lines


def indent(lines: list[str], width: int) -> list[str]:
    pad = " " * width
    return [pad + line if line else line for line in lines]
