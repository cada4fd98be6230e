"""`--current` and the default `--as-of` of an older state (issue 12), on the corpus.

Which certifications are current is recounted here from `git log` of the bundle (the
first-parent merge that added each PRODUCT.yaml, valid one year), not from kaic.
"""

from __future__ import annotations

import json
import subprocess
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kaic.cli import app

from .conftest import MAIN, OLD

pytestmark = pytest.mark.corpus


def _added(checkout: Path) -> dict[str, date]:
    out = subprocess.run(["git", "-C", str(checkout), "log", "--first-parent", "--diff-filter=A", "--reverse",
                          "--format=@%cI", "--name-only", MAIN, "--", "v*/*/PRODUCT.yaml"],
                         check=True, capture_output=True, text=True).stdout
    added: dict[str, date] = {}
    day = None
    for line in out.splitlines():
        if line.startswith("@"):
            day = date.fromisoformat(line[1:11])
        elif line.strip() and day is not None:
            added.setdefault(line.strip(), day)
    return added


def _report(checkout: Path, out: Path, *args: str) -> dict[str, object]:
    result = CliRunner().invoke(app, ["report", "--source", str(checkout), "--format", "json,md", "--out", str(out),
                                      "--no-history", *args])
    assert result.exit_code == 0, result.output
    data: dict[str, object] = json.loads((out / "report.json").read_text(encoding="utf-8"))
    data["md"] = (out / "report.md").read_text(encoding="utf-8")
    return data


def test_current_counts_only_current_certifications(corpus_checkout: Path, tmp_path: Path) -> None:
    on = date(2026, 11, 3)
    at_main = {str(p.relative_to(corpus_checkout)) for p in corpus_checkout.glob("v*/*/PRODUCT.yaml")}
    added = _added(corpus_checkout)
    current = {p for p in at_main if on < added[p].replace(year=added[p].year + 1)}
    assert 0 < len(current) < len(at_main)
    data = _report(corpus_checkout, tmp_path / "cur", "--ref", MAIN, "--current", "--as-of", on.isoformat())
    subs = data["submissions"]
    assert isinstance(subs, list)
    assert {s["path"] for s in subs} == current
    source = data["source"]
    assert isinstance(source, dict) and set(source["left_out"]) == at_main - current
    assert f"leaves out the {len(at_main - current)} submissions" in str(data["md"])
    summary = data["summary"]
    assert isinstance(summary, dict) and summary["submissions"]["count"] == len(current)


def test_an_older_ref_is_judged_on_its_own_day(corpus_checkout: Path, tmp_path: Path) -> None:
    day = subprocess.run(["git", "-C", str(corpus_checkout), "show", "-s", "--format=%cI", OLD],
                         check=True, capture_output=True, text=True).stdout[:10]
    data = _report(corpus_checkout, tmp_path / "old", "--ref", OLD)
    source = data["source"]
    assert isinstance(source, dict) and source["as_of"] == day and "older state" in source["as_of_reason"]
    assert f"judged as of {day}" in str(data["md"])
    # the tip itself keeps today's default, said nowhere
    data = _report(corpus_checkout, tmp_path / "tip", "--ref", "HEAD")
    assert "as_of" not in data["source"]  # type: ignore[operator]


def test_current_needs_history(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["report", "--source", "sample", "--current"])
    assert result.exit_code == 2 and "git history" in result.output
