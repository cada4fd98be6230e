"""Benchmark: the component analysis of a product folder holding one very long line, at
the line's length L, 2L, 4L and 8L, for shapes that were quadratic before (issue 8 and
item 9 of issue 11): many catalog names in one clause (API-version and paragraph
lookups), ambiguous names needing a context, API groups, a `version` key followed by
spaces, notes repeating "move to", fences, commas. Doubling the line must at most double
the cost (a ratio ≤ 2, with some slack for noise: ≤ 2.4 is reported OK).

Each figure is the median of several in-process runs of `analyse_components` (the
catalog compiled beforehand; no result cache), on a copy of the fictional sample with
the line written into one product's folder as `notes.md`.

Run: python bench/bench_linear.py [--runs N] [--length L]
"""

from __future__ import annotations

import argparse
import itertools
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHAPES: dict[str, Callable[[int], str]] = {
    "names in one clause": lambda n: "Kueue and Volcano with Ray, " * (n // 27),
    "API groups, no version": lambda n: "resource.k8s.io DRA " * (n // 20),
    "ambiguous names": lambda n: "Ray " * (n // 4),
    "version key + spaces": lambda n: "Kueue\nversion" + " " * n + "x",
    "'move to' repeated": lambda n: "We move to Kueue " * (n // 17),
    "fences": lambda n: "```\nRay\n" * (n // 8),
    "commas": lambda n: "Kueue," * (n // 6),
}
SLACK = 2.4


def folder_with(text: str) -> Path:
    root = Path(tempfile.mkdtemp(prefix="kaic-bench-linear-"))
    shutil.copytree(ROOT / "src" / "kaic" / "sample" / "docs", root / "docs")
    product = root / "v1.99" / "cobaltline"
    product.mkdir(parents=True)
    shutil.copy(ROOT / "src" / "kaic" / "sample" / "v1.99" / "cobaltline" / "PRODUCT.yaml", product)
    (product / "notes.md").write_text(text, encoding="utf-8")
    return root


def seconds(text: str, runs: int) -> float:
    from kaic.components.analysis import analyse_components, clear_shared_results
    from kaic.components.catalog import load_catalog
    from kaic.load import load_state
    from kaic.source import DirectorySource

    root = folder_with(text)
    try:
        state = load_state(DirectorySource(root))
        catalog = load_catalog()
        analyse_components(state, None, catalog)  # compile the catalog once
        times = []
        for _ in range(runs):
            clear_shared_results()
            start = time.perf_counter()
            analyse_components(state, None, catalog)
            times.append(time.perf_counter() - start)
        return statistics.median(times)
    finally:
        shutil.rmtree(root, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--length", type=int, default=50_000, help="L: the shortest line, in characters")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    lengths = [args.length * 2**k for k in range(4)]
    print(f"line lengths: {', '.join(f'{n:,}' for n in lengths)} characters; median of {args.runs} runs")
    worst = 0.0
    span = 2 ** (len(lengths) - 1)
    for name, make in SHAPES.items():
        times = [seconds(make(n), args.runs) for n in lengths]
        ratios = [b / a if a else float("inf") for a, b in itertools.pairwise(times)]
        overall = times[-1] / times[0] if times[0] else float("inf")
        worst = max(worst, overall ** (1 / (len(lengths) - 1)))
        cells = "  ".join(f"{t * 1000:8.1f} ms" for t in times)
        print(f"  {name:24s} {cells}   doubling: {' '.join(f'{r:.2f}×' for r in ratios)}; "
              f"L→{span}L: {overall:.2f}× (linear: {span}×)")
    print(f"worst mean doubling ratio (the {span}L/L ratio per doubling) {worst:.2f}× (target ≤ 2, reported OK up to "
          f"{SLACK} for noise): {'OK' if worst <= SLACK else 'OVER'}; single doublings of a few ms are noise")


if __name__ == "__main__":
    main()
