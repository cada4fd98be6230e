"""The version's checklist itself has defects: items without ids, unknown levels, repeats.

kaic reads what it can of `docs/AIConformance-X.Y.yaml` and reports the rest on
every submission of that version, because each is judged against that checklist
(a requirement skipped here shows up as `unknown-requirement` there).

Fails: a checklist requirement with `level: MAYBE`, or an item without `id`.
Passes: every item a mapping with an id and level MUST or SHOULD.
"""

from collections.abc import Iterator

from ..model import Submission
from ._api import Context, Hit, Severity

ID = "checklist-invalid"
SEVERITY = Severity.ERROR
HINT = "Fix docs/AIConformance-X.Y.yaml (a maintainers' file): ids, levels MUST/SHOULD, lists of mappings."


def check(sub: Submission, ctx: Context) -> Iterator[Hit]:
    if ctx.checklist is None or ctx.checklist.error:
        return
    for message, line in ctx.checklist.problems:
        yield Hit(f"{ctx.checklist.path}:{line}: {message}", 1)
