"""GitHub Actions: one workflow annotation per finding (kaic.formats.github).

The Markdown comment goes to the job's step summary; the CLI appends it to
$GITHUB_STEP_SUMMARY (an edge concern, not this renderer's).
"""

from __future__ import annotations

from ...formats.github import format as github_annotations
from ..run import Review


def render(review: Review, **_: object) -> str:
    return github_annotations(review.result)
