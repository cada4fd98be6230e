"""A checklist as Markdown (`docs/AIConformance-X.Y.md`): counts, metadata fields, and
each category's requirements with level and description."""

from __future__ import annotations

from ..model import Checklist
from ..report.escape import md_code, md_text
from ..report.markup import join_blocks, table
from ._md import generated


def render_checklist(checklist: Checklist) -> str:
    head = f"# Kubernetes AI Conformance v{md_text(checklist.version)} checklist\n\n{generated(checklist.path)}"
    levels = sorted({r.level.strip().upper() for r in checklist.requirements})
    overview = "## Overview\n\n" + table(
        ("Category", *levels, "Total"),
        [(md_text(c), *(str(sum(1 for r in checklist.requirements if r.category == c
                                and r.level.strip().upper() == lv)) for lv in levels),
          str(sum(1 for r in checklist.requirements if r.category == c)))
         for c in checklist.categories],
        ["l"] + ["r"] * (len(levels) + 1),
    )
    meta = "## Metadata fields\n\n" + ", ".join(md_code(f) for f in checklist.metadata_fields)
    sections = []
    for category in checklist.categories:
        rows = [(md_code(r.id), md_text(r.level), md_text(r.description))
                for r in checklist.requirements if r.category == category]
        sections.append(f"## {md_text(category)}\n\n" + table(("Id", "Level", "Description"), rows))
    return join_blocks(head, overview, meta, *sections) + "\n"
