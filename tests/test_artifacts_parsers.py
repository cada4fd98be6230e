"""Parsers chosen by content: each format read from fixtures shaped like real outputs."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml

from kaic.artifacts import (
    Format,
    Outcome,
    combine,
    find,
    load_test_map,
    parse_as,
    parse_bytes,
)
from kaic.artifacts.detect import detect
from kaic.artifacts.model import ArtifactError, Recorder, TestResult
from kaic.artifacts.testmap import data_path, schema_path

from .fixtures.artifacts import PKG, Run, ctrf, ginkgo_json, ginkgo_succinct, ginkgo_verbose


def run_with_subtests() -> Run:
    return (Run()
            .add("TestWidgetSharing", "pass", 12.5)
            .add("TestWidgetSharing/Positive_case", "pass", 4.0)
            .add("TestWidgetSharing/Negative_case", "pass", 3.0)
            .add("TestGaugeExport", "fail", 2.0, "gauge missing")
            .add("TestGaugeExport/Reachable", "pass", 1.0)
            .add("TestGaugeExport/PerWidget", "fail", 1.0, "gauge missing")
            .add("TestTraceHint", "skip", 0.0, "-trace flag not set"))


OUTCOMES = {"TestWidgetSharing": Outcome.PASS, "TestWidgetSharing/Positive_case": Outcome.PASS,
            "TestWidgetSharing/Negative_case": Outcome.PASS, "TestGaugeExport": Outcome.FAIL,
            "TestGaugeExport/Reachable": Outcome.PASS, "TestGaugeExport/PerWidget": Outcome.FAIL,
            "TestTraceHint": Outcome.SKIP}


@pytest.mark.parametrize(("render", "fmt"), [
    (Run.junit, Format.JUNIT), (Run.ndjson, Format.GO_TEST_JSON), (Run.verbose, Format.GO_TEST_TEXT)])
def test_one_run_three_views(render, fmt) -> None:  # type: ignore[no-untyped-def]
    data = render(run_with_subtests()).encode()
    assert detect(data).format is fmt
    parsed = parse_as(fmt, data)
    assert {n: t.outcome for n, t in parsed.tests.items()} == OUTCOMES
    assert parsed.failing == ["TestGaugeExport", "TestGaugeExport/PerWidget"]
    assert parsed.tests["TestWidgetSharing"].duration == 12.5


def test_run_facts() -> None:
    run = run_with_subtests()
    junit = parse_as(Format.JUNIT, run.junit().encode())
    assert junit.facts["suite"] == PKG and junit.facts["started"] == "2031-04-01T10:00:00Z"
    assert junit.facts["go_version"] == "go1.25.1 linux/amd64"
    text = parse_as(Format.GO_TEST_TEXT, run.verbose().encode())
    assert text.facts == {"go_version": "go1.25.1", "module": PKG, "duration": "14.500s"}
    events = parse_as(Format.GO_TEST_JSON, run.ndjson().encode())
    assert events.facts["module"] == PKG and events.facts["started"].startswith("2031-04-01T10:00")


def test_subtests_aggregate_as_upstream() -> None:
    parsed = parse_as(Format.GO_TEST_TEXT, (
        b"    --- PASS: TestA/One (1.00s)\n    --- SKIP: TestA/Two (0.00s)\n"
        b"    --- SKIP: TestB/One (0.00s)\n    --- SKIP: TestB/Two (0.00s)\n"
        b"    --- PASS: TestC/One (1.00s)\n    --- FAIL: TestC/Two (1.00s)\n"))
    assert find(parsed, "TestA") is Outcome.PASS  # some skipped, none failed
    assert find(parsed, "TestB") is Outcome.SKIP  # all skipped
    assert find(parsed, "TestC") is Outcome.FAIL  # any failure
    assert find(parsed, "TestD") is None
    assert find(parsed, "TestA/Two") is Outcome.SKIP  # exact name wins
    assert find(parsed, "Test") is None  # a prefix is not a parent
    assert combine([]) is None


def test_recording_never_downgrades_a_failure() -> None:
    rec = Recorder()
    for outcome in (Outcome.PASS, Outcome.FAIL, Outcome.PASS, Outcome.SKIP):
        rec.add(TestResult("T", outcome))
    assert rec.tests["T"].outcome is Outcome.FAIL
    rec.add(TestResult("U", Outcome.PASS))
    rec.add(TestResult("U", Outcome.SKIP))  # a later skip beats an earlier pass
    assert rec.tests["U"].outcome is Outcome.SKIP


def test_package_failure_without_failing_test() -> None:
    pkg = "example.invalid/widgets"
    lines = [
        {"Action": "start", "Package": pkg},
        {"Action": "run", "Package": pkg, "Test": "TestA"},
        {"Action": "pass", "Package": pkg, "Test": "TestA", "Elapsed": 0.1},
        {"Action": "output", "Package": pkg, "Output": "panic: widget exploded in TestMain\n"},
        {"Action": "fail", "Package": pkg, "Elapsed": 0.2},
    ]
    parsed = parse_as(Format.GO_TEST_JSON, "\n".join(json.dumps(x) for x in lines).encode())
    assert parsed.failing == [f"package {pkg}"]
    # with a failing test, the package failure is not reported again
    lines[2]["Action"] = "fail"
    parsed = parse_as(Format.GO_TEST_JSON, "\n".join(json.dumps(x) for x in lines).encode())
    assert parsed.failing == ["TestA"]


def test_build_failure_events() -> None:
    pkg = "example.invalid/widgets"
    lines = [
        {"ImportPath": pkg + " [" + pkg + ".test]", "Action": "build-output", "Output": "x.go:3:1: syntax error\n"},
        {"ImportPath": pkg + " [" + pkg + ".test]", "Action": "build-fail"},
        {"Action": "start", "Package": pkg},
        {"Action": "output", "Package": pkg, "Output": "FAIL\t" + pkg + " [build failed]\n"},
        {"Action": "fail", "Package": pkg, "Elapsed": 0, "FailedBuild": pkg + " [" + pkg + ".test]"},
    ]
    parsed = parse_as(Format.GO_TEST_JSON, "\n".join(json.dumps(x) for x in lines).encode())
    assert parsed.failing == sorted([f"build {pkg} [{pkg}.test]", f"package {pkg}"])


@pytest.mark.parametrize(("data", "message"), [
    (b'{"Action":"pass","Test":"TestA","Package":"p"}\nnot json\n', "at line 2"),
    (b'{"Action":"output","Package":"p","Output":"x"}\n', "no test events"),
    (b'{"Action":"pass","Test":"T"}\n[1]\n', "line 2: not a JSON object"),
])
def test_go_json_errors(data: bytes, message: str) -> None:
    with pytest.raises(ArtifactError, match=message):
        parse_as(Format.GO_TEST_JSON, data)


def test_junit_shapes() -> None:
    nested = (b'<testsuites><testsuite name="outer"><testsuite name="inner">'
              b'<testcase name="TestA"/><testcase name="TestB"><error message="boom"/></testcase>'
              b'</testsuite></testsuite></testsuites>')
    parsed = parse_as(Format.JUNIT, nested)
    assert {n: t.outcome for n, t in parsed.tests.items()} == {"TestA": Outcome.PASS, "TestB": Outcome.FAIL}
    single = b'<testsuite name="s"><testcase name="T"><skipped/></testcase></testsuite>'
    assert parse_as(Format.JUNIT, single).tests["T"].outcome is Outcome.SKIP
    # go-junit-report v2 with properties and a namespace-free ginkgo status attribute
    ginkgo = (b'<testsuites><testsuite name="Widget e2e"><properties><property name="SuiteSucceeded" value="false"/>'
              b'</properties><testcase name="[It] widgets [Conformance]" status="failed" time="1"/>'
              b'<testcase name="[It] gauges" status="skipped" time="0"/></testsuite></testsuites>')
    parsed = parse_as(Format.JUNIT, ginkgo)
    assert parsed.failing == ["[It] widgets [Conformance]"]
    assert parsed.tests["[It] gauges"].outcome is Outcome.SKIP
    with pytest.raises(ArtifactError, match="no <testcase> elements found"):
        parse_as(Format.JUNIT, b"<testsuite/>")
    with pytest.raises(ArtifactError, match="root element"):
        parse_as(Format.JUNIT, b"<html><testcase name='x'/></html>")


def test_ginkgo_verbose_log() -> None:
    log = ginkgo_verbose([
        ("[widgets] Sharing [It] two pods share one widget [Conformance] [AIConformance]", "", 12.0),
        ("[widgets] Gauges [It] export per-widget gauges [AIConformance]", "FAILED", 3.0),
        ("[widgets] Traces [It] attach hints [Feature:Trace]", "SKIPPED", 0.0),
    ]).encode()
    assert detect(log).format is Format.GINKGO_TEXT
    parsed = parse_as(Format.GINKGO_TEXT, log)
    shared = "[widgets] Sharing two pods share one widget [Conformance] [AIConformance]"
    assert parsed.tests[shared].outcome is Outcome.PASS
    assert parsed.tests[shared].labels == ("widgets", "Conformance", "AIConformance")
    assert parsed.failing == ["[widgets] Gauges export per-widget gauges [AIConformance]"]
    assert parsed.tests["[widgets] Traces attach hints [Feature:Trace]"].outcome is Outcome.SKIP
    assert parsed.facts["suite"] == "Widget e2e suite" and parsed.facts["duration"] == "42.500s"
    assert find(parsed, "[widgets] Sharing", "contains") is Outcome.PASS


def test_ginkgo_succinct_log_gives_totals() -> None:
    parsed = parse_as(Format.GINKGO_TEXT, ginkgo_succinct(7, 1, 300).encode())
    assert parsed.tests == {}
    t = parsed.tally()
    assert (t.passed, t.failed, t.skipped) == (7, 1, 300)
    assert parse_bytes("e2e.log", ginkgo_succinct(7, 0, 300).encode()).upstream_error == (
        "parsing e2e log: no '--- PASS/FAIL/SKIP:' result lines found")


def test_ginkgo_json_report() -> None:
    report = ginkgo_json([
        (["[widgets] Sharing"], "two pods share one widget", ["AIConformance"], "passed"),
        (["[widgets] Gauges", "per widget"], "exports gauges", ["AIConformance"], "failed"),
        (["[widgets] Traces"], "attach hints", [], "pending"),
    ]).encode()
    found = detect(report)
    assert found.format is Format.GINKGO_JSON
    parsed = parse_as(Format.GINKGO_JSON, report)
    assert parsed.tests["[widgets] Sharing two pods share one widget"].labels == ("AIConformance",)
    assert parsed.failing == ["[widgets] Gauges per widget exports gauges"]
    assert parsed.tests["[widgets] Traces attach hints"].outcome is Outcome.SKIP
    assert parsed.tests["[SynchronizedBeforeSuite]"].outcome is Outcome.PASS
    assert parsed.facts["duration"] == "300.000s" and parsed.facts["suite"] == "Widget e2e suite"


def test_ctrf_report() -> None:
    report = ctrf([("widget sharing", "passed"), ("gauge export", "failed"), ("trace hint", "skipped")]).encode()
    assert detect(report).format is Format.CTRF
    parsed = parse_as(Format.CTRF, report)
    assert {n: t.outcome for n, t in parsed.tests.items()} == {
        "widget sharing": Outcome.PASS, "gauge export": Outcome.FAIL, "trace hint": Outcome.SKIP}
    assert parsed.tests["widget sharing"].duration == 1.25
    assert parsed.facts == {"tool": "widgetcheck 0.9.0", "duration": "12.500s", "commit": "0123abcd"}
    with pytest.raises(ArtifactError, match="status"):
        parse_as(Format.CTRF, b'{"results": {"tests": [{"name": "x", "status": "great"}]}}')


@pytest.mark.parametrize(("name", "data", "reason"), [
    ("notes.log", b"installed the widget operator\nall good\n", "text without test result lines"),
    ("config.json", b'{"widgets": 3}', "neither test2json events nor a CTRF report"),
    ("page.xml", b"<html><body/></html>", "not <testsuites>"),
    ("blob.out", bytes(range(256)), "binary data"),
    ("empty.log", b"  \n", "empty file"),
])
def test_unrecognised_content(name: str, data: bytes, reason: str) -> None:
    r = parse_bytes(name, data)
    assert r.format is None and not r.recognised and r.parsed is None
    assert reason in (r.error or "") and "tried JUnit XML" in (r.error or "")


def test_content_decides_not_the_name() -> None:
    """Upstream goes by basename; kaic by content, and says when the two disagree."""
    run = run_with_subtests()
    as_json_name = parse_bytes("results.json", run.junit().encode())
    assert as_json_name.format is Format.JUNIT and as_json_name.parsed is not None
    assert as_json_name.upstream_format is Format.GO_TEST_JSON
    assert as_json_name.upstream_error is not None and "line 1" in as_json_name.upstream_error
    renamed = parse_bytes("test-output.txt", run.verbose().encode())  # upstream would not read it
    assert renamed.format is Format.GO_TEST_TEXT and renamed.upstream_format is None
    same = parse_bytes("JUNIT.XML", run.junit().encode())  # basenames compare case-insensitively
    assert same.upstream_format is Format.JUNIT and same.upstream_error is None


def test_test_map_follows_its_schema_and_names_real_requirements() -> None:
    schema = json.loads(schema_path().read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    raw = yaml.safe_load(data_path().read_text())
    jsonschema.validate(raw, schema)
    suites = {s["id"] for s in raw["suites"]}
    assert {t["suite"] for t in raw["tests"]} <= suites
    tmap = load_test_map()
    upstream = {t.requirement: t.test for t in tmap.tests if t.upstream}
    assert upstream == {"secure_accelerator_access": "TestSecureAcceleratorAccess",
                        "gang_scheduling": "TestGangScheduling",
                        "cluster_autoscaling": "TestAcceleratorClusterAutoscaling"}  # PR #141
    assert set(tmap.names) == {"junit.xml", "results.json", "e2e.log"}


@pytest.mark.corpus
def test_test_map_requirements_exist_in_a_checklist(corpus_state) -> None:  # type: ignore[no-untyped-def]
    state = corpus_state("main")
    ids = {r.id for c in state.checklists.values() for r in c.requirements}
    missing = {t.requirement for t in load_test_map().tests} - ids
    # workload_sandboxing and driver_runtime_management arrive with checklists newer than the corpus
    assert missing <= {"workload_sandboxing", "driver_runtime_management"}
