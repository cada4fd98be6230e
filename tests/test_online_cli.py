"""`kaic rules` lists the online checks; `kaic precommit` validates the staged files' product folders."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from kaic.cli import app
from kaic.cli.precommit import product_folders
from kaic.online import ONLINE_RULES
from kaic.rules import RULES
from tests.fixtures.builder import VERSION, answer, clean_product, write_repo


def test_online_checks_are_documented_like_rules() -> None:
    assert not set(ONLINE_RULES) & set(RULES)
    listed = CliRunner().invoke(app, ["rules"])
    ids = {line.split("\t")[0] for line in listed.output.splitlines()}
    assert set(ONLINE_RULES) <= ids and set(RULES) <= ids
    for rule in ONLINE_RULES.values():
        assert "Fails" in rule.doc and "Passes" in rule.doc and rule.hint
    one = CliRunner().invoke(app, ["rules", "logo-content"])
    assert one.exit_code == 0 and "SVG" in one.output


def test_product_folders_of_staged_files() -> None:
    assert product_folders(["v1.35/acme/e2e.log", "./v1.35/acme/PRODUCT.yaml", "v1.36/zeta/docs/a.md",
                            "README.md", "v1.35/top.md", "docs/AIConformance-1.35.yaml"]) == [
        "v1.35/acme", "v1.36/zeta"]


@pytest.fixture()
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    bad = clean_product(name="bad")
    answer(bad, "widget_sharing")["status"] = "Not Implemented"  # a MUST not implemented: an error
    root = write_repo(tmp_path / "repo", {f"v{VERSION}/acme": clean_product(), f"v{VERSION}/bad": bad})
    monkeypatch.chdir(root)
    return root


def test_precommit_passes_a_clean_folder(repo: Path) -> None:
    result = CliRunner().invoke(app, ["precommit", f"v{VERSION}/acme/PRODUCT.yaml"])
    assert result.exit_code == 0, result.output
    assert "1 submissions checked" in result.output


def test_precommit_fails_on_the_folder_of_a_staged_evidence_file(repo: Path) -> None:
    (repo / f"v{VERSION}/bad/e2e.log").write_text("--- PASS: TestX\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["precommit", f"v{VERSION}/bad/e2e.log"])
    assert result.exit_code == 1
    assert f"v{VERSION}/bad/PRODUCT.yaml" in result.output and "acme" not in result.output


def test_precommit_fails_on_a_folder_without_product_yaml(repo: Path) -> None:
    (repo / f"v{VERSION}/ghost").mkdir()
    (repo / f"v{VERSION}/ghost/notes.md").write_text("x", encoding="utf-8")
    result = CliRunner().invoke(app, ["precommit", f"v{VERSION}/ghost/notes.md"])
    assert result.exit_code == 1
    assert f"v{VERSION}/ghost/PRODUCT.yaml" in result.output


def test_precommit_without_product_files_does_nothing(repo: Path) -> None:
    result = CliRunner().invoke(app, ["precommit", "README.md"])
    assert result.exit_code == 0 and result.output == ""


def test_pre_commit_hook_definition() -> None:
    import re

    import yaml

    hooks = yaml.safe_load((Path(__file__).resolve().parents[1] / ".pre-commit-hooks.yaml").read_text())
    (hook,) = [h for h in hooks if h["id"] == "kaic-validate"]
    assert hook["entry"] == "kaic precommit" and hook["pass_filenames"] is True
    pattern = re.compile(hook["files"])
    assert pattern.search("v1.35/acme/PRODUCT.yaml") and pattern.search("v1.35/acme/e2e.log")
    assert not pattern.search("docs/AIConformance-1.35.yaml")


def test_action_runs_review_comments_and_fails_on_changes_needed() -> None:
    import yaml

    action = yaml.safe_load((Path(__file__).resolve().parents[1] / "action.yml").read_text())
    assert action["runs"]["using"] == "composite"
    scripts = "\n".join(step.get("run", "") for step in action["runs"]["steps"])
    assert 'kaic review "${args[@]}" --format md' in scripts
    assert "kaic comment" in scripts and "GITHUB_STEP_SUMMARY" in scripts
    assert 'exit "$CODE"' in scripts
    # inputs reach the scripts through the environment, never pasted into them
    assert "${{" not in scripts


def test_online_options_from_the_command_line_flags(tmp_path: Path) -> None:
    from kaic.cli._online import online_options

    opts = online_options(["127.0.0.1", "Intranet.Example."], tmp_path / "l.yml", tmp_path, no_cache=True,
                          budget=30.0, policy="faq")
    assert opts.host_allowed("127.0.0.1") and opts.host_allowed("intranet.example")
    assert not opts.host_allowed("example.com")
    assert (opts.landscape, opts.k8s_conformance, opts.use_cache, opts.budget, opts.policy) == (
        tmp_path / "l.yml", tmp_path, False, 30.0, "faq")
    assert (opts.per_host, opts.total, opts.max_redirects) == (4, 16, 5)
