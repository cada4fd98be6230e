"""A requirement is Implemented while its notes say it is off or does not apply.

Notes such as "disabled by default", "not enabled", "not supported", "the platform
does not provide an autoscaler" or "does not apply" next to `Implemented` are how
some answers that should be N/A or Not Implemented get past the validator.

Fails (warning): `status: Implemented`, `notes: "DRA APIs are disabled by default"`.
Passes: `status: Implemented`, `notes: "DRA APIs are enabled by default"`.
"""

import re
from collections.abc import Iterator

from ..model import Status, Submission
from ._api import Context, Hit, Severity, shorten

ID = "status-contradicts-notes"
SEVERITY = Severity.WARNING
HINT = "If the feature is off or does not apply, say N/A or Not Implemented and explain in notes."
CONTRADICTION = re.compile(
    r"\b(?<!not )(?<!never )(?<!n't )(?:disabled|unsupported)\b"
    r"|\b(?:not\s+enabled|not\s+(?:yet\s+)?supported|not\s+available"
    r"|does\s+not\s+apply|doesn't\s+apply|not\s+applicable|is\s+not\s+provided"
    r"|(?:does\s+not|doesn't)\s+(?:provide|offer|include|support))\b",
    re.I,
)


def check(sub: Submission, ctx: Context) -> Iterator[Hit]:
    for a in sub.answered:
        if a.status is not Status.IMPLEMENTED:
            continue
        m = CONTRADICTION.search(a.notes)
        if m:
            yield Hit(f"{a.id} is Implemented but the notes say \"{m.group(0)}\": \"{shorten(a.notes)}\"",
                      a.notes_line or a.line, a.id)
