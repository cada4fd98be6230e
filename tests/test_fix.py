"""`kaic fix`: each fix on small fictional files, what it keeps, and what it refuses."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML
from typer.testing import CliRunner

from kaic.cli import app
from kaic.fix import FIXERS, fix_text
from kaic.fix.fixers.evidence import split_urls
from kaic.lint import validate
from kaic.load import load_state
from kaic.model import parse_checklist
from kaic.rules import RULES
from kaic.source import open_source
from kaic.yaml_write import scalar

from .fixtures.builder import SPEC, VERSION, answer, checklist_text, clean_product, dump, write_repo

runner = CliRunner()
V = f"v{VERSION}"
PATH = f"{V}/acme/PRODUCT.yaml"
CHECKLIST = parse_checklist(f"docs/AIConformance-{VERSION}.yaml", VERSION, checklist_text())
DESCRIPTION = SPEC["widgets"][0][2]


def fixed(text: str) -> str:
    result = fix_text(PATH, text.encode(), CHECKLIST)
    assert result.refused is None, result.refused
    return result.after


def rules_of(root: Path) -> list[str]:
    return sorted(f.rule for f in validate(load_state(open_source(str(root)))).findings)


# -- the registry ------------------------------------------------------------------------------


def test_every_fix_belongs_to_a_rule_that_declares_it() -> None:
    declared = {rid for rid, rule in RULES.items() if rule.fix}
    assert declared == set(FIXERS)
    for rid in FIXERS:
        assert RULES[rid].fix and len(RULES[rid].fix) > 10


def test_rules_command_shows_the_fix() -> None:
    result = runner.invoke(app, ["rules", "level-edited"], env={"COLUMNS": "300"})
    assert result.exit_code == 0 and f"kaic fix: {RULES['level-edited'].fix}" in result.stdout
    result = runner.invoke(app, ["rules", "must-not-implemented"], env={"COLUMNS": "300"})
    assert "kaic fix: no automatic fix" in result.stdout
    result = runner.invoke(app, ["rules"])  # piped: tab-separated, the fix column before the summary
    row = next(line for line in result.stdout.splitlines() if line.startswith("level-edited\t"))
    assert row.split("\t")[3] == "fix"


# -- one fix at a time, on text with comments and odd layout -----------------------------------

BASE = dump(clean_product())


def test_description_restored_keeping_everything_else() -> None:
    text = "# top comment\n" + BASE.replace(DESCRIPTION, "Widgets are shared.")
    after = fixed(text)
    assert after == "# top comment\n" + BASE  # plain again, nothing else moved


def test_block_scalar_description_replaced_on_its_lines_only() -> None:
    text = BASE.replace(f"description: {DESCRIPTION}", "description: >\n      Widgets\n      are shared.")
    assert fixed(text) == BASE


def test_level_restored_in_the_same_quoting() -> None:
    text = BASE.replace("level: MUST", "level: 'SHOULD'  # we think so", 1)
    after = fixed(text)
    assert "level: 'MUST'  # we think so" in after
    assert after.replace("'MUST'  # we think so", "MUST", 1) == BASE


def test_status_spelling_normalised_only_when_nothing_but_case_or_spacing_differs() -> None:
    text = BASE.replace("status: Implemented", 'status: " implemented"', 1)
    text = text.replace("status: Implemented", "status: not_implemented", 1)
    text = text.replace("status: Implemented", "status: Done", 1)
    after = fixed(text)
    statuses = [item["status"] for items in yaml.safe_load(after)["spec"].values() for item in items]
    assert statuses == ["Implemented", "Not Implemented", "Done", "Implemented"]
    assert 'status: "Implemented"' in after  # the double quotes kept


def test_string_evidence_wrapped_and_empty_items_dropped() -> None:
    product = clean_product()
    answer(product, "widget_sharing")["evidence"] = "https://acme.example.com/a"
    answer(product, "gauge_export")["evidence"] = ["https://acme.example.com/b", "", "https://acme.example.com/c"]
    answer(product, "trace_hint")["evidence"] = [""]
    answer(product, "dra_claims")["evidence"] = ""
    text = dump(product).replace("- ''\n", "- ''   # left blank\n", 1)
    after = fixed(text)
    data = yaml.safe_load(after)
    evidence = {i["id"]: i["evidence"] for items in data["spec"].values() for i in items}
    assert evidence == {
        "widget_sharing": ["https://acme.example.com/a"],
        "dra_claims": [],
        "gauge_export": ["https://acme.example.com/b", "https://acme.example.com/c"],
        "trace_hint": [],
    }
    assert "evidence: [https://acme.example.com/a]" in after  # plain stays plain inside the list


def test_string_evidence_that_is_a_status_word_or_prose() -> None:
    product = clean_product()
    answer(product, "widget_sharing")["evidence"] = "N/A"
    answer(product, "gauge_export")["evidence"] = "see the notes below"
    answer(product, "trace_hint")["evidence"] = "results/run.md"
    after = fixed(dump(product))
    evidence = {i["id"]: i["evidence"] for items in yaml.safe_load(after)["spec"].values() for i in items}
    assert evidence["widget_sharing"] == []  # a status word says "no evidence": listed as none
    assert evidence["gauge_export"] == "see the notes below"  # prose: left for the vendor
    assert evidence["trace_hint"] == ["results/run.md"]


def test_flow_list_with_an_empty_item() -> None:
    text = BASE.replace("evidence:\n    - https://acme.example.com/evidence/widget_sharing",
                        'evidence: ["https://acme.example.com/evidence/widget_sharing", ""]')
    after = fixed(text)
    assert 'evidence: ["https://acme.example.com/evidence/widget_sharing"]' in after


def test_comma_joined_urls_split_into_items() -> None:
    joined = "https://acme.example.com/x, https://acme.example.com/y"
    text = BASE.replace("- https://acme.example.com/evidence/widget_sharing", f'- "{joined}"')
    after = fixed(text)
    assert '    - "https://acme.example.com/x"\n    - "https://acme.example.com/y"\n' in after
    assert split_urls("https://a.example/x?a=1,2") == []  # one URL with a comma stays whole
    assert split_urls("see https://a.example/x, https://b.example/y") == []  # words: not only URLs
    assert split_urls("https://a.example/x;https://b.example/y") == ["https://a.example/x", "https://b.example/y"]


def test_spaces_around_a_url_trimmed() -> None:
    text = BASE.replace("- https://acme.example.com/evidence/widget_sharing",
                        '- " https://acme.example.com/evidence/widget_sharing\t"  # ours')
    assert fixed(text) == BASE.replace("- https://acme.example.com/evidence/widget_sharing",
                                       '- "https://acme.example.com/evidence/widget_sharing"  # ours')


def test_snake_case_keys_renamed_unless_that_would_duplicate() -> None:
    text = BASE.replace("websiteUrl:", "website_url:").replace("repoUrl:", "repo_url:")
    text = text.replace("  documentationUrl: https://acme.example.com/docs\n",
                        "  documentationUrl: https://acme.example.com/docs\n  documentation_url: x\n")
    after = fixed(text)
    assert "websiteUrl:" in after and "repoUrl:" in after and "documentation_url: x" in after


def test_missing_requirement_and_category_added_as_empty_blocks() -> None:
    product = clean_product()
    product["spec"]["widgets"] = [i for i in product["spec"]["widgets"] if i["id"] != "dra_claims"]
    del product["spec"]["telemetry"]
    after = fixed(dump(product))
    data = yaml.safe_load(after)
    assert [i["id"] for i in data["spec"]["widgets"]] == ["widget_sharing", "dra_claims"]
    assert [i["id"] for i in data["spec"]["telemetry"]] == ["gauge_export", "trace_hint"]
    for rid, level, desc in [*SPEC["widgets"][1:], *SPEC["telemetry"]]:
        item = next(i for items in data["spec"].values() for i in items if i["id"] == rid)
        assert item == {"id": rid, "description": desc, "level": level, "status": "", "evidence": [], "notes": ""}


def test_nothing_to_fix_leaves_the_text_identical() -> None:
    result = fix_text(PATH, BASE.encode(), CHECKLIST)
    assert result.after == BASE and not result.applied and not result.changed


@pytest.mark.parametrize("data", [
    b"metadata: {\n",  # not YAML
    b"\xff\xfe not utf-8",
    b"metadata:\n  vendorName: a\n  vendorName: b\nspec: {}\n",  # duplicate key
    b"- a list\n",
    BASE.replace("\n", "\r\n").encode(),
    BASE.replace("level: MUST", "level: &lv SHOULD", 1).replace("level: SHOULD", "level: *lv", 1).encode(),
])
def test_a_file_kaic_cannot_read_cleanly_is_refused(data: bytes) -> None:
    result = fix_text(PATH, data, CHECKLIST)
    assert result.refused and not result.changed


# -- the command ---------------------------------------------------------------------------------


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    broken = clean_product()
    answer(broken, "widget_sharing")["level"] = "SHOULD"
    return write_repo(tmp_path / "repo", {f"{V}/acme": broken, f"{V}/clean": clean_product(name="clean")})


def test_diff_writes_nothing_and_fix_writes_only_what_changed(repo: Path) -> None:
    target = repo / PATH
    before = target.read_bytes()
    clean_before = (repo / f"{V}/clean/PRODUCT.yaml").stat().st_mtime_ns
    result = runner.invoke(app, ["fix", "--source", str(repo), "--diff"])
    assert result.exit_code == 0
    assert result.stdout.startswith(f"--- a/{PATH}\n+++ b/{PATH}\n")
    assert "-    level: SHOULD\n+    level: MUST\n" in result.stdout
    assert target.read_bytes() == before
    result = runner.invoke(app, ["fix", "--source", str(repo)])
    assert result.exit_code == 0 and "level-edited" in result.stderr
    assert target.read_bytes() == before.replace(b"level: SHOULD", b"level: MUST", 1)
    assert (repo / f"{V}/clean/PRODUCT.yaml").stat().st_mtime_ns == clean_before
    assert "level-edited" not in rules_of(repo)
    assert not [p for p in target.parent.iterdir() if p.name.startswith(".kaic-")]  # no temp file left


def test_validate_fix(repo: Path) -> None:
    result = runner.invoke(app, ["validate", "--source", str(repo), "--fix"])
    assert result.exit_code == 0, result.stdout
    assert b"level: MUST" in (repo / PATH).read_bytes()


def test_fix_never_writes_through_a_link(repo: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_bytes((repo / PATH).read_bytes())
    (repo / PATH).unlink()
    os.symlink(outside, repo / PATH)
    before = outside.read_bytes()
    runner.invoke(app, ["fix", "--source", str(repo)])
    assert outside.read_bytes() == before and (repo / PATH).is_symlink()


def test_fix_refuses_sample_and_missing_folders(tmp_path: Path) -> None:
    assert runner.invoke(app, ["fix", "--source", "sample"]).exit_code == 2
    assert runner.invoke(app, ["fix", "--source", str(tmp_path / "nowhere")]).exit_code == 2


# -- properties ------------------------------------------------------------------------------------



@settings(max_examples=500, deadline=None)
@given(value=st.text(max_size=40), style=st.sampled_from(['"', "'", None]), flow=st.booleans())
def test_any_string_is_written_so_that_it_reads_back(value: str, style: str | None, flow: bool) -> None:
    text = scalar(value, style, flow=flow)
    assert "\n" not in text and "\r" not in text
    for doc in ((f"k: [{text}]", f"k: [{text}, {text}]  # c") if flow else (f"k: {text}", f"k: {text}  # c")):
        for loader in (yaml.SafeLoader, yaml.CSafeLoader):  # they disagree on a few plain scalars
            got = yaml.load(doc, Loader=loader)["k"]
            assert (got[0] if flow else got) == value
        YAML(typ="safe", pure=True).compose(doc)  # and ruamel.yaml, which kaic fix edits with, reads it


@settings(max_examples=25, deadline=None)
@given(notes=st.text(max_size=30), status=st.text(max_size=12))
def test_a_fix_never_changes_answers_it_does_not_fix(notes: str, status: str) -> None:
    product = clean_product()
    answer(product, "trace_hint")["notes"] = notes
    answer(product, "trace_hint")["status"] = status
    answer(product, "widget_sharing")["level"] = "SHOULD"
    text = dump(product)
    result = fix_text(PATH, text.encode(), CHECKLIST)
    if result.refused:  # e.g. a carriage return in the notes
        assert result.after == result.before
        return
    after, before = yaml.safe_load(result.after), yaml.safe_load(text)  # (PyYAML's dump may not
    assert answer(after, "widget_sharing")["level"] == "MUST"          # round-trip every string)
    trace, was = answer(after, "trace_hint"), answer(before, "trace_hint")
    assert trace["notes"] == was["notes"]
    spelling = " ".join(str(was["status"]).replace("_", " ").replace("-", " ").split()).lower()
    assert trace["status"] == was["status"] or spelling == trace["status"].lower()


def test_a_failed_write_leaves_the_original(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = repo / PATH
    before = target.read_bytes()

    def broken(*_: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken)
    result = runner.invoke(app, ["fix", "--source", str(repo)])
    assert result.exit_code == 1 and "not written" in result.stderr
    assert target.read_bytes() == before
    assert not [p for p in target.parent.iterdir() if p.name.startswith(".kaic-")]
