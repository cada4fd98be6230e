"""Notes and evidence that do not fit their requirement (issue 12): the curated terms
data, its general mechanisms on small fixtures, and the real instances in the corpus.

Corpus expectations were found by reading the files (line numbers of `notes:` or of the
evidence item), not taken from kaic's output.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import jsonschema
import pytest
import yaml

from kaic.lint import ValidationResult, validate
from kaic.load import RepoState
from kaic.terms import TERMS_PATH, cues, distinctive, fold, mentions, parse_cues, sentences

from .conftest import MAIN

SCHEMA = TERMS_PATH.parent / "schemas" / "requirement_terms.schema.json"


def test_shipped_terms_follow_their_schema() -> None:
    schema = json.loads(SCHEMA.read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    data = yaml.safe_load(TERMS_PATH.read_text())
    jsonschema.validate(data, schema)
    assert parse_cues(data).copied_similarity == data["notes_copied"]["similarity"]
    bad = dict(data, topics={"Gpu-Sharing": ["x"]})
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)


def test_forward_looking_sentences_are_dropped() -> None:
    text = ("Provide one sharing strategy. Forward-looking: Once the accelerator supports it as part of DRA, "
            "use DRA. In the future this may change.")
    assert cues().present(text) == "Provide one sharing strategy."
    assert sentences("One. Two: three") == ["One.", "Two:", "three"]


def test_terms_are_whole_words_or_prefixes() -> None:
    folded = fold("Autoscale GPU workloads with KEDA/HPA")
    assert mentions(folded, [" keda ", " autoscal", " hpa ", " kedas "]) == [" keda ", " autoscal", " hpa "]
    # a term another requirement can match too is not distinctive
    d = distinctive({"a": (" autoscal", " keda "), "b": (" autoscaler ", " karpenter ")})
    assert d == {"a": (" keda ",), "b": (" karpenter ",)}


def test_subjects_come_from_the_checklist_first() -> None:
    terms = cues().subject_terms("widget_sharing", "Support Widget Sharing Protocol (WSP) for pods.")
    assert " widget sharing " in terms and " wsp " in terms


@pytest.fixture(scope="module")
def main_result(corpus_state: Callable[[str], RepoState]) -> ValidationResult:
    return validate(corpus_state(MAIN))


def _hits(result: ValidationResult, rule: str) -> set[tuple[str, str | None, int | None]]:
    return {(f.path, f.requirement, f.line) for f in result.findings if f.rule == rule}


@pytest.mark.corpus
def test_notes_copied_in_the_corpus(main_result: ValidationResult) -> None:
    # jdcloud's cluster_autoscaling notes are its gang-scheduling text (l. 42 vs l. 53);
    # CoreWeave CKS repeats its accelerator_metrics notes under ai_service_metrics in all
    # three versions. DaoCloud's "test code: <link>" notes differ only in their links.
    assert _hits(main_result, "notes-copied") == {
        ("v1.33/jdcloud/PRODUCT.yaml", "cluster_autoscaling", 53),
        ("v1.33/cks/PRODUCT.yaml", "ai_service_metrics", 73),
        ("v1.34/cks/PRODUCT.yaml", "ai_service_metrics", 73),
        ("v1.35/cks/PRODUCT.yaml", "ai_service_metrics", 71),
    }


@pytest.mark.corpus
def test_evidence_off_topic_in_the_corpus(main_result: ValidationResult) -> None:
    hits = _hits(main_result, "evidence-off-topic")
    # AKS offers its KEDA pod-autoscaling page for cluster_autoscaling (l. 50; the same link
    # is its pod_autoscaling evidence, l. 57, where it is on topic) ...
    assert ("v1.34/aks/PRODUCT.yaml", "cluster_autoscaling", 50) in hits
    assert ("v1.34/aks/PRODUCT.yaml", "pod_autoscaling", 57) not in hits
    # ... and its secure_accelerator_access evidence folder for dra_support (l. 25).
    assert ("v1.34/aks/PRODUCT.yaml", "dra_support", 25) in hits
    # HPA on GPU metrics (ACK l. 56) and GKE's inference autoscaling pages are on topic.
    assert ("v1.34/ack/PRODUCT.yaml", "pod_autoscaling", 56) not in hits
    assert not {h for h in hits if h[0].startswith("v1.34/gke/") and h[1] == "pod_autoscaling"}
    # prometheus-operator / gpu-operator pages are not "about the robust_controller requirement"
    assert not {h for h in hits if h[0] == "v1.33/palette/PRODUCT.yaml"}


@pytest.mark.corpus
def test_v135_forward_looking_requirements_do_not_misfire(main_result: ValidationResult) -> None:
    # gpu_sharing / virtualized_accelerator / driver_runtime_management name DRA only as
    # forward-looking in the 1.35 checklist; the only device-plugin-as-dra hit stays jdcloud's dra_support.
    assert _hits(main_result, "device-plugin-as-dra") == {("v1.33/jdcloud/PRODUCT.yaml", "dra_support", 24)}
    assert _hits(main_result, "na-in-disguise") == set()
    # OVH's cluster_autoscaling evidence is the OVHcloud provider folder of the autoscaler
    # repository (l. 46): a page about the vendor's integration, not the project's home page.
    assert _hits(main_result, "evidence-generic") == set()
