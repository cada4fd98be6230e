"""An Implemented or Partially Implemented requirement has no evidence.

Only links and file references count; empty strings and words ("N/A") do not.
Error on a MUST, warning on a SHOULD.

Fails: `status: Implemented` with `evidence: []`.
Passes: `status: Implemented` with `evidence: ["https://example.com/test-log"]`.
"""

from collections.abc import Iterator

from ..model import Status, Submission
from ._api import Context, Hit, Severity

ID = "evidence-missing"
SEVERITY = Severity.ERROR
HINT = "Link public test results, test code or documentation that shows the requirement is met."


def check(sub: Submission, ctx: Context) -> Iterator[Hit]:
    for a in sub.answered:
        if a.status in (Status.IMPLEMENTED, Status.PARTIAL) and not a.references:
            severity = None if ctx.is_must(a.id, a.level) else Severity.WARNING
            yield Hit(f"{a.id} is {a.status.value} without evidence", a.evidence_line or a.status_line or a.line, a.id, severity)
