"""A version's checklist, `docs/AIConformance-X.Y.yaml`, as typed data.

Everything here is read from the file: versions, metadata fields, categories,
requirement ids, levels and descriptions are never assumed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .._yaml import Map, Scalar, Seq, YamlError, load

CHECKLIST_PATH = re.compile(r"^docs/AIConformance-(\d+\.\d+)\.yaml$")


@dataclass(frozen=True, slots=True)
class Requirement:
    id: str
    category: str
    level: str  # as written in the checklist, normally "MUST" or "SHOULD"
    description: str
    line: int

    @property
    def is_must(self) -> bool:
        return self.level.upper() == "MUST"


@dataclass(frozen=True, slots=True)
class Checklist:
    version: str  # "1.35"
    path: str
    metadata_fields: tuple[str, ...]
    categories: tuple[str, ...]
    requirements: tuple[Requirement, ...]
    error: str | None = None  # set when the file could not be parsed
    problems: tuple[tuple[str, int], ...] = ()  # (message, line): parts kaic had to skip or doubt

    def requirement(self, requirement_id: str) -> Requirement | None:
        for req in self.requirements:
            if req.id == requirement_id:
                return req
        return None

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(r.id for r in self.requirements)


def version_key(version: str) -> tuple[int, ...]:
    """Sort key for "1.9" < "1.10"; non-numeric parts sort last."""
    parts = []
    for part in version.lstrip("v").split("."):
        parts.append(int(part) if part.isdigit() else 1_000_000)
    return tuple(parts)


def _text(node: object) -> str:
    if isinstance(node, Scalar) and node.value is not None:
        return str(node.value)
    return ""


def parse_checklist(path: str, version: str, text: str) -> Checklist:
    try:
        root = load(text).root
    except YamlError as exc:
        return Checklist(version, path, (), (), (), error=f"line {exc.line}: {exc.message}")
    if not isinstance(root, Map):
        return Checklist(version, path, (), (), (), error="not a YAML mapping")
    meta = root.get("metadata")
    fields = tuple(k for k, _, _ in meta.entries) if isinstance(meta, Map) else ()
    spec = root.get("spec")
    categories: list[str] = []
    requirements: list[Requirement] = []
    problems: list[tuple[str, int]] = []
    seen: dict[str, int] = {}
    if not isinstance(spec, Map):
        problems.append(("no 'spec' mapping of categories", 1))
        spec = Map((), 1)
    for category, cat_line, items in spec.entries:
        categories.append(category)
        if not isinstance(items, Seq):
            problems.append((f"category '{category}' is not a list of requirements", cat_line))
            continue
        for item in items.items:
            rid = _text(item.get("id")) if isinstance(item, Map) else ""
            if not isinstance(item, Map) or not rid:
                problems.append((f"an item of '{category}' has no id; skipped", item.line))
                continue
            level = _text(item.get("level")).strip()
            if level.upper() not in ("MUST", "SHOULD"):
                problems.append((f"requirement {rid} has level {level or 'none'!r}, not MUST or SHOULD", item.line))
            if rid in seen:
                problems.append((f"requirement {rid} repeated (first on line {seen[rid]})", item.line))
                continue
            seen[rid] = item.line
            requirements.append(
                Requirement(id=rid, category=category, level=level,
                            description=_text(item.get("description")), line=item.line)
            )
    return Checklist(version, path, fields, tuple(categories), tuple(requirements), problems=tuple(problems))
