"""A local evidence path is, or passes through, a symbolic link.

kaic never follows links in a submission (a link can point anywhere on the
reviewer's machine), so what it points to is neither checked nor read.

Fails: `evidence: [results/run.log]` where `results` is a link to `/tmp/results`.
Passes: `results/run.log` committed as a regular file.
"""

from collections.abc import Iterator

from ..model import Submission
from ._api import Context, Hit, Severity

ID = "local-evidence-link"
SEVERITY = Severity.ERROR
HINT = "Commit the evidence file itself, not a symbolic link to it."


def check(sub: Submission, ctx: Context) -> Iterator[Hit]:
    for a in sub.answers:
        for e in a.evidence:
            for path in dict.fromkeys(p for p in (e.lookup, e.resolved) if p is not None):
                link = ctx.link_on_path(path)
                if link is not None:
                    yield Hit(f"evidence path {e.target} goes through the symbolic link {link}; not followed",
                              e.line, a.id or None)
                    break
