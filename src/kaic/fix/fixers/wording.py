"""Fixes that put the checklist's own words back: descriptions, levels, status spelling."""

from __future__ import annotations

from collections.abc import Callable

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


def _restore(doc: Document, field: str, same: Callable[[str, str], bool],
             what: Callable[[str, str, str], str]) -> list[Edit]:
    """Put the checklist's `field` (description, level) back where the answer's differs
    (`same` compares them); `what(id, checklist's, answer's)` says what was done."""
    edits = []
    for item in doc.items():
        req = doc.checklist.requirement(item.answer.id) if doc.checklist else None
        given = getattr(item.answer, field)
        if req is None or given is None or same(given, getattr(req, field)):
            continue
        wanted = getattr(req, field)
        edit = _replace_value(doc, item.node, field, wanted, what(item.answer.id, wanted, given), item.answer.id)
        if edit:
            edits.append(edit)
    return edits


def restore_description(doc: Document) -> list[Edit]:
    return _restore(doc, "description", lambda a, b: fold(a) == fold(b),
                    lambda rid, _wanted, _given: f"restored the checklist's description of {rid}")


def restore_level(doc: Document) -> list[Edit]:
    return _restore(doc, "level", lambda a, b: a.strip() == b.strip(),
                    lambda rid, wanted, given: f"restored level {wanted} of {rid} (was {given.strip() or 'empty'})")


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
