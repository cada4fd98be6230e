"""Identifier extraction (kaic.deepdive) on small texts and fictional repositories.

Every expectation is written from the fixture text itself: values as typed there, line
numbers found with `line_of`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from kaic.components.catalog import load_catalog
from kaic.components.context import is_checklist_quote, is_hypothetical
from kaic.components.text import Clauses
from kaic.deepdive import IdKind, find_identifiers, load_vocabulary
from kaic.deepdive.collect import collect_identifiers, vocabulary_for
from kaic.deepdive.vocabulary import Vocabulary, VocabularyError, parse_vocabulary
from kaic.load import load_state
from kaic.source import DirectorySource
from tests.fixtures.builder import VERSION, answer, clean_product, line_of, product_text, write_repo

DATA = Path(__file__).resolve().parents[1] / "src" / "kaic" / "data"


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return vocabulary_for(load_catalog())


def values(text: str, vocab: Vocabulary, kind: IdKind | None = None, counting: bool = True, **kw: Any) -> list[str]:
    return [f.value for f in find_identifiers(text, vocab, **kw)
            if (kind is None or f.kind is kind) and (f.skip is None or not counting)]


def skips(text: str, vocab: Vocabulary) -> dict[str, str | None]:
    return {f.value: f.skip for f in find_identifiers(text, vocab)}


# -- each identifier class ---------------------------------------------------------------


def test_metric_names_by_family_promql_and_code_span(vocab: Vocabulary) -> None:
    text = ("The widget exporter exposes DCGM_FI_DEV_FB_USED per widget.\n"
            "Query: `sum(rate(widget_requests_total{job=\"w\"}[5m]))` and `vllm:num_requests_running`.\n"
            "A code span `gauge_latency_seconds` is a metric; `widget_sharing` is not.\n")
    got = values(text, vocab, IdKind.METRIC, skip_words=frozenset({"widget_sharing"}))
    assert got == ["DCGM_FI_DEV_FB_USED", "widget_requests_total", "vllm:num_requests_running", "gauge_latency_seconds"]


def test_api_group_versions_core_groups_and_catalog_groups(vocab: Vocabulary) -> None:
    text = ("Claims use resource.k8s.io/v1beta1 and later resource.k8s.io/v1.\n"
            "apiVersion: batch/v1\n"
            "Queues are kueue.x-k8s.io objects.\n"
            "See https://example.org/resource.k8s.io/v1alpha3 (a link is not read as prose).\n")
    assert values(text, vocab, IdKind.API) == ["resource.k8s.io/v1beta1", "resource.k8s.io/v1", "batch/v1",
                                               "kueue.x-k8s.io"]


def test_kinds_known_kind_lines_and_crd_names(vocab: Vocabulary) -> None:
    text = ("Create a ResourceClaimTemplate and a ClusterQueue.\n"
            "kind: WidgetPool\n"
            "The CRD clusterqueues.kueue.x-k8s.io is registered.\n"
            "The Gateway API is served.\n")
    assert values(text, vocab, IdKind.KIND) == ["ResourceClaimTemplate", "ClusterQueue", "WidgetPool",
                                                "clusterqueues.kueue.x-k8s.io"]


def test_feature_gates_flag_words_and_yaml_block(vocab: Vocabulary) -> None:
    text = ("kube-apiserver --feature-gates=DynamicResourceAllocation=true,WidgetSharing=false\n"
            "The TopologyAwareScheduling feature gate is on.\n"
            "featureGates:\n"
            "  - name: PartialAdmission\n"
            "    enabled: true\n"
            "  GaugeExport: true\n"
            "kubelet:\n  extraArgs:\n    feature-gates: WidgetClaims=true\n")
    assert values(text, vocab, IdKind.FEATURE_GATE) == [
        "DynamicResourceAllocation", "WidgetSharing", "TopologyAwareScheduling", "PartialAdmission", "GaugeExport",
        "WidgetClaims"]


def test_helm_charts_and_kubectl_commands(vocab: Vocabulary) -> None:
    text = ("```\n"
            "helm install --namespace w widget-op acme/widget-operator --version 1.2.3\n"
            "helm upgrade --install gauges acme/gauge-stack \\\n  --set a=b\n"
            "helm repo add acme https://charts.example.org\n"
            "kubectl get crd | grep widget\n"
            "kubectl -n demo describe pod/widget-0\n"
            "kubectl apply -f widget.yaml\n"
            "```\n")
    assert values(text, vocab, IdKind.HELM_CHART) == ["acme/widget-operator", "acme/gauge-stack"]
    assert values(text, vocab, IdKind.KUBECTL) == ["kubectl get customresourcedefinitions", "kubectl describe pods",
                                                   "kubectl apply"]


def test_resource_names_and_node_labels(vocab: Vocabulary) -> None:
    text = ("Pods request nvidia.com/gpu or acme.com/mig-1g.5gb; nodes carry widgets.example.io/present.\n"
            "Images such as nvcr.io/nvidia and files such as docs/widget.md are not resources.\n")
    assert values(text, vocab, IdKind.RESOURCE) == ["nvidia.com/gpu", "acme.com/mig-1g.5gb",
                                                    "widgets.example.io/present"]


# -- context --------------------------------------------------------------------------------


def test_negated_mention_is_kept_but_does_not_count(vocab: Vocabulary) -> None:
    text = "The platform does not expose DCGM_FI_DEV_POWER_USAGE. It exposes DCGM_FI_DEV_GPU_TEMP."
    assert skips(text, vocab) == {"DCGM_FI_DEV_POWER_USAGE": "negative", "DCGM_FI_DEV_GPU_TEMP": None}


def test_hypothetical_mention_does_not_count(vocab: Vocabulary) -> None:
    text = ("HPA can be configured with custom metrics, such as DCGM_FI_DEV_GPU_UTIL. "
            "The example uses DCGM_FI_DEV_FB_FREE.")
    assert skips(text, vocab) == {"DCGM_FI_DEV_GPU_UTIL": "hypothetical", "DCGM_FI_DEV_FB_FREE": None}
    clauses = Clauses("Optional: a ClusterQueue per team.")
    assert is_hypothetical(clauses, 10, 22)


def test_roadmap_mention_does_not_count(vocab: Vocabulary) -> None:
    assert skips("Support for resource.k8s.io/v1 is planned for a future release.", vocab) == {
        "resource.k8s.io/v1": "roadmap"}


def test_checklist_wording_quoted_back_does_not_count(vocab: Vocabulary) -> None:
    wording = "The platform must expose DCGM_FI_DEV_GPU_UTIL for every widget in a standard format."
    text = ("The platform must expose DCGM_FI_DEV_GPU_UTIL for every widget in a standard format. "
            "We expose DCGM_FI_DEV_GPU_UTIL through the gauge exporter.")
    found = find_identifiers(text, vocab, checklist=wording)
    assert [(f.value, f.skip) for f in found] == [("DCGM_FI_DEV_GPU_UTIL", "checklist"),
                                                  ("DCGM_FI_DEV_GPU_UTIL", None)]
    assert not is_checklist_quote(text, 0, 5, "")


def test_code_is_read_literally_unless_the_line_disables_it(vocab: Vocabulary) -> None:
    text = ("We do not use the prose form here.\n```\nkind: ClusterQueue\n"
            "helm install w acme/widgets --set widgets.enabled=false\n"
            "apiVersion: acme.example.io/v1 # enabled: false\n```\n")
    got = {(f.kind, f.value): f.skip for f in find_identifiers(text, vocab)}
    assert got[(IdKind.KIND, "ClusterQueue")] is None
    assert got[(IdKind.HELM_CHART, "acme/widgets")] is None
    assert got[(IdKind.API, "acme.example.io/v1")] == "negative"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="abcDEF_:./-{}`\n \t=,vV0123456789kubectlhelm", max_size=400))
def test_any_text_is_read_without_error(text: str) -> None:
    vocab = load_vocabulary()
    for f in find_identifiers(text, vocab):
        assert 0 <= f.start <= f.end <= len(text)
        assert f.value


# -- places in a submission ----------------------------------------------------------------


def test_places_in_notes_and_files_and_status(tmp_path: Path) -> None:
    product = clean_product()
    a = answer(product, "widget_sharing")
    a["notes"] = "Pods request acme.com/widget.\nThe claim is a ResourceClaim."
    a["evidence"] = ["./walkthrough.md#sharing", "https://docs.example.org/concepts/kueue.x-k8s.io/ClusterQueue",
                     "https://acme.example.org/blog/no-identifier-here"]
    na = answer(product, "gauge_export")
    na["status"] = "N/A"
    na["notes"] = "No exporter; DCGM_FI_DEV_GPU_UTIL is not applicable here."
    folder = f"v{VERSION}/acme"
    write_repo(tmp_path, {folder: product})
    walkthrough = "# Setup\n\nkubectl get nodes\n\n## Sharing\n\n```\nkubectl describe resourceclaim x\n```\n"
    (tmp_path / folder / "walkthrough.md").write_text(walkthrough, encoding="utf-8")
    state = load_state(DirectorySource(tmp_path))
    col = collect_identifiers(state, vocabulary_for(load_catalog()))
    sub = state.submissions[0]
    ids = col.identifiers[sub.path]
    text = product_text(product)
    notes_line = line_of(text, "notes:", after="id: widget_sharing")
    got = {(i.value, i.place.requirement, i.place.file, i.place.line, i.skip) for i in ids}
    assert ("acme.com/widget", "widget_sharing", None, notes_line + 1, None) in got
    assert ("ResourceClaim", "widget_sharing", None, notes_line + 2, None) in got
    path = f"{folder}/walkthrough.md"
    # the heading's section holds line 8; "kubectl get nodes" (line 3) is outside it
    assert ("kubectl describe resourceclaim", "widget_sharing", path, line_of(walkthrough, "describe"), None) in got
    assert ("kubectl get nodes", None, path, 3, None) in got
    assert any(i.value == "DCGM_FI_DEV_GPU_UTIL" and i.skip == "status" for i in ids)
    url_line = line_of(text, "kueue.x-k8s.io/ClusterQueue")
    assert {(i.kind, i.value) for i in ids if i.place.field == "evidence"} == {
        (IdKind.API, "kueue.x-k8s.io"), (IdKind.KIND, "ClusterQueue")}
    assert {i.place.line for i in ids if i.place.field == "evidence"} == {url_line}
    assert not col.errors


# -- the data file ---------------------------------------------------------------------------


def test_identifier_data_follows_its_schema() -> None:
    data = yaml.safe_load((DATA / "identifiers.yaml").read_text(encoding="utf-8"))
    schema = json.loads((DATA / "schemas" / "identifiers.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    bad = dict(data, mechanisms=[{"key": "x", "title": "no words nor identifiers"}])
    with pytest.raises(VocabularyError):
        parse_vocabulary(bad)


def test_plain_word_kinds_count_only_in_code_or_kind_lines(vocab: Vocabulary) -> None:
    text = ("Users deploy a Gateway controller; the Gateway and HTTPRoute are created.\n"
            "```\nkubectl get gateway\n```\n`Gateway`\nkind: Gateway\n")
    found = [(f.value, f.start) for f in find_identifiers(text, vocab) if f.kind is IdKind.KIND]
    assert [v for v, _ in found] == ["HTTPRoute", "Gateway", "Gateway"]
    assert [text.count("\n", 0, s) + 1 for _, s in found] == [1, 5, 6]


def test_any_including_like_is_hypothetical(vocab: Vocabulary) -> None:
    text = "Users can deploy any controller, including gateways like acme.io/v1 ones. We ship acme.io/v2."
    assert skips(text, vocab) == {"acme.io/v1": "hypothetical", "acme.io/v2": None}
