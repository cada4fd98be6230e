"""Where a line of an evidence file belongs: the requirements whose evidence points at the
file, at a folder above it, or at one heading's section of it (`file.md#anchor`)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from ..model import EvidenceKind, Submission
from .model import Place

PlaceFn = Callable[[int], list[Place]]
"""A line number -> the places (requirement, file, line) a mention on it stands in."""

FENCE = re.compile(r"^\s*(?:```|~~~)")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")


def heading_slug(heading: str) -> str:
    """GitHub's anchor for a Markdown heading."""
    text = heading.strip().lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def sections(text: str) -> dict[str, tuple[int, int]]:
    """Markdown anchor -> (first line, last line) of its section."""
    heads: list[tuple[int, int, str]] = []
    in_fence = False
    for number, line in enumerate(text.splitlines(), start=1):
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        m = HEADING.match(line)
        if m:
            heads.append((number, len(m.group(1)), heading_slug(m.group(2).replace("\\", ""))))
    total = text.count("\n") + 1
    out: dict[str, tuple[int, int]] = {}
    for i, (number, level, slug) in enumerate(heads):
        end = total
        for later, later_level, _ in heads[i + 1 :]:
            if later_level <= level:
                end = later - 1
                break
        out.setdefault(slug, (number, end))
    return out


def evidence_references(sub: Submission) -> dict[str, list[tuple[str, str | None]]]:
    """path (file or folder) -> [(requirement, fragment)] from FILE/PATH evidence."""
    refs: dict[str, list[tuple[str, str | None]]] = {}
    for answer in sub.answers:
        for ev in answer.evidence:
            if ev.kind in (EvidenceKind.FILE, EvidenceKind.PATH) and ev.resolved and not ev.outside:
                refs.setdefault(ev.resolved.rstrip("/"), []).append((answer.id, ev.fragment))
    return refs


def readers(path: str, refs: Mapping[str, list[tuple[str, str | None]]]) -> set[str]:
    """The requirements whose evidence points at the file `path` or a folder above it."""
    return {r for ref, items in refs.items() if path == ref or path.startswith(ref + "/") for r, _ in items}


def file_places(path: str, text: str, refs: Mapping[str, list[tuple[str, str | None]]]) -> PlaceFn:
    """A function line -> places: the requirements whose evidence points at this file
    (or a folder above it, or a heading's section of it); no requirement otherwise."""
    whole: list[str] = []
    ranges: list[tuple[str, int, int]] = []
    found: dict[str, tuple[int, int]] | None = None
    for ref_path, items in refs.items():
        if not (path == ref_path or path.startswith(ref_path + "/")):
            continue
        for requirement, fragment in items:
            if fragment and path == ref_path:
                if found is None:
                    found = sections(text)
                span = found.get(fragment.lower())
                if span:
                    ranges.append((requirement, *span))
                    continue
            if requirement not in whole:
                whole.append(requirement)

    def places(line: int) -> list[Place]:
        reqs = list(whole)
        for requirement, first, last in ranges:
            if first <= line <= last and requirement not in reqs:
                reqs.append(requirement)
        if not reqs:
            return [Place(None, None, path, line)]
        return [Place(r, None, path, line) for r in reqs]

    return places

