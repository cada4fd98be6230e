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
    """Whether `snippet` reads as `value` where kaic puts it: after a key, or as an item of
    a flow list, also beside other items and with a comment after it (as in vendor files)."""
    docs = ((f"k: [{snippet}]", f"k: [{snippet}, x]  # c") if flow
            else (f"k: {snippet}", f"k: {snippet}  # c"))
    return all(_reads(doc, value, flow) for doc in docs)


def _reads(doc: str, value: str, flow: bool) -> bool:
    """Both PyYAML parsers (libyaml and the pure one, which disagree on a few plain
    scalars) must read `doc` with `value` in it; safe loaders build no objects."""
    loaders: tuple[type[yaml.CSafeLoader] | type[yaml.SafeLoader], ...] = (_Loader, yaml.SafeLoader)
    for loader in dict.fromkeys(loaders):
        try:
            data = yaml.load(doc, Loader=loader)
        except yaml.YAMLError:
            return False
        got = data.get("k") if isinstance(data, dict) else None
        if flow:
            got = got[0] if isinstance(got, list) and got else None
        if not (isinstance(got, str) and got == value):
            return False
    return True


def scalar(value: str, style: str | None = '"', *, flow: bool = False) -> str:
    """`value` as a YAML scalar in `style` ('"', "'", None = plain) when that style can
    hold it on one line and it reads back unchanged, else double-quoted."""
    plain_ok = style is None and value.isprintable() and value == value.strip()
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
