"""Fixes that put the checklist's own words back: descriptions, levels, status spelling."""

from __future__ import annotations

from ruamel.yaml.nodes import Node, ScalarNode

from ...model import VALID_STATUSES
from ...rules._api import fold
from ...yaml_write import scalar
from ..document import Document, Edit, pair


def _replace_value(doc: Document, node: Node, key: str, new: str, what: str,
                   requirement: str) -> Edit | None:
    found = pair(node, key)
    if found is None:
        return None
    key_node, value = found
    if not isinstance(value, ScalarNode):
        return None
    start, end = doc.span(value)
    style = value.style if value.style in ('"', "'") else None
    text = scalar(new, style)
    if start == end:  # `key:` with no value: the value goes after one space
        start = end = key_node.end_mark.index + 1
        text = " " + text
    return Edit(start, end, text, what, requirement)


def restore_description(doc: Document) -> list[Edit]:
    edits = []
    for item in doc.items():
        req = doc.checklist.requirement(item.answer.id) if doc.checklist else None
        a = item.answer
        if req is None or a.description is None or fold(a.description) == fold(req.description):
            continue
        edit = _replace_value(doc, item.node, "description", req.description,
                              f"restored the checklist's description of {a.id}", a.id)
        if edit:
            edits.append(edit)
    return edits


def restore_level(doc: Document) -> list[Edit]:
    edits = []
    for item in doc.items():
        req = doc.checklist.requirement(item.answer.id) if doc.checklist else None
        a = item.answer
        if req is None or a.level is None or a.level.strip() == req.level.strip():
            continue
        edit = _replace_value(doc, item.node, "level", req.level,
                              f"restored level {req.level} of {a.id} (was {a.level.strip() or 'empty'})", a.id)
        if edit:
            edits.append(edit)
    return edits


def _spelling(text: str) -> str:
    return " ".join(text.replace("_", " ").replace("-", " ").split()).lower()


_BY_SPELLING = {_spelling(s.value): s.value for s in VALID_STATUSES}


def normalise_status(doc: Document) -> list[Edit]:
    """Only case, spacing, `_` and `-` change: `implemented ` -> `Implemented`."""
    edits = []
    for item in doc.items():
        raw = item.answer.status_raw
        if not raw.strip() or raw in _BY_SPELLING.values():
            continue
        right = _BY_SPELLING.get(_spelling(raw))
        if right is None:
            continue
        edit = _replace_value(doc, item.node, "status", right,
                              f"wrote the status of {item.answer.id} as '{right}' (was {raw!r})", item.answer.id)
        if edit:
            edits.append(edit)
    return edits
