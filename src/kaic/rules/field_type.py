"""A field does not have the type the checklist template gives it.

Examples are a string where a list or mapping is expected, a number or boolean
where text is expected, a mapping or number in an evidence list, or a category
that is not a list. The field is read as well as it can be and the rest of the
file is still checked.

Fails: `spec: "all implemented"`, `notes: 42`, `evidence: {url: ...}`.
Passes: the checklist template's shapes.
"""

from collections.abc import Iterator

from ..model import Submission
from ._api import Context, Hit, Severity, loader_problems

ID = "field-type"
SEVERITY = Severity.ERROR
HINT = "Give the field the type the checklist template has (strings, a list of strings, mappings)."


def check(sub: Submission, ctx: Context) -> Iterator[Hit]:
    yield from loader_problems(sub, ID)
