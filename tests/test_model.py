"""kaic.model: checklists and submissions parsed into typed data with lines."""

from __future__ import annotations

import random

import pytest

from kaic.model import (
    EvidenceForm,
    EvidenceKind,
    Status,
    normalize_status,
    parse_checklist,
    parse_submission,
    version_key,
)
from kaic.model.evidence_path import PathProblem

from .fixtures.builder import SPEC, VERSION, answer, checklist_text, clean_product, dump, line_of

PATH = f"v{VERSION}/acme/PRODUCT.yaml"


def test_checklist_is_read_from_the_file() -> None:
    text = checklist_text()
    cl = parse_checklist(f"docs/AIConformance-{VERSION}.yaml", VERSION, text)
    assert cl.error is None
    assert cl.version == VERSION
    assert cl.categories == tuple(SPEC)
    assert cl.ids == tuple(rid for items in SPEC.values() for rid, _, _ in items)
    for category, items in SPEC.items():
        for rid, level, description in items:
            req = cl.requirement(rid)
            assert req is not None
            assert (req.category, req.level, req.description) == (category, level, description)
            assert req.line == line_of(text, f"- id: {rid}")
            assert req.is_must == (level == "MUST")
    assert "k8sConformanceUrl" in cl.metadata_fields and cl.metadata_fields[0] == "kubernetesVersion"
    assert cl.requirement("nope") is None


def test_checklist_versions_differ_without_code_changes() -> None:
    spec = {"other": [("only_here", "SHOULD", "Only in this fictional version.")]}
    cl = parse_checklist("docs/AIConformance-7.0.yaml", "7.0", checklist_text(spec, ("vendorName",)))
    assert cl.ids == ("only_here",) and cl.metadata_fields == ("vendorName",)
    assert not cl.requirements[0].is_must


@pytest.mark.parametrize("text", ["spec: [", "- a\n- b\n", "", "spec: 5\n"])
def test_broken_checklists_do_not_raise(text: str) -> None:
    cl = parse_checklist("docs/AIConformance-1.0.yaml", "1.0", text)
    assert cl.requirements == ()
    if text.startswith("spec: ["):
        assert cl.error and "line" in cl.error
    elif text.startswith("- a") or not text:
        assert cl.error == "not a YAML mapping"


def test_version_key_orders_numerically() -> None:
    assert sorted(["1.10", "1.9", "v1.33", "1.x"], key=version_key) == ["1.9", "1.10", "v1.33", "1.x"]


@pytest.mark.parametrize(
    ("raw", "status"),
    [
        ("Implemented", Status.IMPLEMENTED),
        ("  implemented ", Status.IMPLEMENTED),
        ("Partially Implemented", Status.PARTIAL),
        ("partially-implemented", Status.PARTIAL),
        ("Not Implemented", Status.NOT_IMPLEMENTED),
        ("not_implemented", Status.NOT_IMPLEMENTED),
        ("N/A", Status.NA),
        ("Not Applicable", Status.NA),
        ("", Status.EMPTY),
        ("   ", Status.EMPTY),
        ("Done", Status.OTHER),
    ],
)
def test_normalize_status(raw: str, status: Status) -> None:
    assert normalize_status(raw) is status


def test_submission_fields_and_lines() -> None:
    product = clean_product()
    product["metadata"] = {
        ("website_url" if k == "websiteUrl" else k): v for k, v in product["metadata"].items()
    }
    product["metadata"]["customField"] = "kept"
    answer(product, "gauge_export").update(status="N/A", notes="Not offered.", evidence=[])
    text = dump(product)
    sub = parse_submission(PATH, text.encode(), ("websiteUrl",))
    assert sub.parsed and sub.problems == ()
    assert (sub.path, sub.version, sub.product, sub.folder) == (PATH, VERSION, "acme", f"v{VERSION}/acme")
    assert sub.vendor == "Acme Widgets" and sub.platform == "Acme Widgets Platform"
    assert sub.metadata_line == 1 and sub.spec_line == line_of(text, "spec:")
    web = sub.metadata["websiteUrl"]
    assert (web.key, web.line, web.text) == ("website_url", line_of(text, "website_url:"), "https://acme.example.com/")
    assert sub.meta("customField") == "kept"  # unknown keys are kept
    assert [name for name, _ in sub.categories] == list(SPEC)
    assert [a.id for a in sub.answers] == [rid for items in SPEC.values() for rid, _, _ in items]
    gauge = sub.answer("gauge_export")
    assert gauge is not None
    after = "id: gauge_export"
    assert gauge.line == line_of(text, after)
    assert gauge.status is Status.NA and gauge.status_raw == "N/A" and gauge.status_present
    assert gauge.status_line == line_of(text, "status:", after=after)
    assert gauge.notes == "Not offered." and gauge.notes_line == line_of(text, "notes:", after=after)
    assert gauge.evidence_form is EvidenceForm.EMPTY and gauge.evidence == ()
    assert gauge.level == "MUST" and gauge.level_line == line_of(text, "level:", after=after)
    assert gauge.category == "telemetry"
    assert sub.statuses()["widget_sharing"] is Status.IMPLEMENTED


def test_snake_case_keys_fold_to_the_checklist_names() -> None:
    text = "metadata:\n  contact_email_address: a@example.com\n  product-logo-url: x.svg\n  k8s_conformance_url: u\n"
    sub = parse_submission(PATH, text.encode())
    assert set(sub.metadata) == {"contactEmailAddress", "productLogoUrl", "k8sConformanceUrl"}
    assert sub.metadata["contactEmailAddress"].line == 2


def _evidence(items: object) -> tuple:
    product = clean_product()
    answer(product, "gauge_export")["evidence"] = items
    sub = parse_submission(PATH, dump(product).encode())
    found = sub.answer("gauge_export")
    assert found is not None
    return found.evidence_form, found.evidence, sub.problems


def test_evidence_kinds() -> None:
    form, ev, problems = _evidence([
        "https://acme.example.com/log",
        "file://results/junit.xml#TestGauge",
        "results/run.log",
        "./notes.md#setup",
        "see the documentation",
        "",
    ])
    assert form is EvidenceForm.LIST and problems == ()
    folder = f"v{VERSION}/acme"
    assert [(e.kind, e.resolved, e.fragment, e.outside) for e in ev] == [
        (EvidenceKind.URL, None, None, False),
        (EvidenceKind.FILE, f"{folder}/results/junit.xml", "TestGauge", False),
        (EvidenceKind.PATH, f"{folder}/results/run.log", None, False),
        (EvidenceKind.PATH, f"{folder}/notes.md", "setup", False),
        (EvidenceKind.TEXT, None, None, False),
        (EvidenceKind.EMPTY, None, None, False),
    ]
    assert ev[0].target == "https://acme.example.com/log"


@pytest.mark.parametrize(
    "raw",
    [
        "../other/PRODUCT.yaml",
        "../../docs/AIConformance-3.1.yaml",
        "file://../../x",
        "results/../../../x.log",
        ".",
        "./",
    ],
)
def test_evidence_escaping_the_folder(raw: str) -> None:
    _, ev, _ = _evidence([raw])
    assert len(ev) == 1
    assert ev[0].problem is PathProblem.ESCAPES and ev[0].resolved is None and ev[0].lookup is None, ev[0]


@pytest.mark.parametrize(
    ("raw", "inside"),
    [  # as upstream: a leading '/' is dropped; '%', '~', '\\' and 'C:' are plain characters
        ("/etc/passwd", "etc/passwd"),
        ("~/secret", "~/secret"),
        ("C:\\Windows\\system.ini", "C:\\Windows\\system.ini"),
        ("..\\..\\x.txt", "..\\..\\x.txt"),
        ("file:///etc/passwd", "etc/passwd"),
        ("file://%2e%2e/%2e%2e/x", "%2e%2e/%2e%2e/x"),
        ("file://results/%2E%2E/%2E%2E/%2E%2E/x", "results/%2E%2E/%2E%2E/%2E%2E/x"),
        ("%2e%2e/%2e%2e/secret.txt", "%2e%2e/%2e%2e/secret.txt"),
    ],
)
def test_evidence_resolved_literally_inside_the_folder(raw: str, inside: str) -> None:
    _, ev, _ = _evidence([raw])
    folder = f"v{VERSION}/acme"
    assert (ev[0].lookup, ev[0].problem) == (f"{folder}/{inside}", None)
    assert not ev[0].outside


@pytest.mark.parametrize(
    ("raw", "lookup", "fragment", "problem"),
    [  # every path form upstream's resolveEvidencePath accepts or refuses (PR #141)
        ("junit.xml", "junit.xml", None, None),
        ("  junit.xml  ", "junit.xml", None, None),
        ("file://junit.xml", "junit.xml", None, None),
        ("file://junit.xml#TestGangScheduling", "junit.xml", "TestGangScheduling", None),
        ("file://results/junit.xml#T", "results/junit.xml", "T", None),
        ("file://v3.1/acme/junit.xml#TestX", "junit.xml", "TestX", None),
        ("file:///v3.1/acme/results.json", "results.json", None, None),
        ("v3.1/acme/e2e.log", "e2e.log", None, None),
        ("results.json#TestX/Sub#more", "results.json", "TestX/Sub#more", None),
        ("results.json#Test%20X", "results.json", "Test%20X", None),
        ("file://v3.1/other/junit.xml", None, None, PathProblem.OTHER_PRODUCT),
        ("v3.0/acme/junit.xml", None, None, PathProblem.OTHER_PRODUCT),
        ("file://", None, None, PathProblem.EMPTY),
        ("#TestX", None, "TestX", PathProblem.EMPTY),
        ("file:///", None, None, PathProblem.EMPTY),
    ],
)
def test_upstream_path_forms(raw: str, lookup: str | None, fragment: str | None,
                             problem: PathProblem | None) -> None:
    _, ev, _ = _evidence([raw])
    folder = f"v{VERSION}/acme"
    assert ev[0].lookup == (f"{folder}/{lookup}" if lookup else None)
    assert (ev[0].fragment, ev[0].problem) == (fragment, problem)


def test_evidence_plain_string_and_wrong_types() -> None:
    form, ev, problems = _evidence("https://acme.example.com/doc")
    assert form is EvidenceForm.STRING and [e.kind for e in ev] == [EvidenceKind.URL] and problems == ()
    form, ev, problems = _evidence({"url": "https://acme.example.com"})
    assert form is EvidenceForm.OTHER and ev == ()
    assert [(p.rule, p.requirement) for p in problems] == [("field-type", "gauge_export")]
    form, ev, problems = _evidence(7)
    assert form is EvidenceForm.OTHER and "integer" in problems[0].message
    form, ev, problems = _evidence(["https://a.example.com", {"b": 1}, 3, None])
    assert form is EvidenceForm.LIST
    assert [e.kind for e in ev] == [EvidenceKind.URL, EvidenceKind.TEXT, EvidenceKind.EMPTY]
    assert [p.rule for p in problems] == ["field-type", "field-type"]
    form, ev, _ = _evidence(None)
    assert form is EvidenceForm.EMPTY
    product = clean_product()
    del answer(product, "gauge_export")["evidence"]
    gauge = parse_submission(PATH, dump(product).encode()).answer("gauge_export")
    assert gauge is not None and gauge.evidence_form is EvidenceForm.MISSING


def test_unreadable_files_become_problems() -> None:
    assert [p.rule for p in parse_submission(PATH, b"").problems] == ["yaml-invalid"]
    assert [p.rule for p in parse_submission(PATH, b"\xff\xfe").problems] == ["not-utf8"]
    assert [p.rule for p in parse_submission(PATH, b"[1, 2]\n").problems] == ["yaml-invalid"]
    bom = b"\xef\xbb\xbf" + dump(clean_product()).encode()
    assert parse_submission(PATH, bom).problems == ()


def test_parse_submission_never_raises_on_noise() -> None:
    rng = random.Random(20260316)
    base = dump(clean_product()).encode()
    for _ in range(300):
        data = bytearray(base)
        for _ in range(rng.randint(1, 12)):
            data[rng.randrange(len(data))] = rng.choice(b"\x00\xff:-[]{}&*!|>'\"\n\t #%@`")
        sub = parse_submission(PATH, bytes(data))
        assert sub.path == PATH
        assert sub.parsed or sub.problems
