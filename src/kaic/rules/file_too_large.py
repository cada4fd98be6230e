"""The file is larger than kaic reads (2 MiB); it is refused, not parsed.

Fails: a PRODUCT.yaml of 5 MB.
Passes: a typical PRODUCT.yaml of a few kilobytes.
"""

from collections.abc import Iterator

from ..model import Submission
from ._api import Context, Hit, Severity, loader_problems

ID = "file-too-large"
SEVERITY = Severity.ERROR
HINT = "Keep PRODUCT.yaml small; put large logs in evidence files and link them."


def check(sub: Submission, ctx: Context) -> Iterator[Hit]:
    yield from loader_problems(sub, ID)
