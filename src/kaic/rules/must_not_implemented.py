"""A MUST requirement is Partially or Not Implemented.

The level is the checklist's (a vendor cannot lower it by editing the file).
N/A on a MUST is reported by `na-on-must`, an empty status by `empty-status`.

Fails: `status: Not Implemented` on a MUST.
Passes: `status: Implemented` on every MUST.
"""

from collections.abc import Iterator

from ..model import Status, Submission
from ._api import Context, Hit, Severity, facts

ID = "must-not-implemented"
SEVERITY = Severity.ERROR
HINT = "Every MUST must be Implemented for conformance (or N/A with a justification)."


def check(sub: Submission, ctx: Context) -> Iterator[Hit]:
    for a in sub.answered:
        if a.status in (Status.PARTIAL, Status.NOT_IMPLEMENTED) and ctx.is_must(a.id, a.level):
            yield Hit(f"MUST requirement {a.id} is {a.status.value}", a.status_line or a.line, a.id,
                      upstream_fails=ctx.upstream_must(a), facts=facts(status=a.status_raw))
