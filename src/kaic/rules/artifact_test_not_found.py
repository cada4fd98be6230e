"""The test an evidence entry names (or the requirement's mapped test) is not in the cited artifact.

The test is the entry's `#fragment` (`junit.xml#TestGangScheduling`), else the
test that proves the requirement (data/test_map.yaml). Upstream looks for the exact
name, then for its subtests (`TestX/...`); it checks the fragment or its own three
mapped tests in every version. kaic also checks the working group's newer tests and
the Ginkgo suite's specs from the version they cover: those misses are warnings.

Fails: `file://junit.xml#TestGangScheduling` where junit.xml has no such test.
Passes: the artifact holds `TestGangScheduling` or `TestGangScheduling/Positive`.
"""

from collections.abc import Iterator

from ..model import Submission
from ._api import Context, Hit, Severity, facts

ID = "artifact-test-not-found"
SEVERITY = Severity.ERROR
HINT = "Run the test the requirement names and commit that run's output, or fix the test name after '#'."


def check(sub: Submission, ctx: Context) -> Iterator[Hit]:
    from ..artifacts.evaluate import for_rule  # loaded when a submission is checked, not listed

    for k in for_rule(sub, ctx.state).checks:
        if k.outcome is None:
            c = k.citation
            upstream = k.upstream and ctx.read_upstream(c.answer) is not None
            yield Hit(f"test {k.test!r} referenced by {c.requirement} was not found in {c.written}",
                      c.evidence.line, c.requirement or None, None if upstream else Severity.WARNING,
                      upstream_fails=upstream, facts=facts(test=k.test, artifact=c.written))
