"""A local evidence path points into another product's folder.

Upstream strips the product's own `vX.Y/<dir>/` prefix (`file://v1.37/acme/junit.xml`
is `junit.xml`) and refuses any other `vN.N/<dir>/` prefix: evidence must live in
the submission's own folder. kaic never reads such a file.

Fails: in v1.37/acme, `file://v1.37/other/junit.xml` or `v1.36/acme/junit.xml`.
Passes: `file://v1.37/acme/junit.xml#TestGangScheduling`.
"""

from collections.abc import Iterator

from ..model import Submission
from ..model.evidence_path import PathProblem
from ._api import Context, Hit, Severity, path_problem_hits

ID = "artifact-other-product"
SEVERITY = Severity.ERROR
HINT = "Copy the file into this product's folder and cite it relative to it."


def check(sub: Submission, ctx: Context) -> Iterator[Hit]:
    yield from path_problem_hits(sub, ctx, PathProblem.OTHER_PRODUCT, product=sub.product)
