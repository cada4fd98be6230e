"""A requirement is Implemented while its notes argue that it does not apply.

"Satisfied by virtue of the condition not applying", "N/A is accepted per the
criterion", "not applicable": the answer is an N/A written as Implemented. Strict
conformance counts it as N/A and says so (see the report's conformance section). The
phrases are data (`not_applying` in data/requirement_terms.yaml).

Fails (warning): `status: Implemented`, `notes: "Satisfied by virtue of the condition not applying."`.
Passes: `status: N/A`, the same notes; `status: Implemented`, `notes: "Applies to every node pool."`.
"""

from collections.abc import Iterator

from ..model import Status, Submission
from ..terms import cues
from ._api import Context, Hit, Severity, shorten

ID = "na-in-disguise"
SEVERITY = Severity.WARNING
HINT = "If the requirement does not apply to the platform, answer N/A and keep the reason in notes."


def check(sub: Submission, ctx: Context) -> Iterator[Hit]:
    for a in sub.answered:
        if a.status is not Status.IMPLEMENTED:
            continue
        phrase = cues().not_applying_in(a.notes)
        if phrase:
            yield Hit(f"{a.id} is Implemented but the notes argue it does not apply (\"{phrase}\"): "
                      f"\"{shorten(a.notes)}\"", a.notes_line or a.line, a.id)
