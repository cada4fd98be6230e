"""`kaic review`: one pull request judged against its base, as the comment a reviewer reads.

Selection (what the pull request touches), PR-level checks, labels and the earlier
certification of the same product or vendor are built here; renderers, one per
format, live in `kaic.review.render`.
"""

from .run import DEFAULT_POLICY, Review, SubmissionReview, chooser, review
from .selection import Selection, select

__all__ = ["DEFAULT_POLICY", "Review", "Selection", "SubmissionReview", "chooser", "review", "select"]
