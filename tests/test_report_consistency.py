"""The report agrees with itself (issue 12): a resubmitted certification counts once, a
kind's severities are split, and every count that appears in two places (sections, JSON,
CSV, dashboard data) and every vendor name is the same everywhere.

Fixture tests show the general pattern; the corpus test cross-checks kaic's own outputs
against each other (no value is copied from kaic: each side is recomputed from another
output, and the vendor count is the one counted by hand in tests/corpus_facts.py).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from kaic.history.certs import At, Certification
from kaic.history.trends import pace

from . import corpus_facts as facts


def _cert(path: str, version: str, product: str, day: str) -> Certification:
    return Certification(path, version, product, "Acme", "Acme Platform", At(f"c{day}", f"{day}T12:00:00+00:00"))


def test_a_product_certified_again_counts_once() -> None:
    certs = [_cert("v3.1/acme/PRODUCT.yaml", "3.1", "acme", "2031-01-01"),
             _cert("v3.1/zeta/PRODUCT.yaml", "3.1", "zeta", "2031-01-05"),
             _cert("v3.1/acme/PRODUCT.yaml", "3.1", "acme", "2031-02-01"),  # withdrawn, then again
             _cert("v3.2/acme/PRODUCT.yaml", "3.2", "acme", "2031-03-01")]
    (v31, v32) = pace(certs)
    assert [(m.n, m.path, m.days) for m in v31.milestones] == [(1, "v3.1/acme/PRODUCT.yaml", 0),
                                                                (2, "v3.1/zeta/PRODUCT.yaml", 4)]
    assert [a.date[:10] for a in v31.milestones[0].again] == ["2031-02-01"]
    assert [m.path for m in v32.milestones] == ["v3.2/acme/PRODUCT.yaml"]


# -- the corpus report, cross-checked ---------------------------------------------------


@pytest.fixture(scope="module")
def outputs(corpus_checkout: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """`kaic report --format json,csv` at bundle main, and the dashboard's data for it."""
    from typer.testing import CliRunner

    from kaic.cli import app
    from kaic.dashboard.view import view

    from .conftest import MAIN

    out = tmp_path_factory.mktemp("consistency")
    result = CliRunner().invoke(app, ["report", "--source", str(corpus_checkout), "--ref", MAIN,
                                      "--format", "md,json,csv", "--out", str(out), "--as-of", "2026-03-16"])
    assert result.exit_code == 0, result.output
    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    csvs = {p.stem: list(csv.DictReader(io.StringIO(p.read_text(encoding="utf-8")))) for p in out.glob("*.csv")}
    md = (out / "report.md").read_text(encoding="utf-8")
    return {"json": data, "csv": csvs, "dashboard": view(data), "md": md}


def _vendor_names(o: Any, skip: frozenset[str] = frozenset({"baseline", "vendor_as_written"})) -> set[str]:
    found: set[str] = set()
    if isinstance(o, dict):
        for k, v in o.items():
            if k in skip:
                continue
            if k in ("vendor", "vendor_name") and isinstance(v, str):
                found.add(v)
            else:
                found |= _vendor_names(v, skip)
    elif isinstance(o, list):
        for x in o:
            found |= _vendor_names(x, skip)
    return found


@pytest.mark.corpus
def test_one_vendor_name_everywhere(outputs: dict[str, Any]) -> None:
    data = outputs["json"]
    names = {v["name"] for v in data["vendors"]}
    assert len(names) == facts.DISTINCT_VENDOR_COUNTS["main"]
    assert _vendor_names(data) == names  # every section and the expiry lists
    for stem, rows in outputs["csv"].items():
        if rows and "vendor" in rows[0]:
            assert {r["vendor"] for r in rows} <= names, stem
    assert {name for _, name in outputs["dashboard"]["filters"]["vendors"]} == names
    assert {r["vendor"] for r in outputs["dashboard"]["rows"]} == names
    # the spelling as written is kept beside it, and folds to the same vendor
    spelled = {s["vendor_as_written"] for s in data["submissions"]}
    assert spelled == {sp for v in data["vendors"] for sp in v["spellings"]}


@pytest.mark.corpus
def test_counts_agree_between_places(outputs: dict[str, Any]) -> None:
    data, csvs, dash = outputs["json"], outputs["csv"], outputs["dashboard"]
    subs = data["submissions"]
    # submissions: summary, inventory, CSV, dashboard rows, per-version counts
    assert data["summary"]["submissions"]["count"] == len(subs) == len(csvs["submissions"]) == len(dash["rows"])
    assert sum(v["count"] for v in data["summary"]["per_version"]) == len(subs)
    # vendors: summary, vendors section, profiles, gaps
    assert data["summary"]["vendors"]["count"] == len(data["vendors"]) == len(data["profiles"]) \
        == len(data["gaps"]["vendors"]) == len(csvs["vendors"]) == len(csvs["profiles"])
    # full conformance: summary vs per-submission flags vs CSV
    strict = {s["path"] for s in subs if s["full_conformance_strict"]}
    assert set(data["summary"]["conformance"]["strict"]["paths"]) == strict
    assert {r["path"] for r in csvs["submissions"] if r["full_conformance_strict"] == "True"} == strict
    # findings: summary vs findings section vs per-submission counts vs CSV
    per_sev = {sev: sum(s["findings"][sev] for s in subs) for sev in ("error", "warning", "info")}
    assert {sev: data["summary"]["findings"][sev] for sev in per_sev} == per_sev
    assert sum(per_sev.values()) == len(csvs["findings"])
    # gaps: each (kind, severity) row counts the issues of that severity only
    for k in data["gaps"]["kinds"]:
        mine = [i for i in data["gaps"]["issues"] if i["kind"] == k["kind"] and i["severity"] == k["severity"]]
        assert k["issues"] == len(mine) and k["submissions"] == len({i["path"] for i in mine})
    assert sum(k["issues"] for k in data["gaps"]["kinds"]) == len(data["gaps"]["issues"]) == len(csvs["gaps_issues"])
    assert len({(k["kind"], k["severity"]) for k in data["gaps"]["kinds"]}) == len(data["gaps"]["kinds"])
    # evidence grades: section vs submissions vs CSV
    grades = {g["grade"]: g["count"] for g in data["evidence"]["grades"]}
    assert sum(grades.values()) == len(subs) == len(csvs["evidence_grades"])
    for g, n in grades.items():
        assert n == sum(1 for s in subs if s.get("evidence_grade") == g)
    # the timeline: each certification in exactly one status list
    t = data["timeline"]
    listed = [c["path"] + "@" + c["certified"]["commit"] for key in ("current", "expired", "withdrawn")
              for c in t[key]]
    assert len(listed) == len(set(listed)) == len(t["certifications"]) == len(csvs["certifications"])
    # pace: a version's submission count is its distinct products certified on the main line
    for p in data["trends"]["time_to_nth"]:
        products = {c["product"].casefold() for c in t["certifications"] if c["version"] == p["version"]}
        assert len(p["submissions"]) == len(products)


@pytest.mark.corpus
def test_multi_valued_counts_say_so(outputs: dict[str, Any]) -> None:
    data, md = outputs["json"], outputs["md"]
    api = data["solutions"]["dra"]["api_versions"]
    summed = sum(b["count"] for b in api)
    distinct = len({p for b in api for p in b["paths"]})
    assert distinct == len(data["submissions"])
    if summed > distinct:
        assert f"the rows add up to {summed} for {distinct} submissions" in md
    # the project reference's count is the adoption summary's plus the platform-only projects
    named = [p for p in data["projects"] if p["stacks"]]
    platform_only = [p for p in data["projects"] if not p["stacks"]]
    assert len(named) == len(data["adoption"]["projects"])
    assert f"the {len(named)} projects named by at least one submission" in md or not platform_only


def test_the_report_says_how_to_classify_a_new_vendor() -> None:
    from kaic.report.sections.vendors import classify_note

    data = [{"key": "acme", "name": "Acme", "group": "unclassified"},
            {"key": "big", "name": "Big Cloud", "group": "hyperscale"}]
    note = classify_note(data)
    assert "`match`" in note and "--vendor-groups FILE" in note and "`hyperscale` or another group" in note
    assert note.endswith("Unclassified now (1): Acme.")
    assert classify_note(data[1:]).endswith("Every vendor here is classified.")
