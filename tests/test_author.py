"""`kaic init` and renewals on small fictional repositories: what is written, what is
refused, and what a renewal lists."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from kaic.cli import app

from .fixtures.builder import SPEC, VERSION, answer, checklist_text, clean_product, write_repo

runner = CliRunner()
NEXT = "3.2"
# 3.2: trace_hint dropped, dra_claims raised to MUST, a new SHOULD added
SPEC_NEXT = {
    "widgets": [SPEC["widgets"][0], ("dra_claims", "MUST", SPEC["widgets"][1][2])],
    "telemetry": [SPEC["telemetry"][0], ("span_export", "SHOULD", "The platform should export widget spans.")],
}


def init(repo: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["init", *args, "--source", str(repo)])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    old = clean_product()
    answer(old, "dra_claims")["status"] = "Partially Implemented"
    answer(old, "trace_hint")["notes"] = "Traced by\nour own agent."
    answer(old, "gauge_export")["evidence"] = ["results/gauges.md", "../other/secret.md", "https://acme.example.com/g"]
    root = write_repo(tmp_path / "repo", {f"v{VERSION}/acme": old},
                      {VERSION: checklist_text(), NEXT: checklist_text(SPEC_NEXT)})
    (root / f"v{VERSION}/acme/results").mkdir()
    (root / f"v{VERSION}/acme/results/gauges.md").write_text("gauges\n")
    (root / f"v{VERSION}/other").mkdir()
    (root / f"v{VERSION}/other/secret.md").write_text("not yours\n")
    return root


def test_new_submission_holds_the_checklist_and_only_what_was_given(repo: Path) -> None:
    code, out, _ = init(repo, f"v{NEXT}/newco", "--vendor", "New Co", "--set", "websiteUrl=https://newco.example/")
    assert code == 0 and f"v{NEXT}/newco/PRODUCT.yaml" in out
    text = (repo / f"v{NEXT}/newco/PRODUCT.yaml").read_text()
    data = yaml.safe_load(text)
    assert data["metadata"]["vendorName"] == "New Co"
    assert data["metadata"]["websiteUrl"] == "https://newco.example/"
    assert data["metadata"]["platformName"] == ""  # not given: empty, never the placeholder
    assert [(i["id"], i["level"], i["description"]) for i in data["spec"]["telemetry"]] == SPEC_NEXT["telemetry"]
    assert text.startswith("# ") and f"kaic validate v{NEXT}/newco" in text


def test_hostile_values_are_written_as_data(repo: Path) -> None:
    nasty = 'a "quoted" # not a comment\nsecond line: {x}\u2028'
    code, _, _ = init(repo, f"v{NEXT}/newco", "--platform", nasty)
    assert code == 0
    data = yaml.safe_load((repo / f"v{NEXT}/newco/PRODUCT.yaml").read_text())
    assert data["metadata"]["platformName"] == nasty
    assert init(repo, f"v{NEXT}/other", "--set", "no-equals-sign")[0] == 2


def test_refuses_to_overwrite_without_force(repo: Path) -> None:
    target = repo / f"v{VERSION}/acme/PRODUCT.yaml"
    before = target.read_bytes()
    code, _, err = init(repo, f"v{VERSION}/acme")
    assert code == 2 and "already exists" in err and target.read_bytes() == before
    assert init(repo, f"v{VERSION}/acme", "--force")[0] == 0
    assert yaml.safe_load(target.read_text())["metadata"]["vendorName"] == ""


@pytest.mark.parametrize("name", ["..", ".", "a b", "$(id)", "-rf", "x/y", "ü", "a\nb"])
def test_refuses_names_that_are_not_plain_folder_names(repo: Path, name: str) -> None:
    before = sorted(p.relative_to(repo) for p in repo.rglob("*"))
    code, _, _ = init(repo, f"v{NEXT}/{name}")
    assert code == 2
    assert sorted(p.relative_to(repo) for p in repo.rglob("*")) == before


def test_refuses_unknown_versions_and_bad_targets(repo: Path) -> None:
    assert init(repo, "v9.9/newco")[0] == 2  # no checklist
    assert init(repo, "newco")[0] == 2
    assert init(repo, f"v{NEXT}/newco", "--copy-evidence")[0] == 2  # needs --from
    assert init(repo, f"v{NEXT}/newco", "--from", f"v{VERSION}/nobody")[0] == 2
    assert runner.invoke(app, ["init", f"v{NEXT}/x", "--source", "sample"]).exit_code == 2


def test_writes_nothing_through_a_linked_folder(repo: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    os.symlink(outside, repo / f"v{NEXT}")
    code, _, err = init(repo, f"v{NEXT}/newco")
    assert code == 2 and "not a folder" in err
    assert list(outside.iterdir()) == []


def test_renewal_carries_answers_and_lists_what_changed(repo: Path) -> None:
    code, out, _ = init(repo, f"v{NEXT}/acme", "--from", f"v{VERSION}/acme")
    assert code == 0, out
    data = yaml.safe_load((repo / f"v{NEXT}/acme/PRODUCT.yaml").read_text())
    items = {i["id"]: i for items in data["spec"].values() for i in items}
    assert items["gauge_export"]["evidence"] == ["results/gauges.md", "../other/secret.md", "https://acme.example.com/g"]
    assert items["dra_claims"]["status"] == "Partially Implemented"
    assert items["dra_claims"]["level"] == "MUST"  # the new checklist's level
    assert (items["span_export"]["status"], items["span_export"]["evidence"]) == ("", [])
    assert "trace_hint" not in items
    assert data["metadata"]["vendorName"] == "Acme Widgets"

    assert "  telemetry/span_export (SHOULD)" in out
    assert "  telemetry/trace_hint: Implemented; https://acme.example.com/evidence/trace_hint" in out
    assert "  dra_claims (was SHOULD): status is Partially Implemented" in out
    assert f"  v{VERSION}/acme/results/gauges.md" in out
    assert "  ../other/secret.md" in out  # listed as outside, never copied
    text = (repo / f"v{NEXT}/acme/PRODUCT.yaml").read_text()
    assert "# Dropped from the" in text and "'Traced by\\nour own agent.'" in text  # kept, as a comment
    assert not (repo / f"v{NEXT}/acme/results").exists()  # not copied without --copy-evidence


def test_kubernetes_version_follows_the_new_checklist(repo: Path) -> None:
    # the builder's template has a placeholder there, so the folder's version is used
    init(repo, f"v{NEXT}/acme", "--from", f"v{VERSION}/acme")
    data = yaml.safe_load((repo / f"v{NEXT}/acme/PRODUCT.yaml").read_text())
    assert data["metadata"]["kubernetesVersion"] == f"v{NEXT}"


def test_copy_evidence_copies_only_from_inside_the_old_folder(repo: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.md"
    secret.write_text("outside\n")
    os.symlink(secret, repo / f"v{VERSION}/acme/results/link.md")
    old = yaml.safe_load((repo / f"v{VERSION}/acme/PRODUCT.yaml").read_text())
    answer(old, "gauge_export")["evidence"].append("results/link.md")
    (repo / f"v{VERSION}/acme/PRODUCT.yaml").write_text(yaml.safe_dump(old, sort_keys=False))
    code, out, _ = init(repo, f"v{NEXT}/acme", "--from", f"v{VERSION}/acme", "--copy-evidence")
    assert code == 0
    assert (repo / f"v{NEXT}/acme/results/gauges.md").read_text() == "gauges\n"
    assert not (repo / f"v{NEXT}/acme/results/link.md").exists()
    assert not (repo / f"v{NEXT}/other").exists() and not (repo / f"v{NEXT}/acme/secret.md").exists()
    assert "results/link.md: not copied" in out


def test_shipped_metadata_instructions_follow_their_schema() -> None:
    """The instructions `kaic init` writes beside metadata fields are data with a schema."""
    import json

    import jsonschema

    from kaic.author.template import FIELDS_PATH
    from kaic.model import UPSTREAM_REQUIRED_METADATA

    schema = json.loads((FIELDS_PATH.parent / "schemas" / "metadata_fields.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    data = yaml.safe_load(FIELDS_PATH.read_text())
    jsonschema.validate(data, schema)
    assert set(UPSTREAM_REQUIRED_METADATA) <= set(data["instructions"])  # each has an instruction
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"version": 1, "instructions": {"Bad Key": "x"}}, schema)


def test_renewal_summary_prints_no_terminal_escapes(repo: Path) -> None:
    old = yaml.safe_load((repo / f"v{VERSION}/acme/PRODUCT.yaml").read_text())
    answer(old, "trace_hint")["evidence"] = ["https://acme.example.com/\x1b[2Jcleared"]
    answer(old, "trace_hint")["status"] = "Implemented\x1b]0;title\x07"
    (repo / f"v{VERSION}/acme/PRODUCT.yaml").write_text(yaml.safe_dump(old, sort_keys=False))
    code, out, _ = init(repo, f"v{NEXT}/acme", "--from", f"v{VERSION}/acme")
    assert code == 0
    assert "\x1b" not in out and "\x07" not in out
    assert "\\x1b[2Jcleared" in out  # shown, escaped


@pytest.mark.parametrize("copy", [False, True])
def test_references_written_from_the_repository_root(repo: Path, copy: bool) -> None:
    old = yaml.safe_load((repo / f"v{VERSION}/acme/PRODUCT.yaml").read_text())
    ref = f"file://v{VERSION}/acme/results/gauges.md#TestGauges"
    answer(old, "gauge_export")["evidence"] = [ref]
    (repo / f"v{VERSION}/acme/PRODUCT.yaml").write_text(yaml.safe_dump(old, sort_keys=False))
    args = ["--copy-evidence"] if copy else []
    code, out, _ = init(repo, f"v{NEXT}/acme", "--from", f"v{VERSION}/acme", *args)
    assert code == 0
    assert f"  v{VERSION}/acme/results/gauges.md" in out  # the file it names is listed
    data = yaml.safe_load((repo / f"v{NEXT}/acme/PRODUCT.yaml").read_text())
    carried = answer(data, "gauge_export")["evidence"]
    if copy:
        assert carried == [f"file://v{NEXT}/acme/results/gauges.md#TestGauges"]
        assert (repo / f"v{NEXT}/acme/results/gauges.md").read_text() == "gauges\n"
        assert f"now naming v{NEXT}/acme/" in out
    else:
        assert carried == [ref]
        assert f"still naming v{VERSION}/acme/" in out
