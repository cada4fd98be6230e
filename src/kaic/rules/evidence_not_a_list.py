"""`evidence` is a plain string instead of a list.

kaic reads the string as one evidence item and reports it (an error under
`--policy upstream`: see what upstream does below).

Fails: `evidence: "https://example.com/doc"`.
Passes: `evidence: ["https://example.com/doc"]`.
"""

from collections.abc import Iterator

from ..model import EvidenceForm, Submission
from ._api import Context, Hit, Severity

ID = "evidence-not-a-list"
SEVERITY = Severity.WARNING
HINT = "Write evidence as a YAML list: evidence: [\"https://...\"]."
FIX = "Wraps a link or path in a one-item list; a blank or a status word such as N/A becomes []; prose is left to the vendor."


def check(sub: Submission, ctx: Context) -> Iterator[Hit]:
    for a in sub.answers:
        if a.evidence_form is EvidenceForm.STRING:
            value = a.evidence[0].raw if a.evidence else ""
            yield Hit(f"evidence of {a.id} is a string, not a list: {value!r}", a.evidence_line or a.line, a.id or None)
