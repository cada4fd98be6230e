"""A Ginkgo v2 (or v1) text log, as the base-conformance e2e tooling writes `e2e.log`.

Succinct runs print a dot per spec and only totals (`Ran 8 of 7144 Specs ...`,
`SUCCESS! -- 8 Passed | 0 Failed | 0 Pending | 7136 Skipped`); verbose runs print a
block per spec (`• [FAILED] [5.0 seconds]` then the spec text); failures are listed
again under `Summarizing N Failures:` as `[FAIL] <spec text>`.
"""

from __future__ import annotations

import re

from ._text import lines, seconds, short, too_many
from .model import ArtifactError, Counts, Format, Outcome, Parsed, Recorder, TestResult

WHAT = "Ginkgo log"
SUITE = re.compile(r"^Running Suite: (.{1,300}?)(?: - (\S{1,300}))?$")
_RAN = re.compile(r"^Ran (\d+) of (\d+) Specs? in (\d+(?:\.\d+)?) seconds")
_TOTALS = re.compile(r"^(SUCCESS|FAIL)! .{0,40}?-- (\d+) Passed \| (\d+) Failed \| (?:(\d+) Flaked \| )?(\d+) Pending \| (\d+) Skipped")
_BLOCK = re.compile(r"^(?:•|S|P)(?: \[(FAILED|PANICKED|TIMEDOUT|INTERRUPTED|ABORTED|SKIPPED|PENDING)\])?(?: \[(\d+(?:\.\d+)?) seconds?\])?\s*$")
_FAIL_SUMMARY = re.compile(r"^\s*\[(FAIL|PANICKED|TIMEDOUT|INTERRUPTED)\] (.{1,2000})$")
_LABEL = re.compile(r"\[([^\[\]]{1,80})\]")
_SEED = re.compile(r"^Random Seed: (\d+)")
_OUTCOMES = {None: Outcome.PASS, "SKIPPED": Outcome.SKIP, "PENDING": Outcome.SKIP}


def spec_name(text: str) -> str:
    """`Pods [It] should run [Conformance]` -> `Pods should run [Conformance]`."""
    return " ".join(text.replace("[It] ", " ").split())


def labels(name: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(m.group(1) for m in _LABEL.finditer(name)))


def parse(data: bytes) -> Parsed:
    recorder = Recorder()
    facts: dict[str, str] = {}
    counts: Counts | None = None
    pending: tuple[Outcome, float | None] | None = None
    in_summary = False
    seen_suite = False
    count = 0
    for _, raw in lines(data, WHAT):
        text = raw.strip()
        if pending is not None and text and not text.startswith("---"):
            outcome, duration = pending
            pending = None
            name = spec_name(text)
            count += 1
            too_many(count, WHAT)
            recorder.add(TestResult(name, outcome, duration, labels(name)))
            continue
        m = _BLOCK.match(text)
        if m and not in_summary and (m.group(1) or m.group(2)):
            state = m.group(1)
            pending = (_OUTCOMES.get(state, Outcome.FAIL), seconds(m.group(2)))
            continue
        if text.startswith("Summarizing "):
            in_summary = True
            continue
        if in_summary:
            f = _FAIL_SUMMARY.match(raw)
            if f:
                name = spec_name(f.group(2))
                recorder.add(TestResult(name, Outcome.FAIL, None, labels(name)))
                continue
        s = SUITE.match(text)
        if s:
            seen_suite = True
            facts.setdefault("suite", short(s.group(1), 120))
            continue
        r = _RAN.match(text)
        if r:
            facts["duration"] = f"{r.group(3)}s"
            facts["specs"] = f"{r.group(1)} of {r.group(2)} run"
            in_summary = False
            continue
        t = _TOTALS.match(text)
        if t:
            counts = Counts(int(t.group(2)), int(t.group(3)), int(t.group(5)) + int(t.group(6)))
            continue
        seed = _SEED.match(text)
        if seed:
            facts.setdefault("random_seed", seed.group(1))
    if not recorder.tests and counts is None:
        what = "no spec results or totals found" if seen_suite else "no Ginkgo suite found"
        raise ArtifactError(f"parsing {WHAT}: {what}")
    return Parsed(Format.GINKGO_TEXT, recorder.tests, facts, counts)


def looks_like(head: str) -> bool:
    return any(SUITE.match(line.strip()) or _RAN.match(line.strip()) for line in head.splitlines()[:200])
