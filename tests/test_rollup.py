"""Umbrella packages roll up their members (catalog `includes`), marked `via` the umbrella."""

from __future__ import annotations

from kaic.components.catalog import load_catalog, parse_catalog
from kaic.components.model import Component, Detection, Place
from kaic.components.rollup import members, roll_up


def _component(repo: str, name: str, line: int) -> Component:
    return Component(repo, name, "M", "v1.0", (), (Place("req", "notes", None, line),))


def _det(*components: Component) -> Detection:
    return Detection("v9.9/x/PRODUCT.yaml", (), components, (), (), (), (), ())


def test_members_nest_and_are_not_repeated() -> None:
    catalog = load_catalog()
    assert members(catalog, "prometheus-operator/kube-prometheus") == [
        "prometheus-operator/prometheus-operator", "prometheus/prometheus", "grafana/grafana"]
    assert members(catalog, "kubernetes-sigs/kueue") == []


def test_a_named_member_is_kept_and_the_rest_come_via_the_umbrella() -> None:
    catalog = load_catalog()
    operator = _component("NVIDIA/gpu-operator", "NVIDIA GPU Operator", 12)
    dcgm = _component("NVIDIA/dcgm-exporter", "NVIDIA DCGM Exporter", 20)
    rolled = roll_up(_det(operator, dcgm), catalog)
    assert [(c.name, c.via, c.version, c.places) for c in rolled.components] == [
        ("NVIDIA GPU Operator", None, "v1.0", operator.places),
        ("NVIDIA DCGM Exporter", None, "v1.0", dcgm.places),
        ("NVIDIA Device Plugin", "NVIDIA GPU Operator", None, operator.places),
        ("NVIDIA Container Toolkit", "NVIDIA GPU Operator", None, operator.places),
    ]
    assert roll_up(_det(dcgm), catalog).components == (dcgm,)


def test_includes_must_name_catalog_projects() -> None:
    data = {"version": 1, "projects": [
        {"name": "Umbrella", "repo": "o/umbrella", "includes": ["o/missing"], "license": "MIT", "cncf": "none",
         "category": "observability", "roles": [], "steward": "o", "open_source": True, "description": "d"}]}
    try:
        parse_catalog(data, schema=False)
    except ValueError as exc:
        assert "includes 'o/missing'" in str(exc)
    else:
        raise AssertionError("an unknown member was accepted")
