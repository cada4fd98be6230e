"""`kaic init` for every checklist version of the sample and the corpus, and renewals
between consecutive versions for every corpus vendor holding both.

Expectations are read from the files with plain PyYAML (checklists, old submissions)
and from tests/corpus_facts.py, never from kaic's output.
"""

from __future__ import annotations

import io
import itertools
import re
import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from kaic.cli import app
from kaic.lint import validate
from kaic.load import load_state
from kaic.source import DirectorySource, sample_root

from . import corpus_facts as facts
from .conftest import MAIN

runner = CliRunner()
UNANSWERED = {"metadata-missing-field", "empty-status"}  # what an empty template may be told


def corpus_copy(repo: Path, target: Path) -> Path:
    data = subprocess.run(["git", "-C", str(repo), "archive", "--format=tar", MAIN],
                          check=True, capture_output=True, timeout=60).stdout
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        tar.extractall(target, filter="data")
    return target


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def checklist_versions(root: Path) -> list[str]:
    return sorted((m.group(1) for p in (root / "docs").iterdir()
                   if (m := re.fullmatch(r"AIConformance-(\d+\.\d+)\.yaml", p.name))),
                  key=lambda v: tuple(map(int, v.split("."))))


def check_new_submission(root: Path, version: str) -> None:
    target = f"v{version}/kaic-init-check"
    result = runner.invoke(app, ["init", target, "--source", str(root), "--vendor", "Vendor Given"])
    assert result.exit_code == 0, result.output
    written = load(root / target / "PRODUCT.yaml")
    checklist = load(root / "docs" / f"AIConformance-{version}.yaml")

    assert list(written["spec"]) == list(checklist["spec"])
    for category, items in checklist["spec"].items():
        got = written["spec"][category] or []
        assert [i["id"] for i in got] == [i["id"] for i in items]
        for mine, theirs in zip(got, items, strict=True):
            assert mine["description"] == theirs["description"]  # verbatim
            assert mine["level"] == theirs["level"]
            assert (mine["status"], mine["evidence"], mine["notes"]) == ("", [], "")

    template = checklist["metadata"]
    assert list(written["metadata"])[: len(template)] == list(template)
    for key, value in written["metadata"].items():
        if key == "vendorName":
            assert value == "Vendor Given"
        elif isinstance(template.get(key), str) and not template[key].startswith("["):
            assert value == template[key]  # the template's own value (kubernetesVersion)
        else:
            assert value == ""  # nothing invented

    lines = (root / target / "PRODUCT.yaml").read_text(encoding="utf-8").splitlines()
    for key in written["metadata"]:  # each field under its instruction
        at = lines.index(next(line for line in lines if line.startswith(f"  {key}: ")))
        assert lines[at - 1].startswith("  # ") and len(lines[at - 1]) > 10, key
    assert lines[0].startswith("# ") and any(f"kaic validate {target}" in line for line in lines[:15])

    sub_path = f"{target}/PRODUCT.yaml"
    state = load_state(DirectorySource(root))
    sub = next(s for s in state.submissions if s.path == sub_path)
    findings = validate(state, submissions=[sub]).findings
    assert {f.rule for f in findings} <= UNANSWERED, [(f.rule, f.message) for f in findings]
    musts = sum(1 for items in checklist["spec"].values() for i in items if i["level"] == "MUST")
    assert sum(1 for f in findings if f.rule == "empty-status") == musts
    assert all(f.message.endswith("is empty") or "is empty (" in f.message
               for f in findings if f.rule == "metadata-missing-field")


def test_init_for_every_sample_checklist(tmp_path: Path) -> None:
    root = tmp_path / "sample"
    shutil.copytree(sample_root(), root)
    versions = checklist_versions(root)
    assert versions
    for version in versions:
        check_new_submission(root, version)


@pytest.mark.corpus
def test_init_for_every_corpus_checklist(corpus_checkout: Path, tmp_path: Path) -> None:
    root = corpus_copy(corpus_checkout, tmp_path / "repo")
    versions = checklist_versions(root)
    assert [f"v{v}" for v in versions] == list(facts.CHECKLIST_LEVELS)
    for version in versions:
        check_new_submission(root, version)


# -- renewals ----------------------------------------------------------------------------------


def consecutive_pairs() -> list[tuple[str, str]]:
    """(old path, new version) for every vendor holding two consecutive versions at main."""
    versions = list(facts.CHECKLIST_LEVELS)
    by_vendor: dict[str, dict[str, str]] = {}
    for path, (vendor, _) in sorted(facts.VENDORS["main"].items()):
        by_vendor.setdefault(vendor.strip().lower(), {}).setdefault(path.split("/")[0], path)
    pairs = []
    for held in by_vendor.values():
        for old, new in itertools.pairwise(versions):
            if old in held and new in held:
                pairs.append((held[old], new))
    return pairs


def section(output: str, title: str) -> list[str]:
    """The indented lines printed under the summary line starting with `title`."""
    lines = output.splitlines()
    start = next((i for i, line in enumerate(lines) if line.startswith(title)), None)
    if start is None:
        return []
    out = []
    for line in lines[start + 1 :]:
        if not line.startswith("  "):
            break
        out.append(line.strip())
    return out


def evidence_items(value: object) -> list[str]:
    if isinstance(value, str):
        value = [value]
    return [v for v in (value or []) if isinstance(v, str) and v.strip()]


PAIRS = consecutive_pairs()


def test_the_corpus_has_renewals_to_test() -> None:
    # MULTI_VERSION_VENDORS (audited): coreweave 1.33-1.35, neonephos, red hat, sidero labs,
    # suse 1.33-1.34, google 1.34-1.35 -> 5 pairs 1.33->1.34 and 2 pairs 1.34->1.35
    assert sorted((p.split("/")[0], v) for p, v in PAIRS) == [("v1.33", "v1.34")] * 5 + [("v1.34", "v1.35")] * 2


@pytest.mark.corpus
@pytest.mark.parametrize(("old_path", "new_version"), PAIRS)
def test_renewal_between_consecutive_versions(old_path: str, new_version: str,
                                              corpus_checkout: Path, tmp_path: Path) -> None:
    root = corpus_copy(corpus_checkout, tmp_path / "repo")
    old_folder = old_path.rsplit("/", 1)[0]
    target = f"{new_version}/{old_folder.split('/')[1]}-renewed"
    result = runner.invoke(app, ["init", target, "--from", old_folder, "--source", str(root)])
    assert result.exit_code == 0, result.output

    old = load(root / old_path)
    new = load(root / target / "PRODUCT.yaml")
    old_version = old_folder.split("/")[0]
    old_levels = facts.CHECKLIST_LEVELS[old_version]
    new_levels = facts.CHECKLIST_LEVELS[new_version]
    old_answers = {i["id"]: i for items in old["spec"].values() for i in items}
    new_answers = {i["id"]: i for items in new["spec"].values() for i in items}
    assert set(new_answers) == set(new_levels)

    for rid, item in new_answers.items():
        assert item["level"] == new_levels[rid]
        if rid in old_answers:  # carried
            was = old_answers[rid]
            assert item["status"] == was["status"]
            assert item["evidence"] == evidence_items(was.get("evidence"))
            assert item["notes"] == (was.get("notes") or "")
        else:
            assert (item["status"], item["evidence"], item["notes"]) == ("", [], "")

    new_ids = [r for r in new_levels if r not in old_answers]
    dropped = [r for r in old_answers if r not in new_levels]
    assert [line.split("/")[1].split(" ")[0] for line in section(result.stdout, "New requirements")] == new_ids
    assert [line.split("/")[1].split(":")[0] for line in section(result.stdout, "Dropped")] == dropped

    risen = [r for r in new_levels if r in old_answers and new_levels[r] == "MUST" and old_levels.get(r) == "SHOULD"
             and (old_answers[r]["status"] != "Implemented"
                  or not [e for e in evidence_items(old_answers[r].get("evidence")) if e.startswith("http")])]
    assert [line.split(" ")[0] for line in section(result.stdout, "Now MUST")] == risen

    def meta(doc: dict, name: str, snake: str) -> object:
        return doc["metadata"].get(name, doc["metadata"].get(snake))

    for name, snake in (("vendorName", "vendor_name"), ("platformName", "platform_name"),
                        ("websiteUrl", "website_url"), ("contactEmailAddress", "contact_email_address")):
        was = meta(old, name, snake)
        assert new["metadata"][name] == ("" if was is None else str(was))
    assert new["metadata"]["kubernetesVersion"] == new_version
    assert f"kubernetesVersion: {old['metadata']['kubernetesVersion']} -> {new_version}" in result.stdout
