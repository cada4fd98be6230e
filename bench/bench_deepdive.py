"""Benchmark: identifier extraction and the deep-dive sections, on the corpus at main,
beside the floor (a bare interpreter loading every PRODUCT.yaml with PyYAML's C loader)
measured in the same run.

Measures, each as the median of several runs:

- in process, collecting the identifiers and mechanism words of every submission
  (notes, evidence, the folders' text files);
- in process, the deep dives, stack patterns, distinctive profiles and practices on top
  of an existing component analysis;
- linear time: extraction on hostile texts of 64 KiB and 512 KiB (long runs of
  dotted tokens, unclosed code spans, `kubectl` with many arguments, repeated "such as"):
  eight times the text must take about eight times as long, not sixty-four.

Target: the deep-dive work within 2× the floor; the hostile growth ratio under 12.

Run: python bench/bench_deepdive.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import corpus_checkout, floor_seconds, report

TARGET_RATIO = 2
GROWTH_LIMIT = 12
HOSTILE = (
    "a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z/" * 3
    + "`DCGM_FI_" + "X" * 90
    + " kubectl " + "--x " * 20
    + " such as could any " + "ResourceClaim " * 4
    + "nvidia.com/gpu.present " + "featureGates:\n  - name: A\n"
)


def _median(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    from kaic.analysis import analyse
    from kaic.components.analysis import analyse_components
    from kaic.deepdive import collect_identifiers, find_identifiers, vocabulary_for
    from kaic.deepdive.dives import deep_dives
    from kaic.deepdive.patterns import load_patterns, stack_patterns
    from kaic.deepdive.practices import practices
    from kaic.deepdive.profiles import vendor_profiles
    from kaic.lint import validate
    from kaic.load import load_state
    from kaic.source import open_source

    checkout = corpus_checkout()
    floor = floor_seconds(checkout, runs)
    state = load_state(open_source(str(checkout), None))
    validation = validate(state)
    ca = analyse_components(state, validation)
    vocab = vocabulary_for(ca.catalog)
    vendors = analyse(state).inventory.vendors
    collected = collect_identifiers(state, vocab)
    ids = sum(len(v) for v in collected.identifiers.values())

    def sections() -> None:
        dives = deep_dives(state, ca, collected.identifiers, collected.terms, vocab)
        stack_patterns(ca, load_patterns())
        vendor_profiles(ca, vendors, validation)
        practices(ca, validation, dives)

    collect = _median(lambda: collect_identifiers(state, vocab), runs)
    build = _median(sections, runs)
    print(f"{len(state.submissions)} submissions, {ids} identifiers")
    report("identifier collection (in process)", collect, floor, TARGET_RATIO)
    report("deep dives, patterns, profiles, practices (in process)", build, floor, TARGET_RATIO)
    small = HOSTILE * (64 * 1024 // len(HOSTILE))
    big = small * 8
    t_small = _median(lambda: find_identifiers(small, vocab), runs)
    t_big = _median(lambda: find_identifiers(big, vocab), runs)
    growth = t_big / t_small if t_small else float("inf")
    verdict = "OK" if growth < GROWTH_LIMIT else "OVER"
    print(f"hostile text: {len(small) // 1024} KiB {t_small:.3f} s, {len(big) // 1024} KiB {t_big:.3f} s, "
          f"growth {growth:.1f}× for 8× the text (limit {GROWTH_LIMIT}×) {verdict}")


if __name__ == "__main__":
    main()
