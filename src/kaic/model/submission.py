"""A vendor's `vX.Y/<product>/PRODUCT.yaml`, as typed data with the line of every field.

Parsing never fails: whatever cannot be understood becomes a `Problem` on the
submission (reported by the rule with the same id) and the rest is kept.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from .._yaml import Map, Node, Scalar, Seq, YamlError, load, plain
from .evidence_path import PathProblem, is_upstream_url, resolve_local

SUBMISSION_PATH = re.compile(r"^(v\d+\.\d+)/([^/]+)/PRODUCT\.yaml$")


class Status(StrEnum):
    IMPLEMENTED = "Implemented"
    PARTIAL = "Partially Implemented"
    NOT_IMPLEMENTED = "Not Implemented"
    NA = "N/A"
    EMPTY = ""
    OTHER = "other"  # text kaic does not recognise (see Answer.status_raw)


VALID_STATUSES = (Status.IMPLEMENTED, Status.PARTIAL, Status.NOT_IMPLEMENTED, Status.NA)

_STATUS_WORDS = {
    "implemented": Status.IMPLEMENTED,
    "partially implemented": Status.PARTIAL,
    "partial": Status.PARTIAL,
    "partially": Status.PARTIAL,
    "not implemented": Status.NOT_IMPLEMENTED,
    "n/a": Status.NA,
    "na": Status.NA,
    "not applicable": Status.NA,
}


_NORMALIZED: dict[str, Status] = {}  # raw text -> status: a walk asks about the same few texts
_NORMALIZED_LIMIT = 4096


def normalize_status(raw: str) -> Status:
    found = _NORMALIZED.get(raw)
    if found is None:
        folded = " ".join(raw.replace("_", " ").replace("-", " ").split()).lower()
        found = _STATUS_WORDS.get(folded, Status.OTHER) if folded else Status.EMPTY
        if len(_NORMALIZED) < _NORMALIZED_LIMIT:
            _NORMALIZED[raw] = found
    return found


class EvidenceKind(StrEnum):
    URL = "url"  # http(s) link
    FILE = "file"  # file://relative/path[#TestName]
    PATH = "path"  # a bare path relative to the product folder
    TEXT = "text"  # words, not a reference ("N/A", "see notes")
    EMPTY = "empty"


class EvidenceForm(StrEnum):
    LIST = "list"
    STRING = "string"  # a plain string instead of a list
    MISSING = "missing"
    EMPTY = "empty"  # null or []
    OTHER = "other"  # a mapping or a number


@dataclass(frozen=True, slots=True)
class Evidence:
    raw: str
    kind: EvidenceKind
    line: int
    target: str = ""  # the URL, or the path as written
    fragment: str | None = None  # the text after the first '#' of a local item (a test name)
    resolved: str | None = None  # repository-relative path kaic reads for FILE/PATH (inside the folder)
    outside: bool = False  # FILE/PATH escaping the product folder or in another one (never read)
    lookup: str | None = None  # the path upstream's validator looks for (every non-URL item)
    problem: PathProblem | None = None  # why upstream refuses the path instead of looking it up

    @property
    def named_in_text(self) -> bool:
        """Words naming a file ("see gang.md"): kaic reads the file, upstream looks for the words."""
        return self.kind is EvidenceKind.PATH and self.resolved is not None and self.resolved != self.lookup


@dataclass(frozen=True, slots=True)
class MetaField:
    name: str  # canonical camelCase name
    key: str  # as written in the file
    value: object  # str normally; anything else is kept for `metadata-not-string`
    line: int

    @property
    def text(self) -> str:
        return self.value if isinstance(self.value, str) else ""


@dataclass(frozen=True, slots=True)
class Answer:
    """One requirement as the vendor answered it."""

    id: str
    category: str
    line: int
    level: str | None = None
    level_line: int | None = None
    description: str | None = None
    description_line: int | None = None
    status_raw: str = ""
    status_present: bool = False
    status_line: int | None = None
    evidence: tuple[Evidence, ...] = ()
    evidence_form: EvidenceForm = EvidenceForm.MISSING
    evidence_line: int | None = None
    notes: str = ""
    notes_line: int | None = None

    @property
    def status(self) -> Status:
        return normalize_status(self.status_raw)

    @property
    def references(self) -> tuple[Evidence, ...]:
        """Evidence items that point somewhere (URL or file), not words or blanks."""
        return tuple(
            e for e in self.evidence if e.kind in (EvidenceKind.URL, EvidenceKind.FILE, EvidenceKind.PATH)
        )


@dataclass(frozen=True, slots=True)
class Problem:
    """Something the loader met; `rule` is the id of the rule that reports it."""

    rule: str
    message: str
    line: int | None = None
    requirement: str | None = None
    upstream_fails: bool | None = None  # whether the upstream validator fails this input (None: as the rule says)


@dataclass(frozen=True)
class Submission:
    path: str  # "v1.34/gke/PRODUCT.yaml"
    version: str  # "1.34", from the folder
    product: str  # "gke", the folder name
    metadata: Mapping[str, MetaField] = field(default_factory=dict)
    metadata_line: int | None = None  # None: no metadata section
    spec_line: int | None = None
    categories: tuple[tuple[str, int], ...] = ()  # (name, line) in file order
    answers: tuple[Answer, ...] = ()
    problems: tuple[Problem, ...] = ()
    extra_keys: tuple[tuple[str, int], ...] = ()  # top-level keys besides metadata and spec
    parsed: bool = False  # False: the file could not be read or parsed at all
    oid: str | None = None  # git blob id when read from git

    @property
    def folder(self) -> str:
        return posixpath.dirname(self.path)

    def meta(self, name: str) -> str:
        f = self.metadata.get(name)
        return f.text.strip() if f else ""

    @property
    def vendor(self) -> str:
        return self.meta("vendorName")

    @property
    def platform(self) -> str:
        return self.meta("platformName")

    @property
    def answered(self) -> tuple[Answer, ...]:
        """The answer kaic reads for each requirement: the first of its id (see duplicate-requirement)."""
        seen: set[str] = set()
        first = []
        for a in self.answers:
            if a.id not in seen or not a.id:
                seen.add(a.id)
                first.append(a)
        return tuple(first)

    def answer(self, requirement_id: str) -> Answer | None:
        for a in self.answers:
            if a.id == requirement_id:
                return a
        return None

    def statuses(self) -> dict[str, Status]:
        return {a.id: a.status for a in self.answered}


# -- parsing -------------------------------------------------------------------------

UPSTREAM_REQUIRED_METADATA = (
    "kubernetesVersion",
    "platformName",
    "platformVersion",
    "vendorName",
    "websiteUrl",
    "documentationUrl",
    "productLogoUrl",
    "description",
    "contactEmailAddress",
    "k8sConformanceUrl",
)
"""Metadata the upstream Go validator requires of every file today."""


_FIRST_CAP = re.compile(r"(.)([A-Z][a-z]+)")
_ALL_CAP = re.compile(r"([a-z0-9])([A-Z])")


def upstream_snake(name: str) -> str:
    """The snake_case key the upstream validator also accepts for a field (`websiteUrl` -> `website_url`)."""
    return _ALL_CAP.sub(r"\1_\2", _FIRST_CAP.sub(r"\1_\2", name)).lower()


UPSTREAM_OPTIONAL_METADATA = ("repoUrl",)
"""Metadata the upstream Go validator checks when present."""


def upstream_reads(field: MetaField) -> bool:
    """Whether the upstream validator reads this field: one of its own, under its key or snake_case key."""
    return field.name in (*UPSTREAM_REQUIRED_METADATA, *UPSTREAM_OPTIONAL_METADATA) \
        and field.key in (field.name, upstream_snake(field.name))


def _fold_key(key: str) -> str:
    return re.sub(r"[\s_\-]", "", key).lower()


def canonical_field(key: str, known: Iterable[str]) -> str:
    """`website_url` -> `websiteUrl`: snake_case and camelCase keys name one field."""
    folded = _fold_key(key)
    for name in known:
        if _fold_key(name) == folded:
            return name
    head, *rest = key.split("_")
    return head + "".join(p[:1].upper() + p[1:] for p in rest)


def _scalar_text(node: Node | None) -> str | None:
    if isinstance(node, Scalar):
        return "" if node.value is None else str(node.value)
    return None


_URL_RE = re.compile(r"^[a-z][a-z0-9+.\-]*://", re.I)
_PATHY = re.compile(r"^[^\s]+$")
_EXTENSION = re.compile(r"\.[A-Za-z0-9]{1,8}$")
_FILE_IN_TEXT = re.compile(r"(?<![\w/.:-])(?:\.{0,2}/)?[\w.-]+(?:/[\w.-]+)*\.(?:md|txt|log|xml|ya?ml|json|sh|out|html?|png|jpe?g|svg|pdf)(?:#[\w-]+)?(?![\w/])", re.I)


def _evidence(raw: str, line: int, folder: str) -> Evidence:
    text = raw.strip()
    if not text:
        return Evidence(raw, EvidenceKind.EMPTY, line)
    if is_upstream_url(text):
        return Evidence(raw, EvidenceKind.URL, line, target=text)
    local = resolve_local(text, folder)  # upstream looks every other item up as a file
    frag, lookup, problem = local.fragment, local.path, local.problem
    if text.lower().startswith("file://") or (normalize_status(text) is Status.OTHER and _looks_like_path(text)):
        kind = EvidenceKind.FILE if text.lower().startswith("file://") else EvidenceKind.PATH
        outside = local.problem in (PathProblem.ESCAPES, PathProblem.OTHER_PRODUCT)
        return Evidence(raw, kind, line, target=local.written, fragment=frag, resolved=lookup, outside=outside,
                        lookup=lookup, problem=problem)
    if _URL_RE.match(text):
        return Evidence(raw, EvidenceKind.URL, line, target=text, fragment=frag, lookup=lookup, problem=problem)
    named = _FILE_IN_TEXT.search(text)  # "see results/gang.md": words naming a file
    if named and normalize_status(text) is Status.OTHER:
        path = named.group(0).partition("#")[0]
        return Evidence(raw, EvidenceKind.PATH, line, target=path, fragment=frag, resolved=_inside(path, folder),
                        lookup=lookup, problem=problem)
    return Evidence(raw, EvidenceKind.TEXT, line, target=text, fragment=frag, lookup=lookup, problem=problem)


def _looks_like_path(text: str) -> bool:
    """`tests/run.log`, `./dra.md#setup`, `results/`: one token naming a file or folder."""
    if not _PATHY.match(text):
        return False
    path = text.partition("#")[0].replace("\\", "/")
    last = path.rstrip("/").rsplit("/", 1)[-1]
    return path.startswith(("./", "../", "/", "~")) or bool(_EXTENSION.search(last)) or (
        "/" in path and len(last) > 1
    )


def _inside(path: str, folder: str) -> str | None:
    """A file named inside words, relative to the folder; None when it would leave it."""
    joined = posixpath.normpath(posixpath.join(folder, path))
    return joined if joined.startswith(folder + "/") else None


_KIND_NAMES = {
    "str": "a string",
    "int": "an integer",
    "float": "a number",
    "bool": "a boolean",
    "timestamp": "a date",
}


def _type_name(node: Node | None) -> str:
    if node is None:
        return "nothing"
    if isinstance(node, Map):
        return "a mapping"
    if isinstance(node, Seq):
        return "a list"
    if node.value is None:
        return "null"
    return _KIND_NAMES.get(node.kind, f"a {node.kind} value")


def _answer(item: Map, category: str, folder: str, problems: list[Problem]) -> Answer:
    id_node = item.get("id")
    rid = _scalar_text(id_node) or ""
    where = rid or None
    if id_node is not None and not (isinstance(id_node, Scalar) and isinstance(id_node.value, str)):
        problems.append(Problem("field-type", f"'id' is {_type_name(id_node)}, expected a string",
                                item.key_line("id"), where, not isinstance(id_node, Scalar)))

    def text_field(name: str) -> tuple[str | None, int | None]:
        node = item.get(name)
        line = item.key_line(name)
        if node is None:
            return None, line
        if isinstance(node, Scalar):
            if node.value is not None and not isinstance(node.value, str):
                problems.append(Problem("field-type", f"'{name}' is {_type_name(node)}, expected a string", line, where,
                                        False))
            return "" if node.value is None else str(node.value), line
        problems.append(Problem("field-type", f"'{name}' is {_type_name(node)}, expected a string", line, where, True))
        return None, line

    level, level_line = text_field("level")
    description, description_line = text_field("description")
    status, status_line = text_field("status")
    notes, notes_line = text_field("notes")

    ev_node = item.get("evidence")
    ev_line = item.key_line("evidence")
    evidence: list[Evidence] = []
    if ev_node is None and ev_line is None:
        form = EvidenceForm.MISSING
    elif ev_node is None or (isinstance(ev_node, Scalar) and ev_node.value is None):
        form = EvidenceForm.EMPTY
    elif isinstance(ev_node, Seq):
        form = EvidenceForm.LIST if ev_node.items else EvidenceForm.EMPTY
        for child in ev_node.items:
            if isinstance(child, Scalar) and child.value is not None:
                if not isinstance(child.value, str):
                    problems.append(Problem("field-type", f"evidence item is {_type_name(child)}, expected a string",
                                            child.line, where, False))
                evidence.append(_evidence(str(child.value), child.line, folder))
            elif isinstance(child, Scalar):
                evidence.append(Evidence("", EvidenceKind.EMPTY, child.line))
            else:
                problems.append(Problem("field-type", f"evidence item is {_type_name(child)}, expected a string",
                                        child.line, where, True))
    elif isinstance(ev_node, Scalar) and isinstance(ev_node.value, str):
        form = EvidenceForm.STRING
        evidence.append(_evidence(ev_node.value, ev_node.line, folder))
    else:
        form = EvidenceForm.OTHER
        problems.append(Problem("field-type", f"'evidence' is {_type_name(ev_node)}, expected a list", ev_line, where,
                                True))

    return Answer(
        id=rid,
        category=category,
        line=item.line,
        level=level,
        level_line=level_line,
        description=description,
        description_line=description_line,
        status_raw=status or "",
        status_present=status is not None,
        status_line=status_line,
        evidence=tuple(evidence),
        evidence_form=form,
        evidence_line=ev_line,
        notes=notes or "",
        notes_line=notes_line,
    )


def parse_submission(path: str, data: bytes, known_fields: Iterable[str] = (),
                     oid: str | None = None) -> Submission:
    """Parse PRODUCT.yaml bytes. Never raises: problems are recorded on the result."""
    match = SUBMISSION_PATH.match(path)
    version = match.group(1)[1:] if match else ""
    product = match.group(2) if match else posixpath.basename(posixpath.dirname(path))
    folder = posixpath.dirname(path)

    def failed(problem: Problem) -> Submission:
        return Submission(path, version, product, problems=(problem,), oid=oid)

    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return failed(Problem("not-utf8", f"byte {exc.start} is not UTF-8", line))
    if not text.strip():
        return failed(Problem("yaml-invalid", "the file is empty", 1))
    try:
        doc = load(text)
    except YamlError as exc:
        return failed(Problem("yaml-invalid", exc.message, exc.line))
    # several documents: upstream's YAML library reads the first and lets the rest be
    problems = [Problem(f"yaml-{w.code}" if w.code != "multi-document" else "yaml-invalid", w.message, w.line,
                        upstream_fails=False if w.code == "multi-document" else None)
                for w in doc.warnings]
    root = doc.root
    if not isinstance(root, Map):
        problems.append(Problem("yaml-invalid", f"the document is {_type_name(root)}, not a mapping", 1))
        return Submission(path, version, product, problems=tuple(problems), oid=oid)

    known = tuple(dict.fromkeys((*known_fields, *UPSTREAM_REQUIRED_METADATA, *UPSTREAM_OPTIONAL_METADATA)))
    metadata: dict[str, MetaField] = {}
    meta_node = root.get("metadata")
    metadata_line = root.key_line("metadata")
    if isinstance(meta_node, Map):
        for key, key_line, value in meta_node.entries:
            name = canonical_field(key, known)
            raw = plain(value)
            metadata.setdefault(name, MetaField(name, key, raw, key_line))
    elif meta_node is not None:
        problems.append(Problem("field-type", f"'metadata' is {_type_name(meta_node)}, expected a mapping", metadata_line))
        metadata_line = None
    elif metadata_line is not None:
        metadata_line = None  # "metadata:" with nothing under it

    categories: list[tuple[str, int]] = []
    answers: list[Answer] = []
    spec = root.get("spec")
    spec_line = root.key_line("spec")
    if isinstance(spec, Map):
        for category, cat_line, items in spec.entries:
            categories.append((category, cat_line))
            if isinstance(items, Seq):
                for item in items.items:
                    if isinstance(item, Map):
                        answers.append(_answer(item, category, folder, problems))
                    else:
                        empty = isinstance(item, Scalar) and item.value is None  # upstream reads an empty requirement
                        problems.append(Problem("field-type", f"an item of '{category}' is {_type_name(item)}, expected a mapping",
                                                item.line, upstream_fails=False if empty else None))
            elif not (isinstance(items, Scalar) and items.value is None):
                problems.append(Problem("field-type", f"'{category}' is {_type_name(items)}, expected a list", cat_line))
    elif spec is not None:
        problems.append(Problem("field-type", f"'spec' is {_type_name(spec)}, expected a mapping", spec_line))
    return Submission(
        path=path,
        version=version,
        product=product,
        oid=oid,
        metadata=metadata,
        metadata_line=metadata_line,
        spec_line=spec_line if isinstance(spec, Map) else None,
        categories=tuple(categories),
        answers=tuple(answers),
        extra_keys=tuple((k, line) for k, line, _ in root.entries if k not in ("metadata", "spec")),
        problems=tuple(problems),
        parsed=True,
    )
