"""`kaic fix` over a copy of the whole corpus, at both audited states.

Expected findings come from tests/corpus_facts.py (counted from the files by an
independent audit); the test checks that every one of them is fixed, that no other
finding appears or goes, and that lines outside the fixed ones are left byte for byte.
"""

from __future__ import annotations

import difflib
import io
import re
import subprocess
import tarfile
from collections import Counter
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from kaic.cli import app
from kaic.fix import FIXERS
from kaic.lint import validate
from kaic.load import load_state
from kaic.rules import Finding
from kaic.source import DirectorySource

from . import corpus_facts as facts
from .conftest import MAIN, OLD

pytestmark = pytest.mark.corpus
runner = CliRunner()
STATES = {"04ca2f5": OLD, "main": MAIN}


def fixable(f: Finding) -> bool:
    """kaic splits several URLs in one item; a stray bracket at a URL's end is left alone
    (what the vendor meant is a guess), so that evidence-url-malformed finding stays."""
    return f.rule in FIXERS and (f.rule != "evidence-url-malformed" or "several URLs" in f.message)


def checkout(repo: Path, commit: str, target: Path) -> Path:
    data = subprocess.run(["git", "-C", str(repo), "archive", "--format=tar", commit],
                          check=True, capture_output=True, timeout=60).stdout
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        tar.extractall(target, filter="data")
    return target


def expected(state: str, texts: dict[str, str]) -> tuple[Counter[tuple[str, str, str | None]], dict[str, set[int]]]:
    """(rule, path, requirement) of every fixable problem in the facts, and per file the
    lines a fix may touch."""
    found: Counter[tuple[str, str, str | None]] = Counter()
    lines: dict[str, set[int]] = {}
    for path, keys in facts.SNAKE_CASE_METADATA_KEYS[state].items():
        for key in keys:
            found["metadata-key-style", path, None] += 1
            at = next(i for i, line in enumerate(texts[path].splitlines(), 1)
                      if re.match(rf"\s+{key}:", line))
            lines.setdefault(path, set()).add(at)
    for path, rid, line in facts.DESCRIPTION_DIFFERS[state]:
        found["description-edited", path, rid] += 1
        lines.setdefault(path, set()).add(line)
    for path, rid, line, _, _ in facts.LEVEL_DIFFERS[state]:
        found["level-edited", path, rid] += 1
        lines.setdefault(path, set()).add(line)
    for path, rid, line, _ in facts.EVIDENCE_PLAIN_STRING[state]:
        found["evidence-not-a-list", path, rid] += 1
        lines.setdefault(path, set()).add(line)
    for path, rid, line, _, _ in facts.EVIDENCE_EMPTY_STRING[state]:
        found["evidence-empty-string", path, rid] += 1
        lines.setdefault(path, set()).update((line - 1, line))  # `evidence:` becomes `evidence: []`
    for path, rid, line in facts.MULTI_URL_EVIDENCE_ITEMS[state]:
        found["evidence-url-malformed", path, rid] += 1
        lines.setdefault(path, set()).add(line)
    for path, rid, _ in facts.MISSING_REQUIREMENTS[state]:
        found["missing-requirement", path, rid] += 1
    return found, lines


@pytest.mark.parametrize("state", list(STATES))
def test_fix_the_whole_corpus(state: str, corpus_checkout: Path, tmp_path: Path) -> None:
    work = checkout(corpus_checkout, STATES[state], tmp_path / "repo")
    before_state = load_state(DirectorySource(work))
    texts = {s.path: (work / s.path).read_text(encoding="utf-8") for s in before_state.submissions}
    assert len(texts) == facts.SUBMISSION_COUNTS[state]
    want, allowed = expected(state, texts)
    before = validate(before_state).findings
    assert Counter((f.rule, f.path, f.requirement) for f in before if fixable(f)) == want

    result = runner.invoke(app, ["fix", "--source", str(work)])
    assert result.exit_code == 0, result.stderr

    after = validate(load_state(DirectorySource(work))).findings
    assert not [f for f in after if fixable(f)]
    others = Counter((f.rule, f.path, f.requirement, f.message) for f in before if not fixable(f))
    assert Counter((f.rule, f.path, f.requirement, f.message) for f in after) == others

    missing = {path for path, _, _ in facts.MISSING_REQUIREMENTS[state]}
    changed = set()
    for path, old in texts.items():
        new = (work / path).read_text(encoding="utf-8")
        if new == old:
            continue
        changed.add(path)
        a, b = old.splitlines(), new.splitlines()
        for tag, i1, i2, _, _ in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
            if tag == "equal":
                continue
            if tag == "insert":
                assert path in missing, f"{path}: lines inserted at {i1 + 1}"
                continue
            touched = set(range(i1 + 1, i2 + 1))
            assert touched <= allowed.get(path, set()), f"{path}: lines {sorted(touched)} changed"
    assert changed == {path for _, path, _ in want}

    for path, rid, level in facts.MISSING_REQUIREMENTS[state]:
        data = yaml.safe_load((work / path).read_text(encoding="utf-8"))
        item = next(i for items in data["spec"].values() for i in items if i["id"] == rid)
        assert (item["level"], item["status"], item["evidence"], item["notes"]) == (level, "", [], "")
    # a second run finds nothing left to do
    again = runner.invoke(app, ["fix", "--source", str(work), "--diff"])
    assert again.exit_code == 0 and again.stdout == ""
