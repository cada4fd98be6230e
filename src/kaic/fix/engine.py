"""One file's bytes -> the fixed text and what was done, or why it was left alone."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from ..model import Checklist
from .document import NotEditable, apply_edits, open_document
from .fixers import FIXERS

MAX_PASSES = 3  # an edit overlapping another is retried on the next pass


@dataclass(frozen=True, slots=True)
class Applied:
    rule: str
    what: str
    line: int  # in the text as it was when this fix applied
    requirement: str | None = None


@dataclass(frozen=True)
class FixResult:
    path: str
    before: str
    after: str
    applied: tuple[Applied, ...] = ()
    refused: str | None = None  # why the file was left untouched

    @property
    def changed(self) -> bool:
        return self.refused is None and self.after != self.before


def fix_text(path: str, data: bytes, checklist: Checklist | None,
             rules: Collection[str] | None = None) -> FixResult:
    """Apply the fixes of `rules` (default: all) to one PRODUCT.yaml.

    Each fixer runs on a fresh parse of the text the previous one left; the result
    of every step must parse again both ways, or the file is refused as a whole.
    """
    try:
        doc = open_document(path, data, checklist)
    except NotEditable as exc:
        return FixResult(path, "", "", refused=f"not fixed: {exc}")
    original = doc.text
    applied: list[Applied] = []
    for rule_id, fixer in FIXERS.items():
        if rules is not None and rule_id not in rules:
            continue
        for _ in range(MAX_PASSES):
            edits = fixer(doc)
            text, done = apply_edits(doc.text, edits)
            if not done or text == doc.text:
                break
            applied.extend(Applied(rule_id, e.what, doc.line_of(e.start), e.requirement) for e in done)
            try:
                doc = open_document(path, text.encode("utf-8"), checklist)
            except NotEditable as exc:
                return FixResult(path, original, original,
                                 refused=f"not fixed: the {rule_id} fix would leave a file kaic cannot read ({exc})")
    return FixResult(path, original, doc.text, tuple(applied))
