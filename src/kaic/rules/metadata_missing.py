"""The file has no `metadata` section.

Fails: a PRODUCT.yaml with only `spec:`.
Passes: `metadata:` holding kubernetesVersion, platformName, vendorName, ...
"""

from collections.abc import Iterator

from ..model import Submission
from ._api import Context, Hit, Severity

ID = "metadata-missing"
SEVERITY = Severity.ERROR
HINT = "Copy the metadata section from the version's checklist and fill it in."


def check(sub: Submission, ctx: Context) -> Iterator[Hit]:
    if sub.parsed and sub.metadata_line is None:
        yield Hit("no metadata section", 1)  # upstream: the section is absent or null
