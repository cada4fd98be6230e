"""`kaic artifacts PATH...`: a vendor's check of its test output before a pull request."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from kaic.cli import app

from .fixtures.artifacts import PKG, Run, ctrf, ginkgo_succinct

runner = CliRunner()


def write(tmp: Path, name: str, text: str) -> Path:
    path = tmp / name
    path.write_text(text)
    return path


def test_json_describes_each_file(tmp_path: Path) -> None:
    run = Run().add("TestGangScheduling", "pass", 20).add("TestGangScheduling/PositiveGangScheduling", "pass", 9)
    junit = write(tmp_path, "junit.xml", run.junit())
    result = runner.invoke(app, ["artifacts", str(junit), "--format", "json"])
    assert result.exit_code == 0, result.output
    (f,) = json.loads(result.stdout)["files"]
    assert (f["format"], f["upstream"]) == ("junit", {"reads_as": "junit", "error": None})
    assert f["totals"] == {"passed": 2, "failed": 0, "skipped": 0}
    assert [(t["name"], t["outcome"], t["duration"]) for t in f["tests"]] == [
        ("TestGangScheduling", "pass", 20.0), ("TestGangScheduling/PositiveGangScheduling", "pass", 9.0)]
    assert {(r["requirement"], r["test"], r["outcome"], r["checked_upstream"]) for r in f["requirements"]} == {
        ("gang_scheduling", "TestGangScheduling", "pass", True)}
    assert f["facts"]["suite"] == PKG and f["facts"]["go_version"].startswith("go1.25.1")


def test_text_names_formats_and_upstream_view(tmp_path: Path) -> None:
    log = write(tmp_path, "e2e.log", ginkgo_succinct(3, 0, 40))
    report = write(tmp_path, "aicr-report.json", ctrf([("gpu operator ready", "passed")]))
    result = runner.invoke(app, ["artifacts", str(log), str(report)])
    assert result.exit_code == 1  # upstream would fail e2e.log
    out = result.stdout
    assert "e2e.log: Ginkgo text log" in out and "FAILS it: parsing e2e log: no '--- PASS/FAIL/SKIP:'" in out
    assert "aicr-report.json: CTRF JSON" in out and "upstream does not read it" in out
    assert "tests: 3 passed, 0 failed, 40 skipped" in out


def test_failing_test_and_unreadable_files_exit_one(tmp_path: Path) -> None:
    results = write(tmp_path, "results.json", Run().add("TestA", "fail").ndjson())
    result = runner.invoke(app, ["artifacts", str(results)])
    assert result.exit_code == 1 and "failing: TestA" in result.stdout
    target = write(tmp_path, "real.xml", Run().add("TestA").junit())
    (tmp_path / "junit.xml").symlink_to(target)
    result = runner.invoke(app, ["artifacts", str(tmp_path / "junit.xml"), "--format", "json"])
    assert result.exit_code == 1
    assert "symbolic link" in json.loads(result.stdout)["files"][0]["error"]
    ok = write(tmp_path, "e2e.log", Run().add("TestA").verbose())
    assert runner.invoke(app, ["artifacts", str(ok)]).exit_code == 0
    assert runner.invoke(app, ["artifacts", str(ok), "--format", "yaml"]).exit_code == 2


def test_terminal_control_characters_are_neutralised(tmp_path: Path) -> None:
    log = write(tmp_path, "e2e.log", "--- PASS: TestA\x1b[2J\x1b]0;owned\x07 (0.10s)\n")
    result = runner.invoke(app, ["artifacts", str(log)])
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
