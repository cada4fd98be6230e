"""Benchmark: `kaic review --offline` on a one-submission pull request against `kaic validate`
of that submission (target: review ≤ 2× validate), whole processes, beside the floor.

The pull request is a real one of the corpus: the merge of PR #64 (v1.34/rke2) against its
first parent. Validate reads the head commit and checks that one submission.

Run: python bench/bench_review.py [--runs N]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import corpus_checkout, floor_seconds, kaic_cmd, median_seconds

HEAD = "a6b6d34"  # Merge pull request #64: v1.34/rke2/PRODUCT.yaml
SUBMISSION = "v1.34/rke2"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    checkout = corpus_checkout()
    subprocess.run(["git", "-C", str(checkout), "checkout", "-q", HEAD], check=True)
    floor = floor_seconds(checkout, runs)
    validate = median_seconds([*kaic_cmd(), "validate", SUBMISSION, "--source", str(checkout), "--ref", HEAD,
                               "--policy", "upstream", "--format", "json"], checkout, runs)
    print(f"validate {SUBMISSION} (git, --ref {HEAD}): median {validate:.3f} s, floor {floor:.3f} s, "
          f"ratio {validate / floor:.2f}×")
    review = median_seconds([*kaic_cmd(), "review", "--source", str(checkout), "--base", f"{HEAD}^1",
                             "--ref", HEAD, "--offline", "--format", "json"], checkout, runs)
    print(f"review --offline {HEAD}^1..{HEAD}: median {review:.3f} s, floor {floor:.3f} s, ratio {review / floor:.2f}×")
    ratio = review / validate if validate else float("inf")
    print(f"review / validate: {ratio:.2f}× (target ≤ 2×) {'OK' if ratio <= 2 else 'OVER'}")


if __name__ == "__main__":
    main()
