"""Shared pieces of the benchmarks: a corpus checkout, timing, and the floor."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FLOOR_CODE = (
    "import glob, yaml\n"
    "for p in glob.glob('v*/*/PRODUCT.yaml'):\n"
    "    yaml.load(open(p, 'rb'), Loader=yaml.CSafeLoader)\n"
)


def corpus_checkout() -> Path:
    """A clone of ../shared/corpus's bundle at main, in a temporary folder."""
    bundle = os.environ.get("KAIC_CORPUS") or str(sorted((ROOT.parent / "shared" / "corpus").glob("*.bundle"))[-1])
    target = Path(tempfile.mkdtemp(prefix="kaic-bench-")) / "k8s-ai-conformance"
    subprocess.run(["git", "clone", "-q", bundle, str(target)], check=True)
    return target


def user_env() -> dict[str, str]:
    """The environment a user's install runs in: bytecode kept (pip compiles it at install;
    this machine sets PYTHONDONTWRITEBYTECODE, which would make every run compile kaic)."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def median_seconds(cmd: list[str], cwd: Path, runs: int, env: dict[str, str] | None = None) -> float:
    env = env or user_env()
    subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        times.append(time.perf_counter() - start)
        if done.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(cmd)} failed ({done.returncode}): {done.stderr.decode()[-500:]}")
    return statistics.median(times)


def floor_seconds(checkout: Path, runs: int) -> float:
    """A bare interpreter that imports PyYAML and loads every PRODUCT.yaml with the C loader."""
    return median_seconds([sys.executable, "-c", FLOOR_CODE], checkout, runs)


def kaic_cmd() -> list[str]:
    return [sys.executable, "-m", "kaic"]


def report(name: str, seconds: float, floor: float, target_ratio: float, target_seconds: float | None = None) -> None:
    ratio = seconds / floor if floor else float("inf")
    goal = f"target ≤ {target_ratio:g}× floor" + (f" and < {target_seconds:g} s" if target_seconds else "")
    verdict = "OK" if ratio <= target_ratio and (target_seconds is None or seconds < target_seconds) else "OVER"
    print(f"{name}: median {seconds:.3f} s, floor {floor:.3f} s, ratio {ratio:.2f}× ({goal}) {verdict}")
