"""The analysis over the real repository at 04ca2f5 (23 submissions) and main (28).

Expected numbers were counted from the files with a throw-away PyYAML script (not
kaic): submissions per version, vendorName folded (case, spaces, trailing
parenthetical), per-requirement status counts against each version's checklist, and
full conformance under both rules. They are written out literally below and
cross-checked against the independent audit in tests/corpus_facts.py.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kaic.analysis import MISSING, Analysis, VendorGroups, analyse
from kaic.load import RepoState

from . import corpus_facts as facts
from .conftest import MAIN, OLD

pytestmark = pytest.mark.corpus

STATES = {"04ca2f5": OLD, "main": MAIN}

SUBMISSIONS_PER_VERSION = {
    "04ca2f5": {"1.33": 10, "1.34": 13, "1.35": 0},  # v1.35/ holds only .gitkeep at 04ca2f5
    "main": {"1.33": 11, "1.34": 15, "1.35": 2},
}
DISTINCT_VENDORS = {"04ca2f5": 20, "main": 21}
MULTI_VERSION_VENDORS = {
    "04ca2f5": {"coreweave": ("1.33", "1.34"), "neonephos foundation": ("1.33", "1.34"),
                "sidero labs": ("1.33", "1.34")},
    "main": {"coreweave": ("1.33", "1.34", "1.35"), "google": ("1.34", "1.35"),
             "neonephos foundation": ("1.33", "1.34"), "red hat": ("1.33", "1.34"),
             "sidero labs": ("1.33", "1.34"), "suse": ("1.33", "1.34")},
}
STRICT = {"04ca2f5": {"1.33": 8, "1.34": 12}, "main": {"1.33": 9, "1.34": 14, "1.35": 2}}
LENIENT = {"04ca2f5": {"1.33": 10, "1.34": 13}, "main": {"1.33": 11, "1.34": 15, "1.35": 2}}
NOT_STRICT = {"v1.33/daocloud/PRODUCT.yaml", "v1.33/talos/PRODUCT.yaml", "v1.34/talos/PRODUCT.yaml"}

# version -> requirement -> (level, {status: n}) for the statuses that occur; every other
# status (and "missing") is 0.
IMP, P, N, NA = "Implemented", "Partially Implemented", "Not Implemented", "N/A"
COUNTS = {
    "04ca2f5": {
        "1.33": {
            "dra_support": ("SHOULD", {IMP: 6, P: 1, N: 1, NA: 1, "": 1}),
            "ai_inference": ("MUST", {IMP: 10}),
            "gang_scheduling": ("MUST", {IMP: 10}),
            "cluster_autoscaling": ("MUST", {IMP: 8, NA: 2}),
            "pod_autoscaling": ("MUST", {IMP: 10}),
            "accelerator_metrics": ("MUST", {IMP: 9, NA: 1}),
            "ai_service_metrics": ("MUST", {IMP: 9, NA: 1}),
            "secure_accelerator_access": ("MUST", {IMP: 10}),
            "robust_controller": ("MUST", {IMP: 10}),
        },
        "1.34": {
            "dra_support": ("MUST", {IMP: 13}),
            "ai_inference": ("MUST", {IMP: 13}),
            "gang_scheduling": ("MUST", {IMP: 13}),
            "cluster_autoscaling": ("MUST", {IMP: 12, NA: 1}),
            "pod_autoscaling": ("MUST", {IMP: 13}),
            "accelerator_metrics": ("MUST", {IMP: 12, NA: 1}),
            "ai_service_metrics": ("MUST", {IMP: 12, NA: 1}),
            "secure_accelerator_access": ("MUST", {IMP: 13}),
            "robust_controller": ("MUST", {IMP: 13}),
        },
    },
    "main": {
        "1.33": {
            "dra_support": ("SHOULD", {IMP: 6, P: 2, N: 1, NA: 1, "": 1}),
            "ai_inference": ("MUST", {IMP: 11}),
            "gang_scheduling": ("MUST", {IMP: 11}),
            "cluster_autoscaling": ("MUST", {IMP: 9, NA: 2}),
            "pod_autoscaling": ("MUST", {IMP: 11}),
            "accelerator_metrics": ("MUST", {IMP: 10, NA: 1}),
            "ai_service_metrics": ("MUST", {IMP: 10, NA: 1}),
            "secure_accelerator_access": ("MUST", {IMP: 11}),
            "robust_controller": ("MUST", {IMP: 11}),
        },
        "1.34": {
            "dra_support": ("MUST", {IMP: 15}),
            "ai_inference": ("MUST", {IMP: 15}),
            "gang_scheduling": ("MUST", {IMP: 15}),
            "cluster_autoscaling": ("MUST", {IMP: 14, NA: 1}),
            "pod_autoscaling": ("MUST", {IMP: 15}),
            "accelerator_metrics": ("MUST", {IMP: 14, NA: 1}),
            "ai_service_metrics": ("MUST", {IMP: 14, NA: 1}),
            "secure_accelerator_access": ("MUST", {IMP: 15}),
            "robust_controller": ("MUST", {IMP: 15}),
        },
        "1.35": {
            "dra_support": ("MUST", {IMP: 2}),
            "driver_runtime_management": ("SHOULD", {IMP: 1, MISSING: 1}),  # v1.35/cks copied its 1.34 file
            "gpu_sharing": ("SHOULD", {IMP: 1, MISSING: 1}),
            "virtualized_accelerator": ("SHOULD", {IMP: 1, MISSING: 1}),
            "ai_inference": ("MUST", {IMP: 2}),
            "gang_scheduling": ("MUST", {IMP: 2}),
            "cluster_autoscaling": ("MUST", {IMP: 2}),
            "pod_autoscaling": ("MUST", {IMP: 2}),
            "accelerator_metrics": ("MUST", {IMP: 2}),
            "ai_service_metrics": ("MUST", {IMP: 2}),
            "secure_accelerator_access": ("MUST", {IMP: 2}),
            "robust_controller": ("MUST", {IMP: 2}),
        },
    },
}
# Overall implemented/denominator per requirement (sum over the versions having it).
OVERALL = {
    "04ca2f5": {"dra_support": (19, 23), "cluster_autoscaling": (20, 23), "accelerator_metrics": (21, 23),
                "ai_service_metrics": (21, 23), "ai_inference": (23, 23), "driver_runtime_management": (0, 0)},
    "main": {"dra_support": (23, 28), "cluster_autoscaling": (25, 28), "accelerator_metrics": (26, 28),
             "ai_service_metrics": (26, 28), "ai_inference": (28, 28), "gpu_sharing": (1, 2)},
}


@pytest.fixture(scope="module")
def analyses(corpus_state: Callable[[str], RepoState]) -> dict[str, Analysis]:
    return {name: analyse(corpus_state(commit), VendorGroups()) for name, commit in STATES.items()}


@pytest.mark.parametrize("name", STATES)
def test_submissions_per_version(name: str, analyses: dict[str, Analysis]) -> None:
    inv = analyses[name].inventory
    got = {v: len(p) for v, p in inv.by_version.items()}
    assert got == SUBMISSIONS_PER_VERSION[name]
    assert inv.submission_count == facts.SUBMISSION_COUNTS[name]
    audited = {v.lstrip("v"): n for v, n in facts.SUBMISSIONS_PER_VERSION[name].items()}
    assert {v: n for v, n in got.items() if n} == audited


@pytest.mark.parametrize("name", STATES)
def test_vendors(name: str, analyses: dict[str, Analysis]) -> None:
    inv = analyses[name].inventory
    assert len(inv.named_vendors) == DISTINCT_VENDORS[name] == facts.DISTINCT_VENDOR_COUNTS[name]
    assert sorted(v.key for v in inv.named_vendors) == facts.FOLDED_VENDORS[name]
    multi = {v.key: v.versions for v in inv.multi_version_vendors}
    assert multi == MULTI_VERSION_VENDORS[name]
    assert multi == {k: tuple(x.lstrip("v") for x in vs) for k, vs in facts.MULTI_VERSION_VENDORS[name].items()}
    # every submission keeps a vendor; nobody is dropped for lack of a group
    assert sorted(p for v in inv.vendors for p in v.submissions) == facts.SUBMISSIONS[name]


@pytest.mark.parametrize("name", STATES)
def test_vendors_per_version(name: str, analyses: dict[str, Analysis]) -> None:
    inv = analyses[name].inventory
    counted = {v: len(inv.vendors_in(v)) for v in inv.versions}
    expected = {"04ca2f5": {"1.33": 10, "1.34": 13, "1.35": 0}, "main": {"1.33": 11, "1.34": 15, "1.35": 2}}
    assert counted == expected[name]  # one submission per vendor per version in this data


@pytest.mark.parametrize("name", STATES)
def test_full_conformance(name: str, analyses: dict[str, Analysis]) -> None:
    an = analyses[name]
    for version, n in STRICT[name].items():
        assert len(an.conformant(version)) == n
    for version, n in LENIENT[name].items():
        assert len(an.conformant(version, lenient=True)) == n
    assert set(facts.SUBMISSIONS[name]) - set(an.conformant()) == NOT_STRICT
    assert len(an.conformant()) == facts.STRICT_CONFORMANT_COUNTS[name]["total"]
    assert len(an.conformant(lenient=True)) == facts.LENIENT_CONFORMANT_COUNTS[name]["total"]
    for path, (strict, lenient) in facts.FULL_CONFORMANCE[name].items():
        v = an.verdicts[path]
        assert (v.strict, v.lenient) == (strict, lenient), path
    for path, ids in facts.STRICT_FAILURES[name].items():
        assert [f.requirement for f in an.verdicts[path].strict_failures] == ids


@pytest.mark.parametrize("name", STATES)
def test_requirement_counts_per_version(name: str, analyses: dict[str, Analysis]) -> None:
    an = analyses[name]
    for version, reqs in COUNTS[name].items():
        tallies = an.tallies[version]
        assert list(tallies) == list(reqs), version  # checklist order
        for rid, (level, counts) in reqs.items():
            t = tallies[rid]
            assert t.level == level
            assert {k: n for k, n in t.counts.items() if n} == counts, (version, rid)
            assert t.denominator == SUBMISSIONS_PER_VERSION[name][version]


@pytest.mark.parametrize("name", STATES)
def test_requirement_counts_match_the_audit(name: str, analyses: dict[str, Analysis]) -> None:
    an = analyses[name]
    for version, reqs in facts.REQUIREMENT_STATUS_COUNTS[name].items():
        for rid, audited in reqs.items():
            t = an.tallies[version.lstrip("v")][rid]
            assert t.level == audited["level"]
            # the audit's total counts files that contain the id; kaic's denominator adds "missing"
            assert t.denominator - t.count(MISSING) == audited["total"]
            for status in ("Implemented", "Partially Implemented", "Not Implemented", "N/A"):
                assert t.count(status) == audited[status], (version, rid, status)
            assert t.count("") + t.count("other") == audited["other"]


@pytest.mark.parametrize("name", STATES)
def test_overall_rates(name: str, analyses: dict[str, Analysis]) -> None:
    overall = analyses[name].overall
    for rid, (implemented, denominator) in OVERALL[name].items():
        assert (overall[rid].implemented, overall[rid].denominator) == (implemented, denominator), rid
    assert overall["dra_support"].levels == (
        {"1.33": "SHOULD", "1.34": "MUST", "1.35": "MUST"})


def test_requirement_history_from_the_checklists(analyses: dict[str, Analysis]) -> None:
    h = analyses["main"].history
    assert h.versions == ("1.33", "1.34", "1.35")
    changes = [(c.version, c.requirement, c.kind, c.before, c.after) for c in h.changes if c.kind != "initial"]
    assert changes == [
        ("1.34", "dra_support", "raised", "SHOULD", "MUST"),
        ("1.35", "driver_runtime_management", "added", None, "SHOULD"),
        ("1.35", "gpu_sharing", "added", None, "SHOULD"),
        ("1.35", "virtualized_accelerator", "added", None, "SHOULD"),
    ]
    for version, levels in facts.CHECKLIST_LEVELS.items():
        for rid, level in levels.items():
            assert h.levels[rid][version.lstrip("v")] == level


def test_platforms_in_several_versions(analyses: dict[str, Analysis]) -> None:
    got = {p.product: p.versions for p in analyses["main"].inventory.multi_version_platforms}
    assert got == {"cks": ("1.33", "1.34", "1.35"), "gke": ("1.34", "1.35"), "gardener": ("1.33", "1.34"),
                   "openshift": ("1.33", "1.34"), "rke2": ("1.33", "1.34"), "talos": ("1.33", "1.34")}
