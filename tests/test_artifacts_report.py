"""The report's Automated verification section on a fictional repository: counts per requirement."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from kaic.lint import validate
from kaic.load import load_state
from kaic.report.build import build_report
from kaic.report.render import renderer
from kaic.source import DirectorySource

from .fixtures.artifacts import Run
from .fixtures.builder import checklist_text, write_repo
from .test_artifact_rules import GANG, HYBRID, SCALE, SPEC, answer, product


def test_automated_verification_counts(tmp_path: Path) -> None:
    verified, failing, plain = product(), product(), product()
    answer(verified, "gang_scheduling")["evidence"] = [f"junit.xml#{GANG.test}"]
    answer(verified, "cluster_autoscaling")["evidence"] = ["junit.xml"]  # skipped while Implemented: failing
    answer(verified, "robust_controller")["evidence"] = ["broken/results.json"]  # does not parse
    answer(failing, "gang_scheduling")["evidence"] = ["e2e.log"]
    root = tmp_path / "repo"
    write_repo(root, {f"v{HYBRID}/a": verified, f"v{HYBRID}/b": failing, f"v{HYBRID}/c": plain},
               {HYBRID: checklist_text(SPEC)})
    (root / f"v{HYBRID}/a/junit.xml").write_text(Run().add(GANG.test).add(SCALE.test, "skip").junit())
    (root / f"v{HYBRID}/a/broken").mkdir()
    (root / f"v{HYBRID}/a/broken/results.json").write_text('{"Action": "pass", "Test": "T"\n')
    (root / f"v{HYBRID}/b/e2e.log").write_text(Run().add(GANG.test, "fail").verbose())
    state = load_state(DirectorySource(root))
    report = build_report(state, validate(state))
    data = json.loads(renderer("json").render(report))
    section = data["automated_verification"]
    rows = {r["id"]: r for r in section["versions"][0]["requirements"]}
    assert {k: rows["gang_scheduling"][k] for k in ("answers", "verified", "failing", "self_assessed")} == {
        "answers": 3, "verified": 1, "failing": 1, "self_assessed": 1}
    assert (rows["cluster_autoscaling"]["failing"], rows["cluster_autoscaling"]["self_assessed"]) == (1, 2)
    assert (rows["robust_controller"]["unparsable"], rows["robust_controller"]["upstream_rejects"]) == (1, 1)  # by basename
    assert section["totals"] == {"answers": 9, "verified": 1, "failing": 2, "unparsable": 1, "unchecked": 0,
                                 "self_assessed": 5}
    subs = {s["path"]: s for s in section["submissions"]}
    assert set(subs) == {f"v{HYBRID}/a/PRODUCT.yaml", f"v{HYBRID}/b/PRODUCT.yaml"}
    assert (subs[f"v{HYBRID}/a/PRODUCT.yaml"]["passed"], subs[f"v{HYBRID}/a/PRODUCT.yaml"]["skipped"]) == (1, 1)
    assert subs[f"v{HYBRID}/a/PRODUCT.yaml"]["verified"] == ["gang_scheduling"]
    entry = next(s for s in data["submissions"] if s["path"] == f"v{HYBRID}/b/PRODUCT.yaml")
    assert entry["automated"] == {"verified": [], "tests": {"passed": 0, "failed": 1, "skipped": 0}}
    md = renderer("md").render(report)
    assert "## Automated verification" in md and "1/9" in md
    files = renderer("csv").render(report)
    table = list(csv.reader(io.StringIO(files["automated_verification.csv"])))
    assert table[0][:4] == ["version", "requirement", "level", "answers"]
    assert table[1][1:6] == ["gang_scheduling", "MUST", "3", "1", "1"]


def test_dashboard_shows_automated_verification_escaped(tmp_path: Path) -> None:
    p = product()
    hostile = "<img src=x onerror=alert(1)>.xml"
    answer(p, "gang_scheduling")["evidence"] = [f"file://{hostile}#{GANG.test}"]
    root = tmp_path / "repo"
    write_repo(root, {f"v{HYBRID}/acme": p}, {HYBRID: checklist_text(SPEC)})
    (root / f"v{HYBRID}/acme" / hostile).write_text(Run().add(GANG.test).junit())
    state = load_state(DirectorySource(root))
    html = renderer("html").render(build_report(state, validate(state)))
    html = html if isinstance(html, str) else next(iter(html.values()))
    start = html.index('<section id="automated"')
    view = html[start:html.index("</section>", start)]
    assert "Automated verification" in view and "1 of 3 answers" in view
    assert "<code>gang_scheduling</code>" in view
    assert "<img" not in view and "&lt;img src=x onerror=alert(1)&gt;.xml (junit)" in view
