"""Benchmark: the vendor's commands on the corpus at main, whole process, against the floor.

`kaic fix --diff` (every fixable file parsed twice per fix step: kaic's loader and
ruamel.yaml's composer), `kaic render --check` (every rendering built and compared) and
`kaic init --from` (one renewal, written to a scratch name and removed after each run).

Run: python bench/bench_vendor.py [--runs N]
"""

from __future__ import annotations

import argparse
import shutil
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
    fix = median_seconds([*kaic_cmd(), "fix", "--source", str(checkout), "--diff"], checkout, runs)
    report("fix --diff (whole corpus)", fix, floor, 6, 1.5)
    render_all = [*kaic_cmd(), "render", "--source", str(checkout)]
    median_seconds(render_all, checkout, 1)  # write the renderings once, then check them
    check = median_seconds([*kaic_cmd(), "render", "--source", str(checkout), "--check"], checkout, runs)
    report("render --check (whole corpus)", check, floor, 4, 1.0)
    renew = [*kaic_cmd(), "init", "v1.35/bench-renewal", "--from", "v1.34/gke", "--force",
             "--source", str(checkout)]
    seconds = median_seconds(renew, checkout, runs)
    shutil.rmtree(checkout / "v1.35" / "bench-renewal", ignore_errors=True)
    report("init --from (one renewal)", seconds, floor, 4, 1.0)


if __name__ == "__main__":
    main()
