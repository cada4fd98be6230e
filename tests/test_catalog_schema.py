"""The shipped catalog and solution topics: schema, identities, aliases, and `kaic catalog`."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from typer.testing import CliRunner

from kaic.cli import app
from kaic.components.catalog import REPO_FORM, check_data, default_path, load_catalog, schema_path
from kaic.components.model import Kind
from kaic.components.solutions import load_spec, spec_problems

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def data() -> dict:
    return yaml.safe_load(default_path().read_text(encoding="utf-8"))


def test_catalog_validates_against_its_schema(data: dict) -> None:
    schema = json.loads(schema_path().read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in jsonschema.Draft202012Validator(schema).iter_errors(data)]
    assert errors == []


def test_catalog_passes_kaics_own_checks(data: dict) -> None:
    assert check_data(data) == []


def test_identities_are_repos_and_unique() -> None:
    catalog = load_catalog()
    assert len(catalog.projects) >= 60
    repos = [p.repo for p in catalog.projects]
    assert all(r and REPO_FORM.match(r) for r in repos)
    assert len({r.lower() for r in repos if r}) == len(repos)
    assert len({e.key for e in catalog.entries}) == len(catalog.entries)


def test_the_issue_names_are_in_the_catalog() -> None:
    """Projects the reference analysis and the newer checklists name (found by name, not id)."""
    catalog = load_catalog()
    names = {p.name.lower() for p in catalog.projects} | {a.lower() for p in catalog.projects for a in p.aliases}
    wanted = ["llm-d", "KServe", "Envoy Gateway", "Envoy AI Gateway", "kgateway", "NGINX Gateway Fabric",
              "Gateway API Inference Extension", "HAMi", "MPI Operator", "Kubeflow Trainer", "NVIDIA Dynamo",
              "SGLang", "DRANET", "Multus", "NVIDIA Network Operator", "kube-prometheus-stack",
              "Prometheus Operator", "Thanos", "VictoriaMetrics", "Knative", "Kueue", "Volcano", "KubeRay",
              "NVIDIA GPU Operator", "DCGM Exporter", "Karpenter", "Cluster Autoscaler", "Istio"]
    missing = [w for w in wanted if w.lower() not in names]
    assert missing == []


def test_every_project_has_the_descriptive_fields() -> None:
    for p in load_catalog().projects:
        assert p.license is not None or p.open_source is False, p.name
        assert p.cncf and p.category and p.steward and p.open_source is not None, p.name


def test_solution_topics_validate_and_use_catalog_roles() -> None:
    raw = yaml.safe_load((ROOT / "src" / "kaic" / "data" / "solutions.yaml").read_text(encoding="utf-8"))
    assert spec_problems(raw) == []
    spec = load_spec()
    roles = {r for e in load_catalog().entries for r in e.roles}
    for topic in spec.topics:
        assert set(topic.selector.roles) <= roles, topic.key
    groups = {e.group for e in load_catalog().techniques}
    assert set(spec.gpu_sharing_groups) | set(spec.dra_feature_groups) <= groups
    # no catalog term may shadow a DRA signal word
    words = {w.lower() for w in spec.dra.dra_words + spec.dra.device_plugin_words}
    aliases = {a.lower() for e in load_catalog().entries for a in (e.name, *e.aliases)}
    assert words & aliases == set()


def test_accelerator_projects_name_a_catalog_accelerator() -> None:
    catalog = load_catalog()
    accelerators = {a.name for a in catalog.accelerators}
    for e in catalog.entries:
        if e.accelerator:
            assert e.accelerator in accelerators, e.name
    assert {e.kind for e in catalog.entries} == {Kind.PROJECT, Kind.ACCELERATOR, Kind.TECHNIQUE, Kind.MANAGED}


def test_cli_lists_and_checks() -> None:
    runner = CliRunner()
    listed = runner.invoke(app, ["catalog", "--format", "json"])
    assert listed.exit_code == 0
    entries = json.loads(listed.stdout)["entries"]
    assert len(entries) == len(load_catalog().entries)
    kueue = runner.invoke(app, ["catalog", "kubernetes-sigs/kueue", "--format", "json"])
    assert [e["name"] for e in json.loads(kueue.stdout)["entries"]] == ["Kueue"]
    checked = runner.invoke(app, ["catalog", "--check"])
    assert checked.exit_code == 0 and checked.stdout.endswith("managed services)\n")
    missing = runner.invoke(app, ["catalog", "no-such-project"])
    assert missing.exit_code == 2


def test_cli_check_reports_problems(tmp_path: Path) -> None:
    bad = tmp_path / "catalog.yaml"
    bad.write_text("version: 1\nprojects:\n  - {name: A, repo: 'not a repo'}\n  - {name: B, repo: b/b, aliases: [a]}\n"
                   "accelerators: []\ntechniques: []\nmanaged_services: []\n")
    result = CliRunner().invoke(app, ["catalog", "--check", "--file", str(bad)])
    assert result.exit_code == 1
    assert "repo 'not a repo' is not of the form owner/name" in result.stdout
    assert "alias 'a' is also an alias of A" in result.stdout
