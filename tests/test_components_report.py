"""The component sections in `kaic report`: JSON fields and schema, Markdown, CSV, escaping."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest

from kaic.components.analysis import analyse_components
from kaic.lint import validate
from kaic.load import RepoState, load_state
from kaic.report.build import build_report
from kaic.report.render import csv as csv_render
from kaic.report.render import json as json_render
from kaic.report.render import md as md_render
from kaic.report.sections import SECTIONS
from kaic.source import DirectorySource

ROOT = Path(__file__).resolve().parents[1]
MINE = ("component_findings", "components", "adoption", "projects", "ecosystems", "component_versions",
        "solutions", "evidence", "gaps", "profiles")


def _schema() -> dict:
    return json.loads((ROOT / "src" / "kaic" / "data" / "schemas" / "report.schema.json").read_text())


def test_sections_are_registered_once() -> None:
    keys = [s.key for s in SECTIONS]
    assert [k for k in keys if k in MINE] == list(MINE)
    assert len(keys) == len(set(keys))


def test_sample_report_fields(sample_state: RepoState) -> None:
    report = build_report(sample_state, validate(sample_state))
    assert report.data["errors"] == []
    assert [s["key"] for s in report.data["sections"] if s["key"] in MINE] == list(MINE)
    subs = {s["path"]: s for s in report.data["submissions"]}
    tide = subs["v1.99/tidewater/PRODUCT.yaml"]
    versions = {c["name"]: c["version"] for c in tide["components"] if c["mark"] == "M"}
    assert versions == {"Kueue": "v0.14.2", "Karpenter": "v1.6", "KEDA": "v2.17", "Istio": "1.27",
                        "Prometheus": "v3.5.0", "NVIDIA GPU Operator": "v25.3.0", "KubeRay": "v1.4.2"}
    assert tide["evidence_grade"] == "reproducible-tests"
    assert tide["accelerators"] == ["NVIDIA"]
    assert tide["solutions"]["gang_scheduling"] == ["Kueue"]
    assert tide["dra"]["approach"] in ("DRA", "both")
    kueue = next(c for c in tide["components"] if c["name"] == "Kueue")
    assert kueue["repo"] == "kubernetes-sigs/kueue"
    assert all(set(p) == {"requirement", "field", "file", "line"} for p in kueue["places"])
    errors = [e.message for e in jsonschema.Draft202012Validator(_schema()).iter_errors(json.loads(
        json_render.render(report)))]
    assert errors == []


@pytest.mark.corpus
def test_corpus_report_validates_and_counts(corpus_state: Callable[[str], RepoState]) -> None:
    state = corpus_state("main")
    report = build_report(state, validate(state))
    assert report.data["errors"] == []
    doc = json.loads(json_render.render(report))
    errors = [f"{list(e.absolute_path)[:3]}: {e.message[:120]}"
              for e in jsonschema.Draft202012Validator(_schema()).iter_errors(doc)]
    assert errors == []
    adoption = {p["name"]: p for p in doc["adoption"]["projects"]}
    assert doc["adoption"]["submissions"] == 28
    assert (adoption["Kueue"]["stacks"], adoption["Kueue"]["with_version"]) == (17, 5)  # giantswarm's 0.1.0 is its app catalog's version (issue 12)
    grades = {g["grade"]: g["count"] for g in doc["evidence"]["grades"]}
    # tests: daocloud, gardener (2), jdos; walkthroughs (at least half the claims): lke 7/9 README
    # sections, ovh 5/9, vks 6/9; every other submission has fewer (issue 12)
    assert grades == {"reproducible-tests": 4, "walkthroughs": 3, "documentation-only": 21, "no-usable-evidence": 0}
    nvidia = next(e for e in doc["ecosystems"]["ecosystems"] if e["steward"] == "NVIDIA")
    # gardener (2), giantswarm, talos (2), jdcloud, jdos, openshift (2), palette, eks, kubermatic, OKE, ovh
    assert nvidia["using_any"] == 14
    gpu = next(p for p in nvidia["projects"] if p["repo"] == "NVIDIA/gpu-operator")
    # Giant Swarm's "--version 1.0.1" is its app catalog's, not the GPU Operator's (issue 12)
    assert gpu["versions"] == []


@pytest.mark.corpus
def test_every_finding_sentence_carries_its_numbers(corpus_state: Callable[[str], RepoState]) -> None:
    state = corpus_state("main")
    report = build_report(state, validate(state))
    findings = report.data["component_findings"]
    assert len(findings) >= 8
    for f in findings:
        numbers = {int(n) for n in re.findall(r"\d+", f["text"])}
        assert f["count"] in numbers and f["of"] in numbers, f["text"]
        assert len(f["paths"]) == f["count"] or f["key"] in ("top_projects", "accelerators", "gaps", "dra"), f
    ca = analyse_components(state)
    top = ca.adoption()[0]
    assert findings[1]["text"].startswith(f"Most named projects: {top.name} ({top.count}/28")


HOSTILE = """\
metadata:
  vendorName: "Evil | <script>alert(1)</script> [x](javascript:alert(1))"
  platformName: "=HYPERLINK(\\"http://x\\")"
spec:
  schedulingOrchestration:
    - id: cluster_autoscaling
      level: MUST
      status: "N/A"
      notes: "=cmd|' /C calc'!A0 | ![img](http://x/y.png) <b>Karpenter</b> is not deployed"
      evidence:
        - "@SUM(1+1)"
"""


def test_vendor_text_is_escaped(tmp_path: Path) -> None:
    folder = tmp_path / "v1.99" / "evil"
    folder.mkdir(parents=True)
    (folder / "PRODUCT.yaml").write_text(HOSTILE)
    state = load_state(DirectorySource(tmp_path))
    report = build_report(state, validate(state))
    assert report.data["errors"] == []
    md = md_render.render(report)
    assert "<script>" not in md
    assert "[x](javascript:" not in md and "\\[x\\](javascript:" in md  # brackets escaped: no link
    assert "![img](" not in md
    files = csv_render.render(report)
    na = files["gaps_not_applicable.csv"]
    rows = [line for line in na.splitlines() if "cluster_autoscaling" in line]
    assert rows and ",'=cmd|" in rows[0]  # neutralised with a leading apostrophe
    items = files["evidence_items.csv"]
    assert "'@SUM(1+1)" in items
    profiles = files["profiles.csv"].splitlines()[1]
    assert profiles.startswith("Evil | <script>")  # CSV keeps the text as written; Markdown escapes it
    assert not any(row.startswith(("=", "+", "-", "@")) for f in files.values() for row in f.splitlines()[1:]
                   if row)
