"""`kaic artifacts PATH...`: read files from disk (a vendor's results before a pull request).

The same bounds as in a repository: regular files only, never through a symbolic
link at the last step, at most ARTIFACT_MAX_BYTES.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .aggregate import find
from .model import Outcome, Parsed
from .read import ARTIFACT_MAX_BYTES, Reading, parse_bytes, refused
from .testmap import load_test_map


def read_file(path: Path) -> Reading:
    name = path.name
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        st = os.lstat(path)
        if stat.S_ISLNK(st.st_mode):
            return refused(name, f"{path} is a symbolic link; not followed")
        if not stat.S_ISREG(st.st_mode):
            return refused(name, f"{path} is not a regular file")
        if st.st_size > ARTIFACT_MAX_BYTES:
            return refused(name, f"{path} is {st.st_size} bytes, over the {ARTIFACT_MAX_BYTES}-byte limit")
        fd = os.open(path, flags)
    except OSError as exc:
        return refused(name, f"{path} cannot be read: {exc.strerror or exc}")
    try:
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(ARTIFACT_MAX_BYTES + 1)
    finally:
        os.close(fd)
    if len(data) > ARTIFACT_MAX_BYTES:
        return refused(name, f"{path} is over the {ARTIFACT_MAX_BYTES}-byte limit")
    return parse_bytes(name, data)


@dataclass(frozen=True)
class Proof:
    requirement: str
    test: str
    outcome: Outcome
    upstream: bool  # upstream's validator checks this test
    since: str


def proofs(parsed: Parsed) -> list[Proof]:
    """The requirements the tests in `parsed` prove (or fail to), by data/test_map.yaml."""
    out: list[Proof] = []
    for m in load_test_map().tests:
        outcome = find(parsed, m.test, m.suite.match)
        if outcome is not None:
            out.append(Proof(m.requirement, m.test, outcome, m.upstream, m.since))
    return out


def describe(label: str, reading: Reading) -> dict[str, Any]:
    """JSON-able description of one file: format, upstream's view, tests, proofs, facts."""
    parsed = reading.parsed
    out: dict[str, Any] = {
        "path": label,
        "format": reading.format.value if reading.format else None,
        "format_label": reading.format.label if reading.format else None,
        "error": reading.error,
        "upstream": {
            "reads_as": reading.upstream_format.value if reading.upstream_format else None,
            "error": reading.upstream_error,
        },
    }
    if parsed is None:
        return out
    tally = parsed.tally()
    out["facts"] = dict(parsed.facts)
    out["totals"] = {"passed": tally.passed, "failed": tally.failed, "skipped": tally.skipped}
    out["tests"] = [
        {"name": t.name, "outcome": t.outcome.value, "duration": t.duration, "labels": list(t.labels),
         **({"message": t.message} if t.message else {})}
        for t in parsed.tests.values()
    ]
    out["failing"] = parsed.failing
    out["requirements"] = [
        {"requirement": p.requirement, "test": p.test, "outcome": p.outcome.value,
         "checked_upstream": p.upstream, "recommended_from": p.since}
        for p in proofs(parsed)
    ]
    return out


def verdict(reading: Reading) -> Outcome | None:
    """FAIL when the file would fail a submission (unreadable or a failing test), else PASS."""
    if reading.parsed is None or reading.upstream_error is not None or reading.parsed.tally().failed:  # refused too
        return Outcome.FAIL
    return Outcome.PASS
