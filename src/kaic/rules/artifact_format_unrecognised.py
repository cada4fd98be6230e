"""A cited file that looks like test output is no format kaic knows.

kaic reads cited `.xml`, `.json`, `.log` (and similar, see data/test_map.yaml)
files as possible test output and tells by content: JUnit XML, go test -json, `go
test -v` text, Ginkgo text and JSON reports, CTRF. A file that is none of them
proves no test; the message lists what was tried. Files upstream reads by name are
reported by `artifact-unparsable` instead.

Fails (info): `evidence: [install.log]` holding a shell transcript.
Passes: `evidence: [junit_01.xml]` holding JUnit XML.
"""

from collections.abc import Iterator

from ..model import Submission
from ._api import Context, Hit, Severity

ID = "artifact-format-unrecognised"
SEVERITY = Severity.INFO
HINT = "Cite the test run's own output (JUnit XML, go test -json or -v, Ginkgo, CTRF), or a page describing the test."


def check(sub: Submission, ctx: Context) -> Iterator[Hit]:
    from ..artifacts.evaluate import for_rule  # loaded when a submission is checked, not listed

    for c in for_rule(sub, ctx.state).citations:
        if c.first and not c.reading.recognised and c.reading.upstream_format is None:
            yield Hit(f"{c.written}: {c.reading.error}", c.evidence.line, c.requirement or None)
