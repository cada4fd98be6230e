"""Benchmark: every regular expression kaic compiles, on adversarial text, for growth.

Each pattern is run (search, match, findall) over one character class repeated N and
4N times. A linear pattern takes about 4× longer on the longer text; a quadratic one
about 16×. The floor is a trivially linear pattern over the same text in the same run.
Patterns growing faster than 8× (and taking over 50 ms) are listed as OVER.

Run: python bench/bench_patterns.py [--size N]
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import re
import time

import kaic

UNITS = ["a", " ", ",", "a,", "-", "/", ".", "@", "#", "a/", "a.", "1", "1.", "a-", "a ", "(", "[", "aA", "a_",
         ":", "a:", "x\n", "=", "v1", "move to ", "version  ", "https://", "\t", ";"]


def patterns() -> dict[str, re.Pattern[str]]:
    found: dict[str, re.Pattern[str]] = {}
    for info in pkgutil.walk_packages(kaic.__path__, "kaic."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                found.setdefault(f"{module.__name__}.{name}", value)
    return found


def seconds(pattern: re.Pattern[str], text: str, runs: int = 3) -> float:
    """The best of `runs` timings (a pause of the machine only ever adds time)."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        pattern.search(text)
        pattern.match(text)
        pattern.findall(text)
        best = min(best, time.perf_counter() - start)
        if best > 1:
            break
    return best


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=1000, help="repetitions of each unit in the short text")
    size = parser.parse_args().size
    floor = re.compile("\x00")
    over = 0
    found = patterns()
    for name, pattern in sorted(found.items()):
        worst = (0.0, "", 0.0)
        for unit in UNITS:
            short_s = seconds(pattern, unit * size)
            long_s = seconds(pattern, unit * size * 4)
            growth = long_s / max(short_s, 1e-6)
            if long_s > 0.05 and growth > worst[0]:
                worst = (growth, unit, long_s)
            if worst[0] > 8:
                break  # one text that grows too fast is enough to list the pattern
        if worst[0] > 8:
            over += 1
            floor_s = seconds(floor, worst[1] * size * 4)
            print(f"{name}: {worst[0]:.1f}× longer on 4× the text ({worst[1]!r} × {size * 4}: {worst[2]:.3f} s, "
                  f"floor {floor_s:.4f} s) OVER")
    print(f"{len(found)} patterns, {over} growing faster than linear")


if __name__ == "__main__":
    main()
