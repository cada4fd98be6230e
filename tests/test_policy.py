"""Policies as data: the schemas, the one severity function, and `kaic rules`' upstream text."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

from kaic import policy
from kaic.policy import POLICIES, describe, severity, upstream_message, upstream_of, verdict
from kaic.rules import RULES, Hit, Severity


def _data(path: Path) -> object:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(("name", "path"), [("policies", policy.POLICIES_PATH),
                                            ("conditional_musts", policy.CONDITIONAL_MUSTS_PATH)])
def test_data_follows_its_schema(name: str, path: Path) -> None:
    schema = policy.schema(name)
    Draft202012Validator.check_schema(schema)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in Draft202012Validator(schema).iter_errors(_data(path))]
    assert errors == []


def test_every_rule_says_what_upstream_does_and_no_more() -> None:
    from kaic.online.checks import ONLINE_RULES
    from kaic.review.data import review_data

    described = set(policy.load().rules)
    assert described == set(RULES) | set(ONLINE_RULES) | set(review_data().checks)


def test_pull_request_checks_agree_with_review_data() -> None:
    """data/review.yaml's `upstream` of each PR check and data/policies.yaml say the same."""
    from kaic.review.data import review_data

    for check in review_data().checks.values():
        assert upstream_of(check.id).verdict == check.upstream, check.id
        if check.upstream == "fails":
            assert check.upstream_message is not None
            message = upstream_of(check.id).message("")
            assert message is not None and message.startswith(check.upstream_message), check.id


def test_the_policies_are_the_ones_kaic_offers() -> None:
    assert tuple(policy.load().policies) == POLICIES == ("kaic", "upstream", "faq")


def test_the_schema_refuses_a_failing_verdict_without_a_message() -> None:
    raw = _data(policy.POLICIES_PATH)
    assert isinstance(raw, dict)
    raw["rules"]["missing-requirement"].pop("message")
    errors = list(Draft202012Validator(policy.schema("policies")).iter_errors(raw))
    assert errors


def test_severity_follows_the_policy_and_the_facts() -> None:
    rule = RULES["missing-requirement"]
    should = Hit("requirement x (SHOULD) is missing", 3, "x", Severity.WARNING)
    assert severity(rule, should, "kaic") is Severity.WARNING
    assert severity(rule, should, "upstream") is Severity.ERROR
    # a kaic error upstream lets through is at most a warning under upstream
    level = RULES["level-edited"]
    hit = Hit("level of x is SHOULD", 4, "x")
    assert severity(level, hit, "kaic") is Severity.ERROR
    assert severity(level, hit, "upstream") is Severity.WARNING
    # a fact on the hit overrides the rule's general verdict
    empty = RULES["empty-status"]
    assert verdict(empty.id, Hit("x has no status", 5, "x", upstream_fails=False)) == "passes"
    assert severity(empty, Hit("x", 5, "x", Severity.WARNING, upstream_fails=False), "upstream") is Severity.WARNING
    assert severity(empty, Hit("x", 5, "x", Severity.WARNING, upstream_fails=True), "upstream") is Severity.ERROR
    # a configured severity cannot lower what upstream fails, under upstream
    assert severity(rule, should, "upstream", configured=Severity.INFO) is Severity.ERROR
    assert severity(rule, should, "kaic", configured=Severity.INFO) is Severity.INFO
    with pytest.raises(policy.PolicyError):
        severity(rule, should, "lenient")


def test_upstream_message_is_filled_from_the_hit() -> None:
    hit = Hit("requirement x is missing", 3, "gauge_export", facts=(("category", "telemetry"),))
    text = upstream_message("missing-requirement", hit, "v3.1/a/PRODUCT.yaml", "v3.1/a", "3.1")
    assert text == "Missing requirement 'gauge_export' in category 'telemetry'"
    assert upstream_message("level-edited", Hit("m", 1, "x"), "p", "f", "3.1") is None
    assert upstream_message("empty-status", Hit("m", 1, "x", upstream_fails=False), "p", "f", "3.1") is None


def test_rule_documentation_states_what_upstream_does() -> None:
    text = describe("evidence-not-a-list")
    assert "cannot load the file" in text
    assert "It prints: Error loading product: yaml: unmarshal errors: line <line>: cannot unmarshal !!str" in text
    assert upstream_of("evidence-not-a-list").message("") == (
        "Error loading product: yaml: unmarshal errors: line $line: cannot unmarshal !!str into []string")
    assert "lets it through" in describe("level-edited")
    assert RULES["missing-requirement"].upstream and not RULES["level-edited"].upstream
