"""A local evidence path escapes the product folder (`..`, an absolute path, `~`).

Such a path is reported and never read, plain or as `file://`.

Fails: `evidence: [../../docs/other.md]`, `file:///etc/passwd`.
Passes: `evidence: [file://conformance/junit.xml#TestGang]`.
"""

from collections.abc import Iterator

from ..model import Submission
from ._api import Context, Hit, Severity, facts

ID = "local-evidence-outside"
SEVERITY = Severity.ERROR
HINT = "Keep evidence files inside the product folder and reference them relative to it."


def check(sub: Submission, ctx: Context) -> Iterator[Hit]:
    for a in sub.answers:
        for e in a.evidence:
            if e.outside:
                yield Hit(f"evidence path {e.target!r} leaves the product folder; not read", e.line, a.id or None,
                          upstream_fails=ctx.read_upstream(a) is not None, facts=facts(link=e.raw))
