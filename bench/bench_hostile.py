"""Benchmark: `kaic validate` and `kaic report` on hostile submissions, against the floor
(PyYAML's C loader reading the same files).

The inputs are the attacks of issue 11 that used to cost quadratic time or memory:
an evidence URL holding a million commas, two 0.6 MB files repeating keys, aliases
repeating one large string (refused), and a legitimate file with 19,000 evidence items.

Run: python bench/bench_hostile.py [--runs N]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from _common import floor_seconds, kaic_cmd, median_seconds, report
from tests.fixtures.builder import VERSION, answer, clean_product, dump, write_repo


def hostile_repo() -> Path:
    commas = clean_product(name="commas")
    answer(commas, "gauge_export")["evidence"] = ["https://commas.example.com/" + "," * 1_000_000]
    many = clean_product(name="many")
    answer(many, "gauge_export")["evidence"] = [f"https://many.example.com/e/{i}" for i in range(19_000)]
    duplicated = "metadata:\n" + "".join(f"  k{i % 1000}: value {i}\n" for i in range(40_000)) + "spec: {}\n"
    big = "x" * 100_000
    aliases = f"metadata: &a {big}\nspec: [" + ", ".join(["*a"] * 2300) + "]\n"
    v = f"v{VERSION}"
    return write_repo(Path(tempfile.mkdtemp(prefix="kaic-hostile-")) / "repo", {
        f"{v}/commas": commas, f"{v}/many": many, f"{v}/dup-a": duplicated, f"{v}/dup-b": duplicated,
        f"{v}/aliases": aliases, f"{v}/acme": dump(clean_product()),
    })


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    repo = hostile_repo()
    floor = floor_seconds(repo, runs)
    validate = median_seconds([*kaic_cmd(), "validate", "--source", str(repo), "--format", "json"], repo, runs)
    report("validate (hostile inputs)", validate, floor, 5)
    full = median_seconds([*kaic_cmd(), "report", "--no-history", "--format", "json", "--source", str(repo)],
                          repo, runs)
    report("report --format json (hostile inputs)", full, floor, 10)


if __name__ == "__main__":
    main()
