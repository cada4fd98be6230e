"""Shared pieces of the benchmarks: a corpus checkout, timing, and the floor."""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
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
    """Median wall seconds, after one warm-up run; by default without kaic's result cache
    (every run computes everything: see bench_scale.py for cold and warm caches)."""
    env = env or cache_env(None)
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


# -- the result cache and synthetic corpora ---------------------------------------------------------


def cache_env(folder: Path | None) -> dict[str, str]:
    """The user environment with kaic's result cache in `folder` (None: no cache at all)."""
    env = user_env()
    env.pop("KAIC_NO_CACHE", None)
    if folder is None:
        env["KAIC_NO_CACHE"] = "1"
    else:
        env["KAIC_CACHE_DIR"] = str(folder)
    return env


def timed_runs(cmd: list[str], cwd: Path, runs: int, env: dict[str, str],
               before: Callable[[], None] | None = None) -> tuple[float, float]:
    """(median wall seconds, median CPU seconds: user + system of the process) of `cmd`
    over `runs` runs (after one warm-up), calling `before` ahead of each run untimed (e.g.
    emptying the cache for a cold run). On a shared, loaded machine the CPU figure is
    the steadier one: waiting for a core is not counted."""
    import resource

    walls, cpus = [], []
    for i in range(runs + 1):
        if before is not None:
            before()
        used = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        elapsed = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if done.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(cmd)} failed ({done.returncode}): {done.stderr.decode()[-500:]}")
        if i:  # the first run warms the file system and bytecode
            walls.append(elapsed)
            cpus.append(after.ru_utime - used.ru_utime + after.ru_stime - used.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


_PRODUCT_FOLDER = re.compile(r"^(v\d+\.\d+)/([^/]+)/(.+)$")


def synthetic_corpus(checkout: Path, copies: int) -> Path:
    """A git repository whose main line replays `checkout`'s first-parent history, each
    commit holding every submission folder `copies` times (the original and copies named
    `<product>-copyN`), with the original dates and messages. Built with `git
    fast-import` from the original's objects (no file is rewritten), then checked out."""
    if copies <= 1:
        return checkout
    target = Path(tempfile.mkdtemp(prefix=f"kaic-bench-x{copies}-")) / "k8s-ai-conformance"
    subprocess.run(["git", "clone", "-q", "--no-checkout", str(checkout), str(target)], check=True)

    def git(*args: str) -> str:
        return subprocess.run(["git", "-C", str(target), *args], check=True, capture_output=True,
                              text=True).stdout

    fields = "%H%x1f%an%x1f%ae%x1f%ad%x1f%cn%x1f%ce%x1f%cd%x1f%B%x1e"
    log = git("log", "--first-parent", "--reverse", "--date=raw", f"--format={fields}", "HEAD")
    stream: list[bytes] = []
    previous: str | None = None
    for record in log.split("\x1e"):
        record = record.strip("\n")
        if not record:
            continue
        oid, an, ae, ad, cn, ce, cd, message = record.split("\x1f")
        if previous is None:
            listing = git("ls-tree", "-r", "--full-tree", oid)
            changes = [(line.split(None, 3)[0], line.split(None, 3)[2], "M", line.split("\t", 1)[1])
                       for line in listing.splitlines()]
        else:
            changes = []
            for line in git("diff-tree", "-r", "--no-renames", "--no-commit-id", previous, oid).splitlines():
                meta, path = line.split("\t", 1)
                _, mode, _, sha, status = meta.split()
                changes.append((mode, sha, "D" if status == "D" else "M", path))
        previous = oid
        body = message.encode()
        stream.append(f"commit refs/heads/synthetic\nauthor {an} <{ae}> {ad}\ncommitter {cn} <{ce}> {cd}\n"
                      f"data {len(body)}\n".encode() + body + b"\n")
        for mode, sha, op, path in changes:
            targets = [path]
            m = _PRODUCT_FOLDER.match(path)
            if m:
                targets += [f"{m.group(1)}/{m.group(2)}-copy{k}/{m.group(3)}" for k in range(1, copies)]
            for p in targets:
                quoted = '"' + p.replace("\\", "\\\\").replace('"', '\\"') + '"'
                stream.append((f"D {quoted}\n" if op == "D" else f"M {mode} {sha} {quoted}\n").encode())
        stream.append(b"\n")
    subprocess.run(["git", "-C", str(target), "fast-import", "--quiet"], input=b"".join(stream), check=True)
    git("checkout", "-q", "-f", "-B", "main", "synthetic")
    return target
