"""The test that proves a requirement failed in the cited artifact.

The test is the entry's `#fragment`, else the requirement's mapped test (see
`artifact-test-not-found`); subtests count for their parent (any failing subtest
fails it), as upstream aggregates them.

Fails: `results.json#TestGangScheduling` where a `TestGangScheduling/...` subtest failed.
Passes: the test and all its subtests passed.
"""

from collections.abc import Iterator

from ..model import Submission
from ._api import Context, Hit, Severity, facts

ID = "artifact-test-failed"
SEVERITY = Severity.ERROR
HINT = "Fix the failure and commit the output of a passing run."


def check(sub: Submission, ctx: Context) -> Iterator[Hit]:
    from ..artifacts import Outcome
    from ..artifacts.evaluate import for_rule  # loaded when a submission is checked, not listed

    for k in for_rule(sub, ctx.state).checks:
        if k.outcome is Outcome.FAIL:
            c = k.citation
            upstream = k.upstream and ctx.read_upstream(c.answer) is not None
            yield Hit(f"test {k.test!r} referenced by {c.requirement} failed in {c.written}",
                      c.evidence.line, c.requirement or None, None if upstream else Severity.WARNING,
                      upstream_fails=upstream, facts=facts(test=k.test, artifact=c.written))
