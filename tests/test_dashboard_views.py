"""The dashboard's analyst views (rates by version, solutions, evidence, gaps, vendors),
its chart sizing and its filter markup, on the sample and on small hand-made data."""

from __future__ import annotations

import json
import re
from typing import Any

import jsonschema
import pytest

from kaic.dashboard import render_dashboard
from kaic.dashboard.analyst import evidence_view, gaps_view, rates_by_version, vendor_table
from kaic.dashboard.page import MIN_SCALE, fit
from kaic.lint import validate
from kaic.load import RepoState
from kaic.report.build import build_report

from .conftest import ROOT


@pytest.fixture(scope="module")
def sample_data(sample_state: RepoState) -> dict[str, Any]:
    return build_report(sample_state, validate(sample_state), options={"history": False}).data


def test_rates_by_version_from_counts() -> None:
    data = {"versions": {
        "1.9": {"submissions": 4, "requirements": {
            "a": {"category": "c", "level": "MUST", "denominator": 4, "counts": {"Implemented": 3, "N/A": 1}}}},
        "1.10": {"submissions": 2, "requirements": {
            "a": {"category": "c", "level": "MUST", "denominator": 2, "counts": {"Implemented": 2}},
            "b": {"category": "d", "level": "SHOULD", "denominator": 2, "counts": {"Implemented": 1}}}},
    }}
    rates = rates_by_version(data)
    assert rates is not None and rates["versions"] == ["1.10", "1.9"]  # newest first, as versions sort
    a, b = rates["rows"]
    assert [c["rate"] for c in a["cells"]] == ["100%", "75%"]
    assert b["cells"][0]["rate"] == "50%" and b["cells"][1] is None  # not in the v1.9 checklist
    assert "1 N/A" in a["cells"][1]["title"]
    assert rates_by_version({}) is None


def test_views_on_the_sample(sample_data: dict[str, Any]) -> None:
    subs = sample_data["submissions"]
    rows = vendor_table(sample_data)
    assert rows is not None
    assert sum(r["submissions"] for r in rows) == len(subs)
    assert {r["name"] for r in rows} == {v["name"] for v in sample_data["vendors"]}
    ev = evidence_view(sample_data)
    assert ev is not None and ev["submissions"] == len(subs)
    gaps = gaps_view(sample_data)
    assert gaps is not None
    assert sum(v["issues"] for v in gaps["vendors"]) == len(sample_data["gaps"]["issues"])


def test_dashboard_has_every_view_and_the_filters(sample_data: dict[str, Any]) -> None:
    html = render_dashboard(sample_data)
    for view in ("overview", "matrix", "rates", "components", "solutions", "evidence", "gaps", "vendors", "findings"):
        assert f'id="{view}"' in html and f'href="#{view}"' in html, view
    assert 'id="f-share"' in html and "@media print" in html
    assert "notes from" not in html and "time(s)" not in html


def test_charts_keep_a_minimum_width() -> None:
    svg = '<svg xmlns="http://www.w3.org/2000/svg" class="pygal-chart" viewBox="0 0 860 380"><text>x</text></svg>'
    fitted = fit(svg)
    assert fitted.startswith(f'<svg style="--chart-min: {round(860 * MIN_SCALE)}px" xmlns=')
    assert fit("<p>no chart</p>") == "<p>no chart</p>"
    assert MIN_SCALE * 11 >= 10  # pygal's smallest font (values, 11 px) stays >= 10 px


def test_envelope_schema_is_valid_and_matches_every_kind() -> None:
    schema = json.loads((ROOT / "src/kaic/data/schemas/envelope.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    kinds = re.findall(r'envelope\("(kaic-[a-z-]+)"', "".join(
        p.read_text(encoding="utf-8") for p in (ROOT / "src/kaic").rglob("*.py")))
    kinds += re.findall(r'ACCEPTED_KIND = "(kaic-[a-z-]+)"', (ROOT / "src/kaic/accept.py").read_text(encoding="utf-8"))
    assert len(set(kinds)) >= 8
    for kind in kinds:
        jsonschema.validate({"kind": kind, "schema_version": "1.0", "kaic_version": "0", "source": None,
                             "summary": {}}, schema)
