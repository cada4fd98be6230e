"""The matcher's precision traps, both ways, on a small catalog written here.

The same traps are checked against the shipped catalog in test_matcher_catalog.py.
"""

from __future__ import annotations

import pytest

from kaic.components.catalog import Catalog, CatalogError, check_data, parse_catalog
from kaic.components.detect import detect
from kaic.components.matcher import Matcher, Term, TermKind
from kaic.components.model import Via
from kaic.components.text import Tag, tag_for
from kaic.components.versions import key_line_version, version_after
from kaic.model import parse_submission

CATALOG = {
    "projects": [
        {"name": "Ray", "repo": "ray-project/ray", "case_sensitive": True, "api_groups": ["ray.io"],
         "url_prefixes": ["docs.ray.io"], "exclude": ["X-Ray"]},
        {"name": "KubeRay", "repo": "ray-project/kuberay", "aliases": ["kuberay-operator"]},
        {"name": "Kueue", "repo": "kubernetes-sigs/kueue", "api_groups": ["kueue.x-k8s.io"],
         "url_prefixes": ["kueue.sigs.k8s.io"]},
        {"name": "Gateway API", "repo": "kubernetes-sigs/gateway-api", "api_groups": ["gateway.networking.k8s.io"]},
        {"name": "Flux", "repo": "fluxcd/flux2", "case_sensitive": True, "api_groups": ["toolkit.fluxcd.io"]},
        {"name": "Prometheus", "repo": "prometheus/prometheus",
         "exclude": ["Prometheus exposition format", "Prometheus format"]},
        {"name": "Prometheus Adapter", "repo": "kubernetes-sigs/prometheus-adapter", "aliases": ["prometheus-adapter"]},
        {"name": "Cluster Autoscaler", "repo": "kubernetes/autoscaler",
         "aliases": ["cluster-autoscaler", "Kubernetes autoscaler"]},
        {"name": "Karpenter", "repo": "kubernetes-sigs/karpenter", "url_prefixes": ["karpenter.sh"]},
        {"name": "Volcano", "repo": "volcano-sh/volcano"},
        {"name": "Gardener", "repo": "gardener/gardener"},
        {"name": "NVIDIA GPU Operator", "repo": "NVIDIA/gpu-operator", "aliases": ["GPU Operator", "gpu-operator"],
         "accelerator": "NVIDIA"},
    ],
    "accelerators": [{"name": "NVIDIA", "aliases": ["nvidia.com/gpu"]}],
}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return parse_catalog(CATALOG, check=False)


def names(catalog: Catalog, text: str) -> list[tuple[str, str]]:
    """(repo, matched text) of every hit."""
    return [(h.term.target, text[h.start:h.end]) for h in catalog.matcher.scan(text)]


# -- words ---------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["an array of GPUs", "gray nodes", "AWS X-Ray traces", "x-ray", "the ray tracer",
                                  "Rayleigh", "KubeRay", "RAY"])
def test_ray_is_not_found_inside_other_words(catalog: Catalog, text: str) -> None:
    assert "ray-project/ray" not in [t for t, _ in names(catalog, text)]


@pytest.mark.parametrize("text", ["Ray and Kubeflow", "distributed Ray tasks", "(Ray)", "Ray-based serving",
                                  "apiVersion: ray.io/v1"])
def test_ray_is_found_as_a_word_or_api_group(catalog: Catalog, text: str) -> None:
    assert "ray-project/ray" in [t for t, _ in names(catalog, text)]


def test_kuberay_wins_over_ray(catalog: Catalog) -> None:
    assert names(catalog, "Installed KubeRay and kuberay-operator") == [
        ("ray-project/kuberay", "KubeRay"), ("ray-project/kuberay", "kuberay-operator")]


@pytest.mark.parametrize("text", ["an API gateway in front", "JD API Gateway", "api-gateway/product-overview",
                                  "the gateway of the API"])
def test_an_api_gateway_is_not_gateway_api(catalog: Catalog, text: str) -> None:
    assert names(catalog, text) == []


@pytest.mark.parametrize("text", ["Kubernetes Gateway API", "gateway-api CRDs", "gateway_api",
                                  "kind: HTTPRoute apiVersion: gateway.networking.k8s.io/v1",
                                  "html/network_apis/gateway-gateway-networking-k8s-io-v1"])
def test_gateway_api_by_name_or_api_group(catalog: Catalog, text: str) -> None:
    assert [t for t, _ in names(catalog, text)] == ["kubernetes-sigs/gateway-api"]


@pytest.mark.parametrize("text", ["a flux of requests", "high FLUX", "reflux"])
def test_flux_in_other_senses(catalog: Catalog, text: str) -> None:
    assert names(catalog, text) == []


@pytest.mark.parametrize("text", ["Installation via Flux HelmRelease", "apiVersion: helm.toolkit.fluxcd.io/v2"])
def test_flux_the_project(catalog: Catalog, text: str) -> None:
    assert [t for t, _ in names(catalog, text)] == ["fluxcd/flux2"]


@pytest.mark.parametrize("text", ["exposes metrics in the standard Prometheus exposition format",
                                  "GPU metrics in Prometheus format"])
def test_prometheus_as_a_format_is_not_prometheus(catalog: Catalog, text: str) -> None:
    assert names(catalog, text) == []


def test_prometheus_adapter_is_not_prometheus(catalog: Catalog) -> None:
    assert names(catalog, "deployed prometheus-adapter and our own Prometheus stack") == [
        ("kubernetes-sigs/prometheus-adapter", "prometheus-adapter"), ("prometheus/prometheus", "Prometheus")]


def test_separators_inside_names_are_interchangeable(catalog: Catalog) -> None:
    text = "cluster-autoscaler, Cluster Autoscaler, cluster_autoscaler"
    assert [t for t, _ in names(catalog, text)] == ["kubernetes/autoscaler"] * 3


def test_a_veto_only_removes_its_own_span() -> None:
    m = Matcher([Term("p", "Prometheus"), Term("", "Prometheus exposition format", TermKind.VETO)])
    text = "Prometheus exposition format, scraped by Prometheus"
    last = text.rindex("Prometheus")
    assert [(h.start, h.end) for h in m.scan(text)] == [(last, last + len("Prometheus"))]


def test_duplicate_aliases_are_rejected() -> None:
    data = {"projects": [{"name": "A", "repo": "a/a", "aliases": ["Same Name"]},
                         {"name": "B", "repo": "b/b", "aliases": ["same-name"]}]}
    problems = check_data(data, schema={})
    assert problems == ["B: alias 'same-name' is also an alias of A"]
    with pytest.raises(CatalogError):
        parse_catalog(data)


@pytest.mark.parametrize("repo", ["kueue", "a/b/c", "https://github.com/a/b", "/b", "a/"])
def test_repo_must_be_owner_slash_name(repo: str) -> None:
    problems = check_data({"projects": [{"name": "A", "repo": repo}]}, schema={})
    assert problems == [f"projects/0 (A): repo {repo!r} is not of the form owner/name"]


# -- versions ------------------------------------------------------------------------------


def _versions(catalog: Catalog, text: str) -> list[tuple[str, str | None]]:
    sub = parse_submission("v1.99/x/PRODUCT.yaml", _product(notes=text))
    det = detect(sub, catalog, {})
    return [(m.target, m.version) for m in det.mentions if m.place.field == "notes"]


def test_a_version_belongs_to_the_name_before_it(catalog: Catalog) -> None:
    assert _versions(catalog, "Installed Kueue v0.14.2 and KubeRay") == [
        ("kubernetes-sigs/kueue", "v0.14.2"), ("ray-project/kuberay", None)]
    assert _versions(catalog, "Ray and Kueue v0.14") == [
        ("ray-project/ray", None), ("kubernetes-sigs/kueue", "v0.14")]


def test_filler_words_between_name_and_version(catalog: Catalog) -> None:
    assert _versions(catalog, "Installed KubeRay operator v1.3.0, verified CRDs") == [
        ("ray-project/kuberay", "v1.3.0")]
    assert _versions(catalog, "helm install kuberay-operator kuberay/kuberay-operator --version 1.5.1") == [
        ("ray-project/kuberay", None), ("ray-project/kuberay", None), ("ray-project/kuberay", "1.5.1")]


def test_no_version_across_other_words(catalog: Catalog) -> None:
    # "v1.33" is Kubernetes', not Volcano's; an API version is not a release
    assert _versions(catalog, "Volcano with Kubernetes v1.33 and above") == [("volcano-sh/volcano", None)]
    assert _versions(catalog, "apiVersion: kueue.x-k8s.io/v1beta1") == [("kubernetes-sigs/kueue", None)]
    assert version_after(" 2 jobs", 0, 7) is None


def test_image_tags_count_only_as_plain_releases() -> None:
    cat = parse_catalog({"projects": [{"name": "PyTorch", "repo": "pytorch/pytorch"},
                                      {"name": "Kueue", "repo": "kubernetes-sigs/kueue"}]}, check=False)
    text = "image: nvcr.io/nvidia/pytorch:25.12-py3 and registry.k8s.io/kueue/kueue:v0.13.4"
    sub = parse_submission("v1.99/x/PRODUCT.yaml", _product(notes=text))
    det = detect(sub, cat, {})
    assert [(m.target, m.version) for m in det.mentions] == [
        ("pytorch/pytorch", None), ("kubernetes-sigs/kueue", None), ("kubernetes-sigs/kueue", "v0.13.4")]


def test_version_key_lines() -> None:
    assert key_line_version('      version: "25.3.0"') == "25.3.0"
    assert key_line_version("  --version=0.1.0 | kubectl apply -f -") == "0.1.0"
    assert key_line_version("apiVersion: v1") is None
    assert key_line_version("  name: kueue") is None


def test_version_key_line_in_the_same_block_only(catalog: Catalog) -> None:
    readme = "\n".join([
        "```sh",
        "helm install kueue \\",  # line 2
        "  --namespace kueue-system \\",  # line 3: names Kueue too
        "  --version 0.14.2",  # line 4: Kueue's
        "```",
        "",
        "Then Volcano.",  # line 7
        "",
        "version: 9.9.9",  # line 9: after a blank line, nobody's
    ])
    sub = parse_submission("v1.99/x/PRODUCT.yaml", _product(notes=""))
    from kaic.components.localfiles import LocalFile

    files = {"v1.99/x/README.md": LocalFile("v1.99/x/README.md", len(readme), "text", readme)}
    det = detect(sub, catalog, files)
    found = [(m.target, m.version, m.place.line) for m in det.mentions if m.place.file]
    assert found == [("kubernetes-sigs/kueue", None, 2), ("kubernetes-sigs/kueue", "0.14.2", 3),
                     ("volcano-sh/volcano", None, 7)]
    assert [(c.repo, c.version) for c in det.components] == [("kubernetes-sigs/kueue", "0.14.2"),
                                                           ("volcano-sh/volcano", None)]


# -- negative and roadmap wording ----------------------------------------------------------


@pytest.mark.parametrize(("text", "tag"), [
    ("Cluster Autoscaler is not applicable on bare metal", Tag.NEGATIVE),
    ("Karpenter is not deployed by the platform", Tag.NEGATIVE),
    ("It does not provide any cluster autoscaler like Karpenter", Tag.NEGATIVE),
    ("Support for Volcano is planned for next year", Tag.ROADMAP),
    ("with ongoing efforts to transition to Kueue once it is mature", Tag.ROADMAP),
    ("In the future, Kueue will be included", Tag.ROADMAP),
    ("Kueue is installed and admits the job", None),
    ("The Kueue controller will be deployed in the kueue-system namespace", None),  # an instruction
    ("Kueue will be supported in the next release", Tag.ROADMAP),
])
def test_negative_and_roadmap_clauses(text: str, tag: Tag | None) -> None:
    word = next(w for w in ("Cluster Autoscaler", "Karpenter", "Volcano", "Kueue") if w in text)
    pos = text.index(word)
    assert tag_for(text, pos, pos + len(word)) is tag


def test_a_contrast_word_ends_the_negative_clause(catalog: Catalog) -> None:
    sub = parse_submission("v1.99/x/PRODUCT.yaml", _product(
        notes="The platform does not provide an autoscaler, but it is tested with the Kubernetes autoscaler."))
    det = detect(sub, catalog, {})
    assert [(c.repo, c.tag) for c in det.components] == [("kubernetes/autoscaler", None)]


def test_tagged_mentions_are_kept_but_not_adopted(catalog: Catalog) -> None:
    sub = parse_submission("v1.99/x/PRODUCT.yaml", _product(notes="Volcano is not supported; support is planned."))
    det = detect(sub, catalog, {})
    assert det.components == ()
    assert [(c.repo, c.tag) for c in det.not_adopted] == [("volcano-sh/volcano", Tag.NEGATIVE)]
    assert [(m.target, m.tag) for m in det.mentions] == [("volcano-sh/volcano", Tag.NEGATIVE)]


def test_mentions_in_an_na_answer_do_not_count(catalog: Catalog) -> None:
    sub = parse_submission("v1.99/x/PRODUCT.yaml", _product(
        status="N/A", notes="In the cloud, Karpenter can be used on request."))
    det = detect(sub, catalog, {})
    assert det.components == ()
    assert [(c.repo, c.tag) for c in det.not_adopted] == [("kubernetes-sigs/karpenter", Tag.NEGATIVE)]


# -- what is read, and what is not ---------------------------------------------------------


def test_the_requirement_description_is_never_read(catalog: Catalog) -> None:
    sub = parse_submission("v1.99/x/PRODUCT.yaml", _product(
        description="at least one gang scheduling solution (e.g. Kueue, Volcano, etc.)", notes=""))
    assert detect(sub, catalog, {}).mentions == ()


def test_links_count_by_repository_docs_site_and_link_words(catalog: Catalog) -> None:
    sub = parse_submission("v1.99/x/PRODUCT.yaml", _product(evidence=[
        "https://github.com/kubernetes-sigs/kueue/releases/tag/v0.14.2",
        "https://kueue.sigs.k8s.io/docs/overview/",
        "https://docs.example.com/tutorials/job-management/volcano/",
        "https://karpenter.example.com/about",
    ]))
    det = detect(sub, catalog, {})
    got = [(m.target, m.via, m.version, m.place.line) for m in det.mentions]
    assert got == [
        ("kubernetes-sigs/kueue", Via.URL, "v0.14.2", 18),
        ("kubernetes-sigs/kueue", Via.URL, None, 19),
        ("volcano-sh/volcano", Via.LINK_WORDS, None, 20),
    ]  # the host of a link is the vendor's, never read for names


def test_link_words_are_lower_case_by_convention(catalog: Catalog) -> None:
    sub = parse_submission("v1.99/x/PRODUCT.yaml", _product(evidence=[
        "https://learn.example.com/azure/aks/ray-overview",
        "https://docs.example.com/monitoring/x-ray/array-of-gray",
    ]))
    det = detect(sub, catalog, {})
    assert [(m.target, m.via, m.place.line) for m in det.mentions] == [("ray-project/ray", Via.LINK_WORDS, 18)]


def test_the_platforms_own_project_is_the_platform(catalog: Catalog) -> None:
    sub = parse_submission("v1.99/x/PRODUCT.yaml", _product(
        repo_url="https://github.com/gardener/gardener", notes="Gardener clusters run Kueue v0.14.2"))
    det = detect(sub, catalog, {})
    assert [c.repo for c in det.platform] == ["gardener/gardener"]
    assert [(c.repo, c.mark, c.version) for c in det.components] == [("kubernetes-sigs/kueue", "M", "v0.14.2")]


def test_accelerators_from_words_and_from_projects(catalog: Catalog) -> None:
    sub = parse_submission("v1.99/x/PRODUCT.yaml", _product(notes="Installed the GPU Operator"))
    assert detect(sub, catalog, {}).accelerators == ("NVIDIA",)


def _product(notes: str = "", status: str = "Implemented", description: str = "Gang scheduling.",
             evidence: list[str] | None = None, repo_url: str = "") -> bytes:
    ev = evidence or []
    ev_lines = "\n".join(f'        - "{e}"' for e in ev) if ev else '        - "https://docs.example.com/x"'
    repo = f'  repoUrl: "{repo_url}"\n' if repo_url else ""
    text = (
        "metadata:\n"  # 1
        "  kubernetesVersion: v1.99\n"
        '  platformName: "Example Platform"\n'
        "  platformVersion: 1.0\n"
        '  vendorName: "Example Vendor"\n'  # 5
        + repo
        + "spec:\n"
        "  schedulingOrchestration:\n"
        "    - id: gang_scheduling\n"
        f'      description: "{description}"\n'
        "      level: MUST\n"
        f'      status: "{status}"\n'
        f'      notes: "{notes}"\n'
        "      evidence:\n"
        + ev_lines + "\n"
    )
    # pad so that the first evidence item is on line 18 whatever the metadata
    lines = text.split("\n")
    first = next(i for i, line in enumerate(lines) if line.startswith("        - "))
    pad = 17 - first
    if pad > 0:
        at = lines.index("spec:")
        lines[at:at] = ["# padding"] * pad
    return "\n".join(lines).encode()
