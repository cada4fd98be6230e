"""Bounded, safe YAML loading that keeps the line of every node.

Only PyYAML's event parser (libyaml when available) is used; no constructor ever
runs, so tags cannot build objects. Depth, expanded size (alias bombs) and key
duplication are checked while the tree is built, without recursion.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import yaml

try:  # libyaml is the fast path; the pure parser gives the same events
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_DEPTH = 64
MAX_NODES = 100_000

_resolver = yaml.resolver.Resolver()
_constructor = yaml.constructor.SafeConstructor()

ScalarValue = str | int | float | bool | None


@dataclass(frozen=True, slots=True)
class Scalar:
    value: ScalarValue
    line: int
    kind: str  # "str", "int", "float", "bool", "null", "timestamp", ...


@dataclass(frozen=True, slots=True)
class Seq:
    items: tuple[Node, ...]
    line: int


@dataclass(frozen=True, slots=True)
class Map:
    entries: tuple[tuple[str, int, Node], ...]  # (key, key line, value)
    line: int

    def get(self, key: str) -> Node | None:
        for k, _, v in self.entries:
            if k == key:
                return v
        return None

    def key_line(self, key: str) -> int | None:
        for k, line, _ in self.entries:
            if k == key:
                return line
        return None


Node = Scalar | Seq | Map


@dataclass(frozen=True, slots=True)
class Warning_:
    """A non-fatal oddity met while loading (duplicate key, explicit tag...)."""

    code: str  # "duplicate-key" | "tag"
    message: str
    line: int


@dataclass(slots=True)
class Document:
    root: Node | None
    warnings: list[Warning_] = field(default_factory=list)


class YamlError(ValueError):
    """The text is not YAML kaic accepts. `line` is 1-based when known."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def _line(event: yaml.Event) -> int:
    mark = event.start_mark
    return mark.line + 1 if mark is not None else 0


def _resolve_scalar(event: yaml.ScalarEvent) -> Scalar:
    line = _line(event)
    value = event.value
    if not event.implicit[0]:  # quoted, or explicitly tagged: a string to us
        return Scalar(value, line, "str")
    tag = _resolver.resolve(yaml.ScalarNode, value, event.implicit)
    kind = tag.rsplit(":", 1)[-1]
    node = yaml.ScalarNode(tag, value)
    try:
        if kind == "null":
            return Scalar(None, line, kind)
        if kind == "bool":
            return Scalar(_constructor.construct_yaml_bool(node), line, kind)
        if kind == "int":
            return Scalar(_constructor.construct_yaml_int(node), line, kind)
        if kind == "float":
            return Scalar(_constructor.construct_yaml_float(node), line, kind)
    except (ValueError, OverflowError, yaml.YAMLError):
        pass
    return Scalar(value, line, kind if kind != "int" else "str")


def _key_text(node: Node) -> str:
    if isinstance(node, Scalar):
        return "" if node.value is None else str(node.value)
    return "<complex key>"


class _Frame:
    __slots__ = ("anchor", "items", "kind", "line", "size")

    def __init__(self, kind: str, line: int, anchor: str | None) -> None:
        self.kind = kind
        self.line = line
        self.anchor = anchor  # usable by aliases once the collection closes
        self.items: list[Node] = []
        self.size = 1


def _events(text: str) -> Iterator[yaml.Event]:
    loader = _Loader(text)
    try:
        while loader.check_event():
            event = loader.get_event()
            if event is not None:
                yield event
    finally:
        loader.dispose()


def load(text: str) -> Document:
    """Parse the first YAML document of `text` into a located node tree."""
    doc = Document(root=None)
    stack: list[_Frame] = []
    anchors: dict[str, tuple[Node, int]] = {}
    total = 0
    documents = 0
    try:
        for event in _events(text):
            node: Node | None = None
            size = 1
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    doc.warnings.append(
                        Warning_("multi-document", "only the first YAML document is read", _line(event))
                    )
                    break
                continue
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                if len(stack) >= MAX_DEPTH:
                    raise YamlError(f"nesting deeper than {MAX_DEPTH} levels", _line(event))
                _note_tag(doc, event)
                kind = "map" if isinstance(event, yaml.MappingStartEvent) else "seq"
                stack.append(_Frame(kind, _line(event), event.anchor))
                continue
            if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                frame = stack.pop()
                node = _close(frame, doc)
                size = frame.size
                if frame.anchor:
                    anchors[frame.anchor] = (node, size)
            elif isinstance(event, yaml.ScalarEvent):
                _note_tag(doc, event)
                node = _resolve_scalar(event)
                if event.anchor:
                    anchors[event.anchor] = (node, 1)
            elif isinstance(event, yaml.AliasEvent):
                if event.anchor not in anchors:
                    raise YamlError(f"unknown alias *{event.anchor}", _line(event))
                node, size = anchors[event.anchor]
            else:
                continue
            total += size
            if total > MAX_NODES:
                raise YamlError(
                    f"document expands to more than {MAX_NODES} nodes (alias bomb?)", _line(event)
                )
            if stack:
                stack[-1].items.append(node)
                stack[-1].size += size
            else:
                doc.root = node
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        raise YamlError(f"{exc.problem or exc}", line) from None
    except yaml.YAMLError as exc:
        raise YamlError(str(exc).splitlines()[0] if str(exc) else "invalid YAML") from None
    return doc


def _note_tag(doc: Document, event: yaml.NodeEvent) -> None:
    tag = getattr(event, "tag", None)
    if tag and tag not in ("!", "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"):
        doc.warnings.append(Warning_("tag", f"explicit YAML tag {tag} ignored", _line(event)))


def _close(frame: _Frame, doc: Document) -> Node:
    if frame.kind == "seq":
        return Seq(tuple(frame.items), frame.line)
    entries: list[tuple[str, int, Node]] = []
    seen: dict[str, int] = {}
    items = frame.items
    for i in range(0, len(items) - 1, 2):
        key_node, value = items[i], items[i + 1]
        key = _key_text(key_node)
        key_line = key_node.line
        if key in seen:
            doc.warnings.append(
                Warning_("duplicate-key", f"key '{key}' repeated (first on line {seen[key]})", key_line)
            )
            entries = [e for e in entries if e[0] != key]
        seen.setdefault(key, key_line)
        entries.append((key, key_line, value))
    return Map(tuple(entries), frame.line)


def plain(node: Node | None) -> object:
    """The node as plain Python data (lists, dicts, scalars), for display."""
    if node is None:
        return None
    if isinstance(node, Scalar):
        return node.value
    if isinstance(node, Seq):
        return [plain(n) for n in node.items]
    return {k: plain(v) for k, _, v in node.entries}
