"""A status is empty on a MUST, or on a SHOULD that has evidence or notes.

A SHOULD with an empty status and no evidence or notes is simply unanswered,
which the program allows; it is not reported.

Fails: `status: ""` on a MUST (error); on a SHOULD with evidence (warning).
Passes: `status: ""`, `evidence: []`, `notes: ""` on a SHOULD.
"""

from collections.abc import Iterator

from ..model import Status, Submission
from ._api import Context, Hit, Severity

ID = "empty-status"
SEVERITY = Severity.ERROR
HINT = "Set the status to Implemented, Partially Implemented, Not Implemented or N/A."


def check(sub: Submission, ctx: Context) -> Iterator[Hit]:
    for a in sub.answered:
        if a.status is not Status.EMPTY:
            continue
        line = a.status_line or a.line
        if ctx.is_must(a.id, a.level):
            yield Hit(f"MUST requirement {a.id} has no status", line, a.id)
        elif a.references or a.notes.strip():
            yield Hit(f"{a.id} has evidence or notes but no status", line, a.id, Severity.WARNING)
