"""One file's bytes -> the fixed text and what was done, or why it was left alone."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from ..model import Checklist
from .document import NotEditable, apply_edits, open_document
from .fixers import FIXERS

MAX_PASSES = 4  # an edit overlapping another, or one on what a fix made, waits for the next pass


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

    Every fixer proposes edits on the same parse; those that do not overlap an earlier
    one are applied together, then the text is parsed again (both ways: it must stay
    readable, or the file is refused as a whole) and the fixers run once more, until
    none has anything left to do. An overlapping edit is thus retried on the new text.
    """
    try:
        doc = open_document(path, data, checklist)
    except NotEditable as exc:
        return FixResult(path, "", "", refused=f"not fixed: {exc}")
    original = doc.text
    applied: list[Applied] = []
    chosen = [(rid, fixer) for rid, fixer in FIXERS.items() if rules is None or rid in rules]
    for _ in range(MAX_PASSES):
        edits = [(rid, e) for rid, fixer in chosen for e in fixer(doc)]
        text, done = apply_edits(doc.text, [e for _, e in edits])
        if not done or text == doc.text:
            break
        rule_of = {id(e): rid for rid, e in edits}
        applied.extend(Applied(rule_of[id(e)], e.what, doc.line_of(e.start), e.requirement) for e in done)
        try:
            doc = open_document(path, text.encode("utf-8"), checklist)
        except NotEditable as exc:
            rule_ids = ", ".join(sorted({rule_of[id(e)] for e in done}))
            return FixResult(path, original, original,
                             refused=f"not fixed: the fixes ({rule_ids}) would leave a file kaic cannot read ({exc})")
    return FixResult(path, original, doc.text, tuple(applied))
