"""A cited test artifact contains failing tests, whichever requirement they are about.

Upstream's validator fails a submission whose `junit.xml`, `results.json` or
`e2e.log` holds any failing test, even an unrelated unit test; a package that
failed without a failing test (a build failure) counts as `package <path>`.
Reported once per file, naming the failing tests. In a file upstream does not read
(say `junit_01.xml`) it is a warning.

Fails: `evidence: [junit.xml]` with a `<testcase>` holding `<failure>`.
Passes: every test in the cited artifacts passed or was skipped.
"""

from collections.abc import Iterator

from ..model import Submission
from ._api import Context, Hit, Severity, facts

ID = "artifact-failing-tests"
SEVERITY = Severity.ERROR
HINT = "Fix the failures and commit the output of a clean run, or leave the failing run out of the evidence."
SHOWN = 10


def check(sub: Submission, ctx: Context) -> Iterator[Hit]:
    from ..artifacts.evaluate import for_rule  # loaded when a submission is checked, not listed

    for c in for_rule(sub, ctx.state).citations:
        parsed = c.reading.parsed
        if not c.first or parsed is None:
            continue
        names = parsed.failing
        if names:
            more = f" and {len(names) - SHOWN} more" if len(names) > SHOWN else ""
            listed = ", ".join(names[:SHOWN]) + more
        elif parsed.tally().failed:
            listed = f"{parsed.tally().failed} (the file gives totals only)"
        else:
            continue
        upstream = (c.upstream_reads and c.reading.upstream_error is None
                    and ctx.read_upstream(c.answer) is not None)
        note = "" if upstream else "; upstream does not read this file (it goes by name)"
        yield Hit(f"test artifact {c.written} contains failing tests: {listed}{note}", c.evidence.line,
                  c.requirement or None, None if upstream else Severity.WARNING,
                  upstream_fails=upstream, facts=facts(artifact=c.written, names=", ".join(names)))
