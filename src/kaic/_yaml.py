"""Bounded, safe YAML loading that keeps the line of every node.

Only PyYAML's event parser (libyaml when available) is used; no constructor ever
runs, so tags cannot build objects. Depth, expanded size (alias bombs) and key
duplication are checked while the tree is built, without recursion, in time linear
in the document.

Limits (each refusal is a `YamlError`, reported as `yaml-invalid`, never a crash):

* `MAX_DEPTH` levels of nesting;
* `MAX_NODES` nodes once every alias is expanded — each node counted once, an alias
  counting every node of what it repeats (so 19,000 evidence items load, and ten
  aliases of a ten-alias list are a hundred);
* `MAX_EXPANDED_BYTES` of scalar text once every alias is expanded: aliases that repeat
  one large string (0.4 MB of YAML growing to hundreds of MB of JSON) are refused.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

try:  # libyaml is the fast path; the pure parser gives the same events
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]



def load_data(text: str | bytes) -> Any:
    """Plain Python values of a YAML document kaic trusts to be small or its own (shipped
    data, a configuration): PyYAML's safe loader, through libyaml when it is there."""
    return yaml.load(text, Loader=_Loader)


MAX_DEPTH = 64
MAX_NODES = 250_000
MAX_EXPANDED_BYTES = 8 * 1024 * 1024  # four times the largest file kaic reads (source.MAX_FILE_BYTES)

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


_RESOLVED: dict[tuple[str, tuple[bool, bool]], tuple[ScalarValue, str]] = {}
"""(text, implicit) -> (value, kind) of plain scalars: keys and statuses repeat in every file."""
_RESOLVED_LIMIT = 20_000


def _resolve_plain(value: str, implicit: tuple[bool, bool]) -> tuple[ScalarValue, str]:
    tag = _resolver.resolve(yaml.ScalarNode, value, implicit)
    kind = tag.rsplit(":", 1)[-1]
    node = yaml.ScalarNode(tag, value)
    try:
        if kind == "null":
            return None, kind
        if kind == "bool":
            return _constructor.construct_yaml_bool(node), kind
        if kind == "int":
            return _constructor.construct_yaml_int(node), kind
        if kind == "float":
            return _constructor.construct_yaml_float(node), kind
    except (ValueError, OverflowError, yaml.YAMLError):
        pass
    return value, kind if kind != "int" else "str"


def _resolve_scalar(event: yaml.ScalarEvent) -> Scalar:
    line = _line(event)
    value = event.value
    implicit = event.implicit
    if not implicit[0]:  # quoted, or explicitly tagged: a string to us
        return Scalar(value, line, "str")
    key = (value, implicit)
    found = _RESOLVED.get(key)
    if found is None:
        found = _resolve_plain(value, implicit)
        if len(_RESOLVED) >= _RESOLVED_LIMIT:
            _RESOLVED.clear()
        _RESOLVED[key] = found
    return Scalar(found[0], line, found[1])


def _key_text(node: Node) -> str:
    if isinstance(node, Scalar):
        return "" if node.value is None else str(node.value)
    return "<complex key>"


class _Frame:
    __slots__ = ("anchor", "items", "kind", "line", "nodes", "text")

    def __init__(self, kind: str, line: int, anchor: str | None) -> None:
        self.kind = kind
        self.line = line
        self.anchor = anchor  # usable by aliases once the collection closes
        self.items: list[Node] = []
        self.nodes = 1  # this collection and everything in it, aliases expanded
        self.text = 0  # UTF-8 bytes of scalar text in it, aliases expanded


_SCALAR = yaml.ScalarEvent
_STARTS = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_ENDS = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
_ALIAS = yaml.AliasEvent
_DOCUMENT_START = yaml.DocumentStartEvent
_PLAIN_TAGS = frozenset({"!", "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"})


def load(text: str) -> Document:
    """Parse the first YAML document of `text` into a located node tree."""
    doc = Document(root=None)
    stack: list[_Frame] = []
    anchors: dict[str, tuple[Node, int, int]] = {}  # name -> (node, nodes, UTF-8 bytes)
    total_nodes = 0
    total_text = 0
    documents = 0
    loader = None
    try:
        loader = _Loader(text)
        get_event = loader.get_event
        while True:
            # None after the stream's end; dispatched on its exact class below (no subclasses)
            event: Any = get_event()
            if event is None:
                break
            cls = type(event)
            node: Node | None = None
            if cls is _SCALAR:
                tag = event.tag
                if tag and tag not in _PLAIN_TAGS:
                    _note_tag(doc, event)
                node = _resolve_scalar(event)
                nodes, chars = 1, _utf8_size(event.value)
                total_nodes += 1
                total_text += chars
                if event.anchor:
                    anchors[event.anchor] = (node, nodes, chars)
            elif cls in _STARTS:
                if len(stack) >= MAX_DEPTH:
                    raise YamlError(f"nesting deeper than {MAX_DEPTH} levels", _line(event))
                _note_tag(doc, event)
                stack.append(_Frame("map" if cls is yaml.MappingStartEvent else "seq", _line(event), event.anchor))
                total_nodes += 1
                continue
            elif cls in _ENDS:
                frame = stack.pop()
                node = _close(frame, doc)
                nodes, chars = frame.nodes, frame.text  # counted in the totals as they came
                if frame.anchor:
                    anchors[frame.anchor] = (node, nodes, chars)
            elif cls is _ALIAS:
                if event.anchor not in anchors:
                    raise YamlError(f"unknown alias *{event.anchor}", _line(event))
                node, nodes, chars = anchors[event.anchor]
                total_nodes += nodes
                total_text += chars
            elif cls is _DOCUMENT_START:
                documents += 1
                if documents > 1:
                    doc.warnings.append(
                        Warning_("multi-document", "only the first YAML document is read", _line(event))
                    )
                    break
                continue
            else:
                continue
            if total_nodes > MAX_NODES:
                raise YamlError(
                    f"document expands to more than {MAX_NODES} nodes (alias bomb?)", _line(event)
                )
            if total_text > MAX_EXPANDED_BYTES:
                raise YamlError(
                    f"document expands to more than {MAX_EXPANDED_BYTES} bytes of text (alias bomb?)",
                    _line(event),
                )
            if stack:
                frame = stack[-1]
                frame.items.append(node)
                frame.nodes += nodes
                frame.text += chars
            else:
                doc.root = node
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = str(exc.problem or exc)
        if "tab character" in problem:
            problem = "a tab character; tabs are not allowed in YAML indentation, use spaces"
        if mark is not None:
            problem += f" (column {mark.column + 1})"
        raise YamlError(problem, line) from None
    except yaml.YAMLError as exc:
        raise YamlError(str(exc).splitlines()[0] if str(exc) else "invalid YAML") from None
    finally:
        if loader is not None:
            loader.dispose()
    return doc


def _utf8_size(text: str) -> int:
    return len(text) if text.isascii() else len(text.encode("utf-8", "surrogatepass"))


def _note_tag(doc: Document, event: yaml.NodeEvent) -> None:
    tag = getattr(event, "tag", None)
    if tag and tag not in _PLAIN_TAGS:
        doc.warnings.append(Warning_("tag", f"explicit YAML tag {tag} ignored", _line(event)))


def _close(frame: _Frame, doc: Document) -> Node:
    if frame.kind == "seq":
        return Seq(tuple(frame.items), frame.line)
    # A repeated key keeps its last value, placed where it last appears; a dict keeps
    # this linear (one lookup per key), however many keys repeat.
    # One warning per repeated key (a file repeating a thousand keys forty times each gets a
    # thousand, not forty thousand).
    entries: dict[str, tuple[str, int, Node]] = {}
    seen: dict[str, int] = {}
    repeats: dict[str, list[int]] = {}  # key -> [times repeated, line of the first repeat]
    items = frame.items
    for i in range(0, len(items) - 1, 2):
        key_node, value = items[i], items[i + 1]
        key = _key_text(key_node)
        key_line = key_node.line
        if key in seen:
            repeat = repeats.get(key)
            if repeat is None:
                repeats[key] = [1, key_line]
            else:
                repeat[0] += 1
            del entries[key]
        else:
            seen[key] = key_line
        entries[key] = (key, key_line, value)
    for key, (times, line) in repeats.items():
        counted = "" if times == 1 else f" {times} times"
        doc.warnings.append(
            Warning_("duplicate-key", f"key '{key}' repeated{counted} (first on line {seen[key]})", line)
        )
    return Map(tuple(entries.values()), frame.line)


def plain(node: Node | None) -> object:
    """The node as plain Python data (lists, dicts, scalars), for display."""
    if node is None:
        return None
    if isinstance(node, Scalar):
        return node.value
    if isinstance(node, Seq):
        return [plain(n) for n in node.items]
    return {k: plain(v) for k, _, v in node.entries}


def yaml_error_line(origin: str, exc: yaml.YAMLError, text: str = "") -> str:
    """A YAML error as one line, `file:line:column: problem` (tabs named as such)."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or getattr(exc, "context", None) or "invalid YAML"
    where = origin
    if mark is not None:
        where = f"{origin}:{mark.line + 1}:{mark.column + 1}"
        lines = text.splitlines()
        if mark.line < len(lines) and "\t" in lines[mark.line]:
            problem = "tabs are not allowed in YAML indentation; use spaces"
    return f"{where}: {' '.join(str(problem).split())}"
