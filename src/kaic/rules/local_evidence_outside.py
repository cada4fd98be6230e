"""A local evidence path escapes the product folder (`..`) or names the folder itself (`.`).

Upstream's validator refuses such a path; kaic reports it and never reads it. A
leading `/` (`/etc/passwd`, `file:///etc/passwd`) is not an escape: upstream drops
it and looks inside the product folder.

Fails: `evidence: [../../docs/other.md]`, `file://../x`, `.`.
Passes: `evidence: [file://conformance/junit.xml#TestGang]`.
"""

from collections.abc import Iterator

from ..model import Submission
from ..model.evidence_path import PathProblem, problem_text
from ._api import Context, Hit, Severity, facts

ID = "local-evidence-outside"
SEVERITY = Severity.ERROR
HINT = "Keep evidence files inside the product folder and reference them relative to it."


def check(sub: Submission, ctx: Context) -> Iterator[Hit]:
    for a in sub.answers:
        for e in a.evidence:
            if e.problem is PathProblem.ESCAPES:
                yield Hit(f"{problem_text(e.problem, e.raw, sub.folder)}; not read", e.line, a.id or None,
                          upstream_fails=ctx.read_upstream(a) is not None, facts=facts(link=e.raw.strip()))
