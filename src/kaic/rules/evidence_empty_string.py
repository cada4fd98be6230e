"""An evidence list holds an empty string.

Fails: `evidence: ["https://example.com/a", ""]`.
Passes: `evidence: ["https://example.com/a"]`.
"""

from collections.abc import Iterator

from ..model import EvidenceKind, Submission
from ._api import Context, Hit, Severity

ID = "evidence-empty-string"
SEVERITY = Severity.WARNING
HINT = "Remove the empty entry or put the missing link in it."
FIX = "Removes the empty items."


def check(sub: Submission, ctx: Context) -> Iterator[Hit]:
    for a in sub.answers:
        for e in a.evidence:
            if e.kind is EvidenceKind.EMPTY:
                yield Hit(f"evidence of {a.id} holds an empty string", e.line, a.id or None)
