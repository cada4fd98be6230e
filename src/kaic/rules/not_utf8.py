"""The file is not valid UTF-8 (binary data, or another encoding).

Fails: a PRODUCT.yaml saved as Latin-1 with an accented vendor name.
Passes: the same file saved as UTF-8.
"""

from collections.abc import Iterator

from ..model import Submission
from ._api import Context, Hit, Severity, loader_problems

ID = "not-utf8"
SEVERITY = Severity.ERROR
HINT = "Save the file as UTF-8."


def check(sub: Submission, ctx: Context) -> Iterator[Hit]:
    yield from loader_problems(sub, ID)
