"""CTRF JSON (Common Test Report Format, e.g. NVIDIA aicr): `{"results": {"tool", "summary", "tests"}}`.

`passed` passes; `skipped` and `pending` skip; `failed` fails; `other` is kept as a
skip (it proves nothing). Durations are in milliseconds.
"""

from __future__ import annotations

from typing import Any

from ._text import seconds, short, too_many
from .model import ArtifactError, Format, Outcome, Parsed, Recorder, TestResult

WHAT = "CTRF JSON"
_STATES = {"passed": Outcome.PASS, "failed": Outcome.FAIL, "skipped": Outcome.SKIP,
           "pending": Outcome.SKIP, "other": Outcome.SKIP}


def looks_like(doc: Any) -> bool:
    results = doc.get("results") if isinstance(doc, dict) else None
    return isinstance(results, dict) and isinstance(results.get("tests"), list)


def parse_doc(doc: Any) -> Parsed:
    if not looks_like(doc):
        raise ArtifactError(f"parsing {WHAT}: no results.tests list")
    results = doc["results"]
    facts: dict[str, str] = {}
    tool = results.get("tool")
    if isinstance(tool, dict) and isinstance(tool.get("name"), str):
        facts["tool"] = short(tool["name"] + (f" {tool['version']}" if isinstance(tool.get("version"), str) else ""), 80)
    summary = results.get("summary")
    if isinstance(summary, dict):
        start, stop = summary.get("start"), summary.get("stop")
        if isinstance(start, int | float) and isinstance(stop, int | float) and stop >= start:
            facts["duration"] = f"{(stop - start) / 1000:.3f}s"
    env = results.get("environment")
    if isinstance(env, dict):
        for key, name in (("commit", "commit"), ("buildName", "build"), ("extra", "")):
            if name and isinstance(env.get(key), str):
                facts[name] = short(env[key], 80)
    recorder = Recorder()
    for count, test in enumerate(results["tests"], 1):
        too_many(count, WHAT)
        if not isinstance(test, dict) or not isinstance(test.get("name"), str):
            raise ArtifactError(f"parsing {WHAT}: test {count} has no name")
        status = str(test.get("status") or "")
        if status not in _STATES:
            raise ArtifactError(f"parsing {WHAT}: test {short(test['name'], 60)!r} has status {short(status, 20)!r}")
        duration = test.get("duration")
        tags = test.get("tags")
        recorder.add(TestResult(
            short(test["name"], 500), _STATES[status],
            seconds(str(duration / 1000)) if isinstance(duration, int | float) else None,
            tuple(str(t) for t in tags if isinstance(t, str)) if isinstance(tags, list) else (),
            short(str(test.get("message") or "")),
        ))
    if not recorder.tests:
        raise ArtifactError(f"parsing {WHAT}: no tests")
    return Parsed(Format.CTRF, recorder.tests, facts)
