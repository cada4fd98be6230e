"""An evidence item is words, not a link or a file path.

Evidence must point somewhere a reviewer can follow: an https URL, or a file in the
product folder. Words ("see notes", "internal test") and pseudo-links
(`javascript:alert(1)`) point nowhere and do not count as evidence; the upstream
validator looks for a file named by the words and fails. A status word such as
"N/A" is reported by `local-evidence-not-found`.

Fails (warning): `evidence: ["see the notes below"]`.
Passes: `evidence: ["https://example.com/results/gang.log"]`.
"""

import posixpath
from collections.abc import Iterator

from ..model import EvidenceKind, Status, Submission, normalize_status
from ._api import Context, Hit, Severity, facts, shorten

ID = "evidence-not-a-link"
SEVERITY = Severity.WARNING
HINT = "Replace the words with a public URL or a file committed next to PRODUCT.yaml."


def check(sub: Submission, ctx: Context) -> Iterator[Hit]:
    for a in sub.answers:
        for e in a.evidence:
            if e.kind is EvidenceKind.TEXT and normalize_status(e.raw) is Status.OTHER:
                yield Hit(f"evidence of {a.id} is not a link or file: {shorten(e.raw, 60)!r} "
                          "(upstream looks for a file with that name)", e.line, a.id or None,
                          upstream_fails=ctx.read_upstream(a) is not None,
                          facts=facts(link=e.raw, found=posixpath.join(sub.folder, e.raw.strip())))
