"""Unit tests of the analysis core on small fictional states built in memory.

The builders at the top (`checklist`, `submission`, `state`) are shared with the report
and baseline tests.
"""

from __future__ import annotations

from collections.abc import Mapping

import pytest
import yaml

from kaic.analysis import (
    MISSING,
    UNCLASSIFIED,
    VendorGroups,
    VendorGroupsError,
    analyse,
    fold_vendor,
    load_vendor_groups,
    parse_vendor_groups,
    requirement_history,
    verdict,
)
from kaic.load import RepoState
from kaic.model import Checklist, Submission, parse_checklist, parse_submission
from kaic.source import SourceInfo

# -- builders -------------------------------------------------------------------------

Spec = Mapping[str, tuple[str, str]]  # id -> (category, level)


def checklist(version: str, spec: Spec, *, text: str | None = None) -> Checklist:
    """A checklist file for `version` with the given requirements, parsed by kaic's parser."""
    if text is None:
        by_cat: dict[str, list[dict[str, object]]] = {}
        for rid, (category, level) in spec.items():
            by_cat.setdefault(category, []).append(
                {"id": rid, "description": f"Fictional {rid}.", "level": level, "status": "", "evidence": [], "notes": ""})
        text = yaml.safe_dump({"metadata": {"kubernetesVersion": f"v{version}", "vendorName": "[Vendor Name]"},
                               "spec": by_cat}, sort_keys=False)
    path = f"docs/AIConformance-{version}.yaml"
    return parse_checklist(path, version, text)


def submission(version: str, product: str, vendor: str, answers: Mapping[str, tuple[str, str]] | Mapping[str, str],
               *, platform: str | None = None, category: str = "general", extra: str = "") -> Submission:
    """A PRODUCT.yaml with `answers` (id -> status or (status, notes)), parsed by kaic's parser."""
    items = []
    for rid, value in answers.items():
        status, notes = (value, "") if isinstance(value, str) else value
        items.append({"id": rid, "level": "MUST", "status": status, "evidence": ["https://example.com/e"], "notes": notes})
    doc = {"metadata": {"kubernetesVersion": f"v{version}", "platformName": platform or f"{product} platform",
                        "vendorName": vendor}, "spec": {category: items}}
    text = yaml.safe_dump(doc, sort_keys=False, allow_unicode=True) + extra
    return parse_submission(f"v{version}/{product}/PRODUCT.yaml", text.encode())


def state(checklists: list[Checklist], submissions: list[Submission], version_dirs: tuple[str, ...] = ()) -> RepoState:
    from kaic.model import version_key

    subs = sorted(submissions, key=lambda s: (version_key(s.version), s.product.lower()))
    dirs = tuple(sorted({*version_dirs, *(s.version for s in subs)}, key=version_key))
    return RepoState(
        source=SourceInfo(location="fictional", kind="directory", commit="c0ffee" * 6 + "abcd", date="2030-01-02T03:04:05+00:00"),
        checklists={c.version: c for c in sorted(checklists, key=lambda c: version_key(c.version))},
        submissions=tuple(subs),
        tree={},
        version_dirs=dirs,
    )


V1 = {"dra": ("accel", "SHOULD"), "gang": ("sched", "MUST"), "metrics": ("obs", "MUST")}
V2 = {"dra": ("accel", "MUST"), "gang": ("sched", "MUST"), "metrics": ("obs", "MUST"), "sharing": ("accel", "SHOULD")}


def two_version_state() -> RepoState:
    """2.1: three submissions; 2.2: two (one leaves out the new SHOULD)."""
    return state(
        [checklist("2.1", V1), checklist("2.2", V2)],
        [
            submission("2.1", "alpha", "Alpha Cloud (AC)", {"dra": "Implemented", "gang": "Implemented", "metrics": "Implemented"}),
            submission("2.1", "beta", "Beta Systems", {"dra": "Not Implemented", "gang": "Implemented",
                                                       "metrics": ("N/A", "bare metal has no exporter")}),
            submission("2.1", "gamma", "Gamma", {"dra": "", "gang": "Implemented", "metrics": "N/A"}),
            submission("2.2", "alpha", "alpha  cloud", {"dra": "Implemented", "gang": "Implemented",
                                                         "metrics": "Implemented", "sharing": "Partially Implemented"}),
            submission("2.2", "delta", "Delta Inc.", {"dra": "Implemented", "gang": "Partially Implemented", "metrics": "Implemented"}),
        ],
    )


# -- vendor folding -------------------------------------------------------------------


@pytest.mark.parametrize(("raw", "folded"), [
    ("Amazon Web Services (AWS)", "amazon web services"),
    ("  Red   Hat ", "red hat"),
    ("RED HAT", "red hat"),
    ("Baidu Cloud（百度智能云）", "baidu cloud"),
    ("Tidewater Compute Inc.", "tidewater compute"),
    ("Acme, Ltd", "acme"),
    ("(AWS)", "(aws)"),
    ("Inc.", "inc."),
    ("JD.com", "jd.com"),
    ("", ""),
])
def test_fold_vendor(raw: str, folded: str) -> None:
    assert fold_vendor(raw) == folded


def test_only_one_trailing_parenthetical_is_removed() -> None:
    assert fold_vendor("Foo (Bar) (Baz)") == "foo (bar)"
    assert fold_vendor("Foo (Bar) Cloud") == "foo (bar) cloud"


# -- vendor groups --------------------------------------------------------------------


def test_groups_from_list_form_and_unknown_vendor_is_unclassified() -> None:
    groups = parse_vendor_groups({
        "groups": [{"id": "hyperscale", "title": "Hyperscale clouds"}, {"id": "distribution", "title": "Distributions"}],
        "vendors": [{"name": "Alpha Cloud", "match": ["alpha cloud", "alpha"], "group": "hyperscale"},
                    {"name": "Beta", "match": ["beta systems"], "group": "distribution"}],
    })
    assert [g.id for g in groups.ordered] == ["hyperscale", "distribution", "unclassified"]
    assert groups.group_of("Alpha Cloud (AC)").id == "hyperscale"
    assert groups.group_of("BETA  SYSTEMS").title == "Distributions"
    assert groups.group_of("Nobody Knows Ltd") is UNCLASSIFIED
    assert groups.curated("alpha").name == "Alpha Cloud"  # type: ignore[union-attr]


def test_groups_from_mapping_form_and_undeclared_group_is_kept() -> None:
    groups = parse_vendor_groups({"groups": {"specialised": {"title": "Specialised providers"}, "other": "Other"},
                                  "vendors": [{"name": "Gamma", "group": "newgroup"}]})
    assert [g.id for g in groups.groups] == ["specialised", "other", "newgroup"]
    assert groups.group_of("gamma").id == "newgroup"


def test_groups_errors_and_missing_files(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(VendorGroupsError):
        parse_vendor_groups(["not", "a", "mapping"])
    with pytest.raises(VendorGroupsError):
        parse_vendor_groups({"vendors": "alpha"})
    with pytest.raises(VendorGroupsError):
        load_vendor_groups(tmp_path / "absent.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("vendors: [unclosed", encoding="utf-8")
    with pytest.raises(VendorGroupsError):
        load_vendor_groups(bad, check_schema=False)
    assert parse_vendor_groups(None).groups == ()


def test_shipped_vendor_groups_load_and_follow_their_schema() -> None:
    from kaic.analysis.groups import DEFAULT_PATH, validate_against_schema

    data = yaml.safe_load(DEFAULT_PATH.read_text(encoding="utf-8"))
    validate_against_schema(data, str(DEFAULT_PATH))
    groups = load_vendor_groups()
    assert groups.groups, "the shipped file declares groups"
    assert all(v.group in {g.id for g in groups.groups} for v in groups.vendors)


# -- matrix and rates -------------------------------------------------------------------


def test_matrix_columns_follow_the_checklist_and_missing_is_explicit() -> None:
    an = analyse(two_version_state())
    m = an.matrices["2.2"]
    assert [c.id for c in m.columns] == ["dra", "sharing", "gang", "metrics"]  # checklist order, by category
    assert [c.level for c in m.columns] == ["MUST", "SHOULD", "MUST", "MUST"]
    delta = next(r for r in m.rows if r.path == "v2.2/delta/PRODUCT.yaml")
    assert delta.cells["sharing"] == MISSING
    assert an.matrices["2.1"].column("dra").level == "SHOULD"  # type: ignore[union-attr]


def test_rates_use_the_submissions_whose_checklist_has_the_requirement() -> None:
    an = analyse(two_version_state())
    dra_21 = an.tallies["2.1"]["dra"]
    assert dra_21.counts == {"Implemented": 1, "Partially Implemented": 0, "Not Implemented": 1, "N/A": 0,
                             "": 1, "other": 0, "missing": 0}
    assert dra_21.denominator == 3 and dra_21.unanswered == 1
    sharing = an.overall["sharing"]
    assert sharing.denominator == 2  # only 2.2 has it; delta's omission counts as missing
    assert sharing.count("Partially Implemented") == 1 and sharing.count(MISSING) == 1
    assert sharing.rate == 0
    dra = an.overall["dra"]
    assert (dra.implemented, dra.denominator) == (3, 5)
    assert dra.levels == {"2.1": "SHOULD", "2.2": "MUST"}
    assert dra.paths["Implemented"] == ("v2.1/alpha/PRODUCT.yaml", "v2.2/alpha/PRODUCT.yaml", "v2.2/delta/PRODUCT.yaml")
    assert list(an.overall) == ["dra", "sharing", "gang", "metrics"]


def test_version_without_checklist_is_shown_but_not_rated() -> None:
    s = state([checklist("2.1", V1)], [submission("2.0", "old", "Old Co", {"x": "Implemented", "y": "N/A"})])
    an = analyse(s)
    m = an.matrices["2.0"]
    assert m.checklist is None and [c.id for c in m.columns] == ["x", "y"] and m.columns[0].level == ""
    assert an.tallies["2.0"] == {}
    v = an.verdicts["v2.0/old/PRODUCT.yaml"]
    assert v.strict is None and v.lenient is None and "no checklist" in v.reason


def test_duplicate_answer_first_one_counts() -> None:
    sub = submission("2.1", "dup", "Dup", {"gang": "Implemented", "metrics": "Implemented"},
                     extra="  more:\n  - id: gang\n    status: Not Implemented\n")
    assert [a.id for a in sub.answers].count("gang") == 2
    an = analyse(state([checklist("2.1", V1)], [sub]))
    assert an.tallies["2.1"]["gang"].implemented == 1
    assert an.verdicts[sub.path].strict is True


# -- full conformance ---------------------------------------------------------------------


def test_strict_and_lenient_conformance() -> None:
    an = analyse(two_version_state())
    got = {p: (v.strict, v.lenient) for p, v in an.verdicts.items()}
    assert got == {
        "v2.1/alpha/PRODUCT.yaml": (True, True),  # SHOULD dra does not matter
        "v2.1/beta/PRODUCT.yaml": (False, True),  # N/A with notes on a MUST
        "v2.1/gamma/PRODUCT.yaml": (False, False),  # N/A without notes
        "v2.2/alpha/PRODUCT.yaml": (True, True),
        "v2.2/delta/PRODUCT.yaml": (False, False),  # Partially on a MUST
    }
    beta = an.verdicts["v2.1/beta/PRODUCT.yaml"]
    assert beta.accepted_na == ("metrics",) and [f.requirement for f in beta.strict_failures] == ["metrics"]
    assert an.conformant() == ("v2.1/alpha/PRODUCT.yaml", "v2.2/alpha/PRODUCT.yaml")
    assert an.conformant("2.1", lenient=True) == ("v2.1/alpha/PRODUCT.yaml", "v2.1/beta/PRODUCT.yaml")


def test_level_comes_from_the_checklist_not_the_file() -> None:
    # the builder writes level: MUST on every answer; the checklist says dra is a SHOULD
    sub = submission("2.1", "x", "X", {"dra": "Not Implemented", "gang": "Implemented", "metrics": "Implemented"})
    assert verdict(sub, checklist("2.1", V1)).strict is True


def test_implemented_arguing_it_does_not_apply_is_an_na() -> None:
    """An Implemented whose notes argue the requirement does not apply fails strict
    conformance as an N/A in disguise and passes lenient conformance like an N/A with notes."""
    sub = submission("2.1", "x", "X", {"gang": "Implemented", "metrics": (
        "Implemented", "Satisfied by virtue of the condition not applying: no metrics are exposed.")})
    v = verdict(sub, checklist("2.1", V1))
    assert (v.strict, v.lenient) == (False, True)
    assert [(f.requirement, f.status) for f in v.strict_failures] == [("metrics", "N/A in disguise")]
    assert v.accepted_na == ("metrics",)


def test_missing_must_and_unparsed_file() -> None:
    sub = submission("2.1", "x", "X", {"gang": "Implemented"})
    v = verdict(sub, checklist("2.1", V1))
    assert (v.strict, v.lenient) == (False, False)
    assert [(f.requirement, f.status) for f in v.lenient_failures] == [("metrics", MISSING)]
    broken = parse_submission("v2.1/y/PRODUCT.yaml", b"spec: [unclosed")
    assert verdict(broken, checklist("2.1", V1)).strict is None
    unreadable = checklist("2.1", {}, text="spec: [unclosed")
    assert verdict(sub, unreadable).strict is None


# -- requirement history ---------------------------------------------------------------------


def test_history_added_raised_lowered_dropped_moved() -> None:
    c1 = checklist("3.1", {"a": ("x", "SHOULD"), "b": ("x", "MUST"), "c": ("x", "MUST"), "d": ("x", "MUST")})
    c2 = checklist("3.2", {"a": ("x", "MUST"), "b": ("x", "SHOULD"), "d": ("y", "MUST"), "e": ("x", "SHOULD")})
    c3 = checklist("3.3", {}, text="spec: [broken")
    h = requirement_history({"3.1": c1, "3.2": c2, "3.3": c3})
    assert h.versions == ("3.1", "3.2") and h.unreadable == ("3.3",)
    got = [(c.version, c.requirement, c.kind, c.before, c.after) for c in h.changes if c.kind != "initial"]
    assert got == [
        ("3.2", "a", "raised", "SHOULD", "MUST"),
        ("3.2", "b", "lowered", "MUST", "SHOULD"),
        ("3.2", "c", "dropped", "MUST", None),
        ("3.2", "d", "moved", "x", "y"),
        ("3.2", "e", "added", None, "SHOULD"),
    ]
    assert len([c for c in h.changes if c.kind == "initial"]) == 4
    assert h.levels["c"] == {"3.1": "MUST", "3.2": None}
    assert h.levels["e"] == {"3.1": None, "3.2": "SHOULD"}


# -- inventory -------------------------------------------------------------------------------


def test_inventory_vendors_platforms_and_blank_vendor() -> None:
    s = two_version_state()
    blank = submission("2.2", "nameless", "", {"dra": "Implemented"})
    s = state(list(s.checklists.values()), [*s.submissions, blank], version_dirs=("2.3",))
    groups = parse_vendor_groups({"groups": [{"id": "hyperscale", "title": "Hyperscale"}],
                                  "vendors": [{"name": "Alpha Cloud", "match": ["alpha cloud"], "group": "hyperscale"}]})
    inv = analyse(s, groups).inventory
    assert inv.versions == ("2.1", "2.2", "2.3")
    assert inv.by_version["2.3"] == ()
    assert inv.submission_count == 6
    assert [v.key for v in inv.named_vendors] == ["alpha cloud", "beta systems", "delta", "gamma"]
    alpha = inv.vendor("alpha cloud")
    assert alpha is not None and alpha.name == "Alpha Cloud" and alpha.group.id == "hyperscale" and alpha.curated
    assert alpha.spellings == ("alpha  cloud", "Alpha Cloud (AC)")  # newest first
    assert alpha.versions == ("2.1", "2.2")
    assert [v.key for v in inv.multi_version_vendors] == ["alpha cloud"]
    assert [(p.product, p.versions) for p in inv.multi_version_platforms] == [("alpha", ("2.1", "2.2"))]
    nameless = inv.vendor("")
    assert nameless is not None and nameless.group is UNCLASSIFIED and nameless.submissions == (blank.path,)
    assert inv.vendor_for("v2.1/gamma/PRODUCT.yaml").group is UNCLASSIFIED  # type: ignore[union-attr]


def test_analysis_without_groups_file_puts_everyone_in_unclassified() -> None:
    inv = analyse(two_version_state(), VendorGroups()).inventory
    assert {v.group.id for v in inv.vendors} == {"unclassified"}
