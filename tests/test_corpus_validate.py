"""`kaic validate` over the real repository at two commits, against facts counted by hand.

The expected values come from tests/corpus_facts.py, written by an independent audit
of the files (plain PyYAML and reading), not from kaic's output.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kaic.lint import ValidationResult, validate
from kaic.load import RepoState
from kaic.rules import Severity

from . import corpus_facts as facts
from .conftest import MAIN, OLD

STATES = {"04ca2f5": OLD, "main": MAIN}


@pytest.fixture(scope="module")
def results(corpus_state: Callable[[str], RepoState]) -> dict[str, ValidationResult]:
    return {name: validate(corpus_state(commit)) for name, commit in STATES.items()}


def _hits(result: ValidationResult, rule: str) -> set[tuple[str, str | None, int | None]]:
    return {(f.path, f.requirement, f.line) for f in result.findings if f.rule == rule}


@pytest.mark.parametrize("state", STATES)
def test_every_submission_loads(state: str, corpus_state: Callable[[str], RepoState]) -> None:
    loaded = corpus_state(STATES[state])
    assert sorted(s.path for s in loaded.submissions) == facts.SUBMISSIONS[state]
    assert len(loaded.submissions) == facts.SUBMISSION_COUNTS[state]
    assert all(s.parsed and not s.problems for s in loaded.submissions)
    per_version: dict[str, int] = {}
    for s in loaded.submissions:
        per_version[s.version] = per_version.get(s.version, 0) + 1
    assert per_version == {v.lstrip("v"): n for v, n in facts.SUBMISSIONS_PER_VERSION[state].items()}


@pytest.mark.parametrize("state", STATES)
def test_statuses_value_by_value(state: str, corpus_state: Callable[[str], RepoState]) -> None:
    for sub in corpus_state(STATES[state]).submissions:
        expected = facts.STATUSES[state][sub.path]
        got = {a.id: a.status_raw for a in sub.answers}
        assert got == {k: (v or "") for k, v in expected.items()}, sub.path


@pytest.mark.parametrize("state", STATES)
def test_checklists_read_from_data(state: str, corpus_state: Callable[[str], RepoState]) -> None:
    loaded = corpus_state(STATES[state])
    for version, levels in facts.CHECKLIST_LEVELS.items():
        checklist = loaded.checklists[version.lstrip("v")]
        assert {r.id: r.level for r in checklist.requirements} == levels


@pytest.mark.parametrize("state", STATES)
def test_evidence_as_plain_string(state: str, results: dict[str, ValidationResult]) -> None:
    expected = {(p, rid, line) for p, rid, line, _ in facts.EVIDENCE_PLAIN_STRING[state]}
    assert _hits(results[state], "evidence-not-a-list") == expected


@pytest.mark.parametrize("state", STATES)
def test_empty_strings_in_evidence_lists(state: str, results: dict[str, ValidationResult]) -> None:
    expected = {(p, rid, line) for p, rid, line, *_ in facts.EVIDENCE_EMPTY_STRING[state]}
    assert _hits(results[state], "evidence-empty-string") == expected


@pytest.mark.parametrize("state", STATES)
def test_empty_status(state: str, results: dict[str, ValidationResult]) -> None:
    expected = {(p, rid, line) for p, rid, line, *_ in facts.EMPTY_STATUS[state]}
    assert _hits(results[state], "empty-status") == expected
    # The one empty status is on a SHOULD with evidence and notes: a warning, not an error.
    for f in results[state].findings:
        if f.rule == "empty-status":
            assert f.severity is Severity.WARNING


@pytest.mark.parametrize("state", STATES)
def test_descriptions_and_levels_edited(state: str, results: dict[str, ValidationResult]) -> None:
    assert _hits(results[state], "description-edited") == set(facts.DESCRIPTION_DIFFERS[state])
    expected_levels = {(p, rid, line) for p, rid, line, *_ in facts.LEVEL_DIFFERS[state]}
    assert _hits(results[state], "level-edited") == expected_levels


@pytest.mark.parametrize("state", STATES)
def test_missing_and_unknown_requirements(state: str, results: dict[str, ValidationResult]) -> None:
    missing = {(p, rid) for p, rid, _ in facts.MISSING_REQUIREMENTS[state]}
    got = {(f.path, f.requirement) for f in results[state].findings if f.rule == "missing-requirement"}
    assert got == missing
    # All the missing ones are SHOULDs: warnings.
    assert all(
        f.severity is Severity.WARNING for f in results[state].findings if f.rule == "missing-requirement"
    )
    assert _hits(results[state], "unknown-requirement") == set(facts.UNKNOWN_IDS[state])
    assert _hits(results[state], "duplicate-requirement") == set(facts.DUPLICATE_IDS[state])


@pytest.mark.parametrize("state", STATES)
def test_broken_local_evidence(state: str, results: dict[str, ValidationResult]) -> None:
    # upstream looks every entry up literally: prose naming an existing file fails too
    expected = {(p, rid, line) for p, rid, line, _ in facts.BROKEN_LOCAL_EVIDENCE[state]}
    assert _hits(results[state], "local-evidence-not-found") == expected
    assert _hits(results[state], "local-evidence-outside") == set()


@pytest.mark.parametrize("state", STATES)
def test_na_on_must_shown_with_notes(state: str, results: dict[str, ValidationResult]) -> None:
    findings = [f for f in results[state].findings if f.rule == "na-on-must"]
    assert {(f.path, f.requirement, f.line) for f in findings} == {
        (p, rid, line) for p, rid, line, _ in facts.NA_ON_MUST[state]
    }
    notes = {(p, rid): text for p, rid, _, text in facts.NA_ON_MUST[state]}
    for f in findings:
        assert notes[(f.path, f.requirement)][:40] in f.message
        assert f.severity is Severity.WARNING
    assert _hits(results[state], "must-not-implemented") == set(facts.NOT_IMPLEMENTED_ON_MUST[state])


@pytest.mark.parametrize("state", STATES)
def test_fictional_example_copied(state: str, results: dict[str, ValidationResult]) -> None:
    expected = {(p, None, line) for p, _, line, _ in facts.FICTIONAL_EXAMPLE_METADATA[state]}
    assert _hits(results[state], "example-value") == expected


@pytest.mark.parametrize("state", STATES)
def test_metadata_defects(state: str, results: dict[str, ValidationResult]) -> None:
    result = results[state]
    assert {(p, line) for p, _, line, _ in facts.LOGO_NOT_VECTOR[state]} == {
        (f.path, f.line) for f in result.findings if f.rule == "logo-format"
    }
    assert {(p, line) for p, _, line, _ in facts.NON_STRING_METADATA[state]} == {
        (f.path, f.line) for f in result.findings if f.rule == "metadata-not-string"
    }
    # Fields the version's checklist asks for: errors, one per missing field.
    errors = {
        (f.path, f.message.split()[2])
        for f in result.findings
        if f.rule == "metadata-missing-field" and f.severity is Severity.ERROR
    }
    expected = {(p, name) for p, names in facts.MISSING_METADATA_FIELDS[state].items() for name in names}
    assert errors == expected
    assert not [f for f in result.findings if f.rule in ("metadata-placeholder", "version-mismatch",
                                                         "contact-email-invalid", "k8s-conformance-url-format")]


@pytest.mark.parametrize("state", STATES)
def test_contradictions_and_device_plugin_claims(state: str, results: dict[str, ValidationResult]) -> None:
    assert _hits(results[state], "status-contradicts-notes") == {
        (p, rid, line) for p, rid, line, _ in facts.IMPLEMENTED_BUT_NOTES_NEGATIVE[state]
    } | set(facts.IMPLEMENTED_BUT_NOTES_NO_AUTOSCALER[state])
    assert _hits(results[state], "device-plugin-as-dra") == {
        (p, rid, line) for p, rid, line, _ in facts.DRA_VIA_DEVICE_PLUGIN[state]
    }


@pytest.mark.parametrize("state", STATES)
def test_clean_submissions_have_no_error(state: str, results: dict[str, ValidationResult]) -> None:
    """Submissions with no error-level defect in the audit get no error-level finding."""
    defective = (
        set(facts.MISSING_METADATA_FIELDS[state])
        | {p for p, *_ in facts.FICTIONAL_EXAMPLE_METADATA[state]}
        | {p for p, *_ in facts.LEVEL_DIFFERS[state]}
        | {p for p, *_ in facts.BROKEN_LOCAL_EVIDENCE[state]}
        | {p for p, *_ in facts.NON_STRING_METADATA[state]}
    )
    result = results[state]
    ok = {s.path for s in result.submissions if result.ok(s)}
    assert ok == set(facts.SUBMISSIONS[state]) - defective
    assert len(ok) > 0


@pytest.mark.parametrize("state", STATES)
def test_misplaced_keys_and_malformed_links(state: str, results: dict[str, ValidationResult]) -> None:
    assert {(f.path, f.line) for f in results[state].findings if f.rule == "top-level-key"} == {
        (p, line) for p, keys in facts.STRAY_TOP_LEVEL_KEYS[state].items() for _, line, _ in keys
    }
    # Several URLs joined in one item (the audit's list) plus, at 04ca2f5, one URL that
    # ends in a stray "]" (rke2 dra_support, line 23, noted beside the audit's list).
    expected = set(facts.MULTI_URL_EVIDENCE_ITEMS[state])
    if state == "04ca2f5":
        expected.add(("v1.33/rke2/PRODUCT.yaml", "dra_support", 23))
    assert _hits(results[state], "evidence-url-malformed") == expected
