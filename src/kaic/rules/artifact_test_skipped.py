"""The test that proves a requirement was skipped, yet the requirement is Implemented.

A skipped test proves nothing (the WG suite skips `TestAcceleratorClusterAutoscaling`
when `-autoscaler-node-pool-label` is unset); with status N/A a skip is the
documented opt-out and passes. A parent whose subtests all skipped is skipped.

Fails: status Implemented, `junit.xml#TestAcceleratorClusterAutoscaling` skipped.
Passes: the same skip with status N/A and notes saying why.
"""

from collections.abc import Iterator

from ..model import Status, Submission
from ._api import Context, Hit, Severity, facts

ID = "artifact-test-skipped"
SEVERITY = Severity.ERROR
HINT = "Run the test with the flags it needs so it passes, or answer N/A with the reason in notes."


def check(sub: Submission, ctx: Context) -> Iterator[Hit]:
    from ..artifacts import Outcome
    from ..artifacts.evaluate import for_rule  # loaded when a submission is checked, not listed

    for k in for_rule(sub, ctx.state).checks:
        c = k.citation
        upstream = k.upstream and ctx.read_upstream(c.answer) is not None
        if k.outcome is Outcome.SKIP and c.status is Status.IMPLEMENTED:
            yield Hit(f"{c.requirement} is Implemented but test {k.test!r} was skipped in {c.written}",
                      c.evidence.line, c.requirement or None, None if upstream else Severity.WARNING,
                      upstream_fails=upstream, facts=facts(test=k.test, artifact=c.written))
