"""Benchmark: `kaic report --format all --out DIR` on the corpus at main, whole process,
median of several runs, beside the floor (a bare interpreter loading every PRODUCT.yaml
with PyYAML's C loader) measured in the same run. Target: within 6× the floor.

Run: python bench/bench_report.py [--runs N]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import corpus_checkout, floor_seconds, kaic_cmd, median_seconds, report

TARGET_RATIO = 6


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    runs = parser.parse_args().runs
    checkout = corpus_checkout()
    out = Path(tempfile.mkdtemp(prefix="kaic-bench-report-"))
    floor = floor_seconds(checkout, runs)
    cmd = [*kaic_cmd(), "report", "--source", str(checkout), "--format", "all", "--out", str(out)]
    seconds = median_seconds(cmd, checkout, runs)
    files = sorted(p.name for p in out.iterdir())
    print(f"floor (python -c: import yaml, CSafeLoader on every PRODUCT.yaml): median {floor:.3f} s over {runs} runs")
    report("report --format all (folder source)", seconds, floor, TARGET_RATIO)
    git = median_seconds([*cmd[:-4], "--ref", "main", *cmd[-4:]], checkout, runs)
    report("report --format all (git source, --ref main)", git, floor, TARGET_RATIO)
    print(f"wrote {len(files)} files: {', '.join(files)}")
    # Where the time goes: the same report without the history walk, then without the dashboard.
    no_history = median_seconds([*cmd, "--no-history"], checkout, runs)
    report("  breakdown: --format all --no-history", no_history, floor, TARGET_RATIO)
    text_only = [*kaic_cmd(), "report", "--source", str(checkout), "--format", "md,json,csv", "--out", str(out),
                 "--no-history"]
    report("  breakdown: --format md,json,csv --no-history", median_seconds(text_only, checkout, runs), floor,
           TARGET_RATIO)


if __name__ == "__main__":
    main()
