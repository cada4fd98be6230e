"""Deep dives, identifiers, distinctive profiles and practices on the real corpus (main).

Every expected value was counted by reading the files (grep and the file text), not
copied from kaic's output:

- `DCGM_FI_*` names occur in two submissions only, both for pod_autoscaling: EKS's notes
  (v1.34/eks/PRODUCT.yaml:60, DCGM_FI_DEV_GPU_UTIL) and OVH's pod_autoscaling walkthrough
  (schedulingOrchestration.md:109 and :115 DCGM_FI_PROF_GR_ENGINE_ACTIVE, :218
  DCGM_FI_DEV_GPU_UTIL; the file's `## pod_autoscaling` section starts at line 82 and
  PRODUCT.yaml:54 links `#pod_autoscaling`). No submission names a DCGM metric for
  accelerator_metrics (the hand-made analysis's "key GPU metrics" table is not in the data).
- `resource.k8s.io/v1` is written as an apiVersion in three OVH files (security.md:25,
  dra.md:84, schedulingOrchestration.md:196); DaoCloud's junit_01.xml (2.7 MB, over the
  1 MiB read limit) is not read.
- the `kuberay/kuberay-operator` chart is installed in v1.33/talos/README.md:148,
  v1.34/talos/README.md:134 and v1.34/ovh/operator.md:27.
- v1.34 cluster_autoscaling: 15 answers, all Implemented but Talos's N/A (PRODUCT.yaml:45),
  whose notes speak of on-premises machines.
- Talos answers N/A for cluster_autoscaling, accelerator_metrics and ai_service_metrics
  in both v1.33 and v1.34.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kaic.deepdive.identifiers import Identifier
from kaic.lint import validate
from kaic.load import RepoState
from kaic.report.build import Report, build_report
from kaic.report.sections import deep_dives, distinctive_profiles, practices

pytestmark = pytest.mark.corpus

SECTIONS = [deep_dives.SECTION, distinctive_profiles.SECTION, practices.SECTION]


@pytest.fixture(scope="module")
def report(corpus_state: Callable[[str], RepoState]) -> Report:
    state = corpus_state("main")
    return build_report(state, validate(state), SECTIONS)


def _section(report: Report, key: str) -> Any:
    return next(bs for bs in report.sections if bs.section.key == key)


def _dive(report: Report, version: str, requirement: str) -> dict[str, Any]:
    for v in report.data["deep_dives"]:
        if v["version"] == version:
            return next(d for d in v["requirements"] if d["requirement"] == requirement)
    raise KeyError(version)


def _counting(corpus_state: Callable[[str], RepoState]) -> list[tuple[str, Identifier]]:
    from kaic.components.catalog import load_catalog
    from kaic.deepdive.collect import collect_identifiers, vocabulary_for

    col = collect_identifiers(corpus_state("main"), vocabulary_for(load_catalog()))
    assert not col.errors
    return [(path, i) for path, ids in col.identifiers.items() for i in ids if i.counts]


def test_no_section_failed(report: Report) -> None:
    assert report.data["errors"] == []
    assert [bs.section.key for bs in report.sections] == ["deep_dives", "distinctive_profiles", "practices"]


def test_dcgm_metrics_by_submission_and_requirement(corpus_state: Callable[[str], RepoState]) -> None:
    found = {(path, i.place.requirement, i.value, i.place.file, i.place.line)
             for path, i in _counting(corpus_state) if i.value.startswith("DCGM_FI_")}
    ovh = "v1.34/ovh/schedulingOrchestration.md"
    assert found == {
        ("v1.34/eks/PRODUCT.yaml", "pod_autoscaling", "DCGM_FI_DEV_GPU_UTIL", None, 60),
        ("v1.34/ovh/PRODUCT.yaml", "pod_autoscaling", "DCGM_FI_PROF_GR_ENGINE_ACTIVE", ovh, 109),
        ("v1.34/ovh/PRODUCT.yaml", "pod_autoscaling", "DCGM_FI_PROF_GR_ENGINE_ACTIVE", ovh, 115),
        ("v1.34/ovh/PRODUCT.yaml", "pod_autoscaling", "DCGM_FI_DEV_GPU_UTIL", ovh, 218),
    }


def test_deep_dives_show_dcgm_metrics_where_they_are(report: Report) -> None:
    for version in ("1.33", "1.34", "1.35"):
        dive = _dive(report, version, "accelerator_metrics")
        assert not [i for i in dive["identifiers"] if i["value"].startswith("DCGM_FI_")]
    pod = _dive(report, "1.34", "pod_autoscaling")
    cited = {i["value"]: i["submissions"] for i in pod["identifiers"] if i["value"].startswith("DCGM_FI_")}
    assert cited == {"DCGM_FI_DEV_GPU_UTIL": ["v1.34/eks/PRODUCT.yaml", "v1.34/ovh/PRODUCT.yaml"],
                     "DCGM_FI_PROF_GR_ENGINE_ACTIVE": ["v1.34/ovh/PRODUCT.yaml"]}
    mech = {m["key"]: m["submissions"] for m in pod["mechanisms"]}
    assert mech["dcgm-metrics"] == ["v1.34/eks/PRODUCT.yaml", "v1.34/ovh/PRODUCT.yaml"]


def test_dra_api_version_places(corpus_state: Callable[[str], RepoState]) -> None:
    found = {(i.place.file, i.place.line, i.place.requirement)
             for _, i in _counting(corpus_state) if i.value == "resource.k8s.io/v1"}
    assert found == {
        ("v1.34/ovh/security.md", 25, "secure_accelerator_access"),
        ("v1.34/ovh/dra.md", 84, None),
        ("v1.34/ovh/schedulingOrchestration.md", 196, "pod_autoscaling"),
    }


def test_helm_chart_places(corpus_state: Callable[[str], RepoState]) -> None:
    found = {(i.place.file, i.place.line) for _, i in _counting(corpus_state) if i.value == "kuberay/kuberay-operator"}
    assert found == {("v1.33/talos/README.md", 148), ("v1.34/talos/README.md", 134), ("v1.34/ovh/operator.md", 27)}


def test_cluster_autoscaling_na_grouped_with_its_reason(report: Report) -> None:
    dive = _dive(report, "1.34", "cluster_autoscaling")
    assert dive["answers"] == 15
    assert dive["statuses"] == {"Implemented": 14, "N/A": 1}
    assert [(g["group"], [a["ref"] for a in g["answers"]]) for g in dive["not_applicable"]] == [
        ("no-node-provisioning", ["v1.34/talos/PRODUCT.yaml:45"])]


def test_talos_profile_lists_its_na_answers(report: Report) -> None:
    profile = next(p for p in report.data["distinctive_profiles"] if any("talos" in s for s in p["submissions"]))
    na = next(s for s in profile["sentences"] if s["kind"] == "not_applicable")
    got = {(v, i["requirement"]) for i in na["values"]["items"] for v in i["versions"]}
    assert got == {(v, r) for v in ("1.33", "1.34") for r in ("cluster_autoscaling", "accelerator_metrics",
                                                                "ai_service_metrics")}


_REF = re.compile(r"`([^`]+):(\d+)`")


def test_every_sentence_of_profiles_and_practices_has_a_footnote_to_real_lines(
        report: Report, corpus_checkout: Path) -> None:
    lengths: dict[str, int] = {}

    def real(path: str, line: int) -> bool:
        if path not in lengths:
            target = corpus_checkout / path
            lengths[path] = len(target.read_text(encoding="utf-8", errors="replace").splitlines()) \
                if target.is_file() else 0
        return 1 <= line <= lengths[path]

    checked = 0
    for key in ("distinctive_profiles", "practices"):
        bs = _section(report, key)
        data = bs.data
        sentences = [s for p in data for s in p["sentences"]] if key == "distinctive_profiles" else \
            [s for part in data.values() for s in part]
        assert sentences
        for s in sentences:  # the data: each sentence has lines behind it
            assert s["refs"]
            for ref in s["refs"]:
                path, _, line = ref.rpartition(":")
                assert real(path, int(line)), ref
        md = bs.section.markdown(data)
        body, notes = [], {}
        for line in md.splitlines():
            m = re.match(r"^\[\^([\w-]+)\]: (.*)$", line)
            if m:
                notes[m.group(1)] = m.group(2)
            elif (line.strip() and not line.startswith("**")) or (line.startswith("**") and "[^" in line):
                body.append(line)
        for line in body:  # the Markdown: every sentence ends with a footnote and a period
            text = re.sub(r"^\*\*.*?\*\*\. ", "", line.removeprefix("- "))
            pieces = re.split(r"(?<=\]\.)\s+", text)
            for piece in pieces:
                m = re.search(r"\[\^([\w-]+)\]\.$", piece)
                assert m, piece
                refs = _REF.findall(notes[m.group(1)])
                assert refs
                assert all(real(p, int(n)) for p, n in refs)
                checked += 1
    total = sum(len(p["sentences"]) for p in report.data["distinctive_profiles"]) + \
        sum(len(v) for v in report.data["practices"].values())
    assert checked == total


def test_json_follows_the_report_schema(report: Report) -> None:
    import json

    import jsonschema

    schema = json.loads((Path(__file__).resolve().parents[1] / "src" / "kaic" / "data" / "schemas"
                         / "report.schema.json").read_text(encoding="utf-8"))
    for key in ("deep_dives", "distinctive_profiles", "practices"):
        jsonschema.validate(report.data[key], {"$defs": schema["$defs"], **schema["properties"][key]})
    field = {"$defs": schema["$defs"], **schema["$defs"]["submission"]["properties"]["identifiers"]}
    for sub in report.data["submissions"]:
        assert set(sub["identifiers"]) <= {"", *sub["statuses"]}
        jsonschema.validate(sub["identifiers"], field)


def test_feature_gate_places(corpus_state: Callable[[str], RepoState]) -> None:
    """Read from the files: `DynamicResourceAllocation` is enabled in Talos's v1.33 README
    (`feature-gates: DynamicResourceAllocation=true`, lines 49, 52, 55, 67) and listed under
    `featureGates:` in Giant Swarm's v1.33 README (`- name:`, lines 49, 53, 57, 61); the
    only other occurrences are in DaoCloud's junit_01.xml, which is over the read limit."""
    found = {(i.place.file, i.place.line) for _, i in _counting(corpus_state)
             if i.value == "DynamicResourceAllocation"}
    assert found == {("v1.33/talos/README.md", n) for n in (49, 52, 55, 67)} | {
        ("v1.33/giantswarm/README.md", n) for n in (49, 53, 57, 61)}


def test_deep_dive_solutions_agree_with_the_solutions_of_each_submission(
        corpus_state: Callable[[str], RepoState], report: Report) -> None:
    from kaic.components.analysis import analyse_components

    state = corpus_state("main")
    ca = analyse_components(state, validate(state))
    for version in report.data["deep_dives"]:
        for d in version["requirements"]:
            for sol in d["solutions"]:
                expected = [p for p, r in ca.results.items()
                            if r.sub.version == version["version"]
                            and any(s.requirement == d["requirement"] and sol["name"] in s.names
                                    for s in r.solutions.topics.values())
                            and next(a for a in r.sub.answers if a.id == d["requirement"]).status.value
                            not in ("N/A", "Not Implemented")]
                assert sorted(sol["submissions"]) == sorted(expected), (version["version"], d["requirement"], sol)


def test_profile_history_carries_the_merge_dates(report: Report) -> None:
    """Read from git (`git log --first-parent --diff-filter=A`): v1.33/talos and v1.34/talos
    were added on 2025-10-30, v1.35/cks on 2026-03-16; a certification lasts one year."""
    def history_of(product: str) -> dict[str, Any]:
        profile = next(p for p in report.data["distinctive_profiles"] if any(f"/{product}/" in s for s in p["submissions"]))
        return next(s for s in profile["sentences"] if s["kind"] == "history")

    talos = history_of("talos")
    assert [(d["version"], d["certified"], d["expires"]) for d in talos["values"]["dated"]] == [
        ("1.33", "2025-10-30", "2026-10-30"), ("1.34", "2025-10-30", "2026-10-30")]
    cks = {d["version"]: d["certified"] for d in history_of("cks")["values"]["dated"]}
    assert cks["1.35"] == "2026-03-16"
