"""A requirement id appears more than once.

kaic judges only the first answer of an id (its status, evidence and notes), in
validation and in the analysis alike; the repeated one is reported here.

Fails: two items with `id: gang_scheduling`.
Passes: each id once.
"""

from collections.abc import Iterator

from ..model import Submission
from ._api import Context, Hit, Severity

ID = "duplicate-requirement"
SEVERITY = Severity.ERROR
HINT = "Keep one answer per requirement; kaic judges the first and ignores the others."


def check(sub: Submission, ctx: Context) -> Iterator[Hit]:
    first: dict[str, int] = {}
    for a in sub.answers:
        if not a.id:
            continue
        if a.id in first:
            yield Hit(f"requirement {a.id} repeated (first on line {first[a.id]})", a.line, a.id)
        else:
            first[a.id] = a.line
