"""`kaic report` over the real repository at 04ca2f5 and main: schema, figures, traceability.

Expected figures are the ones counted from the files (see test_analysis_corpus.py and
tests/corpus_facts.py), never kaic's own output.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from kaic.cli import app
from kaic.lint import validate
from kaic.load import RepoState
from kaic.report.build import Report, build_report
from kaic.report.markup import submission_anchor
from kaic.report.render import renderer

from . import corpus_facts as facts
from .conftest import MAIN, OLD
from .test_analysis_corpus import COUNTS, LENIENT, STRICT, SUBMISSIONS_PER_VERSION
from .test_report import assert_tables_intact, assert_traceable, assert_valid

pytestmark = pytest.mark.corpus

STATES = {"04ca2f5": OLD, "main": MAIN}


@pytest.fixture(scope="module")
def reports(corpus_state: Callable[[str], RepoState]) -> dict[str, Report]:
    out = {}
    for name, commit in STATES.items():
        s = corpus_state(commit)
        out[name] = build_report(s, validate(s))
    return out


@pytest.mark.parametrize("name", STATES)
def test_json_follows_the_schema(name: str, reports: dict[str, Report]) -> None:
    data = json.loads(renderer("json").render(reports[name]))
    assert_valid(data)
    assert data["errors"] == []
    assert data["source"]["commit"] == STATES[name]


@pytest.mark.parametrize("name", STATES)
def test_json_figures(name: str, reports: dict[str, Report]) -> None:
    data: dict[str, Any] = reports[name].data
    subs = {s["path"]: s for s in data["submissions"]}
    assert sorted(subs) == facts.SUBMISSIONS[name]
    for path, (strict, lenient) in facts.FULL_CONFORMANCE[name].items():
        assert (subs[path]["full_conformance_strict"], subs[path]["full_conformance_lenient"]) == (strict, lenient)
    for path, statuses in facts.STATUSES[name].items():
        assert subs[path]["statuses"] == {k: v or "" for k, v in statuses.items()}
    for version, n in SUBMISSIONS_PER_VERSION[name].items():
        v = data["versions"][version]
        assert v["submissions"] == n
        assert v["strict"] == STRICT[name].get(version, 0)
        assert v["lenient"] == LENIENT[name].get(version, 0)
    for version, reqs in COUNTS[name].items():
        for rid, (level, counts) in reqs.items():
            r = data["versions"][version]["requirements"][rid]
            assert r["level"] == level
            assert {k: n for k, n in r["counts"].items() if n} == counts
            assert r["denominator"] == SUBMISSIONS_PER_VERSION[name][version]
            assert {k: len(p) for k, p in r["paths"].items()} == counts
    assert len([v for v in data["vendors"] if v["key"]]) == facts.DISTINCT_VENDOR_COUNTS[name]
    assert data["summary"]["conformance"]["strict"]["count"] == facts.STRICT_CONFORMANT_COUNTS[name]["total"]
    assert data["summary"]["conformance"]["lenient"]["count"] == facts.LENIENT_CONFORMANT_COUNTS[name]["total"]


@pytest.mark.parametrize("name", STATES)
def test_findings_are_those_of_validate(name: str, reports: dict[str, Report],
                                        corpus_state: Callable[[str], RepoState]) -> None:
    from kaic.formats.json import as_data

    expected = as_data(validate(corpus_state(STATES[name])))["findings"]
    assert reports[name].data["findings"] == expected
    by_rule = {}
    for f in reports[name].data["findings"]:
        by_rule[f["rule"]] = by_rule.get(f["rule"], 0) + 1
    assert by_rule.get("evidence-empty-string") == len(facts.EVIDENCE_EMPTY_STRING[name])


@pytest.mark.parametrize("name", STATES)
def test_markdown_is_traceable(name: str, reports: dict[str, Report]) -> None:
    md = renderer("md").render(reports[name])
    assert_traceable(md)
    assert_tables_intact(md)
    for path in facts.SUBMISSIONS[name]:
        assert f'<a id="{submission_anchor(path)}"></a>' in md


def test_markdown_headline_figures_at_04ca2f5(reports: dict[str, Report]) -> None:
    md = renderer("md").render(reports["04ca2f5"])
    assert re.search(r"\| Submissions \| 23\[\^summary-\d+\] \|", md)
    assert re.search(r"\| Distinct vendors \| 20\[\^summary-\d+\] \|", md)
    assert re.search(r"Full conformance, strict [^|]*\| 20/23 \(87%\)\[\^summary-\d+\]", md)
    assert re.search(r"Full conformance, lenient [^|]*\| 23/23 \(100%\)\[\^summary-\d+\]", md)
    assert re.search(r"\| `dra_support` \| SHOULD in v1.33, MUST in v1.34, MUST in v1.35 \| 19/23 \(83%\)", md)
    # the footnote behind the strict figure names exactly the three non-strict submissions
    note = re.search(r"\[\^summary-\d+\]: strict full conformance: every submission except (.*)", md)
    assert note is not None
    assert re.findall(r"\[(v[^\]]+)\]", note.group(1)) == ["v1.33/daocloud", "v1.33/talos", "v1.34/talos"]


def test_cli_report_all_on_the_corpus(tmp_path: Path, corpus_checkout: Path) -> None:
    out = tmp_path / "report"
    result = CliRunner().invoke(app, ["report", "--source", str(corpus_checkout), "--ref", MAIN,
                                      "--format", "all", "--out", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert_valid(data)
    assert len(data["submissions"]) == facts.SUBMISSION_COUNTS["main"]
    matrix = (out / "matrix.csv").read_text(encoding="utf-8").splitlines()
    # one row per submission × requirement of its checklist: 11×9 + 15×9 + 2×12
    assert len(matrix) - 1 == 11 * 9 + 15 * 9 + 2 * 12
