"""Benchmark: `kaic validate` on the corpus at main, whole process, against the floor.

Run: python bench/bench_validate.py [--runs N]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import corpus_checkout, floor_seconds, kaic_cmd, median_seconds, report


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    checkout = corpus_checkout()
    floor = floor_seconds(checkout, runs)
    folder = median_seconds([*kaic_cmd(), "validate", "--source", str(checkout), "--format", "json"], checkout, runs)
    report("validate (folder source)", folder, floor, 3, 0.5)
    upstream = median_seconds([*kaic_cmd(), "validate", "--source", str(checkout), "--format", "json",
                               "--policy", "upstream"], checkout, runs)
    report("validate --policy upstream (folder source)", upstream, floor, 3, 0.5)
    git = median_seconds([*kaic_cmd(), "validate", "--source", str(checkout), "--ref", "main", "--format", "json"], checkout, runs)
    report("validate (git source, --ref main)", git, floor, 3, 0.5)


if __name__ == "__main__":
    main()
