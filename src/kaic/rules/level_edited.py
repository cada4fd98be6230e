"""A requirement's level differs from the checklist's.

Fails: `level: SHOULD` where the checklist says MUST.
Passes: the checklist's level.
"""

from collections.abc import Iterator

from ..model import Submission
from ._api import Context, Hit, Severity

ID = "level-edited"
SEVERITY = Severity.ERROR
HINT = "Restore the checklist's level; kaic uses the checklist's level either way."
FIX = "Puts the checklist's level back."


def check(sub: Submission, ctx: Context) -> Iterator[Hit]:
    for a in sub.answers:
        req = ctx.requirement(a.id)
        if req is None or a.level is None:
            continue
        if a.level.strip() != req.level.strip():
            yield Hit(f"level of {a.id} is {a.level.strip() or 'empty'}; the checklist says {req.level}",
                      a.level_line or a.line, a.id)
