"""The submission's version folder has no checklist.

Every `vX.Y/` folder needs `docs/AIConformance-X.Y.yaml`: without it kaic cannot
tell MUST from SHOULD, nor which requirements are expected. The submission is
still loaded and every check that does not need the checklist still runs.

Fails: `v1.97/acme/PRODUCT.yaml` when `docs/AIConformance-1.97.yaml` is absent.
Passes: a folder whose checklist exists and parses.
"""

from collections.abc import Iterator

from ..model import Submission
from ._api import Context, Hit, Severity

ID = "checklist-missing"
SEVERITY = Severity.ERROR
HINT = "Submit against a version that has a checklist in docs/, or add the checklist first."


def check(sub: Submission, ctx: Context) -> Iterator[Hit]:
    if not sub.version:
        return
    if ctx.checklist is None:
        yield Hit(f"no docs/AIConformance-{sub.version}.yaml for folder v{sub.version}", 1)
    elif ctx.checklist.error:
        yield Hit(f"docs/AIConformance-{sub.version}.yaml cannot be read: {ctx.checklist.error}", 1)
