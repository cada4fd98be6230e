"""A submission as Markdown (`vX.Y/<product>/PRODUCT.md`): metadata, an overview of
MUST/SHOULD answers by status, then each category with its requirements.

Levels and descriptions are the checklist's; every piece of vendor text is escaped.
"""

from __future__ import annotations

from ..model import (
    VALID_STATUSES,
    Answer,
    Checklist,
    EvidenceKind,
    Requirement,
    Status,
    Submission,
)
from ..report.escape import md_code, md_text
from ..report.markup import join_blocks, table
from ._md import generated, link, value

_COLUMNS = (*(s.value for s in VALID_STATUSES), "Unanswered", "Other")


def _status_cell(a: Answer | None) -> str:
    if a is None:
        return "missing from the file"
    if a.status is Status.EMPTY:
        return "unanswered"
    if a.status is Status.OTHER:
        return f"{md_text(a.status_raw)} (not a valid status)"
    return a.status.value


def _column(a: Answer | None) -> str:
    if a is None or a.status is Status.EMPTY:
        return "Unanswered"
    return "Other" if a.status is Status.OTHER else a.status.value


def _metadata(sub: Submission, checklist: Checklist | None) -> str:
    names = list(dict.fromkeys((*(checklist.metadata_fields if checklist else ()), *sub.metadata)))
    rows = []
    for name in names:
        f = sub.metadata.get(name)
        shown = "" if f is None or f.value is None else (f.value if isinstance(f.value, str) else str(f.value))
        rows.append((md_code(name), value(shown) if shown.strip() else "–"))
    return "## Metadata\n\n" + table(("Field", "Value"), rows)


def _overview(reqs: list[tuple[Requirement | None, Answer | None]]) -> str:
    rows = []
    for level in ("MUST", "SHOULD"):
        chosen = [a for r, a in reqs if r is not None and r.level.strip().upper() == level]
        counts = [sum(1 for a in chosen if _column(a) == c) for c in _COLUMNS]
        rows.append((level, *map(str, counts), str(len(chosen))))
    return "## Overview\n\n" + table(("Level", *_COLUMNS, "Total"), rows, ["l"] + ["r"] * (len(_COLUMNS) + 1))


def _evidence(a: Answer) -> list[str]:
    groups = {
        "Links": [link(e.raw) for e in a.evidence if e.kind is EvidenceKind.URL],
        "Files": [md_code(e.raw.strip()) for e in a.evidence if e.kind in (EvidenceKind.FILE, EvidenceKind.PATH)],
        "Text": [md_text(e.raw) for e in a.evidence if e.kind is EvidenceKind.TEXT],
    }
    return [f"- {kind}: " + ", ".join(items) for kind, items in groups.items() if items]


def _requirement(req: Requirement | None, a: Answer | None) -> str:
    rid = req.id if req else (a.id if a else "")
    level = req.level if req else ((a.level or "").strip() if a else "") or "no level"
    lines = [f"### {md_code(rid)}", "", f"**Level:** {md_text(level)} · **Status:** {_status_cell(a)}"]
    if req is None:
        lines += ["", "_Not in this version's checklist._"]
    else:
        lines += ["", "> " + md_text(req.description)]
    if a is not None:
        evidence = _evidence(a)
        lines += ["", "**Evidence:**", "", *evidence] if evidence else ["", "**Evidence:** none"]
        if a.notes.strip():
            lines += ["", f"**Notes:** {md_text(a.notes)}"]
    return "\n".join(lines)


def render_product(sub: Submission, checklist: Checklist | None) -> str:
    title = sub.platform or sub.product
    head = (f"# {md_text(title)} — Kubernetes AI Conformance v{md_text(sub.version)}\n\n"
            f"{generated(sub.path)}")
    answers = {a.id: a for a in sub.answered}
    pairs: list[tuple[Requirement | None, Answer | None]] = []
    categories: list[str] = []
    if checklist is not None and not checklist.error:
        categories = list(checklist.categories)
        pairs = [(r, answers.get(r.id)) for r in checklist.requirements]
    known = {r.id for r, _ in pairs if r is not None}
    extra = [a for a in sub.answered if a.id not in known]
    sections = []
    for category in categories:
        body = [_requirement(r, a) for r, a in pairs if r is not None and r.category == category]
        sections.append(f"## {md_text(category)}\n\n" + "\n\n".join(body) if body else "")
    if extra:
        sections.append("## Not in the checklist\n\n" + "\n\n".join(
            _requirement(None, a) for a in extra))
    return join_blocks(head, _metadata(sub, checklist), _overview(pairs), *sections) + "\n"
