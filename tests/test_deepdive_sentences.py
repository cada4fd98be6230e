"""Distinctive profiles and practices on the fictional sample: every sentence has lines
behind it that exist, the Markdown gives each sentence one footnote, and every count
agrees with the rows it stands for."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from kaic.lint import validate
from kaic.load import RepoState
from kaic.report.build import build_report
from kaic.report.sections import distinctive_profiles, practices
from kaic.report.sections._sentences import and_join

SAMPLE = Path(__file__).resolve().parents[1] / "src" / "kaic" / "sample"


def _real(ref: str) -> bool:
    path, _, line = ref.rpartition(":")
    target = SAMPLE / path
    return target.is_file() and 1 <= int(line) <= len(target.read_text(encoding="utf-8").splitlines())


def test_sample_sentences_are_footnoted_to_real_lines(sample_state: RepoState) -> None:
    validation = validate(sample_state)
    report = build_report(sample_state, validation, [distinctive_profiles.SECTION, practices.SECTION])
    assert report.data["errors"] == []
    profiles = report.data["distinctive_profiles"]
    assert sorted(s for p in profiles for s in p["submissions"]) == sorted(sub.path for sub in sample_state.submissions)
    sentences = [s for p in profiles for s in p["sentences"]] + [
        s for part in report.data["practices"].values() for s in part]
    assert sentences and all(s["refs"] and all(_real(r) for r in s["refs"]) for s in sentences)
    for bs in report.sections:
        md = bs.section.markdown(bs.data)
        defined = dict(re.findall(r"^\[\^([\w-]+)\]: (.*)$", md, re.MULTILINE))
        used = re.findall(r"\[\^([\w-]+)\](?!:)", md)
        assert used and set(used) <= set(defined)
        for label in used:
            assert all(_real(f"{p}:{n}") for p, n in re.findall(r"`([^`]+):(\d+)`", defined[label]))
    # each rule's instances are its findings, counted once
    by_rule = Counter(f.rule for sub in sample_state.submissions for f in validation.findings_for(sub))
    anti = {s["values"]["rule"]: s["values"]["count"] for s in report.data["practices"]["anti_patterns"]}
    assert anti == {rule: n for rule, n in by_rule.items()
                    if any(f.line for sub in sample_state.submissions for f in validation.findings_for(sub)
                           if f.rule == rule)}


def test_and_join() -> None:
    assert and_join([]) == "" and and_join(["a"]) == "a"
    assert and_join(["a", "b"]) == "a and b" and and_join(["a", "b", "c"]) == "a, b and c"
