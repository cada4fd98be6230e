"""Rule configuration: [tool.kaic.rules] in pyproject.toml, .kaic.yaml, --config."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kaic.cli import app
from kaic.config import Config, ConfigError, load_config
from kaic.rules import RULES, Severity
from kaic.source import DirectorySource

from .fixtures.builder import VERSION, answer, clean_product, commit_all, git_init, write_repo

runner = CliRunner()
V = f"v{VERSION}"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """One submission with an error (invalid-status) and a warning (logo-format)."""
    product = clean_product()
    answer(product, "gauge_export")["status"] = "Done"
    product["metadata"]["productLogoUrl"] = "https://acme.example.com/logo.png"
    return write_repo(tmp_path / "repo", {f"{V}/acme": product})


@pytest.fixture
def elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory with no pyproject.toml (not the kaic checkout's own)."""
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    return cwd


def findings(args: list[str]) -> tuple[int, list[tuple[str, str]]]:
    result = runner.invoke(app, ["validate", *args, "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, [(f["rule"], f["severity"]) for f in json.loads(result.stdout)["findings"]]


def test_defaults(repo: Path, elsewhere: Path) -> None:
    assert findings(["--source", str(repo)]) == (1, [("logo-format", "warning"), ("invalid-status", "error")])


def test_pyproject_in_the_working_directory(repo: Path, elsewhere: Path) -> None:
    (elsewhere / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.kaic.rules]\n"logo-format" = "off"\n"invalid-status" = "warning"\n'
    )
    assert findings(["--source", str(repo)]) == (0, [("invalid-status", "warning")])


def test_kaic_yaml_in_the_repository_root(repo: Path, elsewhere: Path) -> None:
    (repo / ".kaic.yaml").write_text("rules:\n  logo-format: error\n  invalid-status: off\n")
    assert findings(["--source", str(repo)]) == (1, [("logo-format", "error")])


def test_kaic_yaml_at_a_git_ref(repo: Path, elsewhere: Path) -> None:
    (repo / ".kaic.yaml").write_text("rules:\n  invalid-status: info\n")
    git_init(repo)
    commit_all(repo, "config")
    (repo / ".kaic.yaml").write_text("rules:\n  invalid-status: error\n")  # not committed
    assert findings(["--source", str(repo), "--ref", "HEAD"]) == (
        0, [("logo-format", "warning"), ("invalid-status", "info")])


def test_explicit_config_wins(repo: Path, elsewhere: Path, tmp_path: Path) -> None:
    (elsewhere / "pyproject.toml").write_text('[tool.kaic.rules]\n"logo-format" = "info"\n')
    (repo / ".kaic.yaml").write_text("rules:\n  logo-format: error\n  invalid-status: warning\n")
    explicit = tmp_path / "strict.yaml"
    explicit.write_text("rules:\n  logo-format: off\n")
    code, found = findings(["--source", str(repo), "--config", str(explicit)])
    assert (code, found) == (0, [("invalid-status", "warning")])  # .kaic.yaml still applies
    code, found = findings(["--source", str(repo)])
    assert (code, found) == (1, [("logo-format", "error"), ("invalid-status", "warning")])


def test_rule_switched_off_is_not_reported_in_junit(repo: Path, elsewhere: Path) -> None:
    (repo / ".kaic.yaml").write_text("rules:\n  logo-format: false\n")
    result = runner.invoke(app, ["validate", "--source", str(repo), "--format", "junit"])
    assert result.exit_code == 1
    assert 'name="logo-format"' not in result.stdout and 'name="invalid-status"' in result.stdout


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("rules:\n  no-such-rule: off\n", "unknown rule 'no-such-rule'"),
        ("rules:\n  logo-format: loud\n", "'loud' is not off/error/warning/info"),
        ("rules: [logo-format]\n", "expected a 'rules' mapping"),
        ("- just a list\n", "expected a 'rules' mapping"),
        ("rules: {logo-format: [unclosed\n", ".kaic.yaml"),
    ],
)
def test_bad_config_is_a_usage_error(repo: Path, elsewhere: Path, text: str, message: str) -> None:
    (repo / ".kaic.yaml").write_text(text)
    result = runner.invoke(app, ["validate", "--source", str(repo)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert message in result.stderr


def test_bad_pyproject_is_a_usage_error(repo: Path, elsewhere: Path) -> None:
    (elsewhere / "pyproject.toml").write_text("[tool.kaic\n")
    result = runner.invoke(app, ["validate", "--source", str(repo)])
    assert result.exit_code == 2 and "pyproject.toml" in result.stderr


def test_load_config_and_config_api(repo: Path, tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.kaic.rules]\n"na-on-must" = "error"\n')
    (repo / ".kaic.yaml").write_text("rules:\n  metadata-key-style: off\n")
    cfg = load_config(DirectorySource(repo), None, cwd=tmp_path)
    assert cfg.origins == (str(tmp_path / "pyproject.toml"), ".kaic.yaml")
    assert cfg.severity("na-on-must", Severity.WARNING) is Severity.ERROR
    assert not cfg.enabled("metadata-key-style")
    assert cfg.enabled("logo-format") and cfg.severity("logo-format", Severity.WARNING) is Severity.WARNING
    default = Config()
    assert all(default.enabled(rid) for rid in RULES)
    with pytest.raises(ConfigError):
        load_config(None, tmp_path / "missing.yaml", cwd=tmp_path)


def test_pyproject_without_kaic_section_is_ignored(repo: Path, tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "other"\n')
    cfg = load_config(DirectorySource(repo), None, cwd=tmp_path)
    assert cfg.rules == {} and cfg.origins == ()


def test_changed_reads_config_from_the_trusted_base(repo: Path, elsewhere: Path) -> None:
    """A pull request cannot silence a rule by adding .kaic.yaml: --changed reads the base's."""
    git_init(repo)
    commit_all(repo, "base")
    product = clean_product(name="beta", vendor="Beta Gadgets")
    answer(product, "gauge_export")["status"] = "Done"
    write_repo(repo, {f"{V}/beta": product})
    (repo / ".kaic.yaml").write_text("rules:\n  invalid-status: off\n  logo-format: off\n")
    commit_all(repo, "pull request")
    code, got = findings(["--source", str(repo), "--ref", "HEAD", "--changed", "HEAD~1"])
    assert (code, got) == (1, [("invalid-status", "error")])
    # Without --changed, the state's own config applies (the maintainers' choice on main).
    assert findings(["--source", str(repo), "--ref", "HEAD"]) == (0, [])


def test_pyproject_in_the_repository_root(repo: Path, elsewhere: Path) -> None:
    (repo / "pyproject.toml").write_text('[tool.kaic.rules]\n"logo-format" = "off"\n')
    assert findings(["--source", str(repo)]) == (1, [("invalid-status", "error")])
    (repo / ".kaic.yaml").write_text("rules:\n  logo-format: info\n")  # .kaic.yaml wins over it
    assert findings(["--source", str(repo)]) == (1, [("logo-format", "info"), ("invalid-status", "error")])
