"""Verdict parity with the upstream Go validator (issue 16).

One small repository per message the upstream validator can print for an offline
check, a failing and a passing case each: under `--policy upstream` the failing case
is an error carrying upstream's message, the passing case fails nothing; under
`--policy kaic` the same input keeps kaic's own severity. Then the `faq` policy, the
cases where kaic is stricter than upstream, and a replay of the corpus' main line.

Upstream's messages are written out here from its documented behaviour
(/work/shared/reference/upstream-validator.md §1.2–1.3), not taken from kaic's data.
"""

from __future__ import annotations

import dataclasses
import datetime
import json
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from kaic.cli import app
from kaic.lint import ValidationResult, validate
from kaic.load import load_state
from kaic.rules import Finding, Severity
from kaic.source import DirectorySource, GitRepo, GitSource

from .fixtures.builder import (
    METADATA_FIELDS,
    SPEC,
    VERSION,
    answer,
    checklist_text,
    clean_product,
    dump,
    line_of,
    write_repo,
)
from .upstream_oracle import offline_errors

FOLDER = f"v{VERSION}/acme"
PATH = f"{FOLDER}/PRODUCT.yaml"
STATUSES = "[Implemented Not Implemented Partially Implemented N/A]"

Mutate = Callable[[dict[str, Any]], Any]  # returns the product (dict, or text/bytes to write verbatim)


def judge(tmp_path: Path, content: Any, policy: str, *, folder: str = FOLDER,
          checklists: dict[str, str] | None = None, setup: Callable[[Path], None] | None = None) -> ValidationResult:
    root = tmp_path / policy / "repo"
    write_repo(root, {folder: content}, checklists)
    if setup is not None:
        setup(root)
    return validate(load_state(DirectorySource(root)), policy=policy)


def of(result: ValidationResult, rule: str) -> list[Finding]:
    return [f for f in result.findings if f.rule == rule]


def text_of(content: Any) -> str:
    if isinstance(content, bytes):
        return content.decode("utf-8", "replace")
    return content if isinstance(content, str) else dump(content)


def _set(rid: str, **fields: Any) -> Mutate:
    def mutate(p: dict[str, Any]) -> dict[str, Any]:
        answer(p, rid).update(fields)
        return p
    return mutate


def _meta(name: str, value: Any) -> Mutate:
    def mutate(p: dict[str, Any]) -> dict[str, Any]:
        p["metadata"][name] = value
        return p
    return mutate


def _drop_meta(name: str) -> Mutate:
    def mutate(p: dict[str, Any]) -> dict[str, Any]:
        del p["metadata"][name]
        return p
    return mutate


def _drop_answer(rid: str) -> Mutate:
    def mutate(p: dict[str, Any]) -> dict[str, Any]:
        for items in p["spec"].values():
            items[:] = [i for i in items if i["id"] != rid]
        return p
    return mutate


def _move_answer(rid: str, to: str) -> Mutate:
    def mutate(p: dict[str, Any]) -> dict[str, Any]:
        item = answer(p, rid)
        _drop_answer(rid)(p)
        p["spec"][to].append(item)
        return p
    return mutate


def _rekey_meta(old: str, new: str) -> Mutate:
    def mutate(p: dict[str, Any]) -> dict[str, Any]:
        p["metadata"] = {new if k == old else k: v for k, v in p["metadata"].items()}
        return p
    return mutate


def _text(edit: Callable[[str], str]) -> Mutate:
    return lambda p: edit(dump(p))


def _file(rel: str) -> Callable[[Path], None]:
    def setup(root: Path) -> None:
        target = root / FOLDER / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("evidence\n", encoding="utf-8")
    return setup


NO_K8S_URL = {VERSION: checklist_text(metadata_fields=tuple(f for f in METADATA_FIELDS if f != "k8sConformanceUrl"))}


@dataclasses.dataclass(frozen=True)
class Case:
    name: str
    rule: str
    failing: Mutate
    passing: Mutate
    kaic: Severity  # kaic's own severity for the failing input
    upstream: str | Callable[[str], str]  # upstream's message (or built from the written text)
    checklists: dict[str, str] | None = None
    setup: Callable[[Path], None] | None = None


def _duplicate_status(text: str) -> str:
    lines = text.splitlines(keepends=True)
    at = line_of(text, "status:", after="id: dra_claims")
    lines.insert(at, "    status: Implemented\n")
    return "".join(lines)


CASES = [
    # class 1: k8sConformanceUrl required in every version, even where the checklist lacks the field
    Case("k8s-url-missing-checklist-lacks-it", "metadata-missing-field", _drop_meta("k8sConformanceUrl"), lambda p: p,
         Severity.WARNING, "Missing metadata field: k8sConformanceUrl (or k8s_conformance_url)", NO_K8S_URL),
    Case("k8s-url-missing", "metadata-missing-field", _drop_meta("k8sConformanceUrl"), lambda p: p,
         Severity.ERROR, "Missing metadata field: k8sConformanceUrl (or k8s_conformance_url)"),
    Case("field-empty", "metadata-missing-field", _meta("description", ""), _meta("description", "Widgets."),
         Severity.ERROR, "Metadata field description is empty"),
    Case("field-null", "metadata-missing-field", _meta("platformVersion", None), lambda p: p,
         Severity.ERROR, "Missing metadata field: platformVersion (or platform_version)"),
    Case("field-key-other-spelling", "metadata-key-style", _rekey_meta("websiteUrl", "WebsiteURL"),
         _rekey_meta("websiteUrl", "website_url"), Severity.INFO, "Missing metadata field: websiteUrl (or website_url)"),
    # class 2: N/A on a MUST
    Case("na-on-must", "na-on-must", _set("widget_sharing", status="N/A", notes="No widgets on this platform."),
         _set("dra_claims", status="N/A", notes="No DRA here."), Severity.WARNING,
         "Requirement 'widget_sharing' is MUST level but status is 'N/A'. It must be 'Implemented'."),
    # class 3: a checklist requirement left out, SHOULD included
    Case("should-left-out", "missing-requirement", _drop_answer("dra_claims"),
         _set("dra_claims", status="", evidence=[], notes=""), Severity.WARNING,
         "Missing requirement 'dra_claims' in category 'widgets'"),
    Case("must-left-out", "missing-requirement", _drop_answer("gauge_export"), lambda p: p, Severity.ERROR,
         "Missing requirement 'gauge_export' in category 'telemetry'"),
    Case("answer-in-another-category", "missing-requirement", _move_answer("trace_hint", "widgets"), lambda p: p,
         Severity.INFO, "Missing requirement 'trace_hint' in category 'telemetry'"),
    # class 4: evidence that is not a list of strings: upstream cannot load the file
    Case("evidence-a-string", "evidence-not-a-list", _set("dra_claims", evidence="N/A"),
         _set("dra_claims", evidence=["https://acme.example.com/dra"]), Severity.WARNING,
         lambda text: "Error loading product: yaml: unmarshal errors: line "
                      f"{line_of(text, 'evidence:', after='id: dra_claims')}: cannot unmarshal !!str into []string"),
    Case("evidence-item-a-mapping", "field-type", _set("dra_claims", evidence=[{"url": "https://acme.example.com/x"}]),
         _set("dra_claims", evidence=["https://acme.example.com/x"]), Severity.ERROR,
         lambda text: "Error loading product: yaml: unmarshal errors: line "
                      f"{line_of(text, 'url:', after='id: dra_claims')}: cannot unmarshal ..."),
    # class 5: an empty status on a requirement with any evidence entry
    Case("empty-status-blank-evidence", "empty-status", _set("dra_claims", status="", evidence=[""], notes=""),
         _set("dra_claims", status="", evidence=[], notes=""), Severity.INFO, f"Invalid status '' for 'dra_claims'. Must be one of {STATUSES}"),
    Case("empty-status-evidence", "empty-status", _set("dra_claims", status=""),
         _set("dra_claims", status="Implemented"), Severity.WARNING, f"Invalid status '' for 'dra_claims'. Must be one of {STATUSES}"),
    Case("empty-status-must", "empty-status", _set("widget_sharing", status="", evidence=[]),
         lambda p: p, Severity.ERROR, f"Invalid status '' for 'widget_sharing'. Must be one of {STATUSES}"),
    # class 7: productLogoUrl not ending in .svg/.eps/.ai
    Case("logo-png", "logo-format", _meta("productLogoUrl", "https://acme.example.com/logo.png"),
         _meta("productLogoUrl", "https://acme.example.com/Logo.EPS"), Severity.WARNING,
         "productLogoUrl must link to an SVG, EPS, or AI file: https://acme.example.com/logo.png"),
    Case("logo-svg-with-query", "logo-format", _meta("productLogoUrl", "https://acme.example.com/logo.svg?raw=true"),
         _meta("productLogoUrl", "https://acme.example.com/logo.ai"), Severity.INFO,
         "productLogoUrl must link to an SVG, EPS, or AI file: https://acme.example.com/logo.svg?raw=true"),
    # every other offline message
    Case("schema-not-found", "checklist-missing", lambda p: p, lambda p: p, Severity.ERROR,
         "Error: Schema not found at docs/AIConformance-3.1.yaml", {"3.2": checklist_text()}),
    Case("yaml-syntax", "yaml-invalid", lambda p: "metadata:\n  vendorName: Acme\n  platformName: Widgets: Platform\n",
         lambda p: dump(p) + "---\nmetadata: {}\n", Severity.ERROR, "Error loading product: yaml: line 3: ..."),
    Case("yaml-duplicate-key", "yaml-duplicate-key", _text(_duplicate_status), lambda p: p, Severity.ERROR,
         lambda text: f"Error loading product: yaml: unmarshal errors: line {line_of(text, 'status:', after='id: dra_claims', occurrence=2)}: mapping key already defined"),
    Case("not-utf8", "not-utf8", lambda p: dump({**p, "metadata": {**p["metadata"], "vendorName": "Café"}}).encode("latin-1"),
         lambda p: dump({**p, "metadata": {**p["metadata"], "vendorName": "Café"}}).encode("utf-8"), Severity.ERROR,
         "Error loading product: yaml: invalid leading UTF-8 octet"),
    Case("metadata-section", "metadata-missing", lambda p: {"spec": p["spec"]}, lambda p: p, Severity.ERROR,
         "Missing 'metadata' section"),
    Case("not-a-string", "metadata-not-string", _meta("platformVersion", 1.3),
         _meta("platformVersion", datetime.date(2026, 1, 2)), Severity.ERROR, "Metadata field platformVersion is not a string"),
    Case("placeholder", "metadata-placeholder", _meta("websiteUrl", "[Website URL]"),
         _meta("websiteUrl", " [Website URL] "), Severity.ERROR, "Metadata field websiteUrl has placeholder value: [Website URL]"),
    Case("k8s-url-format", "k8s-conformance-url-format",
         _meta("k8sConformanceUrl", "https://github.com/cncf/k8s-conformance/pull/1234"),
         _meta("k8sConformanceUrl", "https://github.com/cncf/k8s-conformance/tree/main/v1.30/acme/"), Severity.ERROR,
         "Invalid k8sConformanceUrl format: https://github.com/cncf/k8s-conformance/pull/1234. Expected format: "
         "https://github.com/cncf/k8s-conformance/tree/master/v{version}/{product}"),
    Case("category", "missing-category", lambda p: {**p, "spec": {"widgets": p["spec"]["widgets"]}}, lambda p: p,
         Severity.ERROR, "Missing spec category: telemetry"),
    Case("invalid-status", "invalid-status", _set("dra_claims", status="Done"),
         _set("dra_claims", status="Partially Implemented"), Severity.ERROR,
         f"Invalid status 'Done' for 'dra_claims'. Must be one of {STATUSES}"),
    Case("must-not-implemented", "must-not-implemented", _set("gauge_export", status="Not Implemented"),
         _set("trace_hint", status="Not Implemented"), Severity.ERROR,
         "Requirement 'gauge_export' is MUST level but status is 'Not Implemented'. It must be 'Implemented'."),
    Case("na-without-notes", "na-without-notes", _set("dra_claims", status="N/A", notes=""),
         _set("dra_claims", status="N/A", notes="Widgets have no claims here."), Severity.ERROR,
         "Notes required for 'dra_claims' when status is N/A"),
    Case("evidence-file-missing", "local-evidence-not-found", _set("dra_claims", evidence=["results/dra.log"]),
         _set("dra_claims", evidence=["results/dra.log"]), Severity.ERROR,
         "Invalid evidence file for 'dra_claims': results/dra.log (not found at v3.1/acme/results/dra.log)"),
    Case("evidence-words", "evidence-not-a-link", _set("dra_claims", evidence=["see the notes below"]),
         _set("dra_claims", evidence=["https://acme.example.com/dra"]), Severity.WARNING,
         "Invalid evidence file for 'dra_claims': see the notes below (not found at v3.1/acme/see the notes below)"),
    Case("evidence-escapes", "local-evidence-outside", _set("dra_claims", evidence=["../../docs/AIConformance-3.1.yaml"]),
         _set("dra_claims", evidence=["docs/AIConformance-3.1.yaml"]), Severity.ERROR,
         "Invalid evidence file for 'dra_claims': ../../docs/AIConformance-3.1.yaml "
         "(path \"../../docs/AIConformance-3.1.yaml\" escapes the product directory v3.1/acme)"),
]

# the passing case of evidence-file-missing has the file; of evidence-escapes, a copy inside the folder
PASSING_SETUP = {"evidence-file-missing": _file("results/dra.log"), "evidence-escapes": _file("docs/AIConformance-3.1.yaml")}
FOLDERS = {"schema-not-found": (FOLDER, "v3.2/acme")}  # (failing, passing) product folders


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_upstream_failure_is_an_error_under_upstream(tmp_path: Path, case: Case) -> None:
    failing_folder, passing_folder = FOLDERS.get(case.name, (FOLDER, FOLDER))
    content = case.failing(clean_product())
    text = text_of(content)
    expected = case.upstream if isinstance(case.upstream, str) else case.upstream(text)

    up = judge(tmp_path / "fail", content, "upstream", folder=failing_folder, checklists=case.checklists, setup=case.setup)
    found = of(up, case.rule)
    assert found, up.findings
    assert {f.severity for f in found} == {Severity.ERROR}
    assert expected in {f.upstream for f in found}
    assert up.failed and up.policy == "upstream"

    own = judge(tmp_path / "fail", content, "kaic", folder=failing_folder, checklists=case.checklists, setup=case.setup)
    assert [f.severity for f in of(own, case.rule)] == [case.kaic] * len(found)
    assert own.policy == "kaic"

    passing = case.passing(clean_product())
    ok = judge(tmp_path / "pass", passing, "upstream", folder=passing_folder, checklists=case.checklists,
               setup=PASSING_SETUP.get(case.name, case.setup))
    assert not ok.failed, [f for f in ok.findings if f.severity is Severity.ERROR]
    assert all(f.upstream is None for f in ok.findings)


# The rules of the offline checks above; evidence artifacts and online checks have their own suites.
OFFLINE_FAILING = {
    "checklist-missing", "empty-status", "evidence-not-a-link", "evidence-not-a-list", "field-type",
    "invalid-status", "k8s-conformance-url-format", "local-evidence-not-found", "local-evidence-outside",
    "logo-format", "metadata-key-style", "metadata-missing", "metadata-missing-field", "metadata-not-string",
    "metadata-placeholder", "missing-category", "missing-requirement", "must-not-implemented", "na-on-must",
    "na-without-notes", "not-utf8", "yaml-duplicate-key", "yaml-invalid",
}


def test_every_offline_failing_verdict_in_the_data_has_a_parity_case() -> None:
    from kaic.policy import load

    failing = {rid for rid, up in load().rules.items() if up.verdict in ("fails", "cannot-load")}
    assert failing >= OFFLINE_FAILING
    assert {c.rule for c in CASES} == OFFLINE_FAILING


@pytest.mark.parametrize(("name", "mutate", "rule"), [
    ("level-edited", _set("widget_sharing", level="SHOULD"), "level-edited"),
    ("version-mismatch", _meta("kubernetesVersion", "v3.0"), "version-mismatch"),
    ("example-value", _meta("vendorName", "Yoyodyne"), "example-value"),
    ("evidence-missing", _set("widget_sharing", evidence=[]), "evidence-missing"),
    ("blank-notes-on-na", _set("dra_claims", status="N/A", notes="   "), "na-without-notes"),
    ("spaced-placeholder", _meta("websiteUrl", " [Website URL] "), "metadata-placeholder"),
    ("blank-field", _meta("description", "   "), "metadata-missing-field"),
    ("number-as-notes", _set("dra_claims", notes=42), "field-type"),  # upstream reads it as the text "42"
    ("number-in-other-field", _meta("releaseYear", 2026), "metadata-not-string"),  # upstream reads 11 fields
    ("empty-list-item", lambda p: (p["spec"]["widgets"].append(None), p)[1], "field-type"),
    ("placeholder-in-other-field", _meta("supportUrl", "[Support URL]"), "metadata-placeholder"),
    ("second-document", lambda p: dump(p) + "---\nmetadata: {}\n", "yaml-invalid"),
    ("status-of-unknown-id", lambda p: (p["spec"]["widgets"].append(
        {"id": "gizmo", "level": "SHOULD", "status": "Done", "evidence": [], "notes": ""}), p)[1], "invalid-status"),
])
def test_kaic_stricter_than_upstream_is_a_warning_under_upstream(tmp_path: Path, name: str, mutate: Mutate,
                                                                 rule: str) -> None:
    """Upstream CI passes these; kaic's error becomes a recommendation under upstream."""
    content = mutate(clean_product())
    assert name  # the case's id
    own = judge(tmp_path, content, "kaic")
    assert [f.severity for f in of(own, rule)] == [Severity.ERROR]
    up = judge(tmp_path, content, "upstream")
    assert [(f.severity, f.upstream) for f in of(up, rule)] == [(Severity.WARNING, None)]
    assert not up.failed


# -- faq: N/A on a conditional MUST -----------------------------------------------------------

CONDITIONAL_VERSION = "1.35"  # cluster_autoscaling is conditional there (data/conditional_musts.yaml)
FAQ_SPEC = {"platform": [("cluster_autoscaling", "MUST", "If the platform provides a widget autoscaler, it must scale."),
                         ("widget_sharing", "MUST", SPEC["widgets"][0][2])]}


def _faq_product(version: str, status: str, notes: str, rid: str = "cluster_autoscaling") -> dict[str, Any]:
    product = clean_product(version=version)
    product["spec"] = {"platform": [
        {"id": r, "description": d, "level": lv, "status": "Implemented",
         "evidence": [f"https://acme.example.com/{r}"], "notes": ""} for r, lv, d in FAQ_SPEC["platform"]]}
    answer(product, rid).update(status=status, notes=notes)
    return product


@pytest.mark.parametrize(("version", "rid", "notes", "rule", "expected"), [
    (CONDITIONAL_VERSION, "cluster_autoscaling", "Bare metal: no autoscaler.", "na-on-must",
     {"kaic": Severity.WARNING, "upstream": Severity.ERROR, "faq": Severity.WARNING}),
    (CONDITIONAL_VERSION, "widget_sharing", "No widgets here.", "na-on-must",
     {"kaic": Severity.WARNING, "upstream": Severity.ERROR, "faq": Severity.ERROR}),
    (CONDITIONAL_VERSION, "cluster_autoscaling", "", "na-without-notes",
     {"kaic": Severity.ERROR, "upstream": Severity.ERROR, "faq": Severity.ERROR}),
    (CONDITIONAL_VERSION, "cluster_autoscaling", "  ", "na-on-must",  # blank notes justify nothing
     {"kaic": Severity.WARNING, "upstream": Severity.ERROR, "faq": Severity.ERROR}),
    (VERSION, "cluster_autoscaling", "Bare metal: no autoscaler.", "na-on-must",
     {"kaic": Severity.WARNING, "upstream": Severity.ERROR, "faq": Severity.ERROR}),
])
def test_faq_policy_warns_on_na_of_a_conditional_must(tmp_path: Path, version: str, rid: str, notes: str, rule: str,
                                                      expected: dict[str, Severity]) -> None:
    checklists = {version: checklist_text(spec=FAQ_SPEC)}
    content = _faq_product(version, "N/A", notes, rid)
    for policy, severity in expected.items():
        result = judge(tmp_path, content, policy, folder=f"v{version}/acme", checklists=checklists)
        assert [f.severity for f in of(result, rule)] == [severity], policy
        assert result.failed or severity is not Severity.ERROR, policy
    faq = judge(tmp_path, content, "faq", folder=f"v{version}/acme", checklists=checklists)
    # the message upstream prints today stays beside the finding, whatever its severity
    assert of(faq, rule)[0].upstream
    if expected["faq"] is Severity.WARNING:
        assert not faq.failed, faq.findings


# -- the command line -------------------------------------------------------------------------


def test_cli_says_which_policy_ran(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "repo", {FOLDER: _drop_answer("dra_claims")(clean_product())})
    runner = CliRunner()
    default = runner.invoke(app, ["validate", "--source", str(root)])
    assert default.exit_code == 0 and default.stdout.rstrip().endswith("(policy kaic)")
    up = runner.invoke(app, ["validate", "--source", str(root), "--policy", "upstream"])
    assert up.exit_code == 1 and up.stdout.rstrip().endswith("(policy upstream)")
    assert "    upstream: Missing requirement 'dra_claims' in category 'widgets'" in up.stdout
    data = json.loads(runner.invoke(app, ["validate", "--source", str(root), "--policy", "upstream", "-f", "json"]).stdout)
    assert data["policy"] == "upstream"
    assert [(f["rule"], f["severity"], f["upstream"]) for f in data["findings"]] == [
        ("missing-requirement", "error", "Missing requirement 'dra_claims' in category 'widgets'")]
    wrong = runner.invoke(app, ["validate", "--source", str(root), "--policy", "lenient"])
    assert wrong.exit_code == 2


def test_rules_command_states_what_upstream_does() -> None:
    runner = CliRunner()
    shown = runner.invoke(app, ["rules", "evidence-not-a-list"], env={"COLUMNS": "300"})
    assert "cannot load the file at all" in shown.stdout
    assert "cannot unmarshal !!str into []string" in shown.stdout
    listed = runner.invoke(app, ["rules"], env={"COLUMNS": "300"})
    rows = {line.split("\t")[0]: line.split("\t")[2] for line in listed.stdout.splitlines()}
    assert rows["missing-requirement"] == "fails"
    assert rows["evidence-not-a-list"] == "cannot-load"
    assert rows["level-edited"] == "passes"
    assert rows["empty-status"] == "fails (some)"


# -- the corpus: every commit of the main line, against its parent ----------------------------

SUBMISSION = re.compile(r"^v(\d+\.\d+)/[^/]+/PRODUCT\.yaml$")


def replay(repo: GitRepo, policy: str) -> list[tuple[str, ValidationResult]]:
    """Each main-line commit that changed a PRODUCT.yaml: those submissions, the parent's checklists."""
    out = []
    for commit in repo.log("main"):
        if not commit.parents:
            continue
        changed = {p for p in repo.changed_paths(commit.parents[0], commit.oid) if SUBMISSION.match(p)}
        head = load_state(GitSource(repo, commit), only=changed)
        subs = [s for s in head.submissions if s.path in changed]
        if not subs:
            continue
        base = load_state(GitSource(repo, repo.commit(commit.parents[0])), only=set())
        state = dataclasses.replace(head, checklists=base.checklists)
        out.append((commit.oid, validate(state, submissions=subs, policy=policy)))
    return out


@pytest.fixture(scope="module")
def replayed(corpus_repo: GitRepo) -> dict[str, list[tuple[str, ValidationResult]]]:
    return {policy: replay(corpus_repo, policy) for policy in ("upstream", "kaic", "faq")}


def _failing_rules(results: list[tuple[str, ValidationResult]]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for _, r in results:
        counts.update({f.rule for f in r.findings if f.severity is Severity.ERROR})
    return counts


@pytest.mark.corpus
def test_corpus_replay_predicts_upstream(replayed: dict[str, list[tuple[str, ValidationResult]]]) -> None:
    """Counted from the files (`git log --first-parent main`, `git diff --name-status`, the YAML read):

    30 main-line commits add or change a vX.Y/<dir>/PRODUCT.yaml. 26 lack k8sConformanceUrl, which
    today's validator requires in every version; 11 of those also lack contactEmailAddress. The 4
    that pass: #63 OpenShift 1.34, #61 JDOS 1.33, #65 GKE 1.35, #64 RKE2 1.34.
    """
    up = replayed["upstream"]
    assert len(up) == 30
    assert sum(r.failed for _, r in up) == 26

    def commits_with(message: str) -> int:
        return sum(any((f.upstream or "").startswith(message) for f in r.findings) for _, r in up)

    assert commits_with("Missing metadata field: k8sConformanceUrl") == 26
    assert commits_with("Missing metadata field: contactEmailAddress") == 11
    assert _failing_rules(up) == Counter({
        "metadata-missing-field": 26,
        # .png logos: EKS 1.34 (#17), VKS 1.34 (#24), LKE 1.34 (#30), China Unicom CSK 1.33 (#47)
        "logo-format": 4,
        # Kubermatic secure-accelerator_access.md, Giant Swarm secure_accelerator_access_tests.md, OVH ./dra.yaml,
        # Talos 1.33 and 1.34 "see secure_accelerator_access.md" (words: upstream looks for a file of that name)
        "local-evidence-not-found": 5,
        # DaoCloud 1.33: e2e.log is a Ginkgo log; upstream parses the name as `go test -v` output (PR #141)
        "artifact-unparsable": 1,
        # DaoCloud 1.33 cluster_autoscaling; Talos 1.33 (#27) and 1.34 (#28): three MUSTs N/A each
        "na-on-must": 3,
        # OpenShift 1.33 dra_support status "" with evidence [""]; JD Cloud 1.33 with a URL
        "empty-status": 2,
        "evidence-not-a-list": 2,  # Talos 1.33 and 1.34: `evidence: "N/A"` (upstream cannot load them)
        "metadata-not-string": 1,  # OVH 1.34: platformVersion: 1.0
        "na-without-notes": 1,  # ROSA 1.33: dra_support N/A, notes ""
        "missing-requirement": 1,  # CKS 1.35: three accelerator SHOULDs left out
    })


@pytest.mark.corpus
def test_corpus_replay_agrees_with_an_independent_model(corpus_checkout: Path,
                                                        replayed: dict[str, list[tuple[str, ValidationResult]]]) -> None:
    """tests/upstream_oracle.py models the validator's offline checks on the raw YAML: the same
    verdict on every commit, and the same messages wherever upstream can load the file."""
    for oid, result in replayed["upstream"]:
        expected = [m for s in result.submissions for m in offline_errors(corpus_checkout, oid, s.path)]
        assert result.failed is bool(expected), oid
        said = {f.upstream for f in result.findings if f.upstream}
        if any(m.startswith("Error loading product:") for m in expected):
            assert any(m.startswith("Error loading product:") for m in said), oid
        else:
            assert said == set(expected), oid


@pytest.mark.corpus
def test_corpus_replay_under_kaic_and_faq(replayed: dict[str, list[tuple[str, ValidationResult]]]) -> None:
    """kaic's own severities fail 16 of the 30 commits: 15 of upstream's 26 (it only warns on a
    k8sConformanceUrl missing outside 1.35, on .png logos, N/A on MUSTs) plus #64 RKE2 1.34, which
    upstream passes (dra_support's level edited to SHOULD). faq fails the same 26 as upstream, but
    DaoCloud's justified N/A on cluster_autoscaling (conditional) is no longer an error."""
    own = replayed["kaic"]
    assert sum(r.failed for _, r in own) == 16
    up_failed = {oid for oid, r in replayed["upstream"] if r.failed}
    assert sum(oid in up_failed for oid, r in own if r.failed) == 15
    faq = replayed["faq"]
    assert sum(r.failed for _, r in faq) == 26
    assert _failing_rules(faq)["na-on-must"] == 2


@pytest.mark.corpus
def test_conditional_musts_quote_their_checklists(corpus_state: Callable[[str], Any]) -> None:
    from kaic.policy import load

    state = corpus_state("main")
    data = load()
    for rid, versions in data.conditional.items():
        for version in versions:
            req = state.checklists[version].requirement(rid)
            assert req is not None and req.is_must, (rid, version)
            assert data.wording[rid] in " ".join(req.description.split()), (rid, version)


def test_other_formats_carry_the_policy_and_upstream_message(tmp_path: Path) -> None:
    from kaic.formats import FORMATS

    result = judge(tmp_path, _drop_answer("dra_claims")(clean_product()), "upstream")
    message = "Missing requirement 'dra_claims' in category 'widgets'"
    assert FORMATS["github"](result).startswith(f"::error file={PATH},line=")
    assert f"%0Aupstream: {message}" in FORMATS["github"](result)
    run = json.loads(FORMATS["sarif"](result))["runs"][0]
    assert run["properties"] == {"policy": "upstream"}
    assert run["results"][0]["properties"] == {"requirement": "dra_claims", "upstream": message}
    own = judge(tmp_path, _drop_answer("dra_claims")(clean_product()), "kaic")
    assert "upstream:" not in FORMATS["github"](own)


def test_what_kaic_cannot_predict_keeps_kaics_severity(tmp_path: Path) -> None:
    """A repeated id: upstream judges the last answer, kaic the first; kaic's error stands."""
    product = clean_product()
    product["spec"]["widgets"].append({**answer(product, "widget_sharing"), "status": "Not Implemented"})
    for policy in ("kaic", "upstream", "faq"):
        found = of(judge(tmp_path, product, policy), "duplicate-requirement")
        assert [(f.severity, f.upstream) for f in found] == [(Severity.ERROR, None)], policy


def test_a_configuration_cannot_lower_what_upstream_fails(tmp_path: Path) -> None:
    """Nor raise above a warning what upstream lets through: the upstream policy predicts CI."""
    from kaic.config import Config

    root = write_repo(tmp_path / "repo", {FOLDER: _drop_answer("dra_claims")(_set("widget_sharing", level="SHOULD")(
        clean_product()))})
    state = load_state(DirectorySource(root))
    config = Config(rules={"missing-requirement": Severity.INFO, "level-edited": Severity.ERROR})
    up = validate(state, config, policy="upstream")
    assert sorted((f.rule, f.severity) for f in up.findings) == [("level-edited", Severity.WARNING),
                                                                  ("missing-requirement", Severity.ERROR)]
    own = validate(state, config, policy="kaic")
    assert sorted((f.rule, f.severity) for f in own.findings) == [("level-edited", Severity.ERROR),
                                                                   ("missing-requirement", Severity.INFO)]
    off = validate(state, Config(rules={"missing-requirement": None}), policy="upstream")
    assert [f.rule for f in off.findings] == ["level-edited"]
