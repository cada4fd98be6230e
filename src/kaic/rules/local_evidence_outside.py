"""A local evidence path escapes the product folder (`..`) or names the folder itself (`.`).

Upstream's validator refuses such a path; kaic reports it and never reads it. A
leading `/` (`/etc/passwd`, `file:///etc/passwd`) is not an escape: upstream drops
it and looks inside the product folder.

Fails: `evidence: [../../docs/other.md]`, `file://../x`, `.`.
Passes: `evidence: [file://conformance/junit.xml#TestGang]`.
"""

from collections.abc import Iterator

from ..model import Submission
from ..model.evidence_path import PathProblem
from ._api import Context, Hit, Severity, path_problem_hits

ID = "local-evidence-outside"
SEVERITY = Severity.ERROR
HINT = "Keep evidence files inside the product folder and reference them relative to it."


def check(sub: Submission, ctx: Context) -> Iterator[Hit]:
    yield from path_problem_hits(sub, ctx, PathProblem.ESCAPES)
