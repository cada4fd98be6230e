"""A requirement id is not in the version's checklist.

Such an id is usually a typo or a requirement copied from another version's
checklist.

Fails: `id: dra_suport`.
Passes: ids copied from the checklist.
"""

from collections.abc import Iterator

from ..model import Submission
from ._api import Context, Hit, Severity

ID = "unknown-requirement"
SEVERITY = Severity.WARNING
HINT = "Use the ids of the version's checklist; remove requirements it does not have."


def check(sub: Submission, ctx: Context) -> Iterator[Hit]:
    if ctx.checklist is None or ctx.checklist.error:
        return
    for a in sub.answers:
        if not a.id:
            yield Hit(f"a requirement in '{a.category}' has no id", a.line)
        elif ctx.requirement(a.id) is None:
            yield Hit(f"requirement {a.id} is not in the v{sub.version} checklist", a.line, a.id)
