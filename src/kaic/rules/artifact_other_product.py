"""A local evidence path points into another product's folder.

Upstream strips the product's own `vX.Y/<dir>/` prefix (`file://v1.37/acme/junit.xml`
is `junit.xml`) and refuses any other `vN.N/<dir>/` prefix: evidence must live in
the submission's own folder. kaic never reads such a file.

Fails: in v1.37/acme, `file://v1.37/other/junit.xml` or `v1.36/acme/junit.xml`.
Passes: `file://v1.37/acme/junit.xml#TestGangScheduling`.
"""

from collections.abc import Iterator

from ..model import Submission
from ..model.evidence_path import PathProblem, problem_text
from ._api import Context, Hit, Severity, facts

ID = "artifact-other-product"
SEVERITY = Severity.ERROR
HINT = "Copy the file into this product's folder and cite it relative to it."


def check(sub: Submission, ctx: Context) -> Iterator[Hit]:
    for a in sub.answers:
        for e in a.evidence:
            if e.problem is PathProblem.OTHER_PRODUCT:
                yield Hit(f"{problem_text(e.problem, e.raw, sub.folder)}; not read", e.line, a.id or None,
                          upstream_fails=ctx.read_upstream(a) is not None,
                          facts=facts(link=e.raw.strip(), product=sub.product))
