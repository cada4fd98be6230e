"""`kaic validate` and `kaic rules` from the command line, and validate over the corpus."""

from __future__ import annotations

import json
import re
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kaic.cli import app
from kaic.lint import INTERNAL_ERROR, validate
from kaic.load import RepoState
from kaic.rules import RULES
from kaic.source import sample_root

from .conftest import MAIN, OLD
from .fixtures.builder import VERSION, answer, clean_product, write_repo

runner = CliRunner()
V = f"v{VERSION}"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """Three submissions: acme clean, beta with one error, gamma with one warning."""
    beta = clean_product(name="beta", vendor="Beta")
    answer(beta, "gauge_export")["status"] = "Not Implemented"
    gamma = clean_product(name="gamma", vendor="Gamma")
    gamma["metadata"]["productLogoUrl"] = "https://gamma.example.com/logo.png"
    return write_repo(tmp_path / "repo", {f"{V}/acme": clean_product(), f"{V}/beta": beta, f"{V}/gamma": gamma})


def json_of(args: list[str]) -> tuple[int, dict]:
    result = runner.invoke(app, [*args, "--format", "json"])
    return result.exit_code, json.loads(result.stdout)


def paths(data: dict) -> list[str]:
    return [s["path"] for s in data["submissions"]]


# -- exit codes -----------------------------------------------------------------------------


def test_exit_codes(repo: Path, tmp_path: Path) -> None:
    assert runner.invoke(app, ["validate", "--source", str(repo), f"{V}/acme"]).exit_code == 0
    assert runner.invoke(app, ["validate", "--source", str(repo), f"{V}/gamma"]).exit_code == 0  # warnings only
    assert runner.invoke(app, ["validate", "--source", str(repo)]).exit_code == 1
    for args in (
        ["validate", "--source", str(repo), "--format", "yaml"],
        ["validate", "--source", str(tmp_path / "nowhere")],
        ["validate", "--source", str(repo), f"{V}/nobody"],
        ["validate", "--source", str(repo), "../outside"],
        ["validate", "--source", str(repo), "--config", str(tmp_path / "missing.yaml")],
        ["validate", "--no-such-option"],
        ["rules", "no-such-rule"],
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 2, (args, result.output)


def test_usage_errors_are_one_line_with_hint(repo: Path) -> None:
    result = runner.invoke(app, ["validate", "--source", str(repo), "--format", "yaml"])
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "kaic: error: unknown format 'yaml'",
        "hint: use one of: text, json, github, sarif, junit",
    ]


# -- formats and --out ------------------------------------------------------------------------


def test_every_format(repo: Path) -> None:
    outputs = {}
    for fmt in ("text", "json", "github", "sarif", "junit"):
        result = runner.invoke(app, ["validate", "--source", str(repo), "--format", fmt])
        assert result.exit_code == 1, fmt
        outputs[fmt] = result.stdout
    assert outputs["text"].splitlines()[-1] == "3 submissions checked, 1 with errors: 1 error, 1 warning, 0 info (policy kaic)"
    assert [f["rule"] for f in json.loads(outputs["json"])["findings"]] == ["must-not-implemented", "logo-format"]
    assert [line.split(" ", 1)[0] for line in outputs["github"].splitlines()] == ["::error", "::warning"]
    assert json.loads(outputs["sarif"])["version"] == "2.1.0"
    assert len(ET.fromstring(outputs["junit"]).findall("testsuite")) == 3
    assert "\x1b[" not in outputs["text"]  # no colour without a terminal


def test_out_writes_the_file_and_nothing_to_stdout(repo: Path, tmp_path: Path) -> None:
    target = tmp_path / "reports" / "kaic.json"
    result = runner.invoke(app, ["validate", "--source", str(repo), "--format", "json", "--out", str(target)])
    assert result.exit_code == 1 and result.stdout == ""
    data = json.loads(target.read_text("utf-8"))
    assert paths(data) == [f"{V}/acme/PRODUCT.yaml", f"{V}/beta/PRODUCT.yaml", f"{V}/gamma/PRODUCT.yaml"]
    assert data["source"]["location"] == str(repo)


# -- PATH arguments -----------------------------------------------------------------------------


def test_path_arguments(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = ["validate", "--source", str(repo)]
    assert paths(json_of([*src, f"{V}/beta/PRODUCT.yaml"])[1]) == [f"{V}/beta/PRODUCT.yaml"]
    assert paths(json_of([*src, f"{V}/gamma", f"./{V}/acme/"])[1]) == [f"{V}/acme/PRODUCT.yaml", f"{V}/gamma/PRODUCT.yaml"]
    assert len(paths(json_of([*src, V])[1])) == 3
    assert len(paths(json_of([*src, "."])[1])) == 3
    assert paths(json_of([*src, str(repo / V / "beta")])[1]) == [f"{V}/beta/PRODUCT.yaml"]
    # relative to the working directory when it names something there
    monkeypatch.chdir(repo / V)
    assert paths(json_of([*src, "gamma/PRODUCT.yaml"])[1]) == [f"{V}/gamma/PRODUCT.yaml"]
    assert paths(json_of([*src, "acme"])[1]) == [f"{V}/acme/PRODUCT.yaml"]
    assert runner.invoke(app, [*src, "/etc"]).exit_code == 2
    # a source given as the current folder
    monkeypatch.chdir(repo)
    code, data = json_of(["validate", f"{V}/beta"])
    assert code == 1 and paths(data) == [f"{V}/beta/PRODUCT.yaml"]
    assert data["source"]["location"] == str(repo)


def test_path_arguments_with_a_git_ref(repo: Path) -> None:
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    subprocess.run(["git", "-C", str(repo), "add", "-A"], check=True)
    subprocess.run(["git", "-C", str(repo), "-c", "user.name=T", "-c", "user.email=t@example.com",
                    "commit", "-q", "-m", "x"], check=True)
    code, data = json_of(["validate", "--source", str(repo), "--ref", "HEAD", f"{V}/beta/"])
    assert code == 1 and paths(data) == [f"{V}/beta/PRODUCT.yaml"]
    assert re.fullmatch(r"[0-9a-f]{40}", data["source"]["commit"])


# -- kaic rules ---------------------------------------------------------------------------------


def test_rules_lists_every_rule() -> None:
    result = runner.invoke(app, ["rules"], env={"COLUMNS": "300"})
    assert result.exit_code == 0
    for rule in RULES.values():
        assert rule.id in result.stdout
        assert rule.summary[:40] in result.stdout


def test_rules_shows_one_rule() -> None:
    result = runner.invoke(app, ["rules", "evidence-not-a-list"], env={"COLUMNS": "300"})
    assert result.exit_code == 0
    rule = RULES["evidence-not-a-list"]
    assert result.stdout.startswith(f"{rule.id}  ({rule.severity.value})")
    assert "Fails:" in result.stdout and "Passes:" in result.stdout
    assert f"Fix: {rule.hint}" in result.stdout
    result = runner.invoke(app, ["rules", "evidence-not-a-lis"])
    assert result.exit_code == 2 and "no rule 'evidence-not-a-lis'" in result.stderr


# -- the bundled sample ---------------------------------------------------------------------------

ROW = re.compile(r"^\| `(v\d+\.\d+/[^`]+)` \|")
RULE_TOKEN = re.compile(r"`([a-z0-9]+(?:-[a-z0-9]+)+)`")


def test_sample_readme_lists_the_rules_kaic_reports() -> None:
    readme = (sample_root() / "README.md").read_text("utf-8")
    expected: dict[str, set[str]] = {}
    for line in readme.splitlines():
        m = ROW.match(line)
        if m and line.count(" | ") >= 3:
            column = line.split(" | ")[3]
            expected[f"{m.group(1)}/PRODUCT.yaml"] = set(RULE_TOKEN.findall(column))
    assert all(ids <= set(RULES) for ids in expected.values()), expected
    code, data = json_of(["validate", "--source", "sample"])
    assert code == 1
    reported: dict[str, set[str]] = {p: set() for p in paths(data)}
    for f in data["findings"]:
        reported[f["path"]].add(f["rule"])
    assert reported == expected


# -- the corpus -------------------------------------------------------------------------------------


def _product_files(checkout: Path, commit: str) -> list[str]:
    out = subprocess.run(["git", "-C", str(checkout), "ls-tree", "-r", "--name-only", commit],
                         check=True, capture_output=True, text=True).stdout
    return sorted(p for p in out.splitlines() if re.fullmatch(r"v\d+\.\d+/[^/]+/PRODUCT\.yaml", p))


@pytest.mark.corpus
@pytest.mark.parametrize("ref", [MAIN, OLD])
def test_corpus_validates_without_crash(ref: str, corpus_state: Callable[[str], RepoState],
                                        corpus_checkout: Path) -> None:
    state = corpus_state(ref)
    result = validate(state)
    expected = _product_files(corpus_checkout, ref)
    assert sorted(s.path for s in result.submissions) == expected
    assert len(expected) == (28 if ref == MAIN else 23)
    assert all(s.parsed for s in result.submissions)
    assert not [f for f in result.findings if f.rule == INTERNAL_ERROR]
    keys = [(f.path, f.line or 0, f.rule) for f in result.findings]
    assert keys == sorted(keys)
    assert {f.path for f in result.findings} <= set(expected)


@pytest.mark.corpus
def test_corpus_bundle_at_a_short_ref(corpus_bundle: Path, corpus_checkout: Path) -> None:
    result = runner.invoke(app, ["validate", "--source", str(corpus_bundle), "--ref", "04ca2f5",
                                 "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    data = json.loads(result.stdout)
    assert data["source"]["commit"] == OLD
    assert sorted(paths(data)) == _product_files(corpus_checkout, OLD)
    text = runner.invoke(app, ["validate", "--source", str(corpus_bundle), "--ref", "04ca2f5"])
    assert text.exit_code == result.exit_code
    assert text.stdout.splitlines()[-1].startswith("23 submissions checked, ")
