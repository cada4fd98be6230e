"""Fixes that add what the checklist has and the file lacks, as empty blocks to fill in."""

from __future__ import annotations

import re

from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ...model import Requirement
from ...yaml_write import indent, requirement_lines
from ..document import Document, Edit

_DASH = re.compile(r"(\s*)-(\s+)")


def _after_line(doc: Document, index: int) -> int:
    return doc.line_end(max(index - 1, 0))


def add_requirements(doc: Document) -> list[Edit]:
    if doc.checklist is None or doc.checklist.error:
        return []
    spec = doc.section("spec")
    if spec is None or not isinstance(spec[1], MappingNode):
        return []
    answered = {a.id for a in doc.submission.answers}
    edits = []
    for key, value in spec[1].value:
        missing = [r for r in doc.checklist.requirements
                   if r.category == key.value and r.id not in answered]
        if not missing:
            continue
        what = "added empty " + ", ".join(r.id for r in missing)
        edit = _append(doc, key, value, missing, what)
        if edit:
            edits.append(edit)
    return edits


def _append(doc: Document, key: ScalarNode, value: Node, missing: list[Requirement],
            what: str) -> Edit | None:
    blocks = [line for r in missing for line in requirement_lines(r)]
    rid = missing[0].id if len(missing) == 1 else None
    if isinstance(value, SequenceNode) and not value.flow_style and value.value:
        first = value.value[0].start_mark.index
        dash = _DASH.fullmatch(doc.text[doc.line_start(first) : first])
        if dash is None:
            return None
        width = len(dash.group(1))
        blocks = [(" " * width) + line.replace("- ", "-" + dash.group(2), 1) if line.startswith("- ")
                  else (" " * (width + 1 + len(dash.group(2)) - 2)) + line for line in blocks]
        at = _after_line(doc, doc.content_end(value))
        return Edit(at, at, "\n" + "\n".join(blocks), what, rid)
    empty_seq = isinstance(value, SequenceNode) and value.flow_style and not value.value
    empty_scalar = isinstance(value, ScalarNode) and (value.tag or "").endswith(":null") and not value.value
    if not (empty_seq or empty_scalar):
        return None
    column = key.start_mark.column + 2
    end = doc.span(value)[1] if empty_seq else key.end_mark.index + 1
    if empty_scalar and doc.text[key.end_mark.index : end] != ":":
        return None
    return Edit(key.end_mark.index, end, ":\n" + "\n".join(indent(blocks, column)), what, rid)


def add_categories(doc: Document) -> list[Edit]:
    if doc.checklist is None or doc.checklist.error:
        return []
    spec = doc.section("spec")
    if spec is None or not isinstance(spec[1], MappingNode) or spec[1].flow_style or not spec[1].value:
        return []
    present = {str(k.value) for k, _ in spec[1].value}
    column = spec[1].value[0][0].start_mark.column
    lines: list[str] = []
    added = []
    for category in doc.checklist.categories:
        if category in present:
            continue
        added.append(category)
        lines.append(" " * column + f"{category}:")
        for req in doc.checklist.requirements:
            if req.category == category:
                lines.extend(indent(requirement_lines(req), column + 2))
    if not added:
        return []
    at = _after_line(doc, doc.content_end(spec[1]))
    return [Edit(at, at, "\n" + "\n".join(lines), "added empty categor" + ("ies " if len(added) > 1 else "y ")
                 + ", ".join(added))]
