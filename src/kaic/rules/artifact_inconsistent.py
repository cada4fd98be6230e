"""Two test artifacts of one submission disagree about a test's outcome or the set of tests.

`junit.xml`, `results.json` and `e2e.log` are meant to be three views of one run;
when they disagree, at least one is from another run or was edited. kaic compares
every two cited artifacts that name tests in common. (Upstream has no such check.)

Fails (warning): junit.xml says TestGangScheduling passed, results.json says it failed.
Passes: the three files list the same tests with the same outcomes.
"""

from collections.abc import Iterator
from itertools import combinations

from ..model import Submission
from ._api import Context, Hit, Severity, shorten

ID = "artifact-inconsistent"
SEVERITY = Severity.WARNING
HINT = "Commit the junit.xml, results.json and e2e.log of one and the same test run."


def check(sub: Submission, ctx: Context) -> Iterator[Hit]:
    from ..artifacts.evaluate import for_rule  # loaded when a submission is checked, not listed

    firsts = [c for c in for_rule(sub, ctx.state).citations if c.first and c.reading.parsed is not None]
    for a, b in combinations(firsts, 2):
        ta, tb = a.reading.parsed.tests, b.reading.parsed.tests  # type: ignore[union-attr]
        common = ta.keys() & tb.keys()
        if not common:
            continue
        differ = sorted(n for n in common if ta[n].outcome is not tb[n].outcome)
        only_a, only_b = sorted(ta.keys() - tb.keys()), sorted(tb.keys() - ta.keys())
        parts = []
        if differ:
            shown = ", ".join(f"{n} ({ta[n].outcome.value} vs {tb[n].outcome.value})" for n in differ[:5])
            parts.append(f"outcomes differ for {shown}" + (f" and {len(differ) - 5} more" if len(differ) > 5 else ""))
        if only_a:
            parts.append(f"{len(only_a)} test(s) only in {a.written} (e.g. {shorten(only_a[0], 60)})")
        if only_b:
            parts.append(f"{len(only_b)} test(s) only in {b.written} (e.g. {shorten(only_b[0], 60)})")
        if parts:
            yield Hit(f"{a.written} and {b.written} disagree: " + "; ".join(parts), b.evidence.line,
                      b.requirement or None)
