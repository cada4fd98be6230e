"""A requirement the automated suite covers is Implemented with no test artifact among its evidence.

From the checklist version where upstream's validator starts recommending artifacts
(the `since` of its tests in data/test_map.yaml: 1.37, "hybrid verification") it
warns when a requirement it tests automatically is Implemented and none of its
evidence is `junit.xml`, `results.json` or `e2e.log`.

Fails (warning): v1.37, gang_scheduling Implemented with only https links.
Passes: `evidence: ["file://junit.xml#TestGangScheduling", "https://..."]`.
"""

from collections.abc import Iterator

from ..model import Status, Submission
from ._api import Context, Hit, Severity

ID = "artifact-recommended"
SEVERITY = Severity.WARNING
HINT = "Run the AI Conformance test suite and cite its junit.xml, results.json or e2e.log (see instructions.md)."


def check(sub: Submission, ctx: Context) -> Iterator[Hit]:
    from ..artifacts import load_test_map

    tmap = load_test_map()
    for a in sub.answered:
        mapped = tmap.upstream_test(a.id)
        if mapped is None or not mapped.applies_to(sub.version) or a.status is not Status.IMPLEMENTED:
            continue
        if ctx.read_upstream(a) is None:
            continue  # upstream walks the checklist (none: it checks nothing): it never reads this answer
        if any(e.lookup and tmap.upstream_format(e.lookup) for e in a.evidence):
            continue
        names = ", ".join(sorted(tmap.names))
        yield Hit(f"{a.id} is covered by automated test {mapped.test}; including a test artifact ({names}) "
                  f"is recommended from v{mapped.since}", a.status_line or a.line, a.id or None)
