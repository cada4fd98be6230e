"""Benchmark: the whole main-line history walk against running the report once per commit.

- walk: `build_history` over every first-parent commit of the corpus (per-commit figures
  with component adoption, certifications), in a warm interpreter, median of several
  runs, each with a fresh repository object (no tree, parse or component-result cache
  kept between runs);
- `kaic history --format json`: the same as a whole process (start-up included);
- baseline, running the report once per commit: for each commit, a process doing what
  `kaic report --format json` does — load the state, validate, build every report
  section except the two that walk the history themselves (timeline, trends), render
  JSON. The same work in one warm interpreter (no start-up per commit, no cache) is
  shown too.

Targets: the walk (in process and as `kaic history`) under 2 s, and at least 20 times
faster than running the report once per commit.

Run: python bench/bench_history.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import corpus_checkout, kaic_cmd, median_seconds

TARGET_SECONDS = 2.0
TARGET_SPEEDUP = 20.0


def walk_seconds(checkout: Path, runs: int) -> tuple[float, int]:
    from kaic.components.analysis import clear_shared_results
    from kaic.history import HistoryOptions, build_history
    from kaic.source import GitRepo

    times = []
    commits = 0
    for _ in range(runs):
        clear_shared_results()  # no component result kept from the run before
        start = time.perf_counter()
        h = build_history(GitRepo(checkout), HistoryOptions(ref="main"))
        times.append(time.perf_counter() - start)
        commits = len(h.commits)
    return statistics.median(times), commits


REPORT_ONE_COMMIT = """
import sys
from pathlib import Path
from kaic.load import load_state
from kaic.report.build import build_report
from kaic.report.render import renderer
from kaic.report.sections import SECTIONS
from kaic.source import GitRepo, GitSource
from kaic.lint import validate
repo = GitRepo(Path(sys.argv[1]))
state = load_state(GitSource(repo, repo.resolve(sys.argv[2])))
sections = [s for s in SECTIONS if s.key not in ("timeline", "trends")]
sys.stdout.write(renderer("json").render(build_report(state, validate(state), sections)))
"""


def report_process_per_commit_seconds(checkout: Path) -> tuple[float, int]:
    import subprocess

    from kaic.source import GitRepo

    commits = GitRepo(checkout).log("main")
    start = time.perf_counter()
    for commit in commits:
        subprocess.run([sys.executable, "-c", REPORT_ONE_COMMIT, str(checkout), commit.oid], check=True,
                       stdout=subprocess.DEVNULL)
    return time.perf_counter() - start, len(commits)


def report_per_commit_seconds(checkout: Path) -> tuple[float, int]:
    from kaic.components.analysis import clear_shared_results
    from kaic.lint import validate
    from kaic.load import load_state
    from kaic.report.build import build_report
    from kaic.report.render import renderer
    from kaic.report.sections import SECTIONS
    from kaic.source import GitRepo, GitSource

    sections = [s for s in SECTIONS if s.key not in ("timeline", "trends")]
    json_renderer = renderer("json")
    repo = GitRepo(checkout)
    commits = repo.log("main")
    start = time.perf_counter()
    for commit in commits:
        clear_shared_results()  # each commit's report on its own, as a process per commit would
        state = load_state(GitSource(repo, commit))
        json_renderer.render(build_report(state, validate(state), sections))
    return time.perf_counter() - start, len(commits)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    checkout = corpus_checkout()
    out = Path(tempfile.mkdtemp(prefix="kaic-bench-history-")) / "history.json"

    walk, commits = walk_seconds(checkout, runs)
    cli = median_seconds([*kaic_cmd(), "history", "--source", str(checkout), "--ref", "main", "--format", "json",
                          "--out", str(out)], checkout, runs)
    processes, base_commits = report_process_per_commit_seconds(checkout)
    warm, warm_commits = report_per_commit_seconds(checkout)
    assert base_commits == warm_commits == commits, (base_commits, warm_commits, commits)
    speedup = processes / walk if walk else float("inf")
    ok = walk < TARGET_SECONDS and cli < TARGET_SECONDS and speedup >= TARGET_SPEEDUP
    print(f"main line: {commits} first-parent commits")
    print(f"history walk (in process, median of {runs}): {walk:.3f} s ({1000 * walk / commits:.1f} ms per commit)")
    print(f"kaic history --format json (whole process, median of {runs}): {cli:.3f} s")
    print(f"report once per commit, a process each: {processes:.3f} s ({1000 * processes / commits:.0f} ms per commit)"
          f" -> walk {processes / walk:.0f}x faster, kaic history {processes / cli:.0f}x faster")
    print(f"report once per commit, one warm interpreter: {warm:.3f} s ({1000 * warm / commits:.1f} ms per commit)"
          f" -> walk {warm / walk:.1f}x faster")
    print(f"target: walk < {TARGET_SECONDS:g} s and >= {TARGET_SPEEDUP:g}x faster than the report per commit: "
          f"{'OK' if ok else 'OVER'}")

if __name__ == "__main__":
    main()
