"""A mapping repeats a key; kaic keeps the last value.

Fails: two `status:` lines in one requirement.
Passes: each key once.
"""

from collections.abc import Iterator

from ..model import Submission
from ._api import Context, Hit, Severity, loader_problems

ID = "yaml-duplicate-key"
SEVERITY = Severity.ERROR
HINT = "Remove the repeated key; YAML parsers disagree on which value wins."


def check(sub: Submission, ctx: Context) -> Iterator[Hit]:
    yield from loader_problems(sub, ID)
