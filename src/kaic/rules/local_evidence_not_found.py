"""A local evidence path does not exist in the product folder.

Evidence that is not a URL (`tests/result.log` or `file://tests/junit.xml#TestX`)
is resolved relative to the folder holding PRODUCT.yaml; a folder counts. A path
through a symbolic link is reported by `local-evidence-link` instead.

Fails: `evidence: [results/missing.log]` with no such file.
Passes: `evidence: [results/gang.log]` next to PRODUCT.yaml.
"""

from collections.abc import Iterator

from ..model import Submission
from ._api import Context, Hit, Severity, facts

ID = "local-evidence-not-found"
SEVERITY = Severity.ERROR
HINT = "Commit the file next to PRODUCT.yaml, or fix the path (it is relative to the product folder)."


def check(sub: Submission, ctx: Context) -> Iterator[Hit]:
    for a in sub.answers:
        for e in a.evidence:
            if e.resolved is not None and not ctx.exists(e.resolved) and not ctx.link_on_path(e.resolved):
                yield Hit(f"evidence file {e.target} not found (looked for {e.resolved})", e.line, a.id or None,
                          upstream_fails=ctx.read_upstream(a) is not None, facts=facts(link=e.raw, found=e.resolved))
