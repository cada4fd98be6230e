"""A PRODUCT.yaml as text, shaped like the checklist: header comments, metadata with an
instruction above each field, then every category and requirement in checklist order.

Ids, descriptions and levels come from the checklist verbatim; answers and metadata
values only from what the caller passes (the vendor's options or an old submission).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .._yaml import Map, YamlError, load, load_data, plain
from ..model import UPSTREAM_REQUIRED_METADATA, Checklist
from ..yaml_write import double_quoted, indent, requirement_lines, scalar

FIELDS_PATH = Path(__file__).resolve().parent.parent / "data" / "metadata_fields.yaml"
_PLACEHOLDER = re.compile(r"^\s*\[([^\]]*)\]\s*$")


@dataclass(frozen=True, slots=True)
class AnswerText:
    status: str = ""
    evidence: tuple[str, ...] = ()
    notes: str = ""


@dataclass(frozen=True, slots=True)
class MetaLine:
    name: str
    value: str
    instruction: str


@cache
def curated_instructions() -> dict[str, str]:
    data = load_data(FIELDS_PATH.read_text(encoding="utf-8"))
    return dict(data["instructions"])


def template_metadata(checklist_text: str) -> dict[str, str]:
    """The checklist template's metadata values as written ("[Platform Name]", "v1.35")."""
    try:
        root = load(checklist_text).root
    except YamlError:
        return {}
    meta = root.get("metadata") if isinstance(root, Map) else None
    if not isinstance(meta, Map):
        return {}
    out = {}
    for key, _, node in meta.entries:
        value = plain(node)
        out[key] = "" if value is None or isinstance(value, dict | list) else str(value)
    return out


def is_placeholder(value: str) -> bool:
    return bool(_PLACEHOLDER.match(value))


def metadata_lines(checklist: Checklist, template: Mapping[str, str],
                   values: Mapping[str, str]) -> list[MetaLine]:
    """Every field the checklist asks for, then those only the upstream validator requires,
    then any other field given in `values`; a value is `values`' or the template's own
    (never its placeholder)."""
    curated = curated_instructions()
    names = list(dict.fromkeys((*checklist.metadata_fields, *UPSTREAM_REQUIRED_METADATA, *values)))
    lines = []
    for name in names:
        written = template.get(name, "")
        placeholder = _PLACEHOLDER.match(written)
        instruction = curated.get(name) or (placeholder.group(1).strip() if placeholder else "")
        if name not in checklist.metadata_fields and name in UPSTREAM_REQUIRED_METADATA:
            instruction = (instruction + " " if instruction else "") + \
                f"(not in the v{checklist.version} template; the upstream validator requires it)"
        default = "" if placeholder else written
        lines.append(MetaLine(name, values.get(name, default), instruction))
    return lines


def comment(text: str) -> str:
    """Text made safe for one YAML comment line (leading indentation kept)."""
    lead = len(text) - len(text.lstrip(" "))
    return " " * lead + " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())


def product_text(checklist: Checklist, header: Iterable[str], metadata: Iterable[MetaLine],
                 answers: Mapping[str, AnswerText], trailer: Iterable[str] = ()) -> str:
    out = [f"# {comment(line)}" if line else "#" for line in header]
    out += ["", "metadata:"]
    for m in metadata:
        if m.instruction:
            out.append(f"  # {comment(m.instruction)}")
        out.append(f"  {scalar(m.name, None)}: {double_quoted(m.value)}")
    out += ["", "spec:"]
    first = True
    for category in checklist.categories:
        reqs = [r for r in checklist.requirements if r.category == category]
        if not reqs:
            out.append(f"  {category}: []")
            continue
        out.append(f"  {category}:")
        for req in reqs:
            a = answers.get(req.id, AnswerText())
            out += indent(requirement_lines(req, a.status, a.evidence, a.notes, comments=first), 4)
            first = False
    trailing = [f"# {comment(line)}" if line else "#" for line in trailer]
    if trailing:
        out += ["", *trailing]
    return "\n".join(out) + "\n"
