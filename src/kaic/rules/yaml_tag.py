"""An explicit YAML tag (`!!python/object`, `!custom`) was ignored.

kaic never constructs tagged objects; the value is read as plain data.

Fails: `notes: !!python/object/apply:os.system ["id"]`.
Passes: `notes: "plain text"`.
"""

from collections.abc import Iterator

from ..model import Submission
from ._api import Context, Hit, Severity, loader_problems

ID = "yaml-tag"
SEVERITY = Severity.WARNING
HINT = "Remove the tag; plain YAML values are all a submission needs."


def check(sub: Submission, ctx: Context) -> Iterator[Hit]:
    yield from loader_problems(sub, ID)
