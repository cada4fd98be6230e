"""Benchmark: every figure issue 8 sets, on the corpus and on synthetic corpora holding
its submissions 5× and 20× (its first-parent history replayed with each submission folder
copied under new names: see `_common.synthetic_corpus`).

For each corpus, whole processes, medians of several runs, each beside the floor (a bare
interpreter loading every PRODUCT.yaml with PyYAML's C loader) measured in the same run:

- `kaic validate`                         target ≤ 3× the floor
- `kaic report --format all`, cold cache  target ≤ 12× (an empty cache folder each run)
- the same, warm cache                    target ≤ 4×
- `kaic history`, cold cache              target ≤ 10×
- the same, warm cache                    target ≤ 3×
- `kaic report --format all --no-cache`   (no target: what the cache saves)

Growth: each figure at 5× and 20× the submissions over its figure at 1× (target ≤ 5.5×
and ≤ 22×, i.e. at most linear).

Run: python bench/bench_scale.py [--runs N] [--scales 1,5,20]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import FLOOR_CODE, cache_env, corpus_checkout, kaic_cmd, synthetic_corpus, timed_runs

TARGETS = {"validate": 3.0, "report cold": 12.0, "report warm": 4.0, "history cold": 10.0, "history warm": 3.0,
           "report --no-cache": None}
GROWTH = {5: 5.5, 20: 22.0}


def measure(checkout: Path, runs: int) -> dict[str, tuple[float, float]]:
    out = Path(tempfile.mkdtemp(prefix="kaic-bench-out-"))
    cold_dir = Path(tempfile.mkdtemp(prefix="kaic-bench-cold-"))
    warm_dir = Path(tempfile.mkdtemp(prefix="kaic-bench-warm-"))

    def empty_cold() -> None:
        shutil.rmtree(cold_dir, ignore_errors=True)

    kaic = kaic_cmd()
    report = [*kaic, "report", "--source", str(checkout), "--format", "all", "--out", str(out)]
    history = [*kaic, "history", "--source", str(checkout), "--format", "json", "--out", str(out / "history.json")]
    validate = [*kaic, "validate", "--source", str(checkout), "--format", "json", "--out", str(out / "v.json")]
    figures = {
        "floor": timed_runs([sys.executable, "-c", FLOOR_CODE], checkout, runs, cache_env(None)),
        "validate": timed_runs(validate, checkout, runs, cache_env(warm_dir)),
        "report cold": timed_runs(report, checkout, runs, cache_env(cold_dir), before=empty_cold),
        "report warm": timed_runs(report, checkout, runs, cache_env(warm_dir)),
        "history cold": timed_runs(history, checkout, runs, cache_env(cold_dir), before=empty_cold),
        "history warm": timed_runs(history, checkout, runs, cache_env(warm_dir)),
        "report --no-cache": timed_runs(report, checkout, runs, cache_env(None)),
    }
    figures["floor (again)"] = timed_runs([sys.executable, "-c", FLOOR_CODE], checkout, runs, cache_env(None))
    for folder in (out, cold_dir, warm_dir):
        shutil.rmtree(folder, ignore_errors=True)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scales", default="1,5,20")
    args = parser.parse_args()
    scales = [int(s) for s in args.scales.split(",")]
    base = corpus_checkout()
    results: dict[int, dict[str, tuple[float, float]]] = {}
    for scale in scales:
        checkout = synthetic_corpus(base, scale)
        submissions = len(list(checkout.glob("v*/*/PRODUCT.yaml")))
        figures = measure(checkout, args.runs)
        results[scale] = figures
        floor = tuple((a + b) / 2 for a, b in zip(figures["floor"], figures["floor (again)"], strict=True))
        print(f"\n== {scale}× corpus: {submissions} submissions; median of {args.runs} runs; floor wall "
              f"{floor[0]:.3f} s (before/after: {figures['floor'][0]:.3f} / {figures['floor (again)'][0]:.3f}), "
              f"CPU {floor[1]:.3f} s")
        print(f"  {'':20s} {'wall':>8s} {'ratio':>7s}   {'CPU':>7s} {'ratio':>7s}   target")
        for name, target in TARGETS.items():
            wall, cpu = figures[name]
            verdicts = [("OK" if r <= target else "OVER") if target else "-" for r in (wall / floor[0], cpu / floor[1])]
            goal = f"≤ {target:g}×: wall {verdicts[0]}, CPU {verdicts[1]}" if target else "no target"
            print(f"  {name:20s} {wall:7.3f}s {wall / floor[0]:6.2f}×   {cpu:6.3f}s {cpu / floor[1]:6.2f}×   {goal}")
    if 1 in results:
        for scale in scales:
            if scale == 1 or scale not in GROWTH:
                continue
            print(f"\n== growth at {scale}× (target ≤ {GROWTH[scale]:g}× the 1× time)")
            for name in ["floor", *TARGETS]:
                wall, cpu = (results[scale][name][i] / results[1][name][i] for i in (0, 1))
                verdicts = ["OK" if g <= GROWTH[scale] else "OVER" for g in (wall, cpu)]
                print(f"  {name:20s} wall {wall:6.2f}× {verdicts[0]:4s}  CPU {cpu:6.2f}× {verdicts[1]}")


if __name__ == "__main__":
    main()
