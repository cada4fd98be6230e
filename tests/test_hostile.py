"""Hostile input (issue section 8): a finding on that submission, never a crash, a hang,
code execution or a read outside the repository; the other submissions still reported."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from kaic.load import load_state
from kaic.source import MAX_FILE_BYTES, open_source

from .fixtures.builder import (
    VERSION,
    answer,
    checklist_text,
    clean_product,
    commit_all,
    dump,
    git_init,
    line_of,
    write_repo,
)

V = f"v{VERSION}"


def kaic(*args: str, cwd: Path | None = None, timeout: float = 60) -> tuple[int, str, str, float]:
    """Run the real command line in a child process (a hang fails the test, not the run)."""
    start = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "kaic", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=cwd,
        stdin=subprocess.DEVNULL,
    )
    return done.returncode, done.stdout, done.stderr, time.monotonic() - start


def by_path(data: dict[str, Any]) -> dict[str, list[tuple[str, int | None]]]:
    out: dict[str, list[tuple[str, int | None]]] = {s["path"]: [] for s in data["submissions"]}
    for f in data["findings"]:
        out[f["path"]].append((f["rule"], f["line"]))
    return out


def alias_bomb() -> str:
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    return "\n".join(lines) + "\n"


def wrong_types() -> str:
    """Wrong types everywhere; the line numbers are counted in the comments."""
    return (
        "metadata:\n"  # 1
        "  - vendorName\n"  # 2  metadata as a list
        "spec:\n"  # 3
        "  widgets:\n"  # 4
        "    category: {a: 1}\n"  # 5  a category entry that is a mapping, not a list
        "  telemetry:\n"  # 6
        "  - id: gauge_export\n"  # 7
        "    status: true\n"  # 8  status as a bool
        "    evidence: {url: https://x.example.com}\n"  # 9  evidence as a mapping
        "    notes: 42\n"  # 10 notes as a number
        "  - id: trace_hint\n"  # 11
        "    status: Implemented\n"  # 12
        "    evidence: 7\n"  # 13 evidence as a number
        "    notes: [a, b]\n"  # 14 notes as a list
    )


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("hostile") / "repo"
    marker = root.parent / "executed"
    product = clean_product()
    answer(product, "gauge_export")["evidence"] = [
        "../../docs/AIConformance-3.1.yaml",
        "/etc/passwd",
        "file:///etc/passwd",
        "file://../../x",
        "file://%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "%2e%2e/%2e%2e/secret.txt",
    ]
    spec_as_string = clean_product()
    spec_as_string["spec"] = "all implemented"
    metadata_as_list = clean_product()
    dup = dump(clean_product())
    dup = dup.replace("  vendorName: Acme Widgets\n", "  vendorName: Acme Widgets\n  vendorName: Other\n")
    products: dict[str, Any] = {
        f"{V}/clean": clean_product(),
        f"{V}/bomb": alias_bomb(),
        f"{V}/deep": "[" * 10_000,
        f"{V}/huge": "# " + "x" * (MAX_FILE_BYTES + 10) + "\n",
        f"{V}/binary": bytes(range(256)) * 4,
        f"{V}/latin1": "metadata:\n  vendorName: Caf\xe9\n".encode("latin-1"),
        f"{V}/tags": (
            f"metadata: !!python/object/apply:os.system ['touch {marker}']\n"
            f"spec: !!python/object/apply:subprocess.check_output [['touch', '{marker}']]\n"
        ),
        f"{V}/empty": "",
        f"{V}/list": "- metadata\n- spec\n",
        f"{V}/scalar": "just a sentence\n",
        f"{V}/types": wrong_types(),
        f"{V}/specstring": spec_as_string,
        f"{V}/metalist": dict(metadata_as_list, metadata=["vendorName", "Acme"]),
        f"{V}/dup": dup,
        f"{V}/escape": product,
        f"{V}/sp ace": clean_product(name="space"),
        f"{V}/ünïcode": clean_product(name="unicode"),
        f"{V}/$(id)": clean_product(name="id"),
        "v3.9/nochecklist": clean_product("3.9"),
    }
    write_repo(root, products)
    (root / V / "link").mkdir()
    os.symlink("/etc/hostname", root / V / "link" / "PRODUCT.yaml")
    (root / V / "pipe").mkdir()
    os.mkfifo(root / V / "pipe" / "PRODUCT.yaml")
    (root / V / "folder" / "PRODUCT.yaml").mkdir(parents=True)
    return root, marker


@pytest.fixture(scope="module")
def report(hostile: tuple[Path, Path]) -> tuple[int, dict[str, Any], float]:
    root, _ = hostile
    code, out, err, elapsed = kaic("validate", "--source", str(root), "--format", "json")
    assert err == ""
    return code, json.loads(out), elapsed


def test_run_finishes_quickly_with_exit_1(report: tuple[int, dict[str, Any], float]) -> None:
    code, data, elapsed = report
    assert code == 1
    assert elapsed < 30  # no hang on the pipe, no blow-up on the bomb
    assert not any(f["rule"] == "kaic-internal-error" for f in data["findings"])


def test_every_submission_is_listed_and_the_clean_one_passes(report: tuple[int, dict[str, Any], float]) -> None:
    _, data, _ = report
    paths = [s["path"] for s in data["submissions"]]
    folders = ["$(id)", "binary", "bomb", "clean", "deep", "dup", "empty", "escape", "folder", "huge",
               "latin1", "link", "list", "metalist", "pipe", "scalar", "sp ace", "specstring", "tags",
               "types", "ünïcode"]
    assert sorted(paths) == sorted([f"{V}/{f}/PRODUCT.yaml" for f in folders] + ["v3.9/nochecklist/PRODUCT.yaml"])
    ok = {s["path"]: s["ok"] for s in data["submissions"]}
    assert ok[f"{V}/clean/PRODUCT.yaml"] is True
    assert by_path(data)[f"{V}/clean/PRODUCT.yaml"] == []


@pytest.mark.parametrize(
    ("folder", "expected"),
    [
        ("bomb", ("yaml-invalid", None)),
        ("deep", ("yaml-invalid", 1)),
        ("huge", ("file-too-large", 1)),
        ("binary", ("not-utf8", 2)),  # byte 0x80 (offset 128) follows the one b"\n" (offset 10)
        ("latin1", ("not-utf8", 2)),
        ("empty", ("yaml-invalid", 1)),
        ("list", ("yaml-invalid", 1)),
        ("scalar", ("yaml-invalid", 1)),
        ("link", ("file-not-regular", 1)),
        ("pipe", ("file-not-regular", 1)),
        ("folder", ("file-not-regular", 1)),
        ("dup", ("yaml-duplicate-key", 6)),
        ("specstring", ("field-type", 13)),
        ("metalist", ("field-type", 1)),
        ("tags", ("yaml-tag", 1)),
        ("sp ace", ("product-folder-name", 1)),
        ("ünïcode", ("product-folder-name", 1)),
        ("$(id)", ("product-folder-name", 1)),
    ],
)
def test_finding_on_the_submission(report: tuple[int, dict[str, Any], float], folder: str,
                                   expected: tuple[str, int | None]) -> None:
    _, data, _ = report
    found = by_path(data)[f"{V}/{folder}/PRODUCT.yaml"]
    rule, line = expected
    assert rule in [r for r, _ in found], found
    if line is not None:
        assert (rule, line) in found, found


def test_alias_bomb_line(report: tuple[int, dict[str, Any], float]) -> None:
    _, data, _ = report
    (finding,) = [f for f in data["findings"] if f["path"] == f"{V}/bomb/PRODUCT.yaml"]
    assert finding["rule"] == "yaml-invalid" and "alias bomb" in finding["message"]
    assert 1 <= finding["line"] <= 10


def test_tags_execute_nothing(hostile: tuple[Path, Path], report: tuple[int, dict[str, Any], float]) -> None:
    _, marker = hostile
    _, data, _ = report
    assert not marker.exists()
    found = by_path(data)[f"{V}/tags/PRODUCT.yaml"]
    assert ("yaml-tag", 1) in found and ("yaml-tag", 2) in found
    assert ("field-type", 1) in found and ("field-type", 2) in found  # both became lists of strings


def test_wrong_types_anywhere(report: tuple[int, dict[str, Any], float]) -> None:
    _, data, _ = report
    found = [(f["rule"], f["line"], f["requirement"]) for f in data["findings"]
             if f["path"] == f"{V}/types/PRODUCT.yaml" and f["rule"] == "field-type"]
    assert found == [
        ("field-type", 1, None),  # metadata is a list
        ("field-type", 4, None),  # widgets is a mapping
        ("field-type", 8, "gauge_export"),  # status is a bool
        ("field-type", 9, "gauge_export"),  # evidence is a mapping
        ("field-type", 10, "gauge_export"),  # notes is a number
        ("field-type", 13, "trace_hint"),  # evidence is a number
        ("field-type", 14, "trace_hint"),  # notes is a list
    ]


def test_evidence_escaping_the_folder_is_reported_never_read(
        report: tuple[int, dict[str, Any], float]) -> None:
    _, data, _ = report
    text = dump(clean_product())
    first = line_of(text, "- https://acme.example.com/evidence/gauge_export")
    found = [(f["rule"], f["line"]) for f in data["findings"] if f["path"] == f"{V}/escape/PRODUCT.yaml"]
    # As upstream resolves them: `..` escapes; a leading '/' is dropped and percent signs are
    # plain characters, so those are looked up (and not found) inside the product folder.
    rules = ["local-evidence-outside", "local-evidence-not-found", "local-evidence-not-found",
             "local-evidence-outside", "local-evidence-not-found", "local-evidence-not-found"]
    assert found == [(rule, first + i) for i, rule in enumerate(rules)]
    looked = [f["message"] for f in data["findings"]
              if f["path"] == f"{V}/escape/PRODUCT.yaml" and f["rule"] == "local-evidence-not-found"]
    assert all(f"(looked for {V}/escape/" in m for m in looked)


def test_version_folder_without_checklist(report: tuple[int, dict[str, Any], float]) -> None:
    _, data, _ = report
    found = by_path(data)["v3.9/nochecklist/PRODUCT.yaml"]
    assert ("checklist-missing", 1) in found
    sub = next(s for s in data["submissions"] if s["path"] == "v3.9/nochecklist/PRODUCT.yaml")
    assert sub["vendor"] == "Acme Widgets"  # the submission still loaded


def test_hostile_checklist(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "repo", {f"{V}/acme": clean_product()}, checklists={VERSION: alias_bomb()})
    code, out, err, _ = kaic("validate", "--source", str(root), "--format", "json")
    assert code == 1 and err == ""
    data = json.loads(out)
    assert [(f["rule"], f["path"]) for f in data["findings"]] == [("checklist-missing", f"{V}/acme/PRODUCT.yaml")]
    assert "alias bomb" in data["findings"][0]["message"]


def test_hostile_files_in_git(tmp_path: Path) -> None:
    repo = write_repo(tmp_path / "git", {
        f"{V}/clean": clean_product(),
        f"{V}/bomb": alias_bomb(),
        f"{V}/huge": "# " + "x" * (MAX_FILE_BYTES + 10) + "\n",
        f"{V}/binary": b"\x00\xff" * 100,
    }, checklists={VERSION: checklist_text()})
    (repo / V / "link").mkdir()
    os.symlink("../../../../etc/passwd", repo / V / "link" / "PRODUCT.yaml")
    git_init(repo)
    commit_all(repo, "hostile")
    state = load_state(open_source(str(repo), "HEAD"))
    problems = {s.product: [p.rule for p in s.problems] for s in state.submissions}
    assert problems == {
        "binary": ["not-utf8"],
        "bomb": ["yaml-invalid"],
        "clean": [],
        "huge": ["file-too-large"],
        "link": ["file-not-regular"],
    }


def test_directory_source_where_product_is_a_folder(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "repo", {f"{V}/acme": clean_product()})
    (root / V / "folder" / "PRODUCT.yaml").mkdir(parents=True)
    (root / V / "folder" / "PRODUCT.yaml" / "inner.yaml").write_text("x: 1\n")
    code, out, _, _ = kaic("validate", "--source", str(root), "--format", "json")
    assert code == 1
    data = json.loads(out)
    assert [(f["rule"], f["path"]) for f in data["findings"]] == [("file-not-regular", f"{V}/folder/PRODUCT.yaml")]
    assert "folder" in data["findings"][0]["message"]
    assert [s["ok"] for s in data["submissions"]] == [True, False]


def test_checklist_that_is_a_symlink_is_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_text(checklist_text())
    root = write_repo(tmp_path / "repo", {f"{V}/acme": clean_product()}, checklists={})
    os.symlink(outside, root / "docs" / f"AIConformance-{VERSION}.yaml")
    state = load_state(open_source(str(root)))
    checklist = state.checklists[VERSION]
    assert checklist.requirements == () and checklist.error and "symbolic link" in checklist.error
    code, out, _, _ = kaic("validate", "--source", str(root), "--format", "json")
    assert code == 1
    (finding,) = json.loads(out)["findings"]
    assert finding["rule"] == "checklist-missing" and "symbolic link" in finding["message"]
