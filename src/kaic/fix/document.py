"""A PRODUCT.yaml opened for editing: its text, ruamel.yaml's node tree with the exact
span of every node, and kaic's own reading of the same text.

Fixes never re-serialise the document: they replace character spans of the original
text, so everything they do not touch (comments, key order, quoting, blank lines,
line folding) stays byte for byte.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..model import Answer, Checklist, Submission, parse_submission
from ..source.base import MAX_FILE_BYTES

REFUSED_PROBLEMS = ("yaml-invalid", "not-utf8", "yaml-duplicate-key")
"""Loader problems that make a file unsafe to edit: kaic would be guessing its shape."""


class NotEditable(Exception):
    """The file cannot be edited safely; it is left as it is."""


@dataclass(frozen=True)
class Edit:
    """Replace text[start:end] with `text`; `what` says which fix and why."""

    start: int
    end: int
    text: str
    what: str
    requirement: str | None = None


@dataclass(frozen=True)
class Item:
    """One requirement mapping of the spec, its node and kaic's answer for it."""

    category: str
    node: MappingNode
    answer: Answer


@dataclass(frozen=True)
class Document:
    path: str
    text: str
    root: MappingNode
    submission: Submission
    checklist: Checklist | None

    # -- navigation -------------------------------------------------------------------

    def section(self, key: str) -> tuple[ScalarNode, Node] | None:
        return pair(self.root, key)

    def items(self) -> Iterator[Item]:
        """Requirement mappings in file order, zipped with kaic's answers (same order)."""
        spec = self.section("spec")
        if spec is None or not isinstance(spec[1], MappingNode):
            return
        answers = iter(self.submission.answers)
        for key, value in spec[1].value:
            if not isinstance(value, SequenceNode):
                continue
            for node in value.value:
                if isinstance(node, MappingNode):
                    answer = next(answers, None)
                    if answer is None:
                        return
                    yield Item(str(key.value), node, answer)

    # -- text positions ---------------------------------------------------------------

    def line_start(self, index: int) -> int:
        return self.text.rfind("\n", 0, index) + 1

    def line_end(self, index: int) -> int:
        """The index of the newline ending the line holding `index` (or the text's end)."""
        found = self.text.find("\n", index)
        return len(self.text) if found < 0 else found

    def line_of(self, index: int) -> int:
        return self.text.count("\n", 0, index) + 1

    def span(self, node: Node) -> tuple[int, int]:
        """Where a scalar or flow node is written; block scalars without their final newlines."""
        start, end = node.start_mark.index, node.end_mark.index
        if isinstance(node, ScalarNode) and node.style in ("|", ">"):
            while end > start and self.text[end - 1] in "\r\n":
                end -= 1
        return start, end

    def content_end(self, node: Node) -> int:
        """The end of the last character that belongs to `node` (block collections end
        where their last value ends, not at the next token)."""
        while isinstance(node, MappingNode | SequenceNode) and not node.flow_style and node.value:
            last = node.value[-1]
            node = last[1] if isinstance(last, tuple) else last
        return self.span(node)[1]


def pair(node: Node, key: str) -> tuple[ScalarNode, Node] | None:
    """The first (key node, value node) of a mapping whose key is `key`."""
    if not isinstance(node, MappingNode):
        return None
    for k, v in node.value:
        if isinstance(k, ScalarNode) and k.value == key:
            return k, v
    return None


def open_document(path: str, data: bytes, checklist: Checklist | None) -> Document:
    """Parse `data` both ways; raise NotEditable unless both readings succeed cleanly."""
    if len(data) > MAX_FILE_BYTES:
        raise NotEditable(f"over the {MAX_FILE_BYTES}-byte limit")
    sub = parse_submission(path, data, checklist.metadata_fields if checklist else ())
    bad = [p for p in sub.problems if p.rule in REFUSED_PROBLEMS]
    if not sub.parsed or bad:
        reason = bad[0].message if bad else (sub.problems[0].message if sub.problems else "unreadable")
        raise NotEditable(f"kaic cannot read it: {reason}")
    text = data.decode("utf-8")
    if "\r" in text:
        raise NotEditable("it has carriage-return line endings")
    try:
        root = YAML(typ="safe", pure=True).compose(text)  # spans only: no comment gathering
    except YAMLError as exc:
        raise NotEditable(f"ruamel.yaml cannot read it: {str(exc).splitlines()[0]}") from None
    if not isinstance(root, MappingNode):
        raise NotEditable("it is not a YAML mapping")
    if _has_anchor(root):
        raise NotEditable("it uses YAML anchors and aliases; an edit in one place would show in another")
    return Document(path, text, root, sub, checklist)


def _has_anchor(root: Node) -> bool:
    pending = [root]
    while pending:
        node = pending.pop()
        if getattr(node, "anchor", None):
            return True
        if isinstance(node, MappingNode):
            for k, v in node.value:
                pending += (k, v)
        elif isinstance(node, SequenceNode):
            pending += node.value
    return False


def apply_edits(text: str, edits: list[Edit]) -> tuple[str, list[Edit]]:
    """Apply non-overlapping edits; one overlapping an earlier one is left out (and not
    returned among the applied), so a later pass can try it on the new text."""
    out: list[str] = []
    applied: list[Edit] = []
    pos = 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if edit.start < pos:
            continue
        out.append(text[pos : edit.start])
        out.append(edit.text)
        applied.append(edit)
        pos = max(pos, edit.end)
    out.append(text[pos:])
    return "".join(out), applied
