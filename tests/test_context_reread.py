"""Second looks at a mention's context (issue 12): a heading loses to the commands under it,
a requirement's own condition restated in prose is no mention, and a DRA word in a clause
that states DRA enabled or used shows DRA.

Fixtures are fictional submissions written with tests/fixtures/builder.py and analysed with
the shipped catalog; the corpus instances are in tests/test_components_corpus.py (OVH
dra.md:25, security.md:16) and tests/test_reread_ten.py (OKE l.23).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kaic.components.analysis import SubmissionResult, analyse_components
from kaic.components.context import (
    block_under,
    heading_overruled,
    restates_requirement,
    states_in_use,
)
from kaic.components.text import Clauses, Tag
from kaic.load import load_state
from kaic.source import DirectorySource

from .fixtures.builder import answer, clean_product, write_repo

# -- the block a heading introduces -------------------------------------------------------

STEPS = """\
# Install

1. Install the device plugin

```bash
helm install dra nvidia/nvidia-dra-driver-gpu
```

2. Check it
Nothing to run here.

- Configure sharing:
```yaml
sharing: time-slicing
```
"""


def test_a_step_heads_the_fenced_block_under_it() -> None:
    lines = STEPS.split("\n")
    assert block_under(lines, 3) == (5, 7)  # blank line, then the fence
    assert block_under(lines, 12) == (13, 15)  # "- Configure sharing:" then the fence at once
    assert block_under(lines, 9) is None  # prose follows, no block
    assert block_under(lines, 6) is None  # a command is no heading
    assert block_under(lines, 1) == (2, 16)  # a Markdown heading heads its section
    assert block_under(lines, 0) is None and block_under(lines, 99) is None


def test_a_heading_loses_only_when_its_block_names_a_rival_and_never_it() -> None:
    assert heading_overruled(own={3}, rival={6}, block=(5, 7))
    assert not heading_overruled(own={3, 6}, rival={6}, block=(5, 7))  # the block names it too
    assert not heading_overruled(own={3}, rival={20}, block=(5, 7))  # the rival is elsewhere
    assert not heading_overruled(own={3}, rival={6}, block=None)


def test_enabled_or_used_is_told_from_named() -> None:
    def shown(text: str, word: str = "DRA") -> bool:
        start = text.index(word)
        return states_in_use(Clauses(text), start, start + len(word))

    assert shown("DRA v1 APIs are enabled in 1.34 by default")
    assert shown("DRA is enabled by default on the control plane.")
    assert shown("The cluster runs with DRA enabled by default")
    assert not shown("The platform implements the DRA APIs")
    assert not shown("DRA is supported. Everything is enabled by default")  # another sentence
    assert not shown("DRA can be enabled by the user")  # "be enabled": possible, not stated


@pytest.mark.parametrize(("text", "word", "quoted"), [
    # ORKESTRIX v1.36 cluster_autoscaling (cncf/k8s-ai-conformance, after the corpus)
    ("This requirement is conditional on the platform providing a cluster autoscaler.", "cluster autoscaler",
     True),
    ("The requirement only applies if the platform provides a cluster autoscaler.", "cluster autoscaler", True),
    ("The platform provides a cluster autoscaler for accelerator node groups.", "cluster autoscaler", False),
    ("This requirement is met: Karpenter scales GPU node groups.", "Karpenter", False),
])
def test_the_requirements_own_condition_restated(text: str, word: str, quoted: bool) -> None:
    wording = ("cluster autoscaling If the platform provides a cluster autoscaler or an equivalent mechanism, "
               "it must be able to scale up/down node groups containing specific accelerator types based on "
               "pending pods requesting those accelerators.")
    start = text.index(word)
    assert restates_requirement(Clauses(text), start, start + len(word), wording) is quoted


# -- end to end on fictional submissions -------------------------------------------------


def _analyse(tmp_path: Path, notes: dict[str, str], files: dict[str, str],
             descriptions: dict[str, str] | None = None) -> SubmissionResult:
    product = clean_product()
    for rid, text in notes.items():
        answer(product, rid)["notes"] = text
    for rid, text in (descriptions or {}).items():
        answer(product, rid)["description"] = text
    answer(product, "dra_claims")["evidence"] = list(files)  # the fixture's own links name DRA: not here
    root = write_repo(tmp_path / "repo", {"v3.1/acme": product})
    for name, text in files.items():
        (root / "v3.1" / "acme" / name).write_text(text, encoding="utf-8")
    result = analyse_components(load_state(DirectorySource(root))).result("v3.1/acme/PRODUCT.yaml")
    assert result is not None and result.error is None
    return result


MISNAMED = """\
## Procedure

1. Install the NVIDIA device plugin

```bash
helm upgrade -i nvidia-dra-driver-gpu nvidia/nvidia-dra-driver-gpu --namespace nvidia
```

2. Claim a widget with a ResourceClaimTemplate.
"""

NAMED_RIGHT = MISNAMED.replace("nvidia-dra-driver-gpu nvidia/nvidia-dra-driver-gpu",
                               "nvdp nvdp/nvidia-device-plugin --set image=k8s-device-plugin")


def test_commands_under_a_heading_win_over_the_heading(tmp_path: Path) -> None:
    dra = _analyse(tmp_path / "a", {}, {"install.md": MISNAMED}).solutions.dra
    assert dra.approach == "DRA" and dra.device_plugin_places == 0
    right = _analyse(tmp_path / "b", {}, {"install.md": NAMED_RIGHT}).solutions.dra
    assert right.approach == "both"  # the block installs the device plugin: the heading stands


def test_a_dra_qualified_device_plugin_is_dras(tmp_path: Path) -> None:
    r = _analyse(tmp_path, {"dra_claims": "The DRA device plugin is installed and ResourceClaims are used."}, {})
    assert r.solutions.dra.approach == "DRA"


SHARING = """\
## Procedure

1. Enable MIG on the widgets

```yaml
sharing:
  timeSlicing:
    resources:
      - name: nvidia.com/gpu
        replicas: 4   # time-slicing
```
"""


def test_a_sharing_heading_loses_to_the_block_under_it(tmp_path: Path) -> None:
    r = _analyse(tmp_path, {}, {"sharing.md": SHARING})
    assert r.solutions.gpu_sharing == ("GPU time-slicing",)
    both = _analyse(tmp_path / "b", {}, {"sharing.md": SHARING.replace("replicas: 4", "replicas: 4 # MIG off")})
    assert set(both.solutions.gpu_sharing) == {"GPU time-slicing", "Multi-Instance GPU"}


def test_dra_stated_enabled_beside_a_device_plugin_is_both(tmp_path: Path) -> None:
    enabled = _analyse(tmp_path / "a", {"dra_claims": "DRA v1 APIs are enabled in 3.1 by default",
                                        "widget_sharing": "Widgets are shared through the NVIDIA device plugin."}, {})
    assert enabled.solutions.dra.approach == "both"
    named = _analyse(tmp_path / "b", {"dra_claims": "The platform implements the DRA APIs",
                                      "widget_sharing": "Widgets are shared through the NVIDIA device plugin."}, {})
    assert named.solutions.dra.approach == "device plugin only"


CONDITION = ("If the platform provides a cluster autoscaler or an equivalent mechanism, it must be able to "
             "scale widget node groups.")


def test_a_restated_condition_in_notes_is_quoted_not_adopted(tmp_path: Path) -> None:
    restated = "This requirement is conditional on the platform providing a cluster autoscaler."
    r = _analyse(tmp_path / "a", {"widget_sharing": restated}, {}, {"widget_sharing": CONDITION})
    tags = [m.tag for m in r.detection.mentions if m.target == "kubernetes/autoscaler"]
    assert tags == [Tag.QUOTED]
    assert "kubernetes/autoscaler" not in {c.repo for c in r.detection.components}
    # the same words as a statement about the platform are a mention
    stated = "The platform provides the Cluster Autoscaler for widget node groups."
    r = _analyse(tmp_path / "b", {"widget_sharing": stated}, {}, {"widget_sharing": CONDITION})
    assert "kubernetes/autoscaler" in {c.repo for c in r.detection.components}
    # the requirement's sentence quoted back word for word
    r = _analyse(tmp_path / "c", {"widget_sharing": CONDITION}, {}, {"widget_sharing": CONDITION})
    assert [m.tag for m in r.detection.mentions if m.target == "kubernetes/autoscaler"] == [Tag.QUOTED]


@pytest.mark.timeout(120)
def test_many_mentions_on_one_long_line_stay_linear(tmp_path: Path) -> None:
    """Hostile text: thousands of names in one sentence with example cues, and many headings;
    each context question is answered once per line and place (a bound, not a speed test:
    bench/bench_components.py measures speed)."""
    line = "DRA device plugin such as is enabled; " * 6000
    text = line + "\n" + "1. Install the device plugin\n```\nnvidia-dra-driver-gpu\n```\n" * 300
    dra = _analyse(tmp_path, {}, {"h.md": text}).solutions.dra
    # every device-plugin word is qualified by DRA or stands on a heading its block overrules
    assert dra.approach == "DRA" and dra.device_plugin_places == 0
