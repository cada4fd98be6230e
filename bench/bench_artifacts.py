"""Benchmark: what artifact checks add to validating a submission that cites three 150 KB artifacts.

One fictional submission cites junit.xml, results.json and e2e.log of one run (each
about 150 KB); the same submission citing only URLs is the baseline. Both are
validated in process, each run on a fresh source (nothing cached across runs). The
floor is reading the three files and splitting their lines, measured in the same run.

Run: python bench/bench_artifacts.py [--runs N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from kaic.lint import validate
from kaic.load import load_state
from kaic.source import DirectorySource

TARGET_MS = 30.0
SIZE = 150 * 1024
VERSION = "9.37"
PKG = "example.invalid/widget-conformance/test"
IDS = ("secure_accelerator_access", "gang_scheduling", "cluster_autoscaling")


def _names(count: int) -> list[str]:
    names = []
    for i in range(count):
        parent = f"TestWidget{i // 4:04d}"
        names.append(parent if i % 4 == 0 else f"{parent}/Case_{i % 4}")
    return ["TestSecureAcceleratorAccess", "TestGangScheduling", "TestAcceleratorClusterAutoscaling", *names]


def _junit(names: list[str], pad: str) -> str:
    rows = [f'<testsuites tests="{len(names)}"><testsuite name="{PKG}" tests="{len(names)}">']
    rows += [f'<testcase classname="{PKG}" name="{n}" time="1.25"><system-out>{pad}</system-out></testcase>'
             for n in names]
    return "\n".join([*rows, "</testsuite></testsuites>", ""])


def _go_json(event: dict[str, object]) -> str:
    return json.dumps(event, separators=(",", ":"))  # compact, as Go's encoding/json writes it


def _events(names: list[str], pad: str) -> str:
    t = "2031-04-01T10:00:00.000000001Z"
    out = []
    for n in names:
        out.append(_go_json({"Time": t, "Action": "run", "Package": PKG, "Test": n}))
        out.append(_go_json({"Time": t, "Action": "output", "Package": PKG, "Test": n, "Output": f"{pad}\n"}))
        out.append(_go_json({"Time": t, "Action": "pass", "Package": PKG, "Test": n, "Elapsed": 1.25}))
    return "\n".join(out) + "\n"


def _verbose(names: list[str], pad: str) -> str:
    rows = []
    for n in names:
        indent = "    " * n.count("/")
        rows += [f"=== RUN   {n}", f"{indent}    widget_test.go:42: {pad}", f"{indent}--- PASS: {n} (1.25s)"]
    return "\n".join([*rows, "PASS", f"ok  \t{PKG}\t12.000s", ""])


COUNT = 300  # tests in the run: the three files name the same ones


def _sized(render: Callable[[list[str], str], str]) -> str:
    """`render` of one run, with log output per test making the file about SIZE bytes."""
    names = _names(COUNT)
    bare = len(render(names, ""))
    return render(names, "widget ready " * max(0, (SIZE - bare) // len(names) // 13))


def _repo(root: Path, artifacts: bool) -> Path:
    spec = {"checks": [{"id": rid, "description": "d", "level": "MUST", "status": "", "evidence": [], "notes": ""}
                       for rid in IDS]}
    (root / "docs").mkdir(parents=True)
    (root / "docs" / f"AIConformance-{VERSION}.yaml").write_text(yaml.safe_dump({"metadata": {}, "spec": spec}))
    folder = root / f"v{VERSION}" / "acme"
    folder.mkdir(parents=True)
    cited = ["junit.xml", "file://results.json", f"file://v{VERSION}/acme/e2e.log"] if artifacts else []
    answers = [{"id": rid, "description": "d", "level": "MUST", "status": "Implemented",
                "evidence": [f"https://acme.example.com/{rid}", *cited], "notes": "n"} for rid in IDS]
    (folder / "PRODUCT.yaml").write_text(yaml.safe_dump({"metadata": {"vendorName": "Acme"}, "spec": {"checks": answers}}))
    if artifacts:
        (folder / "junit.xml").write_text(_sized(_junit))
        (folder / "results.json").write_text(_sized(_events))
        (folder / "e2e.log").write_text(_sized(_verbose))
    return root


def _median_ms(fn: Callable[[], object], runs: int) -> float:
    fn()  # warm-up: imports and data files
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=21)
    runs = parser.parse_args().runs
    base = Path(tempfile.mkdtemp(prefix="kaic-bench-artifacts-"))
    with_artifacts = _repo(base / "with", True)
    without = _repo(base / "without", False)
    folder = with_artifacts / f"v{VERSION}" / "acme"
    files = [folder / n for n in ("junit.xml", "results.json", "e2e.log")]
    sizes = ", ".join(f"{f.name} {f.stat().st_size // 1024} KB" for f in files)

    def check(root: Path) -> Callable[[], object]:
        return lambda: validate(load_state(DirectorySource(root)))

    def floor() -> object:
        return [f.read_bytes().split(b"\n") for f in files]

    found = validate(load_state(DirectorySource(with_artifacts))).findings
    assert not [f for f in found if f.rule.startswith("artifact-")], found  # clean artifacts: checked, not failing
    plain = _median_ms(check(without), runs)
    full = _median_ms(check(with_artifacts), runs)
    floor_ms = _median_ms(floor, runs)
    added = full - plain
    verdict = "OK" if added <= TARGET_MS else "OVER"
    print(f"artifact checks ({sizes}): validate {full:.1f} ms vs {plain:.1f} ms without artifacts: "
          f"adds {added:.1f} ms (target ≤ {TARGET_MS:g} ms) {verdict}; floor (read + split the files) {floor_ms:.1f} ms")


if __name__ == "__main__":
    sys.exit(main())
