"""`kaic diff` shows a requirement moving from self-assessed to machine-verified."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from kaic.cli import app

from .fixtures.artifacts import Run
from .fixtures.builder import checklist_text, commit_all, dump, git_init, write_repo
from .test_artifact_rules import GANG, HYBRID, SPEC, answer, product

runner = CliRunner()


def test_diff_shows_a_requirement_becoming_machine_verified(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    folder = f"v{HYBRID}/acme"
    p = product()
    write_repo(repo, {folder: p}, {HYBRID: checklist_text(SPEC)})
    git_init(repo)
    base = commit_all(repo, "self-assessed")
    answer(p, "gang_scheduling")["evidence"].append(f"file://{folder}/junit.xml#{GANG.test}")
    (repo / folder / "PRODUCT.yaml").write_text(dump(p))
    (repo / folder / "junit.xml").write_text(Run().add(GANG.test, "pass", 12).junit())
    head = commit_all(repo, "cite the suite's junit.xml")
    result = runner.invoke(app, ["diff", base, head, "--source", str(repo), "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    (changed,) = json.loads(result.stdout)["submissions"]["changed"]
    assert changed["verification"] == [{"requirement": "gang_scheduling", "old": "self-assessed", "new": "verified"}]
    text = runner.invoke(app, ["diff", base, head, "--source", str(repo)]).stdout
    assert "verification gang_scheduling: self-assessed -> machine-verified" in text
    # the same test failing later: verified -> failing
    (repo / folder / "junit.xml").write_text(Run().add(GANG.test, "fail", 12).junit())
    later = commit_all(repo, "a failing run")
    md = runner.invoke(app, ["diff", head, later, "--source", str(repo), "--format", "md"]).stdout
    assert "| verification | `gang_scheduling` | machine-verified (a passing automated test) | test artifact failing |" in md
