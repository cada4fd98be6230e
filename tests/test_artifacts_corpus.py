"""The corpus's one product folder with test artifacts: v1.33/daocloud (a Ginkgo e2e.log and junit_01.xml).

Counted from the files with grep: e2e.log is a succinct Ginkgo log ("Running Suite:",
"Ran 8 of 7144 Specs", "SUCCESS! -- 8 Passed | 0 Failed | 0 Pending | 7136 Skipped")
with no "--- PASS:" line; junit_01.xml has 7148 <testcase> elements naming 7142
distinct tests, 12 of them status="passed" and 7130 status="skipped", no <failure>;
the 8 passing [AIConformance] specs cover 7 areas, one per cited requirement.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kaic.artifacts import Backing, Format
from kaic.artifacts.evaluate import evaluate
from kaic.lint import validate
from kaic.load import RepoState
from kaic.rules import Severity

pytestmark = pytest.mark.corpus

DAOCLOUD = "v1.33/daocloud/PRODUCT.yaml"
CITED = ["ai_inference", "gang_scheduling", "pod_autoscaling", "accelerator_metrics", "ai_service_metrics",
         "secure_accelerator_access", "robust_controller"]  # each cites e2e.log then junit_01.xml
FIRST_E2E_LINE = 31  # `- "e2e.log"` under ai_inference


@pytest.mark.parametrize("ref", ["main", "04ca2f5"])
def test_daocloud_artifacts(corpus_state: Callable[[str], RepoState], ref: str) -> None:
    state = corpus_state(ref)
    sub = next(s for s in state.submissions if s.path == DAOCLOUD)
    judged = evaluate(sub, state.reader, state.tree)
    assert [c.requirement for c in judged.citations] == [r for r in CITED for _ in range(2)]
    readings = judged.readings()
    log, junit = readings["v1.33/daocloud/e2e.log"], readings["v1.33/daocloud/junit_01.xml"]
    assert log.format is Format.GINKGO_TEXT and log.parsed is not None
    t = log.parsed.tally()
    assert (t.passed, t.failed, t.skipped) == (8, 0, 7136)
    assert log.upstream_format is Format.GO_TEST_TEXT
    assert log.upstream_error == "parsing e2e log: no '--- PASS/FAIL/SKIP:' result lines found"
    assert junit.format is Format.JUNIT and junit.parsed is not None and junit.upstream_format is None
    t = junit.parsed.tally()
    assert (t.passed, t.failed, t.skipped) == (12, 0, 7130)
    assert len(junit.parsed.tests) == 7142
    assert {r: judged.backing(r) for r in CITED} == dict.fromkeys(CITED, Backing.VERIFIED)
    assert judged.backing("cluster_autoscaling") is Backing.SELF_ASSESSED


def test_corpus_artifact_findings(corpus_state: Callable[[str], RepoState]) -> None:
    state = corpus_state("main")
    found = [(f.rule, f.path, f.line, f.requirement) for f in validate(state).findings
             if f.rule.startswith("artifact-")]
    # upstream reads e2e.log by name as `go test -v` text: one finding, at its first citation
    assert found == [("artifact-unparsable", DAOCLOUD, FIRST_E2E_LINE, "ai_inference")]
    (upstream,) = [f for f in validate(state, policy="upstream").findings if f.rule == "artifact-unparsable"]
    assert upstream.severity is Severity.ERROR
    assert upstream.upstream == ("Invalid test artifact for 'ai_inference': e2e.log "
                                 "(parsing e2e log: no '--- PASS/FAIL/SKIP:' result lines found)")
    others = [s for s in state.submissions if s.path != DAOCLOUD]
    assert all(not evaluate(s, state.reader, state.tree).citations for s in others)
