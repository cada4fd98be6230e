"""An answer's notes repeat the notes of another requirement of the same submission.

Notes written for one requirement and pasted under another (cluster-autoscaling notes
that describe gang scheduling) say nothing about the second one. Notes are compared,
without their links (templated notes that differ only in a link are not copies), as
sets of three-word runs; at or above the `notes_copied` similarity of
data/requirement_terms.yaml (and at least its `min_words` long) the later answer is
flagged, naming the answer it repeats and the share of runs they share.

Fails (warning): `gauge_export` notes are `widget_sharing`'s notes with one word changed.
Passes: each requirement's notes describe that requirement.
"""

from collections.abc import Iterator

from ..model import Submission
from ..terms import cues, fold, prose, shingles, similarity
from ._api import Context, Hit, Severity, shorten

ID = "notes-copied"
SEVERITY = Severity.WARNING
HINT = "Write notes for this requirement: how the platform meets it, not another requirement's text."


def check(sub: Submission, ctx: Context) -> Iterator[Hit]:
    settings = cues()
    earlier: list[tuple[str, frozenset[tuple[str, ...]]]] = []
    for a in sub.answered:
        text = prose(a.notes)
        if len(fold(text).split()) < settings.copied_min_words:
            continue
        runs = shingles(text)
        for other_id, other_runs in earlier:
            share = similarity(runs, other_runs)
            if share >= settings.copied_similarity:
                yield Hit(f"{a.id} notes repeat those of {other_id} ({share:.0%} of three-word runs shared): "
                          f"\"{shorten(a.notes)}\"", a.notes_line or a.line, a.id)
                break
        earlier.append((a.id, runs))
