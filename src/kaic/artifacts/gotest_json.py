"""`go test -json` / test2json NDJSON (also gotestsum `--jsonfile`).

Only `pass`, `fail` and `skip` events count. Events without `Test` are about the
package: a package that fails with no failing test (a build failure or a panic in
TestMain) is reported as the failing test `package <import path>`, as upstream does.
Go 1.24+ `build-fail` events mark a package that did not compile.
"""

from __future__ import annotations

import json
import re

from ._text import short, split_lines, too_many
from .model import ArtifactError, Format, Outcome, Parsed, Recorder, TestResult

WHAT = "go test JSON"
_OUTCOMES = {"pass": Outcome.PASS, "fail": Outcome.FAIL, "skip": Outcome.SKIP}
_QUIET = re.compile(r'^\{(?:"Time": ?"[^"]{0,64}", ?)?"Action": ?"(?:output|run|pause|cont|start)"')
"""A compact test2json line for an event that never carries a result (no JSON decoding needed)."""


def parse(data: bytes) -> Parsed:
    recorder = Recorder()
    facts: dict[str, str] = {}
    failed_packages: list[str] = []
    count = 0
    quiet = _QUIET.match
    chosen: list[tuple[int, str]] = []
    for number, text in enumerate(split_lines(data, WHAT), 1):
        if not text or text.isspace():
            continue
        if chosen and quiet(text) and "go1." not in text:
            continue  # test2json output/run events: only the result events count
        chosen.append((number, text))
    for number, event in zip((n for n, _ in chosen), _decode(chosen), strict=True):
        if not isinstance(event, dict):
            raise ArtifactError(f"parsing {WHAT} at line {number}: not a JSON object")
        action = event.get("Action")
        package = event.get("Package") or event.get("ImportPath")
        if isinstance(package, str) and package:
            facts.setdefault("module", short(package, 120))
        when = event.get("Time")
        if isinstance(when, str):
            facts.setdefault("started", short(when, 40))
        output = event.get("Output")
        if isinstance(output, str) and "go_version" not in facts:
            _go_version(output, facts)
        if action == "build-fail" and isinstance(package, str):
            failed_packages.append(f"build {package}")
            continue
        outcome = _OUTCOMES.get(action) if isinstance(action, str) else None
        if outcome is None:
            continue
        test = event.get("Test")
        elapsed = event.get("Elapsed")
        duration = float(elapsed) if isinstance(elapsed, int | float) and 0 <= elapsed < 1e12 else None
        if isinstance(test, str) and test:
            count += 1
            too_many(count, WHAT)
            recorder.add(TestResult(test, outcome, duration))
        elif outcome is Outcome.FAIL and isinstance(package, str):
            failed_packages.append(f"package {package}")
        elif duration is not None:
            facts["duration"] = f"{duration:g}s"
    if failed_packages and not recorder.has_failure:
        for name in dict.fromkeys(failed_packages):
            recorder.add(TestResult(name, Outcome.FAIL))
    if not recorder.tests:
        raise ArtifactError(f"parsing {WHAT}: no test events found")
    return Parsed(Format.GO_TEST_JSON, recorder.tests, facts)


def _decode(chosen: list[tuple[int, str]]) -> list[object]:
    """The events of the chosen lines: one JSON array decoded at once; line by line to name a bad line."""
    try:
        events = json.loads("[" + ",".join(text for _, text in chosen) + "]")
        if isinstance(events, list) and len(events) == len(chosen):
            return events
    except ValueError:
        pass
    out = []
    for number, text in chosen:
        try:
            out.append(json.loads(text))
        except ValueError as exc:
            raise ArtifactError(f"parsing {WHAT} at line {number}: {short(str(exc), 120)}") from None
    raise ArtifactError(f"parsing {WHAT}: a line holds more than one JSON value")  # pragma: no cover - rare


def _go_version(output: str, facts: dict[str, str]) -> None:
    at = output.find("go1.")
    if at >= 0:
        end = at + 4
        while end < len(output) and (output[end].isdigit() or output[end] == "."):
            end += 1
        if end > at + 4:
            facts["go_version"] = output[at:end].rstrip(".")
