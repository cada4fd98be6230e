"""Baselines and deltas: `kaic baseline`, `kaic diff OLD NEW` (git refs or baseline files)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner

from kaic.baseline import (
    BASELINE_VERSION,
    RENDER,
    BaselineError,
    as_baseline,
    diff,
    is_empty,
    read_baseline,
    snapshot,
)
from kaic.cli import app
from kaic.lint import validate
from kaic.report.build import build_report

from . import corpus_facts as facts
from .conftest import MAIN, OLD
from .test_analysis import V1, V2, checklist, state, submission
from .test_report import SCHEMA_PATH

runner = CliRunner()


def baseline_schema() -> dict[str, Any]:
    full = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return {"$schema": full["$schema"], "$ref": "#/$defs/baseline", "$defs": full["$defs"]}


def assert_baseline_valid(doc: dict[str, Any]) -> None:
    errors = [f"{e.json_path}: {e.message}" for e in jsonschema.Draft202012Validator(baseline_schema()).iter_errors(doc)]
    assert not errors, errors[:5]


def old_state():  # type: ignore[no-untyped-def]
    return state([checklist("2.1", V1)], [
        submission("2.1", "alpha", "Alpha", {"dra": "Implemented", "gang": "Implemented", "metrics": ("N/A", "none")}),
        submission("2.1", "beta", "Beta", {"dra": "Implemented", "gang": "Implemented", "metrics": "Implemented"}),
        submission("2.1", "gone", "Gone", {"dra": "Implemented", "gang": "Implemented", "metrics": "Implemented"}),
    ])


def new_state():  # type: ignore[no-untyped-def]
    beta = submission("2.1", "beta", "Beta", {"dra": "Implemented", "gang": "Implemented", "metrics": "Implemented"},
                      platform="Beta Platform 2")
    alpha = submission("2.1", "alpha", "Alpha", {"dra": "Implemented", "gang": "Implemented", "metrics": ("Implemented", "now")},
                       extra="")
    return state([checklist("2.1", {**V1, "dra": ("accel", "MUST")}), checklist("2.2", V2)], [
        alpha,
        beta,
        submission("2.2", "new", "Newcomer", {"dra": "Implemented", "gang": "Implemented", "metrics": "Implemented"}),
    ])


def test_snapshot_contents() -> None:
    doc = snapshot(old_state())
    assert_baseline_valid(doc)
    assert doc["baseline_version"] == BASELINE_VERSION
    assert doc["source"]["commit"] and doc["source"]["date"] == "2030-01-02T03:04:05+00:00"
    assert doc["inventory"] == {"2.1": {"submissions": 3, "products": ["alpha", "beta", "gone"], "vendors": 3}}
    assert doc["totals"] == {"submissions": 3, "vendors": 3}
    alpha = doc["submissions"]["v2.1/alpha/PRODUCT.yaml"]
    assert alpha["statuses"] == {"dra": "Implemented", "gang": "Implemented", "metrics": "N/A"}
    assert alpha["evidence"]["dra"] == ["https://example.com/e"]
    assert alpha["metadata"]["vendorName"] == "Alpha"
    assert alpha["notes"]["dra"] == "" and len(alpha["notes"]["metrics"]) == 12
    assert doc["checklists"]["2.1"]["requirements"]["dra"]["level"] == "SHOULD"
    assert snapshot(old_state()) == doc  # deterministic


def test_fingerprint_tracks_statuses_evidence_metadata_and_notes() -> None:
    base = submission("2.1", "x", "X", {"dra": ("Implemented", "n")})
    variants = [
        submission("2.1", "x", "X", {"dra": ("N/A", "n")}),
        submission("2.1", "x", "Y", {"dra": ("Implemented", "n")}),
        submission("2.1", "x", "X", {"dra": ("Implemented", "other notes")}),
    ]
    prints = {snapshot(state([], [s]))["submissions"]["v2.1/x/PRODUCT.yaml"]["fingerprint"] for s in [base, *variants]}
    assert len(prints) == 4


def test_diff_of_two_fictional_states() -> None:
    delta = diff(snapshot(old_state()), snapshot(new_state()))
    subs = delta["submissions"]
    assert [a["path"] for a in subs["added"]] == ["v2.2/new/PRODUCT.yaml"]
    assert subs["added"][0]["vendor"] == "Newcomer"
    assert [r["path"] for r in subs["removed"]] == ["v2.1/gone/PRODUCT.yaml"]
    changed = {c["path"]: c for c in subs["changed"]}
    assert set(changed) == {"v2.1/alpha/PRODUCT.yaml", "v2.1/beta/PRODUCT.yaml"}
    assert changed["v2.1/alpha/PRODUCT.yaml"]["statuses"] == [{"requirement": "metrics", "old": "N/A", "new": "Implemented"}]
    assert changed["v2.1/alpha/PRODUCT.yaml"]["notes"] == ["metrics"]
    assert changed["v2.1/beta/PRODUCT.yaml"]["metadata"] == [
        {"field": "platformName", "old": "beta platform", "new": "Beta Platform 2"}]
    assert subs["unchanged"] == 0
    assert delta["versions"] == {"added": ["2.2"], "removed": []}
    by_version = {c["version"]: c for c in delta["checklists"]}
    assert by_version["2.1"]["change"] == "changed"
    assert by_version["2.1"]["requirements"]["level"] == [{"id": "dra", "old": "SHOULD", "new": "MUST"}]
    assert by_version["2.2"]["change"] == "added"
    assert [r["id"] for r in by_version["2.2"]["requirements"]["added"]] == ["dra", "sharing", "gang", "metrics"]
    assert delta["totals"] == {"old": {"submissions": 3, "vendors": 3}, "new": {"submissions": 3, "vendors": 3}}
    assert not is_empty(delta)
    assert is_empty(diff(snapshot(old_state()), snapshot(old_state())))


def test_evidence_changes() -> None:
    old = snapshot(state([], [submission("2.1", "x", "X", {"dra": "Implemented"})]))
    new = json.loads(json.dumps(old))
    rec = new["submissions"]["v2.1/x/PRODUCT.yaml"]
    rec["evidence"]["dra"] = ["https://example.com/new", "https://example.com/e"]
    rec["fingerprint"] = "changed"
    ev = diff(old, new)["submissions"]["changed"][0]["evidence"]
    assert ev == [{"requirement": "dra", "added": ["https://example.com/new"], "removed": [], "reordered": False}]


def test_renderings_escape_and_show_everything() -> None:
    hostile = submission("2.2", "new", "Evil | <b>x</b> [a](javascript:1)", {"dra": "Implemented"})
    delta = diff(snapshot(old_state()), snapshot(state([checklist("2.1", V1)], [hostile])))
    text = RENDER["text"](delta)
    assert "+ v2.2/new/PRODUCT.yaml" in text and "- v2.1/alpha/PRODUCT.yaml" in text
    md = RENDER["md"](delta)
    assert "<b>" not in md and "[a](" not in md and "Evil \\|" in md
    doc = json.loads(RENDER["json"](delta))
    assert doc["kind"] == "kaic-diff" and {k: v for k, v in doc.items() if k in delta} == delta
    same = RENDER["text"](diff(snapshot(old_state()), snapshot(old_state())))
    assert "No differences." in same


def test_read_baseline_accepts_baselines_and_reports(tmp_path: Path) -> None:
    s = old_state()
    base = tmp_path / "b.json"
    base.write_text(json.dumps(snapshot(s)), encoding="utf-8")
    assert read_baseline(base) == snapshot(s)
    report = tmp_path / "r.json"
    report.write_text(json.dumps(build_report(s, validate(s)).data), encoding="utf-8")
    assert read_baseline(report) == snapshot(s)
    for text in ["not json", "[]", '{"baseline_version": 99, "submissions": {}}', '{"baseline_version": 1}']:
        bad = tmp_path / "bad.json"
        bad.write_text(text, encoding="utf-8")
        with pytest.raises(BaselineError):
            read_baseline(bad)
    with pytest.raises(BaselineError):
        as_baseline({"inventory": {"rows": []}})


def test_cli_baseline_and_diff_on_the_sample(tmp_path: Path) -> None:
    out = tmp_path / "sample.json"
    result = runner.invoke(app, ["baseline", "--source", "sample", "--out", str(out)])
    assert result.exit_code == 0, result.output
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert_baseline_valid(doc)
    assert doc["totals"]["submissions"] == 9
    same = runner.invoke(app, ["diff", str(out), str(out)])
    assert same.exit_code == 0 and "No differences." in same.stdout
    bad = runner.invoke(app, ["diff", str(out), str(out), "--format", "xml"])
    assert bad.exit_code == 2


# -- the real repository ------------------------------------------------------------------


@pytest.mark.corpus
@pytest.mark.parametrize("fmt", ["text", "md", "json"])
def test_kaic_diff_04ca2f5_main_lists_exactly_the_added_submissions(fmt: str, corpus_bundle: Path) -> None:
    result = runner.invoke(app, ["diff", "04ca2f5", "main", "--source", str(corpus_bundle), "--format", fmt])
    assert result.exit_code == 0, result.output
    out = result.stdout
    if fmt == "json":
        delta = json.loads(out)
        subs = delta["submissions"]
        assert [a["path"] for a in subs["added"]] == sorted(facts.ADDED_SINCE_04CA2F5)
        assert subs["removed"] == facts.REMOVED_SINCE_04CA2F5 == []
        assert [c["path"] for c in subs["changed"]] == facts.MODIFIED_SINCE_04CA2F5
        assert all(not c["statuses"] for c in subs["changed"])  # only evidence URLs changed
        assert subs["unchanged"] == 23 - len(facts.MODIFIED_SINCE_04CA2F5)
        assert delta["checklists"] == [] and delta["versions"] == {"added": [], "removed": []}
        assert delta["old"]["commit"] == OLD and delta["new"]["commit"] == MAIN
        assert delta["totals"] == {"old": {"submissions": 23, "vendors": 20}, "new": {"submissions": 28, "vendors": 21}}
    elif fmt == "text":
        added = [line.split()[1] for line in out.splitlines() if line.startswith("  + ")]
        assert added == sorted(facts.ADDED_SINCE_04CA2F5)
        assert not [line for line in out.splitlines() if line.startswith("  - v")]
    else:
        section = out.split("## Added submissions (5)")[1].split("##")[0]
        assert [p for p in facts.ADDED_SINCE_04CA2F5 if f"`{p}`" in section] == facts.ADDED_SINCE_04CA2F5


@pytest.mark.corpus
def test_diff_against_a_baseline_file_and_a_report(tmp_path: Path, corpus_bundle: Path) -> None:
    base = tmp_path / "old.json"
    made = runner.invoke(app, ["baseline", "--source", str(corpus_bundle), "--ref", OLD, "--out", str(base)])
    assert made.exit_code == 0, made.output
    doc = json.loads(base.read_text(encoding="utf-8"))
    assert_baseline_valid(doc)
    assert {v: i["submissions"] for v, i in doc["inventory"].items()} == {"1.33": 10, "1.34": 13, "1.35": 0}
    result = runner.invoke(app, ["diff", str(base), "main", "--source", str(corpus_bundle), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert [a["path"] for a in json.loads(result.stdout)["submissions"]["added"]] == sorted(facts.ADDED_SINCE_04CA2F5)
    report_dir = tmp_path / "rep"
    rep = runner.invoke(app, ["report", "--source", str(corpus_bundle), "--ref", OLD, "--format", "json",
                              "--out", str(report_dir / "report.json")])
    assert rep.exit_code == 0, rep.output
    again = runner.invoke(app, ["diff", str(report_dir / "report.json"), "main", "--source", str(corpus_bundle),
                                "--format", "json"])
    assert json.loads(again.stdout)["submissions"]["added"] == json.loads(result.stdout)["submissions"]["added"]
