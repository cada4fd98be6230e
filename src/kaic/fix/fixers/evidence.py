"""Fixes of evidence shapes: a string becomes a list, empty items go, joined URLs split."""

from __future__ import annotations

import re

from ruamel.yaml.nodes import ScalarNode, SequenceNode

from ...model import EvidenceForm, EvidenceKind, Status, normalize_status
from ...yaml_write import scalar
from ..document import Document, Edit, pair

_STYLES = ('"', "'")


def _style(node: ScalarNode) -> str | None:
    return node.style if node.style in _STYLES else None


def wrap_string(doc: Document) -> list[Edit]:
    edits = []
    for item in doc.items():
        if item.answer.evidence_form is not EvidenceForm.STRING:
            continue
        found = pair(item.node, "evidence")
        if found is None or not isinstance(found[1], ScalarNode):
            continue
        value = found[1]
        start, end = doc.span(value)
        text = str(value.value)
        if not text.strip() or normalize_status(text) is not Status.OTHER:
            inner = ""  # blank, or a status word ("N/A"): no evidence, said as a list
        elif any(e.kind is EvidenceKind.TEXT for e in item.answer.evidence):
            continue  # prose: which part is evidence is the vendor's call
        else:
            inner = scalar(text, _style(value), flow=True)
        edits.append(Edit(start, end, f"[{inner}]", f"made the evidence of {item.answer.id} a list",
                          item.answer.id))
    return edits


def _empty(node: object) -> bool:
    return isinstance(node, ScalarNode) and not str(node.value or "").strip() \
        and (node.tag or "").endswith((":str", ":null"))


def drop_empty(doc: Document) -> list[Edit]:
    edits = []
    for item in doc.items():
        found = pair(item.node, "evidence")
        if found is None:
            continue
        key, seq = found
        if not isinstance(seq, SequenceNode):
            continue
        empties = [i for i, node in enumerate(seq.value) if _empty(node)]
        if not empties:
            continue
        what = f"removed {len(empties)} empty evidence item(s) of {item.answer.id}"
        rid = item.answer.id
        if seq.flow_style:
            start, end = doc.span(seq)
            kept = [doc.text[slice(*doc.span(n))] for i, n in enumerate(seq.value) if i not in empties]
            edits.append(Edit(start, end, "[" + ", ".join(kept) + "]", what, rid))
        elif len(empties) == len(seq.value):
            between = doc.text[key.end_mark.index : seq.value[0].start_mark.index]
            if re.fullmatch(r":\s*-\s*", between):  # nothing but the dash: no comment lost
                edits.append(Edit(key.end_mark.index, doc.content_end(seq), ": []", what, rid))
        else:
            for i in empties:
                node = seq.value[i]
                line = doc.line_start(node.start_mark.index)
                end = doc.line_end(node.end_mark.index)
                # the line holds the empty item alone (a comment on it goes with it)
                if re.fullmatch(r"\s*-\s*(\"\"|''|~|null)?\s*(#.*)?", doc.text[line:end]):
                    edits.append(Edit(line, min(end + 1, len(doc.text)), "", what, rid))
    return edits


_SCHEME_AHEAD = r"(?=[A-Za-z][A-Za-z0-9+.\-]{0,30}://)"
_JOINT = re.compile(r"(?<![\s,;])[\s,;]+" + _SCHEME_AHEAD)  # from a run's start only: linear
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]{0,30}://\S+")


def split_urls(text: str) -> list[str]:
    """'https://a/x, https://b/y' -> both URLs; [] unless every part is one URL."""
    parts = [p.strip().rstrip(",;").strip() for p in _JOINT.split(text.strip())]
    if len(parts) < 2 or not all(_URL.fullmatch(p) for p in parts):
        return []
    return parts


def split_joined(doc: Document) -> list[Edit]:
    """One URL per item: joined URLs split, spaces around a URL trimmed."""
    edits = []
    for item in doc.items():
        found = pair(item.node, "evidence")
        if found is None or not isinstance(found[1], SequenceNode):
            continue
        seq = found[1]
        for node in seq.value:
            if not isinstance(node, ScalarNode):
                continue
            raw = str(node.value or "")
            parts = split_urls(raw)
            if not parts and _URL.fullmatch(raw.strip()) and raw != raw.strip():
                start, end = doc.span(node)
                edits.append(Edit(start, end, scalar(raw.strip(), _style(node)),
                                  f"trimmed the spaces around an evidence URL of {item.answer.id}", item.answer.id))
                continue
            if not parts:
                continue
            start, end = doc.span(node)
            what = f"split an evidence item of {item.answer.id} into {len(parts)} URLs"
            if seq.flow_style:
                text = ", ".join(scalar(p, _style(node), flow=True) for p in parts)
            else:
                prefix = doc.text[doc.line_start(start) : start]
                dash = re.fullmatch(r"(\s*)-(\s+)", prefix)
                if dash is None or doc.line_end(start) < end:
                    continue
                joint = "\n" + dash.group(1) + "-" + dash.group(2)
                text = joint.join(scalar(p, _style(node)) for p in parts)
            edits.append(Edit(start, end, text, what, item.answer.id))
    return edits
