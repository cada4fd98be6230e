"""Stack patterns (kaic.deepdive.patterns): conditions on small facts, the data file,
and the corpus classes counted from the files."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest
import yaml

from kaic.components.analysis import analyse_components
from kaic.components.catalog import Entry
from kaic.components.model import Kind
from kaic.deepdive.dives import Ref
from kaic.deepdive.patterns import (
    Facts,
    PatternsError,
    holds,
    load_patterns,
    parse_patterns,
    rule_text,
    stack_patterns,
)
from kaic.lint import validate
from kaic.load import RepoState

DATA = Path(__file__).resolve().parents[1] / "src" / "kaic" / "data"


def facts(*names: str, managed: tuple[str, ...] = (), na: bool = False, words: tuple[str, ...] = ()) -> Facts:
    entries = {n: Entry(f"x:{n}", Kind.MANAGED if n in managed else Kind.PROJECT, n,
                        roles=("widget-stack",) if n == "Widget Operator" else ()) for n in names}
    return Facts(names, entries, na, {w: [Ref("v3.1/acme/PRODUCT.yaml", 9)] for w in words})


def test_each_condition() -> None:
    assert holds({"managed": True}, facts("Acme Gauges", managed=("Acme Gauges",)))
    assert not holds({"managed": True}, facts("Gaugewatch"))
    assert holds({"roles": ["widget-stack"]}, facts("Widget Operator"))
    assert holds({"names_any": ["Gaugewatch", "Meter"]}, facts("Meter"))
    assert holds({"names_all": ["Gaugewatch", "Meter"]}, facts("Meter", "Gaugewatch"))
    assert not holds({"names_all": ["Gaugewatch", "Meter"]}, facts("Meter"))
    assert holds({"several": True}, facts("Meter", "Gaugewatch"))
    assert holds({"status": "N/A"}, facts(na=True))
    assert holds({"not_stated": True}, facts()) and not holds({"not_stated": True}, facts(na=True))
    assert holds({"words": ["bring your own"]}, facts(words=("bring your own",)))
    assert holds({}, facts("anything"))
    assert not holds({"several": True, "names_any": ["Nope"]}, facts("Meter", "Gaugewatch"))


def test_rule_text_states_the_conditions() -> None:
    assert rule_text({"names_all": ["A", "B"]}) == "names A and B"
    assert rule_text({"managed": True, "several": True}) == "names a managed service and names more than one solution"
    assert rule_text({}) == "none of the above"


def test_data_follows_its_schema_and_bad_data_is_refused() -> None:
    data = yaml.safe_load((DATA / "stack_patterns.yaml").read_text(encoding="utf-8"))
    jsonschema.validate(data, json.loads((DATA / "schemas" / "stack_patterns.schema.json").read_text(encoding="utf-8")))
    assert load_patterns()
    with pytest.raises(PatternsError):
        parse_patterns({"version": 1, "patterns": [{"key": "x", "title": "X", "topic": "t",
                                                   "classes": [{"label": "a", "when": {"colour": "red"}}]}]})


@pytest.mark.corpus
def test_corpus_autoscaling_classes(corpus_state: Callable[[str], RepoState]) -> None:
    """Read from the files: Talos (v1.33, v1.34) and DaoCloud answer cluster_autoscaling N/A;
    Giant Swarm (links the cluster-autoscaler tutorial and karpenter.sh, PRODUCT.yaml:46-47),
    Palette (notes, PRODUCT.yaml:51) and EKS (notes, PRODUCT.yaml:52) name both autoscalers."""
    state = corpus_state("main")
    data = stack_patterns(analyse_components(state, validate(state)), load_patterns())
    auto = next(p for p in data if p["topic"] == "cluster_autoscaling")
    members = {c["label"]: {m["submission"] for m in c["members"]} for c in auto["classes"]}
    assert members["N/A"] == {"v1.33/daocloud/PRODUCT.yaml", "v1.33/talos/PRODUCT.yaml", "v1.34/talos/PRODUCT.yaml"}
    assert members["both Cluster Autoscaler and Karpenter"] == {
        "v1.33/giantswarm/PRODUCT.yaml", "v1.33/palette/PRODUCT.yaml", "v1.34/eks/PRODUCT.yaml"}
    both = next(c for c in auto["classes"] if c["label"].startswith("both"))
    palette = next(m for m in both["members"] if "palette" in m["submission"])
    assert "v1.33/palette/PRODUCT.yaml:51" in palette["refs"]
    assert sum(c["count"] for c in auto["classes"]) == sum(
        1 for s in state.submissions if any(a.id == "cluster_autoscaling" for a in s.answers))
