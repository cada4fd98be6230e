"""`kaic init vX.Y/<product>`: a new, unanswered submission from that version's checklist."""

from __future__ import annotations

from collections.abc import Mapping

from ..model import Checklist
from .template import metadata_lines, product_text, template_metadata


def header(checklist: Checklist, target: str) -> list[str]:
    return [
        f"{target}/PRODUCT.yaml: Kubernetes AI Conformance v{checklist.version},",
        f"written by `kaic init` from {checklist.path}.",
        "",
        "Fill in every metadata value, then for each requirement:",
        "  status: Implemented, Partially Implemented, Not Implemented or N/A",
        "          (a MUST needs Implemented; a SHOULD may stay empty if not answered),",
        "  evidence: public links (documentation, test results, code) or files in this folder,",
        "  notes: how the requirement is met; required when the status is N/A.",
        "Do not change any id, description or level: they are the checklist's.",
        f"Check the file with: kaic validate {target}",
    ]


def new_product(checklist: Checklist, checklist_text: str, target: str,
                values: Mapping[str, str]) -> str:
    meta = metadata_lines(checklist, template_metadata(checklist_text), values)
    return product_text(checklist, header(checklist, target), meta, {})
