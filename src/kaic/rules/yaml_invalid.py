"""The file is not YAML that kaic accepts.

That is a syntax error, an empty file, a document that is not a mapping, nesting
deeper than 64 levels, aliases expanding to more than 100,000 nodes (an alias
bomb), or more than one YAML document. The submission is kept in the results with
this finding and every other submission is still checked.

Fails: `metadata: [unclosed`.
Passes: a well-formed mapping with `metadata` and `spec`.
"""

from collections.abc import Iterator

from ..model import Submission
from ._api import Context, Hit, Severity, loader_problems

ID = "yaml-invalid"
SEVERITY = Severity.ERROR
HINT = "Fix the YAML syntax; check it with a YAML linter before submitting."


def check(sub: Submission, ctx: Context) -> Iterator[Hit]:
    yield from loader_problems(sub, ID)
