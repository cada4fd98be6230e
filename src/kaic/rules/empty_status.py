"""A status is empty on a MUST, or on a SHOULD that has evidence or notes.

A SHOULD with an empty status and no evidence or notes is simply unanswered,
which the program allows; it is not reported. A SHOULD whose evidence holds only
empty entries (`[""]`) is noted.

Fails: `status: ""` on a MUST (error); on a SHOULD with evidence (warning); on a
SHOULD with `evidence: [""]` (info).
Passes: `status: ""`, `evidence: []`, `notes: ""` on a SHOULD.
"""

from collections.abc import Iterator

from ..model import Status, Submission
from ._api import Context, Hit, Severity, facts

ID = "empty-status"
SEVERITY = Severity.ERROR
HINT = "Set the status to Implemented, Partially Implemented, Not Implemented or N/A."


def check(sub: Submission, ctx: Context) -> Iterator[Hit]:
    for a in sub.answered:
        if a.status is not Status.EMPTY:
            continue
        line = a.status_line or a.line
        # upstream skips only a SHOULD whose status is exactly "" and evidence list empty
        upstream = ctx.read_upstream(a) is not None and (
            ctx.upstream_must(a) or bool(a.evidence) or a.status_raw != "")
        known = facts(status=a.status_raw)
        if ctx.is_must(a.id, a.level):
            yield Hit(f"MUST requirement {a.id} has no status", line, a.id, upstream_fails=upstream, facts=known)
        elif a.references or a.notes.strip():
            yield Hit(f"{a.id} has evidence or notes but no status", line, a.id, Severity.WARNING,
                      upstream_fails=upstream, facts=known)
        elif upstream:
            yield Hit(f"{a.id} has an evidence list of empty entries but no status", line, a.id, Severity.INFO,
                      upstream_fails=True, facts=known)
