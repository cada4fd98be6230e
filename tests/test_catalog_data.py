"""The curated data files: catalog.yaml and vendor_groups.yaml against their schemas and
the invariants the detector relies on. Reads only the files (no kaic code), so it checks
the data even while the code that uses it changes."""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

DATA = Path(__file__).parents[1] / "src/kaic/data"
CATALOG = DATA / "catalog.yaml"
CATALOG_SCHEMA = DATA / "schemas/catalog.schema.json"
VENDORS = DATA / "vendor_groups.yaml"
VENDORS_SCHEMA = DATA / "schemas/vendor_groups.schema.json"

SECTIONS = ("projects", "accelerators", "techniques", "managed_services")
REPO = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?/[A-Za-z0-9_.](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?$")
# Words solutions.yaml scans as DRA / device-plugin signals: no catalog name may fold to one.
SIGNAL_WORDS = ["DRA", "Dynamic Resource Allocation", "ResourceClaim", "ResourceClaims", "ResourceClaimTemplate",
                "ResourceClaimTemplates", "DeviceClass", "DeviceClasses", "ResourceSlice", "ResourceSlices",
                "device plugin", "device plugins"]
# vendorName values in cncf/k8s-ai-conformance as of 2026-03-16 (bundle main).
SEEN_VENDOR_NAMES = [
    "Alibaba Cloud", "Amazon Web Services (AWS)", "Baidu Cloud", "Chinaunicom Cloud", "JD Cloud", "JD.com",
    "Kubermatic", "Microsoft", "NeoNephos Foundation", "Oracle", "Red Hat", "Sidero Labs", "Spectro Cloud",
    "Akamai", "Broadcom", "CoreWeave", "DaoCloud", "Giant Swarm", "Google", "OVHcloud", "SUSE",
]
# vendorName values of newer submissions in cncf/k8s-ai-conformance (v1.33-v1.36, after the corpus),
# as spelled in their PRODUCT.yaml, with the group each was classified in.
LATER_VENDOR_NAMES = {
    "Alauda": "distribution", "Breqwatr": "specialised", "Ericsson": "distribution", "Huawei": "hyperscale",
    "kOps Project": "distribution", "Mirantis": "distribution", "Nutanix": "distribution", "NVIDIA": "specialised",
    "QUANTUM C&S": "distribution", "SoftBank": "specialised", "The k0rdent Project": "distribution",
    "UpCloud": "specialised", "vCluster": "distribution", "Viettel": "specialised",
}


def _load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def catalog() -> dict[str, Any]:
    data = _load(CATALOG)
    assert isinstance(data, dict)
    return data


@pytest.fixture(scope="module")
def vendors() -> dict[str, Any]:
    data = _load(VENDORS)
    assert isinstance(data, dict)
    return data


def fold(text: str) -> str:
    """A name as the matcher compares it: case folded, spaces, '-' and '_' removed."""
    return re.sub(r"[\s_-]", "", text).lower()


def fold_vendor(text: str) -> str:
    """The vendorName folding described in vendor_groups.schema.json: case, whitespace, one
    trailing parenthetical, one trailing legal form."""
    folded = " ".join(text.split()).casefold()
    folded = re.sub(r"\s*[(（][^()（）]*[)）]\s*$", "", folded).strip() or folded
    legal = r"(?:,?\s+)(?:inc|incorporated|ltd|limited|llc|gmbh|corp|corporation|plc|co)\.?$"
    return re.sub(legal, "", folded).strip(" ,") or folded


def entries(catalog: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for section in SECTIONS:
        for entry in catalog.get(section) or []:
            yield section, entry


def case_sensitive(entry: dict[str, Any]) -> set[str]:
    flag = entry.get("case_sensitive")
    if flag is True:
        return {entry["name"], *entry.get("aliases", [])}
    return set(flag or [])


def matched_names(entry: dict[str, Any]) -> list[str]:
    """The literal names the detector looks for: the name (unless name_not_alias) and aliases."""
    names = [] if entry.get("name_not_alias") else [entry["name"]]
    return names + list(entry.get("aliases", []))


def label(section: str, entry: dict[str, Any]) -> str:
    return f"{section}: {entry.get('name')}"


# -- schemas ---------------------------------------------------------------------------------


@pytest.mark.parametrize("schema_path", [CATALOG_SCHEMA, VENDORS_SCHEMA])
def test_schemas_are_valid_draft_2020_12(schema_path: Path) -> None:
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize(("data_path", "schema_path"), [(CATALOG, CATALOG_SCHEMA), (VENDORS, VENDORS_SCHEMA)])
def test_data_validates_against_its_schema(data_path: Path, schema_path: Path) -> None:
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    errors = [f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}"
              for e in validator.iter_errors(_load(data_path))]
    assert errors == []


def test_the_catalog_schema_rejects_what_it_should() -> None:
    schema = json.loads(CATALOG_SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    good = {"name": "X", "repo": "x/x", "license": "MIT", "cncf": "none", "category": "other", "roles": [],
            "steward": "X", "open_source": True, "description": "X."}
    base = {"version": 1, "accelerators": [], "techniques": [], "managed_services": []}
    assert validator.is_valid({**base, "projects": [good]})
    for bad in ({"role_typo": 1}, {"roles": ["not-a-role"]}, {"cncf": "graduate"}, {"category": "misc"},
                {"repo": "https://github.com/x/x"}, {"url_prefixes": ["https://x.io"]},
                {"api_groups": ["Not A Group"]}, {"case_sensitive": "Ray"}):
        assert not validator.is_valid({**base, "projects": [{**good, **bad}]}), bad


# -- catalog invariants ----------------------------------------------------------------------


def test_at_least_sixty_projects(catalog: dict[str, Any]) -> None:
    assert len(catalog["projects"]) >= 60


def test_every_repo_is_owner_slash_name(catalog: dict[str, Any]) -> None:
    bad = [(p["name"], r) for p in catalog["projects"]
           for r in [p["repo"], *p.get("former_repos", []), *([p["superseded_by"]] if "superseded_by" in p else [])]
           if not REPO.match(r) or r.count("/") != 1]
    assert bad == []


def test_repos_are_unique(catalog: dict[str, Any]) -> None:
    seen: dict[str, str] = {}
    dupes = []
    for p in catalog["projects"]:
        for repo in [p["repo"], *p.get("former_repos", [])]:
            key = repo.lower()
            if key in seen:
                dupes.append((repo, seen[key], p["name"]))
            seen[key] = p["name"]
    assert dupes == []


def test_superseded_by_and_based_on_name_catalog_projects(catalog: dict[str, Any]) -> None:
    repos = {p["repo"].lower() for p in catalog["projects"]}
    refs = [p["superseded_by"] for p in catalog["projects"] if "superseded_by" in p]
    refs += [r for m in catalog["managed_services"] for r in m.get("based_on", [])]
    assert [r for r in refs if r.lower() not in repos] == []


def test_names_are_unique_within_each_section(catalog: dict[str, Any]) -> None:
    for section in SECTIONS:
        names = [e["name"].lower() for e in catalog[section]]
        assert len(names) == len(set(names)), section
    for section in ("accelerators", "techniques", "managed_services"):
        ids = [e["id"] for e in catalog[section]]
        assert len(ids) == len(set(ids)), section


def test_aliases_are_unique_across_the_catalog(catalog: dict[str, Any]) -> None:
    """Case-insensitive and separator-insensitive, case-sensitive names included (link words
    are matched folded), across projects and all other sections (one matcher for all)."""
    owner: dict[str, str] = {}
    clashes = []
    for section, entry in entries(catalog):
        me = label(section, entry)
        for name in matched_names(entry):
            key = fold(name)
            if owner.get(key, me) != me:
                clashes.append((name, me, owner[key]))
            owner.setdefault(key, me)
    assert clashes == []


def test_api_groups_are_unique_and_never_the_dra_group(catalog: dict[str, Any]) -> None:
    groups = [g for _, e in entries(catalog) for g in e.get("api_groups", [])]
    assert len(groups) == len(set(groups))
    assert "resource.k8s.io" not in groups
    assert not {"nvidia.com", "amd.com", "intel.com", "google.com"} & set(groups)  # resource-name prefixes


def test_no_name_is_a_dra_or_device_plugin_signal_word(catalog: dict[str, Any]) -> None:
    signals = {fold(w) for w in SIGNAL_WORDS}
    bad = [(label(s, e), n) for s, e in entries(catalog) for n in matched_names(e) if fold(n) in signals]
    assert bad == []


def test_exclusions_never_hide_an_alias(catalog: dict[str, Any]) -> None:
    names = {fold(n) for _, e in entries(catalog) for n in matched_names(e)}
    excludes = [x for _, e in entries(catalog) for x in e.get("exclude", [])]
    assert [x for x in excludes if fold(x) in names] == []
    assert len({fold(x) for x in excludes}) == len(excludes)


def test_case_sensitive_and_ambiguous_lists_name_real_aliases(catalog: dict[str, Any]) -> None:
    bad = []
    for section, entry in entries(catalog):
        own = {entry["name"], *entry.get("aliases", [])}
        for field in ("case_sensitive", "ambiguous"):
            value = entry.get(field)
            if isinstance(value, list):
                bad += [(label(section, entry), field, v) for v in value if v not in own]
        if entry.get("context_requirements") or entry.get("context"):
            assert entry.get("ambiguous"), f"{label(section, entry)}: context without ambiguous names"
    assert bad == []


def test_every_regex_compiles(catalog: dict[str, Any]) -> None:
    bad = []
    for section, entry in entries(catalog):
        for field in ("patterns", "context"):
            for pattern in entry.get(field, []):
                try:
                    compiled = re.compile(pattern, re.IGNORECASE)
                except re.error as exc:
                    bad.append((label(section, entry), pattern, str(exc)))
                    continue
                if compiled.groupindex:
                    bad.append((label(section, entry), pattern, "named group"))
                if compiled.match(""):
                    bad.append((label(section, entry), pattern, "matches the empty string"))
    assert bad == []


def test_url_prefixes_are_lower_case_without_scheme(catalog: dict[str, Any]) -> None:
    prefixes = [(label(s, e), u) for s, e in entries(catalog) for u in e.get("url_prefixes", [])]
    assert [p for p in prefixes if p[1] != p[1].lower() or "://" in p[1] or p[1].endswith("/")] == []
    owners: dict[str, str] = {}
    for who, prefix in prefixes:
        assert owners.setdefault(prefix, who) == who, f"{prefix} claimed by {who} and {owners[prefix]}"


def test_project_accelerators_exist(catalog: dict[str, Any]) -> None:
    names = {a["name"] for a in catalog["accelerators"]}
    refs = [(label(s, e), e["accelerator"]) for s, e in entries(catalog) if "accelerator" in e]
    assert refs and [r for r in refs if r[1] not in names] == []


def test_proprietary_entries_say_so(catalog: dict[str, Any]) -> None:
    for p in catalog["projects"]:
        if p.get("repo_public") is False or p["license"] == "Proprietary":
            assert p["open_source"] is False, p["name"]


def test_reference_projects_are_in_the_catalog(catalog: dict[str, Any]) -> None:
    """The repos of the reference analyses (corrected) and the projects the brief names."""
    repos = {r.lower() for p in catalog["projects"] for r in [p["repo"], *p.get("former_repos", [])]}
    wanted = [
        "kubernetes-sigs/kueue", "volcano-sh/volcano", "kai-scheduler/KAI-Scheduler",
        "ray-project/kuberay", "kubeflow/kubeflow", "kubeflow/trainer", "kubeflow/training-operator",
        "ray-project/ray", "vllm-project/vllm", "vllm-project/aibrix", "microsoft/DeepSpeed",
        "NVIDIA/gpu-operator", "NVIDIA/dcgm-exporter", "NVIDIA/k8s-device-plugin",
        "NVIDIA/k8s-dra-driver-gpu", "NVIDIA/nvidia-container-toolkit", "ROCm/gpu-operator",
        "prometheus/prometheus", "grafana/grafana", "open-telemetry/opentelemetry-collector",
        "istio/istio", "traefik/traefik", "cilium/cilium", "projectcalico/calico", "kedacore/keda",
        "kubernetes-sigs/karpenter", "kubernetes/autoscaler", "kubernetes-sigs/metrics-server",
        "kubernetes-sigs/prometheus-adapter", "kubernetes-sigs/gateway-api",
        "kubernetes-sigs/gateway-api-inference-extension", "kgateway-dev/kgateway", "fluxcd/flux2",
        "kubernetes-sigs/jobset", "kubernetes-sigs/lws", "kubermatic/kubelb", "apache/yunikorn-core",
        "triton-inference-server/server", "gardener/gardener", "siderolabs/talos", "rancher/rke2",
        "siderolabs/omni", "stefanprodan/podinfo", "cubefs/cubefs", "llm-d/llm-d", "kserve/kserve",
        "envoyproxy/gateway", "envoyproxy/ai-gateway", "nginx/nginx-gateway-fabric",
        "Project-HAMi/HAMi", "kubeflow/mpi-operator", "ai-dynamo/dynamo", "sgl-project/sglang",
        "google/dranet", "k8snetworkplumbingwg/multus-cni", "Mellanox/network-operator",
        "prometheus-operator/prometheus-operator", "prometheus-operator/kube-prometheus",
        "thanos-io/thanos", "VictoriaMetrics/VictoriaMetrics", "knative/serving", "coreweave/sunk",
        "aws/aws-batch", "kubernetes/kube-state-metrics", "kubernetes-sigs/node-feature-discovery",
        "cert-manager/cert-manager", "helm/helm", "vmware-tanzu/sonobuoy", "kubernetes-sigs/hydrophone",
        "argoproj/argo-cd", "intel/intel-device-plugins-for-kubernetes", "pytorch/pytorch",
        "SUSE/suse-ai-stack", "kaito-project/kaito", "kubeflow/pytorch-operator",
    ]
    assert [w for w in wanted if w.lower() not in repos] == []


def test_solution_roles_are_filled(catalog: dict[str, Any]) -> None:
    """Every role a solutions topic reads has at least one candidate."""
    roles = {r for _, e in entries(catalog) for r in e.get("roles", [])}
    for role in ("gang-scheduling", "cluster-autoscaling", "pod-autoscaling", "gateway-api-implementation",
                 "inference-gateway", "ai-operator", "metrics-stack", "prometheus-operator", "prometheus",
                 "accelerator-metrics", "accelerator-management", "device-plugin", "dra-driver", "gpu-sharing",
                 "model-serving"):
        assert role in roles, role
    managed = [m for m in catalog["managed_services"] if "metrics-stack" in m["roles"]]
    assert len(managed) >= 4


# -- a few matching traps, with plain re (the shape of the data, not the detector) -----------


@functools.cache
def _terms() -> list[tuple[re.Pattern[str], str, bool]]:
    """Entries whose name/alias (whole word, separators flexible), pattern or API group
    ('.' and '-' interchangeable) occurs in prose, minus spans covered by an exclusion;
    longest first like the matcher. (Link words, matched all lower case, are not emulated.)"""
    catalog = _load(CATALOG)
    terms: list[tuple[str, str, bool]] = []  # (regex, owner, veto)
    for section, entry in entries(catalog):
        exact = case_sensitive(entry)
        for name in matched_names(entry):
            body = r"[\s_-]{0,3}".join(re.escape(c) for c in re.sub(r"[\s_-]+", "", name))
            terms.append((body if name in exact else f"(?i:{body})", label(section, entry), False))
        for pattern in entry.get("patterns", []):
            terms.append((f"(?i:{pattern})", label(section, entry), False))
        for group in entry.get("api_groups", []):
            body = "".join(r"[.\-_]" if c in ".-" else re.escape(c) for c in group)
            terms.append((f"(?i:{body})", label(section, entry), False))
        for phrase in entry.get("exclude", []):
            body = r"[\s_-]{0,3}".join(re.escape(c) for c in re.sub(r"[\s_-]+", "", phrase))
            terms.append((f"(?i:{body})", "", True))
    return [(re.compile(rf"(?<![A-Za-z0-9])(?:{regex})(?![A-Za-z0-9])"), owner, veto) for regex, owner, veto in terms]


def _hits(text: str) -> set[str]:
    terms = _terms()
    found: set[str] = set()
    pos = 0
    while pos < len(text):
        best: tuple[int, str, bool] | None = None
        for compiled, owner, veto in terms:
            m = compiled.match(text, pos)
            if m and (best is None or m.end() > best[0]):
                best = (m.end(), owner, veto)
        if best is None:
            pos += 1
            continue
        if not best[2]:
            found.add(best[1])
        pos = max(best[0], pos + 1)
    return found


@pytest.mark.parametrize(("text", "absent"), [
    ("an array of gray nodes traced with AWS X-Ray", "projects: Ray"),
    ("RAY", "projects: Ray"),
    ("JD API Gateway in front of the API gateways", "projects: Gateway API"),
    ("metrics in the standard Prometheus exposition format", "projects: Prometheus"),
    ("Prometheus-compatible /metrics endpoints", "projects: Prometheus"),
    ("a flux of requests", "projects: Flux"),
    ("Hong Kong region", "projects: Kong Ingress Controller"),
    ("deploy a metrics server of your choice", "projects: metrics-server"),
    ("a generic inference service", "projects: KServe"),
    ("siderolabs/intel-ucode", "accelerators: Intel"),
    ("Network Load Balancers (L4)", "accelerators: NVIDIA"),
])
def test_traps_are_not_hits(text: str, absent: str) -> None:
    assert absent not in _hits(text)


@pytest.mark.parametrize(("text", "present"), [
    ("Frameworks such as Ray and Kubeflow", "projects: Ray"),
    ("apiVersion: ray.io/v1 kind: RayCluster", "projects: KubeRay"),
    ("Installation via Flux HelmRelease", "projects: Flux"),
    ("html/network_apis/gateway-gateway-networking-k8s-io-v1", "projects: Gateway API"),
    ("Kubernetes Gateway API", "projects: Gateway API"),
    ("AI Gateways like K-Gateway", "projects: kgateway"),
    ("gateway-with-inference-extension-overview", "projects: Gateway API Inference Extension"),
    ("deployed prometheus-adapter", "projects: Prometheus Adapter"),
    ("Then install kube-prometheus-stack", "projects: kube-prometheus-stack"),
    ("kind: PrometheusRule", "projects: Prometheus Operator"),
    ("the SUNK / slurm scheduler", "projects: SUNK"),
    ("Nueron Monitor (Nueron)", "projects: AWS Neuron"),
    ("NVIDIA GPU Plugin:", "projects: NVIDIA Device Plugin"),
    ("ai-toolchain-operator", "projects: KAITO"),
    ("custom-metrics-autoscaler-operator", "projects: KEDA"),
    ("tested to work with Kubernetes autoscaler", "projects: Cluster Autoscaler"),
    ("deviceClassName: gpu.nvidia.com", "projects: NVIDIA DRA Driver for GPUs"),
    ("DCGM_FI_DEV_GPU_UTIL", "projects: NVIDIA DCGM Exporter"),
    ("AMD GPU Operator with ROCm integration", "projects: AMD GPU Operator"),
    ("use-alibaba-cloud-prometheus-service-to-monitor", "managed_services: Alibaba Cloud Managed Service for Prometheus"),
    ("Amazon Managed Prometheus", "managed_services: Amazon Managed Service for Prometheus"),
    ("GPU 0: NVIDIA A10G (UUID: GPU-00b9f588)", "accelerators: NVIDIA"),
    ("autoscaling-tpu", "accelerators: Google TPU"),
    ("trn1.32xlarge", "accelerators: AWS Trainium/Inferentia"),
    ("Pod level metrics are unavailable on MIG-enabled GPUs", "techniques: Multi-Instance GPU"),
    ("timesharing-gpus", "techniques: GPU time-slicing"),
    ("IMEX DRA scheduling", "techniques: IMEX"),
])
def test_real_mentions_are_hits(text: str, present: str) -> None:
    assert present in _hits(text)


# -- vendor groups ---------------------------------------------------------------------------


def test_vendor_groups_reference_defined_groups(vendors: dict[str, Any]) -> None:
    ids = [g["id"] for g in vendors["groups"]]
    assert ids == ["hyperscale", "distribution", "specialised"]
    assert {v["group"] for v in vendors["vendors"]} <= set(ids)


def test_vendor_match_spellings_are_folded_and_unique(vendors: dict[str, Any]) -> None:
    spellings = [m for v in vendors["vendors"] for m in v["match"]]
    assert [m for m in spellings if fold_vendor(m) != m] == []
    assert len(spellings) == len(set(spellings))
    names = [v["name"] for v in vendors["vendors"]]
    assert len(names) == len(set(names))
    owner = {m: v["name"] for v in vendors["vendors"] for m in v["match"]}
    # the display name folds to one of the vendor's own spellings, or to nobody else's
    assert [v["name"] for v in vendors["vendors"] if owner.get(fold_vendor(v["name"]), v["name"]) != v["name"]] == []
    assert fold_vendor("Red Hat, Inc.") == "red hat" and fold_vendor("CCE（Cloud Container Engine）") == "cce"


def test_every_vendor_seen_in_the_data_is_classified(vendors: dict[str, Any]) -> None:
    lookup = {m: v for v in vendors["vendors"] for m in v["match"]}
    assert fold_vendor("Amazon Web Services (AWS)") == "amazon web services"
    missing = [n for n in SEEN_VENDOR_NAMES if fold_vendor(n) not in lookup]
    assert missing == []
    assert [n for n in SEEN_VENDOR_NAMES if lookup[fold_vendor(n)].get("anticipated")] == []
    groups = {fold_vendor(n): lookup[fold_vendor(n)]["group"] for n in SEEN_VENDOR_NAMES}
    assert groups["google"] == groups["microsoft"] == groups["amazon web services"] == "hyperscale"
    assert groups["red hat"] == groups["suse"] == groups["sidero labs"] == "distribution"
    assert groups["coreweave"] == groups["ovhcloud"] == groups["akamai"] == "specialised"


def test_later_vendors_are_classified_and_not_anticipated(vendors: dict[str, Any]) -> None:
    lookup = {m: v for v in vendors["vendors"] for m in v["match"]}
    assert {n: lookup[fold_vendor(n)]["group"] for n in LATER_VENDOR_NAMES if fold_vendor(n) in lookup} == LATER_VENDOR_NAMES
    assert [n for n in LATER_VENDOR_NAMES if lookup[fold_vendor(n)].get("anticipated")] == []
