"""The artifact-* rules: one case that hits each and one that must not, on fictional repositories.

The checklist here uses requirement ids that data/test_map.yaml maps to tests (the
suite's real test names), in the version from which artifacts are recommended and the
one before it (both taken from the data).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from kaic.artifacts import load_test_map
from kaic.lint import validate
from kaic.load import load_state
from kaic.rules import Finding, Severity
from kaic.source import DirectorySource

from .fixtures.artifacts import Run, ctrf, ginkgo_succinct
from .fixtures.builder import checklist_text, clean_product, dump, line_of, write_repo
from .test_rules import covers

TMAP = load_test_map()
GANG = TMAP.upstream_test("gang_scheduling")
SCALE = TMAP.upstream_test("cluster_autoscaling")
assert GANG is not None and SCALE is not None
HYBRID = GANG.since
OLD = f"{HYBRID.split('.')[0]}.{int(HYBRID.split('.')[1]) - 1}"
SPEC = {"scheduling": [("gang_scheduling", "MUST", "Gang scheduling works."),
                       ("cluster_autoscaling", "MUST", "Accelerator node groups autoscale."),
                       ("robust_controller", "MUST", "An operator with webhooks works.")]}


def product(version: str = HYBRID) -> dict[str, Any]:
    p = clean_product(version)
    p["spec"] = {cat: [{"id": rid, "description": desc, "level": level, "status": "Implemented",
                        "evidence": [f"https://acme.example.com/evidence/{rid}"],
                        "notes": f"Shown by the {rid} run."} for rid, level, desc in items]
                 for cat, items in SPEC.items()}
    return p


def answer(p: dict[str, Any], rid: str) -> dict[str, Any]:
    return next(a for a in p["spec"]["scheduling"] if a["id"] == rid)


def good_run() -> Run:
    return (Run().add(GANG.test, "pass", 20).add(f"{GANG.test}/PositiveGangScheduling", "pass", 9)
            .add(SCALE.test, "pass", 30).add("TestRobustCRDControllerOperation", "pass", 5))


class Result:
    def __init__(self, text: str, findings: list[Finding]) -> None:
        self.text, self.findings = text, findings

    def of(self, rule: str) -> list[tuple[Severity, int | None, str | None]]:
        return [(f.severity, f.line, f.requirement) for f in self.findings if f.rule == rule]

    def messages(self, rule: str) -> list[str]:
        return [f.message for f in self.findings if f.rule == rule]

    def line(self, needle: str, after: str | None = None) -> int:
        return line_of(self.text, needle, after)


def check(tmp: Path, p: dict[str, Any], files: dict[str, bytes | str], version: str = HYBRID,
          setup: Callable[[Path], None] | None = None) -> Result:
    root = tmp / "repo"
    folder = f"v{version}/acme"
    write_repo(root, {folder: p}, {version: checklist_text(SPEC)})
    for name, content in files.items():
        target = root / folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content.encode() if isinstance(content, str) else content)
    if setup is not None:
        setup(root / folder)
    return Result(dump(p), list(validate(load_state(DirectorySource(root))).findings))


def artifact_rules(r: Result) -> list[str]:
    """Artifact findings, but for artifact-recommended (its own test covers it)."""
    return [f.rule for f in r.findings if f.rule.startswith("artifact-") and f.rule != "artifact-recommended"]


def test_three_views_of_one_clean_run_pass(tmp_path: Path) -> None:
    p = product()
    answer(p, "gang_scheduling")["evidence"] = [
        f"file://v{HYBRID}/acme/junit.xml#{GANG.test}", f"results.json#{GANG.test}/PositiveGangScheduling",
        f"file:///v{HYBRID}/acme/e2e.log"]
    answer(p, "cluster_autoscaling")["evidence"] = ["file://results/junit.xml"]
    answer(p, "robust_controller")["evidence"] = ["junit.xml"]
    run = good_run()
    r = check(tmp_path, p, {"junit.xml": run.junit(), "results.json": run.ndjson(), "e2e.log": run.verbose(),
                            "results/junit.xml": run.junit()})
    assert r.findings == []


@covers("artifact-unparsable")
def test_artifact_unparsable(tmp_path: Path) -> None:
    p = product(OLD)
    answer(p, "robust_controller")["evidence"] = ["e2e.log", "file://e2e.log", "junit.xml"]
    r = check(tmp_path / "hit", p, {"e2e.log": ginkgo_succinct(5, 0, 90), "junit.xml": "<testsuite/>"}, OLD)
    line = r.line("- e2e.log")
    assert r.of("artifact-unparsable") == [(Severity.WARNING, line, "robust_controller"),  # kaic reads it: Ginkgo
                                           (Severity.ERROR, line + 2, "robust_controller")]
    ginkgo, empty = r.messages("artifact-unparsable")
    assert "no '--- PASS/FAIL/SKIP:' result lines found" in ginkgo and "Ginkgo text log: 5 passed" in ginkgo
    assert "no <testcase> elements found" in empty
    # a file upstream does not read: a warning
    answer(p, "robust_controller")["evidence"] = ["report.xml"]
    r = check(tmp_path / "kaic", p, {"report.xml": "<testsuites><testsuite name='x'></testsuite></testsuites>"}, OLD)
    assert r.of("artifact-unparsable") == [(Severity.WARNING, r.line("- report.xml"), "robust_controller")]
    answer(p, "robust_controller")["evidence"] = ["e2e.log"]
    r = check(tmp_path / "clean", p, {"e2e.log": Run().add("TestRobustCRDControllerOperation").verbose()}, OLD)
    assert artifact_rules(r) == []


@covers("artifact-format-unrecognised")
def test_artifact_format_unrecognised(tmp_path: Path) -> None:
    p = product(OLD)
    answer(p, "robust_controller")["evidence"] = ["install.log", "README.md"]
    r = check(tmp_path / "hit", p, {"install.log": "$ helm install widgets\nok\n", "README.md": "# run\n"}, OLD)
    assert r.of("artifact-format-unrecognised") == [(Severity.INFO, r.line("- install.log"), "robust_controller")]
    assert "tried JUnit XML, go test -json" in r.messages("artifact-format-unrecognised")[0]
    r = check(tmp_path / "clean", p, {"install.log": ctrf([("operator up", "passed")]), "README.md": "# run\n"},
              OLD)
    assert artifact_rules(r) == []


@covers("artifact-failing-tests")
def test_artifact_failing_tests(tmp_path: Path) -> None:
    p = product()
    answer(p, "gang_scheduling")["evidence"] = [f"junit.xml#{GANG.test}"]
    answer(p, "robust_controller")["evidence"] = ["junit.xml", "junit_01.xml"]
    run = good_run().add("TestUnrelatedUnit", "fail")
    other = Run().add("TestRobustCRDControllerOperation").add("TestFlaky", "fail")
    r = check(tmp_path / "hit", p, {"junit.xml": run.junit(), "junit_01.xml": other.junit()})
    assert r.of("artifact-failing-tests") == [
        (Severity.ERROR, r.line(f"- junit.xml#{GANG.test}"), "gang_scheduling"),  # once per file
        (Severity.WARNING, r.line("- junit_01.xml"), "robust_controller"),  # upstream does not read it
    ]
    assert r.messages("artifact-failing-tests")[0].endswith("contains failing tests: TestUnrelatedUnit")
    r = check(tmp_path / "clean", p, {"junit.xml": good_run().junit(), "junit_01.xml": good_run().junit()})
    assert artifact_rules(r) == []


@covers("artifact-test-not-found")
def test_artifact_test_not_found(tmp_path: Path) -> None:
    p = product()
    answer(p, "gang_scheduling")["evidence"] = ["results.json#TestGangSchedulingTypo", "e2e.log"]
    answer(p, "robust_controller")["evidence"] = ["e2e.log"]
    run = Run().add(SCALE.test)
    r = check(tmp_path / "hit", p, {"results.json": run.ndjson(), "e2e.log": run.verbose()})
    assert r.of("artifact-test-not-found") == [
        (Severity.ERROR, r.line("- results.json#TestGangSchedulingTypo"), "gang_scheduling"),
        (Severity.ERROR, r.line("- e2e.log"), "gang_scheduling"),  # the mapped test, no fragment
        (Severity.WARNING, r.line("- e2e.log", after="id: robust_controller"), "robust_controller"),  # kaic only
    ]
    assert "'TestGangSchedulingTypo' referenced by gang_scheduling was not found in results.json" in (
        r.messages("artifact-test-not-found")[0])
    r = check(tmp_path / "clean", p, {"results.json": good_run().ndjson().replace(GANG.test, "TestGangSchedulingTypo"),
                                      "e2e.log": good_run().verbose()})
    assert r.of("artifact-test-not-found") == []


@covers("artifact-test-failed")
def test_artifact_test_failed(tmp_path: Path) -> None:
    p = product()
    answer(p, "gang_scheduling")["evidence"] = [f"results.json#{GANG.test}"]
    run = Run().add(f"{GANG.test}/PositiveGangScheduling", "pass").add(f"{GANG.test}/NegativeGangScheduling", "fail")
    r = check(tmp_path / "hit", p, {"results.json": run.ndjson()})
    assert r.of("artifact-test-failed") == [(Severity.ERROR, r.line("- results.json#"), "gang_scheduling")]
    assert r.of("artifact-failing-tests")  # the file holds a failure too
    r = check(tmp_path / "clean", p, {"results.json": good_run().ndjson()})
    assert artifact_rules(r) == []


@covers("artifact-test-skipped")
def test_artifact_test_skipped(tmp_path: Path) -> None:
    p = product()
    answer(p, "cluster_autoscaling")["evidence"] = ["junit.xml"]
    run = Run().add(GANG.test).add(SCALE.test, "skip", 0, "-autoscaler-node-pool-label not set")
    r = check(tmp_path / "hit", p, {"junit.xml": run.junit()})
    assert r.of("artifact-test-skipped") == [(Severity.ERROR, r.line("- junit.xml"), "cluster_autoscaling")]
    answer(p, "cluster_autoscaling").update(status="N/A", notes="No autoscaler on bare metal.")
    r = check(tmp_path / "clean", p, {"junit.xml": run.junit()})
    assert r.of("artifact-test-skipped") == []  # the documented opt-out


@covers("artifact-other-product")
def test_artifact_other_product(tmp_path: Path) -> None:
    p = product()
    answer(p, "gang_scheduling")["evidence"] = [f"file://v{HYBRID}/other/junit.xml#{GANG.test}",
                                                f"v{OLD}/acme/junit.xml"]
    r = check(tmp_path / "hit", p, {})
    assert r.of("artifact-other-product") == [
        (Severity.ERROR, r.line(f"- file://v{HYBRID}/other"), "gang_scheduling"),
        (Severity.ERROR, r.line(f"- v{OLD}/acme"), "gang_scheduling"),
    ]
    assert r.of("local-evidence-not-found") == []  # never looked up
    answer(p, "gang_scheduling")["evidence"] = [f"file://v{HYBRID}/acme/junit.xml#{GANG.test}"]
    assert artifact_rules(check(tmp_path / "clean", p, {"junit.xml": good_run().junit()})) == []


@covers("artifact-recommended")
def test_artifact_recommended(tmp_path: Path) -> None:
    r = check(tmp_path / "hit", product(), {})
    assert r.of("artifact-recommended") == [
        (Severity.WARNING, r.line("status: Implemented", after="id: gang_scheduling"), "gang_scheduling"),
        (Severity.WARNING, r.line("status: Implemented", after="id: cluster_autoscaling"), "cluster_autoscaling"),
    ]  # robust_controller is not one upstream tests automatically
    assert f"from v{GANG.since}" in r.messages("artifact-recommended")[0]
    assert check(tmp_path / "old", product(OLD), {}, OLD).of("artifact-recommended") == []  # before hybrid
    p = product()
    answer(p, "gang_scheduling")["evidence"].append("junit.xml")
    answer(p, "cluster_autoscaling").update(status="N/A", notes="No autoscaler on bare metal.")
    r = check(tmp_path / "clean", p, {"junit.xml": good_run().junit()})
    assert r.of("artifact-recommended") == []


@covers("artifact-inconsistent")
def test_artifact_inconsistent(tmp_path: Path) -> None:
    p = product()
    answer(p, "gang_scheduling")["evidence"] = ["junit.xml", "results.json", "e2e.log"]
    edited = Run().add(GANG.test, "pass").add(SCALE.test, "pass")
    rerun = Run().add(GANG.test, "pass").add(SCALE.test, "skip")
    r = check(tmp_path / "hit", p, {"junit.xml": edited.junit(), "results.json": rerun.ndjson(),
                                    "e2e.log": good_run().verbose()})
    hits = r.of("artifact-inconsistent")
    assert (Severity.WARNING, r.line("- results.json"), "gang_scheduling") in hits
    messages = r.messages("artifact-inconsistent")
    assert any(f"{SCALE.test} (pass vs skip)" in m for m in messages)
    assert any("only in e2e.log" in m for m in messages)
    run = good_run()
    r = check(tmp_path / "clean", p, {"junit.xml": run.junit(), "results.json": run.ndjson(), "e2e.log": run.verbose()})
    assert r.of("artifact-inconsistent") == []


def test_every_evidence_entry_gets_a_verdict(tmp_path: Path) -> None:
    """Issue 16 class 6: `x.md#anchor`, `see x.md`, prose and status words are each judged."""
    p = product(OLD)
    answer(p, "robust_controller")["evidence"] = ["operator.md#webhooks", "see operator.md", "see the operator docs",
                                                  "N/A", "file://", "missing.md#top", "ftp://acme.example.com/run.log",
                                                  "HTTPS://acme.example.com/operator"]
    r = check(tmp_path, p, {"operator.md": "# Operator\n## Webhooks\n"}, OLD)
    by_line = {f.line: f.rule for f in r.findings if f.requirement == "robust_controller"}
    assert r.line("- operator.md#webhooks") not in by_line  # exists: upstream drops the #fragment
    assert by_line[r.line("- see operator.md")] == "local-evidence-not-found"
    assert by_line[r.line("- see the operator docs")] == "evidence-not-a-link"
    assert by_line[r.line("- N/A")] == "local-evidence-not-found"
    assert by_line[r.line("- file://")] == "local-evidence-not-found"
    assert by_line[r.line("- missing.md#top")] == "local-evidence-not-found"
    assert by_line[r.line("- ftp://")] == "local-evidence-not-found"  # upstream links only http(s)://
    assert by_line[r.line("- HTTPS://")] == "local-evidence-not-found"


def test_upstream_policy_predicts_ci(tmp_path: Path) -> None:
    """Under --policy upstream, what upstream fails is an error with its message; kaic's own checks are not."""
    p = product()
    answer(p, "gang_scheduling")["evidence"] = ["results.json#TestGangSchedulingTypo", "junit_01.xml"]
    answer(p, "robust_controller")["evidence"] = ["e2e.log"]
    run = Run().add(SCALE.test).add("TestFlaky", "fail")
    root = tmp_path / "repo"
    folder = root / f"v{HYBRID}" / "acme"
    write_repo(root, {f"v{HYBRID}/acme": p}, {HYBRID: checklist_text(SPEC)})
    (folder / "results.json").write_text(Run().add(SCALE.test).ndjson())
    (folder / "junit_01.xml").write_text(run.junit())
    (folder / "e2e.log").write_text(Run().add(SCALE.test).verbose())
    state = load_state(DirectorySource(root))
    by_rule = {(f.rule, f.line): f for f in validate(state, policy="upstream").findings}
    text = dump(p)
    typo = by_rule[("artifact-test-not-found", line_of(text, "- results.json#TestGangSchedulingTypo"))]
    assert typo.severity is Severity.ERROR
    assert typo.upstream == "Test 'TestGangSchedulingTypo' referenced by 'gang_scheduling' was not found in results.json"
    flaky = by_rule[("artifact-failing-tests", line_of(text, "- junit_01.xml"))]
    assert flaky.severity is Severity.WARNING and flaky.upstream is None  # upstream never reads junit_01.xml
    robust = by_rule[("artifact-test-not-found", line_of(text, "- e2e.log"))]
    assert robust.severity is Severity.WARNING and robust.upstream is None  # not one of upstream's mapped tests
    recommended = by_rule[("artifact-recommended", line_of(text, "status: Implemented", "id: cluster_autoscaling"))]
    assert recommended.severity is Severity.WARNING


def test_each_artifact_is_parsed_once_per_run(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import kaic.artifacts.read as read

    calls: list[str] = []
    real = read.parse_bytes

    def counting(path: str, data: bytes):  # type: ignore[no-untyped-def]
        calls.append(path)
        return real(path, data)

    monkeypatch.setattr(read, "parse_bytes", counting)
    monkeypatch.setattr(read, "_BY_CONTENT", type(read._BY_CONTENT)())  # nothing parsed by earlier tests
    p = product()
    for rid in ("gang_scheduling", "cluster_autoscaling", "robust_controller"):
        answer(p, rid)["evidence"] = ["junit.xml", f"file://v{HYBRID}/acme/junit.xml", "/junit.xml"]
    r = check(tmp_path, p, {"junit.xml": good_run().junit()})
    assert artifact_rules(r) == []
    assert calls == [f"v{HYBRID}/acme/junit.xml"]  # nine citations, nine rules, one parse
