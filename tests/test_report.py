"""`kaic report`: the section framework, renderers, escaping, schema and command line,
on the bundled sample and on small fictional states."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner

from kaic.cli import app
from kaic.lint import validate
from kaic.load import RepoState
from kaic.model import Submission
from kaic.report.build import SCHEMA_VERSION, build_report
from kaic.report.escape import csv_cell, md_code, md_text
from kaic.report.markup import submission_anchor
from kaic.report.render import RENDERERS, renderer
from kaic.report.section import ReportContext, Rows
from kaic.report.sections import SECTIONS

from .test_analysis import V1, checklist, state, submission, two_version_state

SCHEMA_PATH = Path(__file__).resolve().parents[1] / "src" / "kaic" / "data" / "schemas" / "report.schema.json"
CORE_KEYS = {"summary", "requirements", "versions", "conformance", "matrix", "history", "exceptions", "findings",
             "vendors", "inventory"}


def schema() -> dict[str, Any]:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def assert_valid(data: dict[str, Any]) -> None:
    validator = jsonschema.Draft202012Validator(schema())
    errors = [f"{e.json_path}: {e.message}" for e in validator.iter_errors(data)]
    assert not errors, errors[:5]


def report_of(s: RepoState, **options: Any):  # type: ignore[no-untyped-def]
    return build_report(s, validate(s), options={"vendor_groups": options.get("groups")} if options else None)


def assert_traceable(md: str) -> None:
    """Every footnote is defined and used; every in-page link has its anchor."""
    refs = set(re.findall(r"\[\^([\w-]+)\](?!:)", md))
    defs = set(re.findall(r"^\[\^([\w-]+)\]:", md, re.M))
    assert refs == defs
    anchors = set(re.findall(r'<a id="([^"]+)"></a>', md))
    targets = set(re.findall(r"\]\(#([^)]+)\)", md))
    assert targets <= anchors, sorted(targets - anchors)


def assert_tables_intact(md: str) -> None:
    """Each table row has as many (unescaped) pipes as its header."""
    lines = md.splitlines()
    for i, line in enumerate(lines):
        if line.startswith("| ") and i + 1 < len(lines) and re.match(r"^\| (:?-+:? \| )*:?-+:? \|$", lines[i + 1]):
            width = len(re.findall(r"(?<!\\)\|", line))
            j = i + 2
            while j < len(lines) and lines[j].startswith("|"):
                assert len(re.findall(r"(?<!\\)\|", lines[j])) == width, lines[j]
                j += 1


# -- escaping -------------------------------------------------------------------------


def test_md_text_neutralises_markdown_and_html() -> None:
    out = md_text("a | b\n<script>alert(1)</script> [x](javascript:alert(1)) ![i](http://e/i.png) *b* `c` $m$")
    assert "<script" not in out and "&lt;script&gt;" in out
    assert "\\|" in out and "\n" not in out and "<br>" in out
    assert "[x](" not in out and "\\[x\\](" in out
    assert "![i](" not in out
    assert "\\*b\\*" in out and "\\`c\\`" in out and "\\$m\\$" in out
    assert md_text("# heading") == "\\# heading"
    assert md_text("- item") == "\\- item"
    assert md_text("1. item") == "1\\. item"
    assert md_text("1.33") == "1.33"
    assert md_text(None) == ""
    assert md_text("x" * 50, max_length=10) == "x" * 9 + "…"


def test_md_code_cannot_be_closed() -> None:
    assert md_code("a`b") == "``a`b``"
    assert md_code("a|b") == "`a\\|b`"
    assert md_code("`x") == "`` `x ``"


@pytest.mark.parametrize("value", ["=1+1", "+cmd", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_csv_cell_neutralises_formulas(value: str) -> None:
    assert csv_cell(value) == "'" + value


def test_csv_cell_keeps_plain_values() -> None:
    assert csv_cell("plain") == "plain"
    assert csv_cell(-3) == -3 and csv_cell(None) is None and csv_cell(True) == "true" and csv_cell(False) == "false"


# -- the report on the sample ---------------------------------------------------------


@pytest.fixture(scope="module")
def sample_report(sample_state: RepoState):  # type: ignore[no-untyped-def]
    return build_report(sample_state, validate(sample_state))


def test_sample_report_json_follows_the_schema(sample_report) -> None:  # type: ignore[no-untyped-def]
    jsonschema.Draft202012Validator.check_schema(schema())
    data = json.loads(renderer("json").render(sample_report))
    assert_valid(data)
    assert data["schema_version"] == SCHEMA_VERSION
    assert data["errors"] == []
    assert set(data) >= CORE_KEYS
    # Sections keep the registry's order; those with nothing to say (history needs git) are left out.
    shown = [s["key"] for s in data["sections"]]
    assert shown == [s.key for s in SECTIONS if s.key in shown]
    assert {"summary", "requirements", "conformance", "matrix", "findings", "inventory"} <= set(shown)
    assert data["source"] == {"location": "sample", "origin": "sample", "kind": "sample", "commit": None,
                              "ref": None, "date": None}


def test_sample_report_values(sample_report) -> None:  # type: ignore[no-untyped-def]
    data = sample_report.data
    subs = {s["path"]: s for s in data["submissions"]}
    assert len(subs) == 9
    # counted from the sample's files (see src/kaic/sample/README.md)
    assert subs["v1.97/kestrel/PRODUCT.yaml"]["full_conformance_strict"] is None  # no 1.97 checklist
    assert subs["v1.98/quarkhaven/PRODUCT.yaml"]["full_conformance_strict"] is False
    assert subs["v1.98/quarkhaven/PRODUCT.yaml"]["full_conformance_lenient"] is True  # N/A with notes
    assert subs["v1.99/cobaltline/PRODUCT.yaml"]["full_conformance_lenient"] is False
    assert subs["v1.98/lanternworks/PRODUCT.yaml"]["statuses"]["ai_inference"] == "other"  # "Done"
    assert subs["v1.98/lanternworks/PRODUCT.yaml"]["statuses"]["robust_controller"] == ""
    assert subs["v1.99/nimbus-forge/PRODUCT.yaml"]["full_conformance_strict"] is True
    assert data["versions"]["1.97"]["checklist"] is None
    assert data["versions"]["1.99"]["requirements"]["dra_support"]["level"] == "MUST"
    assert data["versions"]["1.98"]["requirements"]["dra_support"]["level"] == "SHOULD"
    changes = {(c["version"], c["requirement"], c["kind"]) for c in data["history"]["changes"]}
    assert {("1.99", "dra_support", "raised"), ("1.99", "accelerator_labels", "dropped"),
            ("1.99", "accelerator_sharing", "added"), ("1.99", "topology_aware_scheduling", "added")} <= changes
    # "Tidewater Compute Inc." (1.98) and "Tidewater Compute" (1.99) are one vendor
    tidewater = [v for v in data["vendors"] if v["key"] == "tidewater compute"]
    assert len(tidewater) == 1 and tidewater[0]["versions"] == ["1.98", "1.99"]
    assert data["summary"]["vendors"]["count"] == len([v for v in data["vendors"] if v["key"]])
    assert data["findings"] == [f.as_dict() for f in validate(sample_report_state()).findings]


def sample_report_state() -> RepoState:
    from kaic.load import load_state
    from kaic.source import open_source

    return load_state(open_source("sample"))


def test_sample_markdown_is_traceable_and_well_formed(sample_report) -> None:  # type: ignore[no-untyped-def]
    md = renderer("md").render(sample_report)
    assert md.startswith("# Kubernetes AI Conformance report")
    shown = {s["key"] for s in sample_report.data["sections"]}
    for section in SECTIONS:
        present = f'<a id="{section.key}"></a>' in md and f"## {section.title}" in md
        assert present == (section.key in shown), section.key
    assert_traceable(md)
    assert_tables_intact(md)
    for sub in sample_report.data["submissions"]:  # every submission has its anchor row
        assert f'<a id="{submission_anchor(sub["path"])}"></a>' in md


def test_sample_csv_files(sample_report) -> None:  # type: ignore[no-untyped-def]
    files = renderer("csv").render(sample_report)
    assert {"matrix.csv", "findings.csv", "submissions.csv", "requirements_by_version.csv"} <= set(files)
    matrix = list(csv.reader(io.StringIO(files["matrix.csv"])))
    assert matrix[0] == ["version", "group", "path", "vendor", "platform", "requirement", "category", "level", "status"]
    cols = {v["version"]: len(v["columns"]) for v in sample_report.data["matrix"]["versions"]}
    rows_expected = sum(cols[s["version"]] for s in sample_report.data["submissions"])
    assert len(matrix) - 1 == rows_expected
    findings = list(csv.reader(io.StringIO(files["findings.csv"])))
    assert len(findings) - 1 == len(sample_report.data["findings"])


# -- hostile vendor text ----------------------------------------------------------------


HOSTILE = "Evil | Corp <script>alert(1)</script> [click](javascript:alert(1)) ![x](http://e/x.png)\n# nope"


def test_hostile_vendor_text_is_escaped_everywhere() -> None:
    sub = submission("2.1", "evil", HOSTILE, {"dra": ("N/A", "line one | two\n<img src=x onerror=alert(1)>"),
                                             "gang": "Implemented", "metrics": "Implemented"},
                     platform='=HYPERLINK("http://e","x")')
    s = state([checklist("2.1", V1)], [sub])
    report = report_of(s)
    md = renderer("md").render(report)
    assert "<script" not in md and "<img" not in md
    assert "[click](" not in md and "![x](" not in md
    assert "\n# nope" not in md
    assert_tables_intact(md)
    assert_traceable(md)
    files = renderer("csv").render(report)
    for name, text in files.items():
        for row in csv.reader(io.StringIO(text)):
            for cell in row:
                assert not cell.startswith(("=", "+", "@", "\t")), (name, cell)
    data = json.loads(renderer("json").render(report))
    assert data["submissions"][0]["vendor"] == HOSTILE.replace("\n", "\n")  # JSON keeps the text as written
    assert data["submissions"][0]["platform"] == '=HYPERLINK("http://e","x")'
    assert_valid(data)


# -- the plug-in framework ----------------------------------------------------------------


class _Plugin:
    key = "widgets"
    title = "Widgets"

    def build(self, ctx: ReportContext) -> Any:
        return {"count": len(ctx.state.submissions)}

    def markdown(self, data: Any) -> str:
        return f"{data['count']} widgets"

    def csv(self, data: Any) -> dict[str, Rows]:
        return {"widgets": [["count"], [data["count"]]]}

    def submission_fields(self, ctx: ReportContext, sub: Submission) -> dict[str, Any]:
        return {"widget": sub.product.upper(), "path": "must not override"}


class _Broken(_Plugin):
    key = "broken"
    title = "Broken"

    def build(self, ctx: ReportContext) -> Any:
        raise RuntimeError("boom")


class _Absent(_Plugin):
    key = "absent"
    title = "Absent"

    def build(self, ctx: ReportContext) -> Any:
        return None


def test_sections_plug_in_without_touching_the_others() -> None:
    s = two_version_state()
    report = build_report(s, validate(s), sections=[*SECTIONS, _Plugin(), _Broken(), _Absent()])
    data = report.data
    assert data["widgets"] == {"count": 5}
    assert "absent" not in data and "broken" not in data
    assert [e["section"] for e in data["errors"]] == ["broken"]
    assert "boom" in data["errors"][0]["message"]
    assert all(sub["widget"] == sub["product"].upper() for sub in data["submissions"])
    assert all(sub["path"].endswith("PRODUCT.yaml") for sub in data["submissions"])  # core fields win
    assert_valid(data)  # extra sections and submission fields are allowed by the schema
    md = renderer("md").render(report)
    assert "## Widgets" in md and "5 widgets" in md and "Sections that failed" in md
    assert "widgets.csv" in renderer("csv").render(report)


def test_renderer_registry() -> None:
    assert set(RENDERERS) >= {"md", "json", "csv"}
    for name in RENDERERS:
        assert callable(renderer(name).render)
    with pytest.raises(KeyError):
        renderer("nope")


def test_report_on_empty_repository() -> None:
    s = state([], [])
    data = report_of(s).data
    assert data["submissions"] == [] and data["vendors"] == [] and data["versions"] == {}
    assert_valid(data)
    md = renderer("md").render(report_of(s))
    assert_traceable(md)


def test_unparseable_submission_does_not_abort_the_report() -> None:
    from kaic.model import parse_submission

    broken = parse_submission("v2.1/broken/PRODUCT.yaml", b"metadata: [unclosed\n")
    s = state([checklist("2.1", V1)], [broken, submission("2.1", "ok", "OK", {"gang": "Implemented"})])
    data = report_of(s).data
    assert data["errors"] == []
    entry = next(x for x in data["submissions"] if x["product"] == "broken")
    assert entry["parsed"] is False and entry["full_conformance_strict"] is None
    assert_valid(data)


def test_vendor_groups_option_groups_the_matrix() -> None:
    from kaic.analysis import parse_vendor_groups

    groups = parse_vendor_groups({"groups": [{"id": "hyperscale", "title": "Hyperscale clouds"}],
                                  "vendors": [{"name": "Alpha Cloud", "match": ["alpha cloud"], "group": "hyperscale"}]})
    data = report_of(two_version_state(), groups=groups).data
    v21 = next(v for v in data["matrix"]["versions"] if v["version"] == "2.1")
    assert [g["id"] for g in v21["groups"]] == ["hyperscale", "unclassified"]
    assert [r["vendor"] for r in v21["groups"][0]["rows"]] == ["Alpha Cloud"]
    assert [r["vendor"] for r in v21["groups"][1]["rows"]] == ["Beta Systems", "Gamma"]


# -- command line ---------------------------------------------------------------------------

runner = CliRunner()


def test_cli_report_sample_prints_markdown() -> None:
    result = runner.invoke(app, ["report", "--source", "sample"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Kubernetes AI Conformance report")
    assert "## Key statistics" in result.stdout


def test_cli_report_json_to_stdout_validates() -> None:
    result = runner.invoke(app, ["report", "--source", "sample", "--format", "json"])
    assert result.exit_code == 0
    assert_valid(json.loads(result.stdout))


def test_cli_report_all_writes_every_format(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = runner.invoke(app, ["report", "--source", "sample", "--format", "all", "--out", str(out)])
    assert result.exit_code == 0, result.output
    names = {p.name for p in out.iterdir()}
    assert {"report.md", "report.json", "matrix.csv", "findings.csv"} <= names
    assert_valid(json.loads((out / "report.json").read_text(encoding="utf-8")))


@pytest.mark.parametrize("args", [["--format", "csv"], ["--format", "md,json"], ["--format", "pdf"]])
def test_cli_report_usage_errors(args: list[str]) -> None:
    result = runner.invoke(app, ["report", "--source", "sample", *args])
    assert result.exit_code == 2


def test_cli_report_user_vendor_groups(tmp_path: Path) -> None:
    groups = tmp_path / "groups.yaml"
    groups.write_text("version: 1\ngroups:\n  - id: clouds\n    name: Clouds\n    description: Big ones.\nvendors:\n"
                      "  - name: Nimbus Forge\n    match: [nimbus forge]\n    group: clouds\n", encoding="utf-8")
    result = runner.invoke(app, ["report", "--source", "sample", "--format", "json", "--vendor-groups", str(groups)])
    assert result.exit_code == 0, result.output
    vendors = {v["key"]: v["group"] for v in json.loads(result.stdout)["vendors"]}
    assert vendors["nimbus forge"] == "clouds"
    assert vendors["orchard labs"] == "unclassified"
    missing = runner.invoke(app, ["report", "--source", "sample", "--vendor-groups", str(tmp_path / "nope.yaml")])
    assert missing.exit_code == 2
