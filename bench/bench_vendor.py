"""Benchmark: the vendor's commands on the corpus at main, whole process, against the floor.

`kaic fix --diff` (every file with something to fix parsed by kaic's loader and by
ruamel.yaml's composer, again after each pass), `kaic render --check` (every rendering
built and compared) and `kaic init --from` (one renewal, to a scratch folder).

Wall time is what a user waits; on a shared, loaded machine it mostly measures the
queue, so the CPU time the process used (user + system, from the OS) is printed too,
beside the floor's CPU time measured the same way.

Run: python bench/bench_vendor.py [--runs N]
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import (
    FLOOR_CODE,
    corpus_checkout,
    floor_seconds,
    kaic_cmd,
    median_seconds,
    report,
    user_env,
)


def median_cpu(cmd: list[str], cwd: Path, runs: int) -> float:
    """Median user + system seconds of the child processes of `cmd`."""
    env = user_env()
    times = []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        times.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    checkout = corpus_checkout()
    subprocess.run([*kaic_cmd(), "render", "--source", str(checkout)], cwd=checkout, env=user_env(),
                   check=True, stderr=subprocess.DEVNULL)  # committed renderings for --check to compare
    commands = {
        "fix --diff (whole corpus)": ([*kaic_cmd(), "fix", "--source", str(checkout), "--diff"], 6, 1.5),
        "render --check (whole corpus)": ([*kaic_cmd(), "render", "--source", str(checkout), "--check"], 4, 1.0),
        "init --from (one renewal)": ([*kaic_cmd(), "init", "v1.35/bench-renewal", "--from", "v1.34/gke", "--force",
                                       "--source", str(checkout)], 4, 1.0),
    }
    floor = floor_seconds(checkout, runs)
    floor_cpu = median_cpu([sys.executable, "-c", FLOOR_CODE], checkout, runs)
    for name, (cmd, ratio, seconds) in commands.items():
        report(name, median_seconds(cmd, checkout, runs), floor, ratio, seconds)
        cpu = median_cpu(cmd, checkout, runs)
        print(f"  cpu: median {cpu:.3f} s, floor {floor_cpu:.3f} s, ratio {cpu / floor_cpu:.2f}×")
    shutil.rmtree(checkout / "v1.35" / "bench-renewal", ignore_errors=True)
    kaic_validate = median_cpu([*kaic_cmd(), "validate", "--source", str(checkout), "--format", "json"], checkout, runs)
    print(f"  (for scale: kaic validate cpu {kaic_validate:.3f} s)")


if __name__ == "__main__":
    main()
