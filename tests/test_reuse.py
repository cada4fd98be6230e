"""Findings reused from the result cache (kaic.reuse): only while everything the rules
read is unchanged, on fictional repositories."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest

from kaic import cache
from kaic.cache import Store
from kaic.config import Config
from kaic.lint import INTERNAL_ERROR, validate
from kaic.load import load_state
from kaic.reuse import View
from kaic.rules import RULES, Severity
from kaic.source import DirectorySource

from .fixtures.builder import checklist_text, write_repo
from .test_artifact_rules import GANG, HYBRID, SPEC, answer, product


def _stored(store: Store) -> int:
    return store.info().namespaces.get("findings", 0)


def _repo(root: Path, evidence: list[str], files: dict[str, str]) -> Path:
    p = product(HYBRID)
    answer(p, "gang_scheduling")["evidence"] = evidence
    folder = f"v{HYBRID}/acme"
    write_repo(root, {folder: p}, {HYBRID: checklist_text(SPEC)})
    for name, text in files.items():
        (root / folder / name).write_text(text, encoding="utf-8")
    return root / folder


def _findings(root: Path, **kwargs: object) -> list[tuple[str, str]]:
    result = validate(load_state(DirectorySource(root)), **kwargs)  # type: ignore[arg-type]
    return sorted((f.rule, f.severity.value) for f in result.findings)


def _junit(child: str) -> str:
    return f'<testsuite name="s"><testcase name="{GANG.test}"><{child}/></testcase></testsuite>\n'


def test_an_artifact_rewritten_to_the_same_size_is_read_again(store: Store, tmp_path: Path) -> None:
    folder = _repo(tmp_path / "repo", ["junit.xml"], {"junit.xml": _junit("skipped")})
    first = _findings(tmp_path / "repo")
    assert "artifact-test-skipped" in [r for r, _ in first]
    assert _stored(store) == 1
    hits = store.hits
    assert _findings(tmp_path / "repo") == first
    assert store.hits > hits  # served from the record
    assert len(_junit("failure")) == len(_junit("skipped"))  # same size: only the bytes tell
    (folder / "junit.xml").write_text(_junit("failure"), encoding="utf-8")
    changed = [r for r, _ in _findings(tmp_path / "repo")]
    assert "artifact-test-failed" in changed and "artifact-test-skipped" not in changed


def test_a_removed_evidence_file_is_noticed(store: Store, tmp_path: Path) -> None:
    folder = _repo(tmp_path / "repo", ["results.md"], {"results.md": "# gang scheduling ran\n"})
    assert "local-evidence-not-found" not in [r for r, _ in _findings(tmp_path / "repo")]
    (folder / "results.md").unlink()
    assert "local-evidence-not-found" in [r for r, _ in _findings(tmp_path / "repo")]
    (folder / "results.md").write_text("# gang scheduling ran\n", encoding="utf-8")
    assert "local-evidence-not-found" not in [r for r, _ in _findings(tmp_path / "repo")]


def test_the_rule_configuration_is_part_of_the_key(store: Store, tmp_path: Path) -> None:
    _repo(tmp_path / "repo", ["https://acme.example.com/evidence/gang"], {})
    answered = product(HYBRID)
    del answered["metadata"]["contactEmailAddress"]
    write_repo(tmp_path / "repo", {f"v{HYBRID}/acme": answered}, {HYBRID: checklist_text(SPEC)})
    plain = _findings(tmp_path / "repo")
    assert plain  # a missing field is a finding
    rule = next(r for r, _ in plain)
    off = _findings(tmp_path / "repo", config=Config(rules={rule: None}))
    assert rule not in [r for r, _ in off]
    louder = _findings(tmp_path / "repo", config=Config(rules={rule: Severity.INFO}))
    assert (rule, "info") in louder
    assert _findings(tmp_path / "repo") == plain


def test_a_view_that_lists_the_tree_or_reads_other_state_is_not_stored(tmp_path: Path) -> None:
    _repo(tmp_path / "repo", ["https://acme.example.com/evidence/gang"], {})
    state = load_state(DirectorySource(tmp_path / "repo"))
    looked = View(state)
    assert looked.state.exists(f"v{HYBRID}/acme/PRODUCT.yaml")
    record = looked.record([])
    assert record is not None and record.lookups == ((f"v{HYBRID}/acme/PRODUCT.yaml", state.tree[f"v{HYBRID}/acme/PRODUCT.yaml"]),)
    listed = View(state)
    assert list(listed.state.tree)
    assert listed.record([]) is None
    other = View(state)
    assert other.state.submissions == state.submissions
    assert other.record([]) is None


def test_rules_read_no_clock_environment_or_network() -> None:
    """What makes findings reusable: a rule's answer follows from what it is given."""
    import re

    import kaic.rules

    folder = Path(kaic.rules.__file__).parent
    impure = re.compile(r"\b(datetime|date\.today|time\.time|os\.environ|getenv|httpx|urllib\.request|socket)\b")
    offenders = {path.name: impure.findall(path.read_text(encoding="utf-8")) for path in sorted(folder.glob("*.py"))}
    assert len(offenders) == len(kaic.rules._MODULES) + 2  # every rule module, the registry and the API
    assert {name: found for name, found in offenders.items() if found} == {}


def test_a_crashed_rule_is_never_stored(store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _repo(tmp_path / "repo", ["https://acme.example.com/evidence/gang"], {})
    rule = RULES["na-on-must"]

    def broken(*_: object) -> Iterator[object]:
        raise RuntimeError("boom")

    monkeypatch.setitem(RULES, rule.id, dataclasses.replace(rule, check=broken))
    assert (INTERNAL_ERROR, "error") in _findings(tmp_path / "repo")
    assert _stored(store) == 0
    monkeypatch.undo()
    assert INTERNAL_ERROR not in [r for r, _ in _findings(tmp_path / "repo")]
    assert _stored(store) == 1


def test_without_a_store_nothing_is_recorded(tmp_path: Path) -> None:
    _repo(tmp_path / "repo", ["results.md"], {"results.md": "ran\n"})
    assert cache.active() is None
    assert _findings(tmp_path / "repo") == _findings(tmp_path / "repo")
    assert not (tmp_path / "cache").exists()


# -- a whole `kaic validate` run, kept with its output and exit code ------------------------------


def _cli(root: Path, cache_dir: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, str]:
    from typer.testing import CliRunner

    from kaic.cli import app

    monkeypatch.setenv("KAIC_CACHE_DIR", str(cache_dir))
    monkeypatch.delenv("KAIC_NO_CACHE", raising=False)
    done = CliRunner().invoke(app, ["validate", "--source", str(root), "--format", "json", *args])
    return done.exit_code, done.stdout


def test_a_kept_run_follows_its_files_and_options(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _repo(tmp_path / "repo", ["results.md"], {"results.md": "ran\n"})
    cache_dir = tmp_path / "cache"
    first = _cli(tmp_path / "repo", cache_dir, monkeypatch)
    assert Store(cache_dir).info().namespaces.get("validate-output") == 1
    assert _cli(tmp_path / "repo", cache_dir, monkeypatch) == first
    assert first[0] == 0 and "local-evidence-not-found" not in first[1]
    (folder / "results.md").unlink()  # an evidence file, not a PRODUCT.yaml: still a new run
    code, text = _cli(tmp_path / "repo", cache_dir, monkeypatch)
    assert (code, "local-evidence-not-found" in text) == (1, True)
    selected = _cli(tmp_path / "repo", cache_dir, monkeypatch, "--select", "na-on-must")
    assert selected[0] == 0 and "local-evidence-not-found" not in selected[1]
    assert _cli(tmp_path / "repo", cache_dir, monkeypatch, "--fail-on", "info")[0] == 1
    assert _cli(tmp_path / "repo", cache_dir, monkeypatch, "--no-cache") == (code, text)
