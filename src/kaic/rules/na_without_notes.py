"""A requirement is N/A without a justification in `notes`.

Fails: `status: N/A` with `notes: ""`.
Passes: `status: N/A` with `notes: "No autoscaler is offered on bare metal."`.
"""

from collections.abc import Iterator

from ..model import Status, Submission
from ._api import Context, Hit, Severity

ID = "na-without-notes"
SEVERITY = Severity.ERROR
HINT = "Explain in notes why the requirement does not apply to the platform."


def check(sub: Submission, ctx: Context) -> Iterator[Hit]:
    for a in sub.answered:
        if a.status is Status.NA and not a.notes.strip():
            # upstream compares the exact words: status "N/A", notes "" (whitespace passes)
            upstream = ctx.read_upstream(a) is not None and a.status_raw == "N/A" and a.notes == ""
            yield Hit(f"{a.id} is N/A without notes", a.status_line or a.line, a.id, upstream_fails=upstream)
