"""A MUST requirement is N/A (with a justification).

Some MUSTs are conditional ("if the platform provides a cluster autoscaler"),
so N/A can be legitimate; reviewers should still read the justification, which
the message shows. N/A without notes is reported by `na-without-notes`; notes of
spaces only, by both rules.

Fails (warning): `status: N/A` on a MUST with notes.
Passes: `status: Implemented` on the MUST.
"""

from collections.abc import Iterator

from ..model import Status, Submission
from ._api import Context, Hit, Severity, facts, shorten

ID = "na-on-must"
SEVERITY = Severity.WARNING
HINT = "Check that the requirement is conditional and the condition truly does not hold."


def check(sub: Submission, ctx: Context) -> Iterator[Hit]:
    for a in sub.answered:
        # notes of spaces only: na-without-notes reports them, but upstream reads them as notes
        if a.status is Status.NA and a.notes and ctx.is_must(a.id, a.level):
            yield Hit(f"MUST requirement {a.id} is N/A: \"{shorten(a.notes)}\"", a.status_line or a.line, a.id,
                      upstream_fails=ctx.upstream_must(a), facts=facts(status=a.status_raw, notes=a.notes))
