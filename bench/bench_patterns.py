"""Benchmark: every regular expression kaic compiles, on adversarial text, for growth.

Each pattern is run (search, match, findall) over one character class repeated N and
4N times. A linear pattern takes about 4× longer on the longer text; a quadratic one
about 16×. The floor is a trivially linear pattern over the same text in the same run.
Patterns growing faster than 8× (and slower than 20 ms) are listed as OVER.

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


def seconds(pattern: re.Pattern[str], text: str) -> float:
    start = time.perf_counter()
    pattern.search(text)
    pattern.match(text)
    pattern.findall(text)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=2000, help="repetitions of each unit in the short text")
    size = parser.parse_args().size
    floor = re.compile("\x00")
    over = 0
    found = patterns()
    for name, pattern in sorted(found.items()):
        worst = (0.0, "", 0.0)
        for unit in UNITS:
            short, long = unit * size, unit * size * 4
            growth = seconds(pattern, long) / max(seconds(pattern, short), 1e-6)
            if seconds(pattern, long) > 0.02 and growth > worst[0]:
                worst = (growth, unit, seconds(pattern, long))
        if worst[0] > 8:
            over += 1
            floor_s = seconds(floor, worst[1] * size * 4)
            print(f"{name}: {worst[0]:.1f}× longer on 4× the text ({worst[1]!r} × {size * 4}: {worst[2]:.3f} s, "
                  f"floor {floor_s:.4f} s) OVER")
    print(f"{len(found)} patterns, {over} growing faster than linear")


if __name__ == "__main__":
    main()
