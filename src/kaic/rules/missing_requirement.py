"""A requirement of the checklist is absent from the submission.

Requirements of a category that is missing altogether are reported once, by
`missing-category`. A missing SHOULD is a warning: it reads as unanswered.

Fails: the checklist lists `gang_scheduling` and the file does not.
Passes: every checklist requirement answered.
"""

from collections.abc import Iterator

from ..model import Submission
from ._api import Context, Hit, Severity

ID = "missing-requirement"
SEVERITY = Severity.ERROR
HINT = "Add the requirement with its id, description and level copied from the checklist."
FIX = "Adds the requirement as an empty block (id, description, level from the checklist)."
UPSTREAM = True


def check(sub: Submission, ctx: Context) -> Iterator[Hit]:
    if not sub.parsed or ctx.checklist is None or ctx.checklist.error:
        return
    categories = dict(sub.categories)
    answered = {a.id for a in sub.answers}
    for req in ctx.checklist.requirements:
        if req.id not in answered and req.category in categories:
            yield Hit(
                f"requirement {req.id} ({req.level}) is missing from '{req.category}'",
                categories[req.category],
                req.id,
                None if req.is_must else Severity.WARNING,
            )
