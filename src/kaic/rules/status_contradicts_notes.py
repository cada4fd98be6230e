"""A requirement is Implemented while its notes say it is off or unsupported.

Notes such as "disabled by default", "not enabled", "not supported" or "the platform
does not provide an autoscaler" next to `Implemented` are how some answers that should
be N/A or Not Implemented get past the validator.

A negative counts only when it speaks about the requirement: the words before it in
its sentence are empty, stand for the platform ("The platform", "It", "We": the
`generic_subjects` of data/requirement_terms.yaml), or name the requirement (its id as
a phrase, an acronym its checklist text defines, or its curated `subjects`). A negative
about another subject in the same note ("MIG is not supported on T4" inside a
time-slicing answer) is a qualification, not a contradiction. Notes that argue the
requirement does not apply at all are `na-in-disguise`'s, not this rule's.

Fails (warning): `status: Implemented`, `notes: "DRA APIs are disabled by default"`.
Passes: `status: Implemented`, `notes: "DRA APIs are enabled by default"`.
Passes: gpu_sharing Implemented, `notes: "Time-slicing is enabled. MIG is not supported on T4."`.
"""

import re
from collections.abc import Iterator

from ..model import Status, Submission
from ..terms import cues, fold, mentions, sentences
from ._api import Context, Hit, Severity, shorten

ID = "status-contradicts-notes"
SEVERITY = Severity.WARNING
HINT = "If the feature is off or does not apply, say N/A or Not Implemented and explain in notes."
CONTRADICTION = re.compile(
    r"\b(?<!not )(?<!never )(?<!n't )(?:disabled|unsupported)\b"
    r"|\b(?:not\s+enabled|not\s+(?:yet\s+)?supported|not\s+available"
    r"|is\s+not\s+provided"
    r"|(?:does\s+not|doesn't)\s+(?:provide|offer|include|support))\b",
    re.I,
)


def _about_requirement(before: str, subject_terms: tuple[str, ...]) -> bool:
    """The words before a negative (in its sentence) are its subject: the requirement's?"""
    folded = fold(before)
    if not folded.strip():
        return True
    generic = cues().generic_subjects
    return any(folded == g or folded.startswith(g) for g in generic) or bool(mentions(folded, subject_terms))


def contradiction(notes: str, subject_terms: tuple[str, ...]) -> str | None:
    """The first negative in `notes` whose subject is the requirement, if any."""
    for sentence in sentences(notes):
        for m in CONTRADICTION.finditer(sentence):
            if _about_requirement(sentence[: m.start()], subject_terms):
                return m.group(0)
    return None


def check(sub: Submission, ctx: Context) -> Iterator[Hit]:
    for a in sub.answered:
        if a.status is not Status.IMPLEMENTED or cues().not_applying_in(a.notes):
            continue
        req = ctx.requirement(a.id)
        description = req.description if req else (a.description or "")
        found = contradiction(a.notes, cues().subject_terms(a.id, description))
        if found:
            yield Hit(f"{a.id} is Implemented but the notes say \"{found}\": \"{shorten(a.notes)}\"",
                      a.notes_line or a.line, a.id)
