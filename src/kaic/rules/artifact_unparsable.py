"""A cited test artifact cannot be read as the test output it claims to be.

Upstream's validator picks the parser by file name: `junit.xml` (JUnit XML),
`results.json` (go test -json), `e2e.log` (`go test -v` text), and fails the
submission when the file does not parse, e.g. a Ginkgo log named `e2e.log` ("no
'--- PASS/FAIL/SKIP:' result lines found") or a JUnit file with no `<testcase>`.
kaic reads every cited artifact by its content and says when it reads the file
differently: a warning when kaic reads it well (an error under `--policy upstream`),
an error when kaic cannot read it either. Reported once per file, at its first citation. A file of another name
that kaic recognises but cannot parse is a warning: upstream does not read it. A
file kaic refuses to read (over 32 MiB, not a regular file) is an error kaic alone
reports: upstream reads any size.

Fails: `evidence: [e2e.log]` where e2e.log is a Ginkgo log; `junit.xml` with `<testsuite/>`.
Passes: `evidence: [e2e.log]` holding `go test -v` output with `--- PASS:` lines.
"""

from collections.abc import Iterator

from ..model import Submission
from ._api import Context, Hit, Severity, facts

ID = "artifact-unparsable"
SEVERITY = Severity.ERROR
HINT = "Commit the file the test run wrote, unedited, under the name of its format (junit.xml, results.json, e2e.log)."


def check(sub: Submission, ctx: Context) -> Iterator[Hit]:
    from ..artifacts.evaluate import for_rule  # loaded when a submission is checked, not listed

    for c in for_rule(sub, ctx.state).citations:
        if not c.first:
            continue
        r = c.reading
        if r.upstream_error is not None:
            also = ""
            if r.parsed is not None and r.format is not None:
                t = r.parsed.tally()
                also = (f"; kaic reads it by content as a {r.format.label}: "
                        f"{t.passed} passed, {t.failed} failed, {t.skipped} skipped")
            # kaic reads it by content: only upstream's reading by name fails (an error under --policy upstream)
            own = Severity.WARNING if r.parsed is not None else None
            yield Hit(f"invalid test artifact for {c.requirement}: {c.written} ({r.upstream_error}){also}",
                      c.evidence.line, c.requirement or None, own,
                      upstream_fails=ctx.read_upstream(c.answer) is not None,
                      facts=facts(artifact=c.written, error=r.upstream_error))
        elif r.refused:
            also = "; upstream parses it by name, with no size limit" if r.upstream_format else ""
            yield Hit(f"test artifact {c.written} not read: {r.error}{also}", c.evidence.line,
                      c.requirement or None, upstream_fails=False)
        elif r.error is not None and r.recognised:
            yield Hit(f"test artifact {c.written} cannot be read ({r.error}); upstream does not read "
                      "this file (it goes by name)", c.evidence.line, c.requirement or None, Severity.WARNING,
                      upstream_fails=False)
