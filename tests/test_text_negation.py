"""Wording right around a project name that says it is not used (kept, tagged, not adoption)."""

from __future__ import annotations

import pytest

from kaic.components.text import Tag, tag_for


@pytest.mark.parametrize(
    ("text", "name", "tag"),
    [
        ("Unlike Volcano, we rely on Kueue for gang scheduling.", "Volcano", Tag.NEGATIVE),
        ("Unlike Volcano, we rely on Kueue for gang scheduling.", "Kueue", None),
        ("We use Kueue instead of Volcano.", "Volcano", Tag.NEGATIVE),
        ("We use Kueue instead of Volcano.", "Kueue", None),
        ("No Kubeflow. Ray is supported.", "Kubeflow", Tag.NEGATIVE),
        ("No Kubeflow. Ray is supported.", "Ray", None),
        ("A Slurm-like batch scheduler is provided.", "Slurm", Tag.NEGATIVE),
        ("SUNK runs Slurm on Kubernetes.", "Slurm", None),
        ("Kueue runs with no changes.", "Kueue", None),
    ],
)
def test_local_negative_wording(text: str, name: str, tag: Tag | None) -> None:
    start = text.index(name)
    assert tag_for(text, start, start + len(name)) == tag


@pytest.mark.parametrize(
    ("text", "name", "tag"),
    [
        # comparison: every name of a short list after the cue
        ("We ship our own batch queue instead of Kueue/Volcano.", "Volcano", Tag.NEGATIVE),
        ("We ship our own batch queue instead of Kueue/Volcano.", "Kueue", Tag.NEGATIVE),
        ("Our scheduler vs. Volcano: both gang-schedule.", "Volcano", Tag.NEGATIVE),
        ("Runs without changes, Kueue admits the jobs.", "Kueue", None),
        # hypothetical: examples in a sentence about what could be installed
        ("Any Gateway API controller, such as Istio, Envoy Gateway or Cilium, can be installed.", "Cilium",
         Tag.HYPOTHETICAL),
        ("For on-prem clusters solutions such as Traefik and Cilium are compatible.", "Traefik", Tag.HYPOTHETICAL),
        ("Frameworks such as Ray and Kubeflow have been tested and are used on the platform.", "Ray", None),
        ("Users can deploy any known Gateway Controller which implements the Gateway API including AI Gateways "
         "like K-Gateway.", "K-Gateway", Tag.HYPOTHETICAL),
        ("Users can deploy any known Gateway Controller which implements the Gateway API including AI Gateways "
         "like K-Gateway.", "Gateway API", None),
        ("EKS supports pod autoscalers including vanilla HPA and KEDA with HPA.", "KEDA", None),
        # absence written as configuration
        ("helm install stack --set dcgmExporter.enabled=false", "dcgmExporter", Tag.NEGATIVE),
        # tool output quoted as evidence
        ("# HELP DCGM_FI_DEV_VGPU_LICENSE_STATUS vGPU License status\n", "vGPU", Tag.TOOL_OUTPUT),
        ("| GPU  Name   | Bus-Id | MIG M. |\n", "MIG", Tag.TOOL_OUTPUT),
        # a roadmap cue late in a clause that states the present first
        ("Current devices are managed with device plugins, with ongoing efforts to transition to DRA once "
         "vendor support is more mature.", "device plugins", None),
        ("Current devices are managed with device plugins, with ongoing efforts to transition to DRA once "
         "vendor support is more mature.", "DRA", Tag.ROADMAP),
        ("Support for DRA is planned for a future release.", "DRA", Tag.ROADMAP),
    ],
)
def test_mention_context(text: str, name: str, tag: Tag | None) -> None:
    """Mentions out of context (issue 12): general patterns, one case each."""
    start = text.index(name)
    assert tag_for(text, start, start + len(name)) == tag


@pytest.mark.parametrize(
    ("anchor", "restated"),
    [
        ("_support_dynamic_resource_allocation_dra", True),
        ("dra-support", True),
        ("using-kueue-with-topology-aware-scheduling", False),
        ("verify", False),
    ],
)
def test_an_anchor_restating_its_requirement(anchor: str, restated: bool) -> None:
    from kaic.components.text import restates

    wording = ("dra support Support Dynamic Resource Allocation (DRA) APIs to enable more flexible and "
               "fine-grained resource requests beyond simple counts.")
    assert restates(anchor.replace("_", " ").replace("-", " "), wording) is restated


def test_an_api_version_named_as_absent_is_not_recorded() -> None:
    from kaic.components.detect import _ApiVersions
    from kaic.components.text import Clauses

    for text, expected in [
        ("DRA v1 APIs (required by spec) are GA in Kubernetes v1.34+, hence partial.", None),
        ("DRA v1 APIs are enabled in 1.34 by default", "v1"),
        ("The DRA v1 API is not available yet.", None),
        ("resource types at v1beta1.", "v1beta1"),
    ]:
        start = text.find("DRA") if "DRA" in text else 0
        end = start + 3 if "DRA" in text else 0
        assert _ApiVersions(text).after(Clauses(text), start, end) == expected, text
