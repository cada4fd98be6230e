"""Every registered rule: its documentation, one case that hits it and one that must not.

Each case is a small fictional repository (tests/fixtures/builder.py) written to
tmp_path; the expected line is found in the written text, never taken from kaic.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from kaic.lint import validate
from kaic.load import load_state
from kaic.rules import RULES, Finding, Severity
from kaic.source import MAX_FILE_BYTES, DirectorySource

from .fixtures.builder import (
    SPEC,
    VERSION,
    answer,
    checklist_text,
    clean_product,
    dump,
    line_of,
    write_repo,
)

FOLDER = f"v{VERSION}/acme"
PATH = f"{FOLDER}/PRODUCT.yaml"

COVERED: dict[str, list[str]] = {}

PASSING_JUNIT = '<testsuite name="acme"><testcase name="TestGauge" time="0.01"/></testsuite>\n'


def covers(*rule_ids: str) -> Callable[[Callable[..., None]], Callable[..., None]]:
    def mark(fn: Callable[..., None]) -> Callable[..., None]:
        for rid in rule_ids:
            COVERED.setdefault(rid, []).append(fn.__name__)
        return fn

    return mark


@dataclass
class Run:
    root: Path
    text: str
    findings: list[Finding]

    def of(self, rule: str) -> list[Finding]:
        return [f for f in self.findings if f.rule == rule]

    def line(self, needle: str, after: str | None = None, occurrence: int = 1) -> int:
        return line_of(self.text, needle, after, occurrence)


def run(
    tmp_path: Path,
    content: Any,
    *,
    folder: str = FOLDER,
    checklists: dict[str, str] | None = None,
    setup: Callable[[Path], None] | None = None,
) -> Run:
    root = tmp_path / "repo"
    write_repo(root, {folder: content}, checklists)
    if setup is not None:
        setup(root)
    state = load_state(DirectorySource(root))
    result = validate(state)
    if isinstance(content, bytes):
        text = content.decode("utf-8", "replace")
    else:
        text = content if isinstance(content, str) else dump(content)
    return Run(root, text, list(result.findings))


def expect(r: Run, rule: str, severity: Severity, line: int, requirement: str | None,
           path: str = PATH) -> Finding:
    """Exactly one finding of `rule`, with these fields."""
    hits = r.of(rule)
    assert len(hits) == 1, hits
    f = hits[0]
    assert (f.rule, f.severity, f.path, f.line, f.requirement) == (rule, severity, path, line, requirement)
    assert f.hint == RULES[rule].hint
    assert f.message
    return f


def insert_line(text: str, after_line: int, new: str) -> str:
    lines = text.splitlines(keepends=True)
    lines.insert(after_line, new + "\n")
    return "".join(lines)


# -- the clean baseline -----------------------------------------------------------------


def test_clean_submission_has_no_finding(tmp_path: Path) -> None:
    r = run(tmp_path, clean_product())
    assert r.findings == []


# -- the file itself ----------------------------------------------------------------------


@covers("yaml-invalid")
def test_yaml_invalid(tmp_path: Path) -> None:
    text = "metadata:\n  vendorName: Acme\n  platformName: Widgets: Platform\n"
    r = run(tmp_path / "hit", text)
    f = expect(r, "yaml-invalid", Severity.ERROR, 3, None)  # the second ':' is on line 3
    assert "mapping values" in f.message
    multi = dump(clean_product()) + "---\nmetadata: {}\n"
    r = run(tmp_path / "multi", multi)
    expect(r, "yaml-invalid", Severity.ERROR, line_of(multi, "---"), None)
    assert run(tmp_path / "clean", clean_product()).of("yaml-invalid") == []


@covers("not-utf8")
def test_not_utf8(tmp_path: Path) -> None:
    product = clean_product(vendor="Café Widgets")
    text = dump(product)
    r = run(tmp_path / "hit", text.encode("latin-1"))
    expect(r, "not-utf8", Severity.ERROR, line_of(text, "Café"), None)
    clean = run(tmp_path / "clean", text.encode("utf-8"))
    assert clean.findings == []


@covers("file-too-large")
def test_file_too_large(tmp_path: Path) -> None:
    text = dump(clean_product())
    padding = MAX_FILE_BYTES - len(text.encode()) - 3  # "# " + padding + "\n"
    exact = text + "# " + "x" * padding + "\n"
    assert len(exact.encode()) == MAX_FILE_BYTES
    assert run(tmp_path / "limit", exact).findings == []
    r = run(tmp_path / "over", exact + "#\n")
    f = expect(r, "file-too-large", Severity.ERROR, 1, None)
    assert str(MAX_FILE_BYTES) in f.message


@covers("file-not-regular")
def test_file_not_regular(tmp_path: Path) -> None:
    def link(root: Path) -> None:
        other = root / FOLDER / "real.yaml"
        (root / FOLDER / "PRODUCT.yaml").rename(other)
        os.symlink("real.yaml", root / FOLDER / "PRODUCT.yaml")

    r = run(tmp_path / "hit", clean_product(), setup=link)
    f = expect(r, "file-not-regular", Severity.ERROR, 1, None)
    assert "symbolic link" in f.message
    assert run(tmp_path / "clean", clean_product()).of("file-not-regular") == []


@covers("product-folder-name")
def test_product_folder_name(tmp_path: Path) -> None:
    folder = f"v{VERSION}/acme cloud"
    r = run(tmp_path / "hit", clean_product(), folder=folder)
    f = expect(r, "product-folder-name", Severity.WARNING, 1, None, path=f"{folder}/PRODUCT.yaml")
    assert "'acme cloud'" in f.message
    ok = run(tmp_path / "clean", clean_product(), folder=f"v{VERSION}/Acme_Cloud-2.0")
    assert ok.findings == []


@covers("yaml-duplicate-key")
def test_yaml_duplicate_key(tmp_path: Path) -> None:
    text = dump(clean_product())
    status = line_of(text, "status:", after="id: gauge_export")
    text = insert_line(text, status, "    status: Not Implemented")
    r = run(tmp_path / "hit", text)
    f = expect(r, "yaml-duplicate-key", Severity.ERROR, status + 1, None)
    assert f"first on line {status}" in f.message
    # the last value wins, as the rule's documentation says
    assert r.of("must-not-implemented")[0].requirement == "gauge_export"
    assert run(tmp_path / "clean", clean_product()).of("yaml-duplicate-key") == []


@covers("yaml-tag")
def test_yaml_tag(tmp_path: Path) -> None:
    text = dump(clean_product())
    notes = line_of(text, "notes:", after="id: trace_hint")
    lines = text.splitlines()
    lines[notes - 1] = "    notes: !vendor-note Shown by a tagged note."
    r = run(tmp_path / "hit", "\n".join(lines) + "\n")
    f = expect(r, "yaml-tag", Severity.WARNING, notes, None)
    assert "!vendor-note" in f.message
    lines[notes - 1] = "    notes: !!str 42"  # the standard string tag is plain YAML
    assert run(tmp_path / "clean", "\n".join(lines) + "\n").findings == []


@covers("field-type")
def test_field_type(tmp_path: Path) -> None:
    product = clean_product()
    answer(product, "trace_hint")["notes"] = 42
    r = run(tmp_path / "hit", product)
    f = expect(r, "field-type", Severity.ERROR, r.line("notes: 42"), "trace_hint")
    assert "integer" in f.message
    answer(product, "trace_hint")["notes"] = "42"
    assert run(tmp_path / "clean", product).findings == []


# -- parity with the upstream validator ------------------------------------------------------


@covers("checklist-missing")
def test_checklist_missing(tmp_path: Path) -> None:
    r = run(tmp_path / "hit", clean_product("3.2"), folder="v3.2/acme")
    f = expect(r, "checklist-missing", Severity.ERROR, 1, None, path="v3.2/acme/PRODUCT.yaml")
    assert "docs/AIConformance-3.2.yaml" in f.message
    broken = run(tmp_path / "broken", clean_product(), checklists={VERSION: "spec: [unclosed\n"})
    f = expect(broken, "checklist-missing", Severity.ERROR, 1, None)
    assert "cannot be read" in f.message
    assert run(tmp_path / "clean", clean_product()).of("checklist-missing") == []


@covers("metadata-missing")
def test_metadata_missing(tmp_path: Path) -> None:
    product = clean_product()
    del product["metadata"]
    r = run(tmp_path / "hit", product)
    expect(r, "metadata-missing", Severity.ERROR, 1, None)
    assert r.of("metadata-missing-field") == []  # one finding for the section, not one per field
    assert run(tmp_path / "clean", clean_product()).of("metadata-missing") == []


@covers("metadata-missing-field")
def test_metadata_missing_field(tmp_path: Path) -> None:
    product = clean_product()
    del product["metadata"]["contactEmailAddress"]
    product["metadata"]["documentationUrl"] = "  "
    r = run(tmp_path / "hit", product)
    hits = r.of("metadata-missing-field")
    assert [(f.severity, f.line, f.requirement) for f in hits] == [
        (Severity.ERROR, 1, None),  # absent: the metadata key line
        (Severity.ERROR, r.line("documentationUrl:"), None),  # empty: its own line
    ]
    assert "contactEmailAddress is missing" in hits[0].message
    assert "documentationUrl is empty" in hits[1].message

    # a field only the upstream validator asks for (this checklist's template lacks it)
    fields = ("kubernetesVersion", "platformName", "platformVersion", "vendorName", "websiteUrl",
              "documentationUrl", "productLogoUrl", "description", "contactEmailAddress")
    product = clean_product()
    del product["metadata"]["k8sConformanceUrl"]
    r = run(tmp_path / "upstream", product, checklists={VERSION: checklist_text(metadata_fields=fields)})
    f = expect(r, "metadata-missing-field", Severity.WARNING, 1, None)
    assert "only the upstream validator" in f.message

    optional = clean_product()
    del optional["metadata"]["repoUrl"]
    assert run(tmp_path / "clean", optional).findings == []


@covers("metadata-placeholder")
def test_metadata_placeholder(tmp_path: Path) -> None:
    product = clean_product()
    product["metadata"]["websiteUrl"] = "[Website URL]"
    r = run(tmp_path / "hit", product)
    expect(r, "metadata-placeholder", Severity.ERROR, r.line("websiteUrl:"), None)
    product["metadata"]["websiteUrl"] = "https://acme.example.com/[docs]"
    assert run(tmp_path / "clean", product).findings == []


@covers("metadata-not-string")
def test_metadata_not_string(tmp_path: Path) -> None:
    product = clean_product()
    product["metadata"]["platformVersion"] = 1.30
    r = run(tmp_path / "hit", product)
    f = expect(r, "metadata-not-string", Severity.ERROR, r.line("platformVersion:"), None)
    assert "number" in f.message
    product["metadata"]["platformVersion"] = "1.30"
    assert run(tmp_path / "clean", product).findings == []


@covers("k8s-conformance-url-format")
def test_k8s_conformance_url_format(tmp_path: Path) -> None:
    product = clean_product()
    product["metadata"]["k8sConformanceUrl"] = "https://github.com/cncf/k8s-conformance/pull/1234"
    r = run(tmp_path / "hit", product)
    expect(r, "k8s-conformance-url-format", Severity.ERROR, r.line("k8sConformanceUrl:"), None)
    product["metadata"]["k8sConformanceUrl"] = (
        f"https://github.com/cncf/k8s-conformance/tree/main/v{VERSION}/acme-widgets"
    )
    assert run(tmp_path / "clean", product).findings == []


@covers("missing-category")
def test_missing_category(tmp_path: Path) -> None:
    product = clean_product()
    del product["spec"]["telemetry"]
    r = run(tmp_path / "hit", product)
    f = expect(r, "missing-category", Severity.ERROR, r.line("spec:"), None)
    assert "'telemetry'" in f.message
    assert r.of("missing-requirement") == []  # reported once, by missing-category
    product = clean_product()
    product["spec"] = dict(reversed(list(product["spec"].items())))  # any order is fine
    assert run(tmp_path / "clean", product).findings == []


@covers("missing-requirement")
def test_missing_requirement(tmp_path: Path) -> None:
    product = clean_product()
    product["spec"]["telemetry"] = []
    r = run(tmp_path / "hit", product)
    hits = r.of("missing-requirement")
    # a missing MUST is an error; a missing SHOULD reads as unanswered: a warning
    assert [(f.severity, f.line, f.requirement) for f in hits] == [
        (Severity.ERROR, r.line("telemetry:"), "gauge_export"),
        (Severity.WARNING, r.line("telemetry:"), "trace_hint"),
    ]
    assert "(SHOULD)" in hits[1].message
    product = clean_product()
    product["spec"]["widgets"].reverse()
    assert run(tmp_path / "clean", product).findings == []


@covers("invalid-status")
def test_invalid_status(tmp_path: Path) -> None:
    product = clean_product()
    answer(product, "gauge_export")["status"] = "Done"
    answer(product, "trace_hint")["status"] = "implemented"
    r = run(tmp_path / "hit", product)
    hits = r.of("invalid-status")
    assert [(f.severity, f.line, f.requirement) for f in hits] == [
        (Severity.ERROR, r.line("status: Done"), "gauge_export"),
        (Severity.ERROR, r.line("status: implemented"), "trace_hint"),
    ]
    assert "'Implemented'" in hits[1].message
    product = clean_product()
    for rid, status in (("widget_sharing", "N/A"), ("dra_claims", "Not Implemented"),
                        ("trace_hint", "Partially Implemented")):
        answer(product, rid)["status"] = status
    assert run(tmp_path / "clean", product).of("invalid-status") == []


@covers("must-not-implemented")
def test_must_not_implemented(tmp_path: Path) -> None:
    product = clean_product()
    answer(product, "gauge_export")["status"] = "Not Implemented"
    answer(product, "widget_sharing").update(status="Partially Implemented", level="SHOULD")
    r = run(tmp_path / "hit", product)
    hits = r.of("must-not-implemented")
    # the checklist's level counts, not the one the vendor wrote
    assert [(f.severity, f.line, f.requirement) for f in hits] == [
        (Severity.ERROR, r.line("status:", after="id: widget_sharing"), "widget_sharing"),
        (Severity.ERROR, r.line("status:", after="id: gauge_export"), "gauge_export"),
    ]
    product = clean_product()
    answer(product, "trace_hint")["status"] = "Not Implemented"  # a SHOULD
    assert run(tmp_path / "clean", product).findings == []


@covers("na-without-notes")
def test_na_without_notes(tmp_path: Path) -> None:
    product = clean_product()
    answer(product, "trace_hint").update(status="N/A", evidence=[], notes="  ")
    r = run(tmp_path / "hit", product)
    expect(r, "na-without-notes", Severity.ERROR, r.line("status: N/A"), "trace_hint")
    answer(product, "trace_hint")["notes"] = "No trace hints: widgets are never proxied."
    assert run(tmp_path / "clean", product).findings == []


@covers("local-evidence-not-found")
def test_local_evidence_not_found(tmp_path: Path) -> None:
    product = clean_product()
    answer(product, "gauge_export")["evidence"] = ["results/gauge.log", "file://results/junit.xml#TestGauge"]
    r = run(tmp_path / "hit", product)
    hits = r.of("local-evidence-not-found")
    assert [(f.severity, f.line, f.requirement) for f in hits] == [
        (Severity.ERROR, r.line("- results/gauge.log"), "gauge_export"),
        (Severity.ERROR, r.line("- file://results/junit.xml"), "gauge_export"),
    ]
    assert f"{FOLDER}/results/gauge.log" in hits[0].message

    def files(root: Path) -> None:
        (root / FOLDER / "results").mkdir()
        (root / FOLDER / "results" / "gauge.log").write_text("--- PASS: TestGauge (0.01s)\n")
        (root / FOLDER / "results" / "junit.xml").write_text(PASSING_JUNIT)

    assert run(tmp_path / "clean", product, setup=files).findings == []


# -- beyond the upstream validator ------------------------------------------------------------


@covers("na-on-must")
def test_na_on_must(tmp_path: Path) -> None:
    product = clean_product()
    answer(product, "gauge_export").update(status="N/A", evidence=[], notes="Gauges are not offered here.")
    r = run(tmp_path / "hit", product)
    f = expect(r, "na-on-must", Severity.WARNING, r.line("status: N/A"), "gauge_export")
    assert "Gauges are not offered here." in f.message
    assert r.of("must-not-implemented") == []
    product = clean_product()
    answer(product, "trace_hint").update(status="N/A", evidence=[], notes="Widgets are never proxied.")
    assert run(tmp_path / "clean", product).findings == []


@covers("empty-status")
def test_empty_status(tmp_path: Path) -> None:
    product = clean_product()
    answer(product, "gauge_export")["status"] = ""
    answer(product, "trace_hint")["status"] = ""  # a SHOULD, but with evidence and notes
    r = run(tmp_path / "hit", product)
    hits = r.of("empty-status")
    assert [(f.severity, f.line, f.requirement) for f in hits] == [
        (Severity.ERROR, r.line("status:", after="id: gauge_export"), "gauge_export"),
        (Severity.WARNING, r.line("status:", after="id: trace_hint"), "trace_hint"),
    ]
    product = clean_product()
    answer(product, "trace_hint").update(status="", evidence=[], notes="")  # unanswered SHOULD
    assert run(tmp_path / "clean", product).findings == []


@covers("evidence-empty-string")
def test_evidence_empty_string(tmp_path: Path) -> None:
    product = clean_product()
    answer(product, "gauge_export")["evidence"].append("")
    r = run(tmp_path / "hit", product)
    expect(r, "evidence-empty-string", Severity.WARNING, r.line("- ''"), "gauge_export")
    assert r.of("evidence-missing") == []  # the other item is a link
    assert run(tmp_path / "clean", clean_product()).of("evidence-empty-string") == []


@covers("evidence-not-a-list")
def test_evidence_not_a_list(tmp_path: Path) -> None:
    product = clean_product()
    answer(product, "gauge_export")["evidence"] = "https://acme.example.com/gauges"
    r = run(tmp_path / "hit", product)
    f = expect(r, "evidence-not-a-list", Severity.WARNING,
               r.line("evidence: https://acme.example.com/gauges"), "gauge_export")
    assert "https://acme.example.com/gauges" in f.message
    assert r.of("evidence-missing") == []  # the string still counts as evidence
    assert run(tmp_path / "clean", clean_product()).of("evidence-not-a-list") == []


@covers("evidence-missing")
def test_evidence_missing(tmp_path: Path) -> None:
    product = clean_product()
    answer(product, "gauge_export")["evidence"] = []
    answer(product, "trace_hint").update(status="Partially Implemented", evidence=["N/A"])  # words only
    r = run(tmp_path / "hit", product)
    hits = r.of("evidence-missing")
    assert [(f.severity, f.line, f.requirement) for f in hits] == [
        (Severity.ERROR, r.line("evidence: []"), "gauge_export"),
        (Severity.WARNING, r.line("evidence:", after="id: trace_hint"), "trace_hint"),
    ]
    product = clean_product()
    answer(product, "trace_hint").update(status="Not Implemented", evidence=[])
    assert run(tmp_path / "clean", product).findings == []


@covers("description-edited")
def test_description_edited(tmp_path: Path) -> None:
    product = clean_product()
    rid, _, original = SPEC["telemetry"][0]
    answer(product, rid)["description"] = original + " Acme exports them twice."
    r = run(tmp_path / "hit", product)
    f = expect(r, "description-edited", Severity.WARNING, r.line("description:", after=f"id: {rid}"), rid)
    assert '+"Acme exports them twice."' in f.message
    answer(product, rid)["description"] = "  " + original.replace(" ", "\n   ", 3) + "\n"
    assert run(tmp_path / "clean", product).findings == []


@covers("level-edited")
def test_level_edited(tmp_path: Path) -> None:
    product = clean_product()
    answer(product, "widget_sharing")["level"] = "SHOULD"
    r = run(tmp_path / "hit", product)
    f = expect(r, "level-edited", Severity.ERROR, r.line("level: SHOULD", after="id: widget_sharing"),
               "widget_sharing")
    assert "MUST" in f.message
    assert run(tmp_path / "clean", clean_product()).of("level-edited") == []


@covers("unknown-requirement")
def test_unknown_requirement(tmp_path: Path) -> None:
    product = clean_product()
    extra = dict(answer(product, "trace_hint"), id="trace_hints")
    product["spec"]["telemetry"].append(extra)
    r = run(tmp_path / "hit", product)
    expect(r, "unknown-requirement", Severity.WARNING, r.line("id: trace_hints"), "trace_hints")
    assert run(tmp_path / "clean", clean_product()).of("unknown-requirement") == []


@covers("duplicate-requirement")
def test_duplicate_requirement(tmp_path: Path) -> None:
    product = clean_product()
    product["spec"]["telemetry"].append(dict(answer(product, "gauge_export")))
    r = run(tmp_path / "hit", product)
    first = r.line("id: gauge_export")
    f = expect(r, "duplicate-requirement", Severity.ERROR, r.line("id: gauge_export", occurrence=2),
               "gauge_export")
    assert f"first on line {first}" in f.message
    assert run(tmp_path / "clean", clean_product()).of("duplicate-requirement") == []


def test_only_the_first_of_duplicate_answers_is_judged(tmp_path: Path) -> None:
    """kaic reads the first answer of an id, in validation as in the analysis."""
    product = clean_product()
    second = dict(answer(product, "gauge_export"))
    second["status"] = "Not Implemented"
    product["spec"]["telemetry"].append(second)
    r = run(tmp_path / "dup", product)
    assert [f.rule for f in r.findings] == ["duplicate-requirement"]
    state = load_state(DirectorySource(tmp_path / "dup" / "repo"))
    assert state.submissions[0].statuses()["gauge_export"].value == "Implemented"


@covers("version-mismatch")
def test_version_mismatch(tmp_path: Path) -> None:
    product = clean_product()
    product["metadata"]["kubernetesVersion"] = "v3.0"
    r = run(tmp_path / "hit", product)
    f = expect(r, "version-mismatch", Severity.ERROR, r.line("kubernetesVersion:"), None)
    assert f"v{VERSION}" in f.message
    product["metadata"]["kubernetesVersion"] = f"v{VERSION}.7"  # a patch of the folder's minor
    assert run(tmp_path / "clean", product).of("version-mismatch") == []


@covers("kubernetes-version-format")
def test_kubernetes_version_format(tmp_path: Path) -> None:
    for i, value in enumerate((f"v{VERSION}.7", VERSION)):
        product = clean_product()
        product["metadata"]["kubernetesVersion"] = value
        r = run(tmp_path / f"hit{i}", product)
        expect(r, "kubernetes-version-format", Severity.INFO, r.line("kubernetesVersion:"), None)
        assert r.of("version-mismatch") == []
    assert run(tmp_path / "clean", clean_product()).of("kubernetes-version-format") == []


@covers("example-value")
def test_example_value(tmp_path: Path) -> None:
    product = clean_product()
    product["metadata"]["vendorName"] = "Yoyodyne Inc."
    product["metadata"]["repoUrl"] = "https://github.com/yoyo.dyne/turbo-encabulator"
    r = run(tmp_path / "hit", product)
    hits = r.of("example-value")
    assert [(f.severity, f.line, f.requirement) for f in hits] == [
        (Severity.ERROR, r.line("vendorName:"), None),
        (Severity.ERROR, r.line("repoUrl:"), None),
    ]
    product["metadata"]["vendorName"] = "Yoyo Widgets"
    product["metadata"]["repoUrl"] = "https://github.com/acme/encabulator"
    assert run(tmp_path / "clean", product).findings == []


@covers("logo-format")
def test_logo_format(tmp_path: Path) -> None:
    product = clean_product()
    product["metadata"]["productLogoUrl"] = "https://acme.example.com/logo.svg.png"
    r = run(tmp_path / "hit", product)
    expect(r, "logo-format", Severity.WARNING, r.line("productLogoUrl:"), None)
    product["metadata"]["productLogoUrl"] = "https://acme.example.com/Logo.SVG?v=2"
    r = run(tmp_path / "query", product)  # an SVG, but upstream looks at the end of the whole URL
    expect(r, "logo-format", Severity.INFO, r.line("productLogoUrl:"), None)
    product["metadata"]["productLogoUrl"] = "https://acme.example.com/Logo.SVG"
    assert run(tmp_path / "clean", product).findings == []


@covers("contact-email-invalid")
def test_contact_email_invalid(tmp_path: Path) -> None:
    product = clean_product()
    product["metadata"]["contactEmailAddress"] = "team at acme.example.com"
    r = run(tmp_path / "hit", product)
    expect(r, "contact-email-invalid", Severity.WARNING, r.line("contactEmailAddress:"), None)
    product["metadata"]["contactEmailAddress"] = "mailto:ai-team@acme.example.com"
    assert run(tmp_path / "clean", product).findings == []


@covers("status-contradicts-notes")
def test_status_contradicts_notes(tmp_path: Path) -> None:
    product = clean_product()
    answer(product, "widget_sharing")["notes"] = "Widget sharing is disabled by default."
    r = run(tmp_path / "hit", product)
    f = expect(r, "status-contradicts-notes", Severity.WARNING,
               r.line("notes:", after="id: widget_sharing"), "widget_sharing")
    assert '"disabled"' in f.message
    answer(product, "widget_sharing")["notes"] = "Widget sharing is enabled by default."
    assert run(tmp_path / "clean", product).findings == []


@covers("device-plugin-as-dra")
def test_device_plugin_as_dra(tmp_path: Path) -> None:
    product = clean_product()
    answer(product, "dra_claims")["notes"] = "DRA is provided through the Acme device plugin."
    # the same words on a requirement that is not about DRA are not a finding
    answer(product, "widget_sharing")["notes"] = "Sharing goes through the Acme device plugin."
    r = run(tmp_path / "hit", product)
    expect(r, "device-plugin-as-dra", Severity.WARNING, r.line("notes:", after="id: dra_claims"),
           "dra_claims")
    answer(product, "dra_claims")["notes"] = "The Acme DRA driver publishes ResourceSlices for widgets."
    assert run(tmp_path / "clean", product).findings == []


def test_forward_looking_dra_is_not_about_dra(tmp_path: Path) -> None:
    """A requirement naming DRA only in a "Forward-looking: Once ..." sentence is not about
    DRA: time-slicing through a device plugin answers it (the v1.35 gpu_sharing case)."""
    spec = {"widgets": [("widget_sharing", "MUST", "Provide one widget sharing strategy. Forward-looking: Once the "
                         "widget supports sharing as part of DRA, the platform should expose the DRA mechanism.")]}
    product = clean_product()
    product["spec"] = {"widgets": [answer(product, "widget_sharing")]}
    answer(product, "widget_sharing")["notes"] = "Time-slicing through the Acme device plugin."
    r = run(tmp_path, product, checklists={VERSION: checklist_text(spec)})
    assert r.of("device-plugin-as-dra") == []


def test_status_contradicts_notes_of_another_subject(tmp_path: Path) -> None:
    """A negative about another subject in the same note is a qualification; one whose
    subject is the platform or the requirement itself still contradicts."""
    product = clean_product()
    answer(product, "widget_sharing")["notes"] = "Time-slicing is enabled. MIG is not supported on T4 widgets."
    assert run(tmp_path / "other", product).of("status-contradicts-notes") == []
    answer(product, "widget_sharing")["notes"] = "Time-slicing works. The platform does not provide widget copies."
    r = run(tmp_path / "platform", product)
    expect(r, "status-contradicts-notes", Severity.WARNING, r.line("notes:", after="id: widget_sharing"),
           "widget_sharing")
    answer(product, "widget_sharing")["notes"] = "Widget sharing is not supported on T4 widgets."
    r = run(tmp_path / "own", product)
    assert [f.requirement for f in r.of("status-contradicts-notes")] == ["widget_sharing"]


@covers("na-in-disguise")
def test_na_in_disguise(tmp_path: Path) -> None:
    product = clean_product()
    answer(product, "widget_sharing")["notes"] = "Satisfied by virtue of the condition not applying to Acme."
    answer(product, "gauge_export")["notes"] = "N/A is accepted per the criterion, since there is no gauge."
    r = run(tmp_path / "hit", product)
    assert [(f.requirement, f.line, f.severity) for f in r.of("na-in-disguise")] == [
        ("widget_sharing", r.line("notes:", after="id: widget_sharing"), Severity.WARNING),
        ("gauge_export", r.line("notes:", after="id: gauge_export"), Severity.WARNING),
    ]
    assert r.of("status-contradicts-notes") == []  # one finding for one defect
    answer(product, "widget_sharing")["notes"] = "Applies to every widget pool."
    answer(product, "gauge_export")["notes"] = "Gauges are exported in a standard format."
    assert run(tmp_path / "clean", product).findings == []


@covers("notes-copied")
def test_notes_copied(tmp_path: Path) -> None:
    text = ("Acme demonstrates widget sharing by running two pods on one widget, and the test run shows "
            "that both pods read the same widget without copying it.")
    product = clean_product()
    answer(product, "widget_sharing")["notes"] = text
    answer(product, "gauge_export")["notes"] = text.replace("Acme demonstrates", "The Acme platform demonstrates")
    r = run(tmp_path / "hit", product)
    f = expect(r, "notes-copied", Severity.WARNING, r.line("notes:", after="id: gauge_export"), "gauge_export")
    assert "widget_sharing" in f.message
    # templated notes whose only long part is a link are no copy
    for rid in ("widget_sharing", "gauge_export"):
        answer(product, rid)["notes"] = f"test code: https://acme.example.com/tests/e2e/ai/{rid}/suite_test.go#L270"
    assert run(tmp_path / "links", product).of("notes-copied") == []
    answer(product, "gauge_export")["notes"] = "Gauges are exported in the Prometheus format by the Acme agent."
    assert run(tmp_path / "clean", product).findings == []


@covers("evidence-off-topic")
def test_evidence_off_topic(tmp_path: Path) -> None:
    product = clean_product()
    answer(product, "widget_sharing")["evidence"] = ["https://acme.example.com/docs/gauge-export"]
    r = run(tmp_path / "hit", product)
    f = expect(r, "evidence-off-topic", Severity.WARNING, r.line("- https://acme.example.com/docs/gauge-export"),
               "widget_sharing")
    assert "gauge_export" in f.message and '"gauge export"' in f.message
    # a link naming its own requirement too, or naming none, is not judged off-topic
    answer(product, "widget_sharing")["evidence"] = ["https://acme.example.com/docs/widget-sharing-gauge-export",
                                                     "https://acme.example.com/docs/getting-started"]
    assert run(tmp_path / "clean", product).findings == []


@covers("evidence-generic")
def test_evidence_generic(tmp_path: Path) -> None:
    product = clean_product()
    answer(product, "widget_sharing")["evidence"] = ["https://kueue.sigs.k8s.io/", "https://github.com/volcano-sh/volcano"]
    r = run(tmp_path / "hit", product)
    f = expect(r, "evidence-generic", Severity.INFO, r.line("evidence:", after="id: widget_sharing"), "widget_sharing")
    assert "Kueue" in f.message and "Volcano" in f.message
    # a deeper page of the project's repository, or a second link of the vendor's, passes
    answer(product, "widget_sharing")["evidence"] = [
        "https://github.com/kubernetes/autoscaler/tree/master/cluster-autoscaler/cloudprovider/acme"]
    assert run(tmp_path / "deep", product).findings == []
    answer(product, "widget_sharing")["evidence"] = ["https://kueue.sigs.k8s.io/", "https://acme.example.com/docs/kueue"]
    assert run(tmp_path / "clean", product).findings == []


@covers("local-evidence-outside")
def test_local_evidence_outside(tmp_path: Path) -> None:
    product = clean_product()
    answer(product, "gauge_export")["evidence"] = [
        f"../../docs/AIConformance-{VERSION}.yaml",
        "file://results/../../x.log",
        ".",
    ]
    r = run(tmp_path / "hit", product)
    hits = r.of("local-evidence-outside")
    assert [(f.severity, f.line, f.requirement) for f in hits] == [
        (Severity.ERROR, r.line("- ../../docs"), "gauge_export"),
        (Severity.ERROR, r.line("- file://results/../../x.log"), "gauge_export"),
        (Severity.ERROR, r.line("- ../../docs") + 2, "gauge_export"),
    ]
    assert r.of("local-evidence-not-found") == []  # never looked up, never read
    answer(product, "gauge_export")["evidence"] = ["file://./results/../results/junit.xml#TestGauge"]

    def files(root: Path) -> None:
        (root / FOLDER / "results").mkdir()
        (root / FOLDER / "results" / "junit.xml").write_text(PASSING_JUNIT)

    assert run(tmp_path / "clean", product, setup=files).findings == []


@covers("metadata-key-style")
def test_metadata_key_style(tmp_path: Path) -> None:
    product = clean_product()
    meta = product["metadata"]
    product["metadata"] = {("website_url" if k == "websiteUrl" else k): v for k, v in meta.items()}
    r = run(tmp_path / "hit", product)
    f = expect(r, "metadata-key-style", Severity.INFO, r.line("website_url:"), None)
    assert "websiteUrl" in f.message
    assert r.of("metadata-missing-field") == []  # folded to websiteUrl
    assert run(tmp_path / "clean", clean_product()).of("metadata-key-style") == []


@covers("top-level-key")
def test_top_level_key(tmp_path: Path) -> None:
    product = clean_product()
    email = product["metadata"].pop("contactEmailAddress")
    product["contact_email_address"] = email  # meant for metadata, written at the top
    product["reviewers"] = ["someone"]
    r = run(tmp_path / "hit", product)
    hits = r.of("top-level-key")
    assert [(f.severity, f.line) for f in hits] == [
        (Severity.WARNING, r.line("contact_email_address:")),
        (Severity.WARNING, r.line("reviewers:")),
    ]
    assert "belongs under metadata" in hits[0].message
    assert "unknown top-level key reviewers" in hits[1].message
    assert len(r.of("metadata-missing-field")) == 1  # still missing where it counts
    assert run(tmp_path / "clean", clean_product()).of("top-level-key") == []


@covers("evidence-url-malformed")
def test_evidence_url_malformed(tmp_path: Path) -> None:
    product = clean_product()
    answer(product, "gauge_export")["evidence"] = [
        "https://acme.example.com/a, https://acme.example.com/b",
        "https://acme.example.com/c]",
        "https://acme.example.com/wiki/Gauge_(metric)",
        " https://acme.example.com/d",
    ]
    r = run(tmp_path / "hit", product)
    hits = r.of("evidence-url-malformed")
    assert [(f.severity, f.line, f.requirement) for f in hits] == [
        (Severity.WARNING, r.line("- https://acme.example.com/a,"), "gauge_export"),
        (Severity.WARNING, r.line("- https://acme.example.com/c]"), "gauge_export"),
        (Severity.WARNING, r.line("- ' https://acme.example.com/d'"), "gauge_export"),
    ]
    assert "several URLs" in hits[0].message and "stray ']'" in hits[1].message
    assert "spaces around it" in hits[2].message
    answer(product, "gauge_export")["evidence"] = ["https://acme.example.com/a", "https://acme.example.com/b"]
    assert run(tmp_path / "clean", product).findings == []


@covers("evidence-not-a-link")
def test_evidence_not_a_link(tmp_path: Path) -> None:
    product = clean_product()
    answer(product, "gauge_export")["evidence"] = ["https://acme.example.com/gauges", "see the notes below",
                                                 "javascript:alert(1)"]
    answer(product, "trace_hint")["status"] = "N/A"
    answer(product, "trace_hint")["notes"] = "No tracing on this platform."
    answer(product, "trace_hint")["evidence"] = ["N/A"]  # a status word: left to the status rules
    r = run(tmp_path / "hit", product)
    hits = r.of("evidence-not-a-link")
    assert [(f.severity, f.line, f.requirement) for f in hits] == [
        (Severity.WARNING, r.line("- see the notes below"), "gauge_export"),
        (Severity.WARNING, r.line("- javascript:alert(1)"), "gauge_export"),
    ]
    assert run(tmp_path / "clean", clean_product()).of("evidence-not-a-link") == []


@covers("local-evidence-link")
def test_local_evidence_link(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "run.log").write_text("secret\n")
    product = clean_product()
    answer(product, "gauge_export")["evidence"] = ["results/run.log", "linked.log"]

    def links(root: Path) -> None:
        (root / FOLDER / "results").symlink_to(outside, target_is_directory=True)
        (root / FOLDER / "linked.log").symlink_to(outside / "run.log")

    r = run(tmp_path / "hit", product, setup=links)
    hits = r.of("local-evidence-link")
    assert [(f.severity, f.line) for f in hits] == [
        (Severity.ERROR, r.line("- results/run.log")),
        (Severity.ERROR, r.line("- linked.log")),
    ]
    assert r.of("local-evidence-not-found") == []  # reported once, as a link

    def files(root: Path) -> None:
        (root / FOLDER / "results").mkdir()
        (root / FOLDER / "results" / "run.log").write_text("--- PASS: TestGauge (0.01s)\n")
        (root / FOLDER / "linked.log").write_text("--- PASS: TestGauge (0.01s)\n")

    assert run(tmp_path / "clean", product, setup=files).findings == []


@covers("checklist-invalid")
def test_checklist_invalid(tmp_path: Path) -> None:
    broken = checklist_text().replace("level: SHOULD", "level: MAYBE", 1)
    r = run(tmp_path / "hit", clean_product(), checklists={VERSION: broken})
    f = expect(r, "checklist-invalid", Severity.ERROR, 1, None)
    assert f"docs/AIConformance-{VERSION}.yaml:" in f.message and "'MAYBE'" in f.message
    assert run(tmp_path / "clean", clean_product()).of("checklist-invalid") == []


# -- the registry and the documentation ----------------------------------------------------


def test_every_rule_has_a_hit_and_a_clean_case() -> None:
    assert set(COVERED) == set(RULES)


def test_issue_rule_ids_are_registered() -> None:
    """The ids the Foundation issue asks for, exactly."""
    asked = ["checklist-missing", "metadata-missing", "metadata-missing-field", "metadata-placeholder", "metadata-not-string", "k8s-conformance-url-format", "missing-category", "missing-requirement", "invalid-status", "must-not-implemented", "na-without-notes", "local-evidence-not-found", "na-on-must", "empty-status", "evidence-empty-string", "evidence-not-a-list", "evidence-missing", "description-edited", "level-edited", "unknown-requirement", "duplicate-requirement", "version-mismatch", "example-value", "logo-format", "contact-email-invalid", "status-contradicts-notes", "device-plugin-as-dra", "local-evidence-outside", "yaml-invalid", "file-too-large", "not-utf8"]
    assert set(asked) <= set(RULES)


KEBAB = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_rule_documentation(rule_id: str) -> None:
    rule = RULES[rule_id]
    assert KEBAB.match(rule.id)
    assert isinstance(rule.severity, Severity)
    lines = rule.doc.strip().splitlines()
    summary = lines[0]
    # the summary is one complete sentence on its own line
    assert rule.summary == summary
    assert len(lines) > 1 and lines[1].strip() == "", "the summary line must stand alone"
    assert summary[0].isupper() or summary[0] == "`", summary
    assert summary.endswith("."), summary
    assert not summary.rstrip(".").endswith((":", ",", ";", " and", " or", " a", " the")), summary
    assert summary.count("(") == summary.count(")") and summary.count("`") % 2 == 0, summary
    assert len(summary) <= 100, summary
    body = [line.strip() for line in lines]
    assert any(line.startswith("Fails") for line in body), f"{rule_id}: no Fails example"
    assert any(line.startswith("Passes") for line in body), f"{rule_id}: no Passes example"
    assert rule.hint.strip() and rule.hint.strip()[0].isupper() and rule.hint.rstrip().endswith(".")
    assert callable(rule.check)


# the artifact-* rules register their cases from their own module
from . import test_artifact_rules as _artifact_rules  # noqa: E402,F401
