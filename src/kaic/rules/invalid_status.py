"""A status is not one of Implemented, Not Implemented, Partially Implemented, N/A.

An empty status is not reported here (see `empty-status`). Wrong case or
spacing of a valid value is reported with the spelling to use.

Fails: `status: Done`, `status: implemented`.
Passes: `status: Implemented`.
"""

from collections.abc import Iterator

from ..model import VALID_STATUSES, Status, Submission
from ._api import Context, Hit, Severity, facts

ID = "invalid-status"
SEVERITY = Severity.ERROR
HINT = "Use exactly one of: Implemented, Not Implemented, Partially Implemented, N/A."
FIX = "Rewrites a valid status differing only in case, spacing, '_' or '-' (implemented -> Implemented)."


def check(sub: Submission, ctx: Context) -> Iterator[Hit]:
    for a in sub.answers:
        raw = a.status_raw.strip()
        if not raw or a.status_raw in VALID_STATUSES:
            continue
        normal = a.status
        if normal is Status.OTHER:
            message = f"status '{raw}' is not a valid status"
        else:
            message = f"status '{raw}' should be written '{normal.value}'"
        yield Hit(message, a.status_line or a.line, a.id or None,
                  upstream_fails=ctx.read_upstream(a) is not None, facts=facts(status=a.status_raw))
