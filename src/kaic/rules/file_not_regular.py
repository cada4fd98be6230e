"""PRODUCT.yaml is a symbolic link, a named pipe or another non-regular file.

kaic never follows links or opens special files: a link could point outside the
repository and a pipe could block the run.

Fails: `PRODUCT.yaml -> ../other/PRODUCT.yaml`.
Passes: a regular file.
"""

from collections.abc import Iterator

from ..model import Submission
from ._api import Context, Hit, Severity, loader_problems

ID = "file-not-regular"
SEVERITY = Severity.ERROR
HINT = "Commit PRODUCT.yaml as a regular file, not a link or special file."


def check(sub: Submission, ctx: Context) -> Iterator[Hit]:
    yield from loader_problems(sub, ID)
