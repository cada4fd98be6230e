"""A category of the checklist's `spec` is absent from the submission.

Fails: no `observability:` in a file whose checklist has it.
Passes: every checklist category present, in any order.
"""

from collections.abc import Iterator

from ..model import Submission
from ._api import Context, Hit, Severity, facts

ID = "missing-category"
SEVERITY = Severity.ERROR
HINT = "Copy the missing category and its requirements from the checklist."
FIX = "Adds the category with its requirements as empty blocks to fill in."


def check(sub: Submission, ctx: Context) -> Iterator[Hit]:
    if not sub.parsed or ctx.checklist is None or ctx.checklist.error:
        return
    present = {name for name, _ in sub.categories}
    for category in ctx.checklist.categories:
        if category not in present:
            yield Hit(f"spec has no category '{category}'", sub.spec_line or 1, facts=facts(category=category))
