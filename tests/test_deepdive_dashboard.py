"""The dashboard's "Requirement deep dives" view: present when the report has the
section, vendor text escaped, and the corpus's identifiers shown where they were read."""

from __future__ import annotations

from pathlib import Path

import pytest

from kaic.dashboard.deep_dives import deep_dives_view
from kaic.lint import validate
from kaic.load import load_state
from kaic.report.build import build_report
from kaic.report.render import renderer
from kaic.source import DirectorySource

from .fixtures.builder import VERSION, answer, clean_product, write_repo
from .test_dashboard import check_self_contained

HOSTILE = '<script>window.__pwned = 1</script> kubectl get <img src=x onerror="window.__pwned=1">'


def _html(root: Path) -> tuple[str, dict[str, object]]:
    state = load_state(DirectorySource(root))
    report = build_report(state, validate(state))
    assert report.data["errors"] == [], report.data["errors"]
    html = renderer("html").render(report)
    assert isinstance(html, str)
    return html, report.data


def test_na_reasons_and_identifiers_are_shown_escaped(tmp_path: Path) -> None:
    product = clean_product()
    na = answer(product, "trace_hint")
    na["status"] = "N/A"
    na["notes"] = HOSTILE
    ok = answer(product, "widget_sharing")
    ok["notes"] = "Pods request acme.com/widget through a ResourceClaim."
    write_repo(tmp_path, {f"v{VERSION}/acme": product})
    html, data = _html(tmp_path)
    check_self_contained(html)
    assert '<section id="deep-dives"' in html and 'href="#deep-dives"' in html
    assert "<script>window.__pwned" not in html and "<img src=x" not in html
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in html
    assert "<code>acme.com/widget</code>" in html and "<code>ResourceClaim</code>" in html
    view = deep_dives_view(data)
    assert view is not None
    hint = next(r for r in view[0]["requirements"] if r["id"] == "trace_hint")
    assert [a["notes"] for g in hint["not_applicable"] for a in g["answers"]] == [HOSTILE]


def test_no_section_no_view() -> None:
    assert deep_dives_view({"deep_dives": []}) is None
    assert deep_dives_view({}) is None


@pytest.mark.corpus
def test_corpus_view_shows_dcgm_metrics_for_pod_autoscaling(corpus_checkout: Path) -> None:
    """Read from the files: OVH's pod_autoscaling walkthrough queries
    DCGM_FI_PROF_GR_ENGINE_ACTIVE (schedulingOrchestration.md:109, :115); no submission
    names a DCGM metric for accelerator_metrics."""
    from kaic.source import open_source

    state = load_state(open_source(str(corpus_checkout), "main"))
    data = build_report(state, validate(state)).data
    view = deep_dives_view(data)
    assert view is not None and view[0]["version"] == max((v["version"] for v in view), key=lambda s: tuple(
        int(x) for x in s.split(".")))
    v134 = next(v for v in view if v["version"] == "1.34")
    pod = next(r for r in v134["requirements"] if r["id"] == "pod_autoscaling")
    places = {i["value"]: i["places"] for i in pod["identifiers"]}
    assert places["DCGM_FI_PROF_GR_ENGINE_ACTIVE"] == ["v1.34/ovh/schedulingOrchestration.md:109"]
    metrics = next(r for r in v134["requirements"] if r["id"] == "accelerator_metrics")
    assert not [i for i in metrics["identifiers"] if i["value"].startswith("DCGM_FI_")]


def test_markdown_escapes_vendor_text(tmp_path: Path) -> None:
    product = clean_product()
    na = answer(product, "trace_hint")
    na["status"] = "Not Implemented"
    na["notes"] = "[click](javascript:alert(1)) <script>x</script> | cell"
    write_repo(tmp_path, {f"v{VERSION}/acme": product})
    state = load_state(DirectorySource(tmp_path))
    from kaic.report.sections import deep_dives

    report = build_report(state, validate(state), [deep_dives.SECTION])
    md = report.sections[0].section.markdown(report.sections[0].data)
    assert "<script>" not in md and "[click](" not in md  # no tag, no link
    assert "&lt;script&gt;" in md and "\\[click\\]" in md and "\\| cell" in md
