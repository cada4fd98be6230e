"""`go test -v` text (an `e2e.log`): `--- PASS|FAIL|SKIP: Name (1.23s)` lines.

Subtests are indented (`    --- PASS: TestX/Sub (0.10s)`). The trailer
`ok  <pkg>  12.3s` or `FAIL <pkg> ...` gives the package and the run's duration;
gotestsum adds `DONE N tests ... in 12.3s`.
"""

from __future__ import annotations

import re

from ._text import seconds, short, split_lines, too_many
from .model import ArtifactError, Format, Outcome, Parsed, Recorder, TestResult

WHAT = "e2e log"
RESULT = re.compile(r"^\s*--- (PASS|FAIL|SKIP): (\S+)(?: \((\d+(?:\.\d+)?)s\))?")
_TRAILER = re.compile(r"^(ok|FAIL)\s+(\S+)\s+(\d+(?:\.\d+)?)s")
_GO_VERSION = re.compile(r"\bgo(1\.\d+(?:\.\d+)?)\b")
_OUTCOMES = {"PASS": Outcome.PASS, "FAIL": Outcome.FAIL, "SKIP": Outcome.SKIP}


def parse(data: bytes) -> Parsed:
    recorder = Recorder()
    facts: dict[str, str] = {}
    count = 0
    for text in split_lines(data, WHAT):
        m = RESULT.match(text) if "--- " in text else None
        if m:
            count += 1
            too_many(count, WHAT)
            recorder.add(TestResult(m.group(2), _OUTCOMES[m.group(1)], seconds(m.group(3))))
            continue
        t = _TRAILER.match(text) if text.startswith(("ok", "FAIL")) else None
        if t:
            facts.setdefault("module", short(t.group(2), 120))
            facts.setdefault("duration", f"{t.group(3)}s")
            continue
        if "go_version" not in facts and "go1." in text:
            g = _GO_VERSION.search(text[:400])
            if g:
                facts["go_version"] = "go" + g.group(1)
    if not recorder.tests:
        raise ArtifactError(f"parsing {WHAT}: no '--- PASS/FAIL/SKIP:' result lines found")
    return Parsed(Format.GO_TEST_TEXT, recorder.tests, facts)
