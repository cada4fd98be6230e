"""Benchmark: the full report with the component sections, on the corpus at main.

Measures, each as the median of several runs beside the floor (a bare interpreter
loading every PRODUCT.yaml with PyYAML's C loader) measured in the same run:

- `kaic report --format all --out DIR`, whole process (every section, the component
  sections included: detection, evidence, solutions, gaps, narrative);
- in process, the component analysis alone (catalog compiled once, each text scanned
  once), to show what the component sections cost.

Target: the whole report within 8× the floor.

Run: python bench/bench_components.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import corpus_checkout, floor_seconds, kaic_cmd, median_seconds, report

TARGET_RATIO = 8


def in_process(checkout: Path, runs: int) -> tuple[float, float, int, int]:
    """(median seconds of analyse_components, of compiling the catalog, submissions, mentions)."""
    from kaic.components.analysis import analyse_components, clear_shared_results
    from kaic.components.catalog import default_path, read_catalog
    from kaic.components.matcher import compiled_matcher
    from kaic.lint import validate
    from kaic.load import load_state
    from kaic.source import open_source

    state = load_state(open_source(str(checkout), None))
    validation = validate(state)
    times, compile_times = [], []
    mentions = 0
    for _ in range(runs):
        compiled_matcher.cache_clear()  # each run compiles and analyses cold, as a new process would
        clear_shared_results()
        catalog = read_catalog(default_path(), check=False)
        start = time.perf_counter()
        catalog.matcher  # noqa: B018 - compile
        catalog.link_matcher  # noqa: B018
        catalog.prefixes  # noqa: B018
        compile_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        ca = analyse_components(state, validation, catalog)
        times.append(time.perf_counter() - start)
        mentions = sum(len(r.detection.mentions) for r in ca.results.values())
    return statistics.median(times), statistics.median(compile_times), len(state.submissions), mentions


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    runs = parser.parse_args().runs
    checkout = corpus_checkout()
    out = Path(tempfile.mkdtemp(prefix="kaic-bench-components-"))
    floor = floor_seconds(checkout, runs)
    cmd = [*kaic_cmd(), "report", "--source", str(checkout), "--format", "all", "--out", str(out)]
    seconds = median_seconds(cmd, checkout, runs)
    print(f"floor (python -c: import yaml, CSafeLoader on every PRODUCT.yaml): median {floor:.3f} s over {runs} runs")
    report("report --format all, component sections included (folder source)", seconds, floor, TARGET_RATIO)
    analysis, compiled, subs, mentions = in_process(checkout, runs)
    print(f"component analysis in process: median {analysis * 1000:.1f} ms for {subs} submissions "
          f"({mentions} mentions); catalog compiled in {compiled * 1000:.1f} ms")
    sections = [p.name for p in out.iterdir() if p.name.startswith(("component", "adoption", "evidence", "gaps",
                                                                      "solutions", "ecosystems", "projects"))]
    print(f"component CSV files written: {', '.join(sorted(sections))}")


if __name__ == "__main__":
    main()
