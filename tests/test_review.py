"""`kaic review`: pull requests built as commits of small temporary git repositories."""

from __future__ import annotations

import json
import os
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from typer.testing import CliRunner

from kaic.cli import app
from kaic.review import review
from kaic.review.data import DATA_PATH, RESULT_SCHEMA_PATH, SCHEMA_PATH, review_data
from kaic.review.render import render
from kaic.review.render.md import MARKER, MAX_CHARS
from kaic.rules import RULES
from kaic.source import GitRepo

from .fixtures.builder import (
    VERSION,
    answer,
    clean_product,
    commit_all,
    git,
    git_init,
    line_of,
    write_product,
    write_repo,
)

runner = CliRunner()
V = f"v{VERSION}"
SARIF_SCHEMA = Path(__file__).parent / "fixtures" / "sarif-schema-2.1.0.json"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A base commit on `main`: the checklist and one clean submission with a local evidence file."""
    product = clean_product()
    answer(product, "gauge_export")["evidence"].append("results/gauges.md")
    root = write_repo(tmp_path / "repo", {f"{V}/acme": product})
    (root / V / "acme" / "results").mkdir()
    (root / V / "acme" / "results" / "gauges.md").write_text("gauges exported\n")
    git_init(root)
    commit_all(root, "base")
    git(root, "checkout", "-q", "-b", "pr")
    return root


@pytest.fixture
def elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    return cwd


ENVELOPE_SCHEMA_PATH = RESULT_SCHEMA_PATH.parent / "envelope.schema.json"


def result_schema() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(json.loads(RESULT_SCHEMA_PATH.read_text(encoding="utf-8")))


def envelope_schema() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(json.loads(ENVELOPE_SCHEMA_PATH.read_text(encoding="utf-8")))


def run_review(repo: Path, *args: str, fmt: str = "json") -> tuple[int, Any]:
    """`kaic review --base main` on the repository, offline; JSON output checked against its schema."""
    result = runner.invoke(app, ["review", "--base", "main", "-s", str(repo), "--offline", "-f", fmt, *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    body = json.loads(result.stdout) if fmt in ("json", "sarif") and result.exit_code in (0, 1) else result.stdout
    if fmt == "json" and result.exit_code in (0, 1):
        assert [e.message for e in result_schema().iter_errors(body)] == []
        assert [e.message for e in envelope_schema().iter_errors(body)] == []
    return result.exit_code, body


def rules_of(doc: dict[str, Any]) -> list[tuple[str, str]]:
    return sorted((f["rule"], f["severity"]) for f in doc["findings"])


def product_path(repo: Path, name: str = "acme") -> Path:
    return repo / V / name / "PRODUCT.yaml"


def edit_product(repo: Path, change: Any, name: str = "acme") -> dict[str, Any]:
    data = yaml.safe_load(product_path(repo, name).read_text())
    change(data)
    write_product(product_path(repo, name), data)
    return data


# -- selection -----------------------------------------------------------------------------


def test_evidence_only_change_selects_its_submission(repo: Path, elsewhere: Path) -> None:
    (repo / V / "acme" / "results" / "gauges.md").write_text("gauges exported, again\n")
    commit_all(repo, "evidence only")
    code, doc = run_review(repo)
    assert code == 0 and doc["verdict"] == "pass"
    assert doc["selection"]["submissions"] == [f"{V}/acme/PRODUCT.yaml"]
    assert doc["selection"]["changed"] == [f"{V}/acme/results/gauges.md"]
    assert doc["upstream_ci_runs"] is False  # upstream's workflow filters on PRODUCT.yaml
    assert doc["labels"] == [f"release-{V}", "conformance-product-submission", "release-documents-checked"]
    code, md = run_review(repo, fmt="md")
    assert "Upstream CI does not run on this pull request" in md


def test_a_removed_evidence_file_is_found_missing(repo: Path, elsewhere: Path) -> None:
    (repo / V / "acme" / "results" / "gauges.md").unlink()
    commit_all(repo, "evidence removed")
    code, doc = run_review(repo)
    assert code == 1
    assert ("local-evidence-not-found", "error") in rules_of(doc)
    assert "evidence-missing" in doc["labels"] and "changes-needed" in doc["labels"]


def test_checklist_edit_is_reported_and_the_base_checklist_judges(repo: Path, elsewhere: Path) -> None:
    checklist = repo / "docs" / f"AIConformance-{VERSION}.yaml"
    text = checklist.read_text()
    must_line = line_of(text, "level: MUST", after="widget_sharing")
    lines = text.splitlines()
    lines[must_line - 1] = lines[must_line - 1].replace("MUST", "SHOULD")
    checklist.write_text("\n".join(lines) + "\n")  # the head demotes widget_sharing...
    edit_product(repo, lambda d: answer(d, "widget_sharing").update(status="Not Implemented",
                                                                     evidence=[], notes="Not yet."))
    commit_all(repo, "demote and skip")
    code, doc = run_review(repo)
    assert code == 1
    found = rules_of(doc)
    assert ("pr-checklist-edited", "warning") in found
    assert ("must-not-implemented", "error") in found  # ...but the base's checklist says MUST
    assert "checklist-changed" in doc["labels"]


def test_config_smuggled_into_the_head_is_ignored_and_reported(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    edit_product(repo, lambda d: answer(d, "gauge_export").update(status="Done"))
    (repo / ".kaic.yaml").write_text("rules:\n  invalid-status: off\n")
    (repo / "pyproject.toml").write_text('[tool.kaic.rules]\n"invalid-status" = "off"\n')
    commit_all(repo, "switch off my own review")
    monkeypatch.chdir(repo / V / "acme")  # the PR checkout is the working folder, as in CI
    code, doc = run_review(repo)
    assert code == 1
    found = rules_of(doc)
    assert ("invalid-status", "error") in found
    assert [f["path"] for f in doc["findings"] if f["rule"] == "pr-config-ignored"] == [".kaic.yaml", "pyproject.toml"]
    assert "config-ignored" in doc["labels"]
    # validate --changed trusts the base the same way, from the same working folder
    result = runner.invoke(app, ["validate", "--changed", "main", "-f", "json"])
    assert result.exit_code == 1, result.output
    assert ("invalid-status", "error") in rules_of(json.loads(result.stdout))


def test_base_configuration_applies(repo: Path, elsewhere: Path) -> None:
    git(repo, "checkout", "-q", "main")
    (repo / ".kaic.yaml").write_text("rules:\n  invalid-status: warning\n")
    commit_all(repo, "maintainers relax a rule")
    git(repo, "checkout", "-q", "-b", "pr2")
    edit_product(repo, lambda d: answer(d, "gauge_export").update(status="Done"))
    commit_all(repo, "bad status")
    code, doc = run_review(repo, "--policy", "kaic")
    assert code == 0 and ("invalid-status", "warning") in rules_of(doc)
    code, doc = run_review(repo)  # under upstream's policy no configuration lowers what upstream fails
    assert code == 1 and ("invalid-status", "error") in rules_of(doc)


def test_two_products_in_one_pull_request(repo: Path, elsewhere: Path) -> None:
    product_path(repo, "beta").parent.mkdir()
    write_product(product_path(repo, "beta"), clean_product(name="beta", vendor="Beta Widgets"))
    edit_product(repo, lambda d: d["metadata"].update(platformVersion="4.3.0"))
    commit_all(repo, "two products")
    code, doc = run_review(repo)
    assert code == 1
    several = [f for f in doc["findings"] if f["rule"] == "pr-several-products"]
    assert [f["path"] for f in several] == [f"{V}/beta/PRODUCT.yaml"]
    assert f"{V}/acme" in several[0]["message"] and f"{V}/beta" in several[0]["message"]
    assert [s["path"] for s in doc["submissions"]] == [f"{V}/acme/PRODUCT.yaml", f"{V}/beta/PRODUCT.yaml"]
    assert "not-verifiable" in doc["labels"]


def test_orphan_and_misplaced_files_are_findings(repo: Path, elsewhere: Path) -> None:
    (repo / V / "ghost").mkdir()
    (repo / V / "ghost" / "evidence.md").write_text("no PRODUCT.yaml here\n")
    (repo / V / "notes.md").write_text("straight in the version folder\n")
    (repo / "v9.9").mkdir()
    (repo / "v9.9" / ".gitkeep").write_text("")  # a maintainer opening a version: not a finding
    (repo / VERSION / "acme").mkdir(parents=True)
    write_product(repo / VERSION / "acme" / "PRODUCT.yaml", clean_product())
    commit_all(repo, "misplaced")
    code, doc = run_review(repo)
    assert code == 1
    by_rule = {(f["rule"], f["path"]) for f in doc["findings"]}
    assert by_rule == {
        ("pr-orphan-file", f"{V}/ghost/evidence.md"),
        ("pr-folder-shape", f"{V}/notes.md"),
        ("pr-folder-shape", f"{VERSION}/acme/PRODUCT.yaml"),
    }
    # the upstream validator cannot tell the version of a folder shaped so: its message is given
    shape = next(f for f in doc["findings"] if f["path"] == f"{VERSION}/acme/PRODUCT.yaml")
    assert shape["upstream"] == review_data().checks["pr-folder-shape"].upstream_message
    assert doc["submissions"] == [] and "not-conformance-product-submission" in doc["labels"]
    assert doc["selection"]["ignored"] == ["v9.9/.gitkeep"]


def test_no_checklist_on_the_base(repo: Path, elsewhere: Path) -> None:
    (repo / "v9.9" / "acme").mkdir(parents=True)
    write_product(repo / "v9.9" / "acme" / "PRODUCT.yaml", clean_product(version="9.9"))
    (repo / "docs" / "AIConformance-9.9.yaml").write_text((repo / "docs" / f"AIConformance-{VERSION}.yaml").read_text())
    commit_all(repo, "new version with its checklist")
    code, doc = run_review(repo)
    assert code == 1
    found = [(f["rule"], f["path"]) for f in doc["findings"] if f["severity"] == "error"]
    assert found == [("pr-no-checklist", "v9.9/acme/PRODUCT.yaml")]  # said once, not also checklist-missing
    assert "adds it" in doc["findings"][0]["message"]
    assert ("pr-checklist-edited", "warning") in rules_of(doc)


def test_unparsable_yaml_is_a_finding_not_a_traceback(repo: Path, elsewhere: Path) -> None:
    product_path(repo).write_text("metadata:\n  vendorName: [unclosed\nspec: {\n")
    commit_all(repo, "broken")
    code, doc = run_review(repo)
    assert code == 1
    assert ("yaml-invalid", "error") in rules_of(doc)
    assert "unable-to-process" in doc["labels"]
    code, md = run_review(repo, fmt="md")
    assert code == 1 and md.splitlines()[0].startswith("❌ **kaic review: changes needed**")


def test_removed_submission(repo: Path, elsewhere: Path) -> None:
    git(repo, "rm", "-q", "-r", f"{V}/acme")
    commit_all(repo, "withdraw")
    code, doc = run_review(repo)
    assert code == 0
    assert rules_of(doc) == [("pr-submission-removed", "warning")]
    assert doc["selection"]["removed"] == [f"{V}/acme/PRODUCT.yaml"]


def test_no_change_at_all(repo: Path, elsewhere: Path) -> None:
    code, doc = run_review(repo)
    assert code == 0 and rules_of(doc) == [("pr-no-submission", "info")]


# -- the earlier certification ---------------------------------------------------------------


def test_update_of_a_submission_lists_what_changed(repo: Path, elsewhere: Path) -> None:
    def change(d: dict[str, Any]) -> None:
        answer(d, "trace_hint").update(status="Partially Implemented", notes="Only for gRPC.")
        answer(d, "widget_sharing")["evidence"].append("https://acme.example.com/more")
        d["metadata"]["platformVersion"] = "5.0.0"

    edit_product(repo, change)
    commit_all(repo, "update")
    code, doc = run_review(repo)
    assert code == 0
    (sub,) = doc["submissions"]
    prev = sub["previous"]
    assert prev["path"] == f"{V}/acme/PRODUCT.yaml" and prev["relation"] == "same folder"
    assert prev["statuses"] == [{"requirement": "trace_hint", "old": "Implemented", "new": "Partially Implemented"}]
    assert prev["evidence"]["added"] == [{"requirement": "widget_sharing", "evidence": "https://acme.example.com/more"}]
    assert prev["notes"] == ["trace_hint"]
    assert prev["metadata"] == [{"field": "platformVersion", "old": "4.2.0", "new": "5.0.0"}]
    _code, md = run_review(repo, fmt="md")
    assert "Since the earlier certification" in md and "Partially Implemented" in md


def test_new_product_of_a_known_vendor(repo: Path, elsewhere: Path) -> None:
    (repo / V / "acme-two").mkdir()
    write_product(product_path(repo, "acme-two"), clean_product(name="acme-two"))
    commit_all(repo, "second product, same vendor")
    _code, doc = run_review(repo)
    (sub,) = doc["submissions"]
    assert sub["previous"]["path"] == f"{V}/acme/PRODUCT.yaml"
    assert sub["previous"]["relation"] == "same vendor"


# -- the comment -----------------------------------------------------------------------------


def test_comment_escapes_vendor_text_and_neutralises_mentions(repo: Path, elsewhere: Path) -> None:
    def change(d: dict[str, Any]) -> None:
        d["metadata"]["vendorName"] = "Acme @alice <script>x</script> | [y](javascript:z) #12 cncf/k8s#3"
        answer(d, "gauge_export").update(status="Done @bob fixes #7")

    edit_product(repo, change)
    commit_all(repo, "hostile")
    code, md = run_review(repo, fmt="md")
    assert code == 1
    assert "<script>" not in md and "&lt;script&gt;" in md
    prose = re.sub(r"`[^`]*`", "", md)  # what GitHub links: text outside code spans
    assert "@alice" not in prose and "@bob" not in prose and "@alice" in md
    assert "#12" not in prose and "#7" not in prose and "k8s#3" not in prose
    assert "[y](javascript:" not in md and "\\[y\\]" in md
    assert md.count(MARKER) == 1 and md.splitlines()[1] == MARKER


def test_comment_states_the_default_policy_and_links_lines(repo: Path, elsewhere: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    edit_product(repo, lambda d: answer(d, "gauge_export").update(status="Done"))
    commit_all(repo, "bad status")
    head = git(repo, "rev-parse", "HEAD")
    monkeypatch.setenv("GITHUB_SERVER_URL", "https://github.com")
    monkeypatch.setenv("GITHUB_REPOSITORY", "cncf/k8s-ai-conformance")
    _code, md = run_review(repo, fmt="md")
    line = line_of(product_path(repo).read_text(), "status: Done")
    assert "policy **upstream**" in md
    assert (f"(https://github.com/cncf/k8s-ai-conformance/blob/{head}/{V}/acme/PRODUCT.yaml#L{line})") in md
    blocking = md.index("### Blocking")
    assert blocking < md.index("invalid-status") < md.index("### ❌")


def test_comment_is_cut_under_the_limit(repo: Path, elsewhere: Path) -> None:
    def many(d: dict[str, Any]) -> None:
        d["spec"]["widgets"].extend(
            {"id": f"made_up_{i}", "level": "SHOULD", "description": "x" * 40, "status": "Implemented",
             "evidence": [f"https://acme.example.com/{i}"], "notes": "n"} for i in range(400))

    edit_product(repo, many)
    commit_all(repo, "huge")
    code, doc = run_review(repo)
    assert code == 0  # unknown requirements are warnings
    unknown = [f for f in doc["findings"] if f["rule"] == "unknown-requirement"]
    assert len(unknown) == 400  # the JSON keeps every finding
    _code, md = run_review(repo, fmt="md")
    assert len(md) <= MAX_CHARS
    assert "Cut" in md and "--format json" in md
    assert md.count("<details>") == md.count("</details>")
    assert md.rstrip().endswith("</sub>")


def test_comment_cut_at_a_small_limit(repo: Path) -> None:
    edit_product(repo, lambda d: answer(d, "gauge_export").update(status="Done"))
    commit_all(repo, "bad status")
    result = review(GitRepo(repo), "main", "HEAD")
    for limit in (1500, 2500, 4000):
        md = render("md", result, max_chars=limit)
        assert len(md) <= limit and md.count("<details>") == md.count("</details>")
        assert md.splitlines()[0].startswith("❌")


# -- formats -----------------------------------------------------------------------------------


def test_json_shape(repo: Path, elsewhere: Path) -> None:
    edit_product(repo, lambda d: answer(d, "gauge_export").update(status="Done"))
    commit_all(repo, "bad status")
    code, doc = run_review(repo)
    assert code == 1
    assert {"verdict", "submissions", "findings", "links", "labels", "source", "policy", "counts"} <= set(doc)
    assert doc["source"]["base"]["commit"] == git(repo, "rev-parse", "main")
    assert doc["source"]["head"]["commit"] == git(repo, "rev-parse", "HEAD")
    assert doc["verdict"] == "changes-needed" and doc["policy"] == "upstream" and doc["links"] == []
    assert doc["counts"]["error"] == sum(1 for f in doc["findings"] if f["severity"] == "error")
    (sub,) = doc["submissions"]
    req = {r["id"]: r for r in sub["requirements"]}
    assert req["gauge_export"]["status"] == "Done" and "invalid-status" in req["gauge_export"]["findings"]
    assert req["gauge_export"]["evidence"] == {"url": 1, "path": 1}
    assert all("upstream" in f for f in doc["findings"])


def test_github_annotations_and_step_summary(repo: Path, elsewhere: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    edit_product(repo, lambda d: answer(d, "gauge_export").update(status="Done"))
    commit_all(repo, "bad status")
    summary = elsewhere / "summary.md"
    summary.write_text("earlier step\n")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    code, out = run_review(repo, fmt="github")
    line = line_of(product_path(repo).read_text(), "status: Done")
    assert code == 1
    assert f"::error file={V}/acme/PRODUCT.yaml,line={line},title=invalid-status::" in out
    text = summary.read_text()
    assert text.startswith("earlier step\n") and MARKER in text


def test_sarif_is_valid_and_names_pr_checks(repo: Path, elsewhere: Path) -> None:
    (repo / V / "ghost").mkdir()
    (repo / V / "ghost" / "x.md").write_text("x\n")
    commit_all(repo, "orphan")
    code, log = run_review(repo, fmt="sarif")
    assert code == 1
    jsonschema.Draft4Validator(json.loads(SARIF_SCHEMA.read_text("utf-8"))).validate(log)
    (run,) = log["runs"]
    rules = run["tool"]["driver"]["rules"]
    (res,) = run["results"]
    assert rules[res["ruleIndex"]]["id"] == res["ruleId"] == "pr-orphan-file"


# -- exit codes and sources -----------------------------------------------------------------------


def test_usage_and_source_errors_exit_2(repo: Path, elsewhere: Path) -> None:
    result = runner.invoke(app, ["review", "--base", "no-such-ref", "-s", str(repo), "--offline"])
    assert result.exit_code == 2 and "no-such-ref" in result.output
    result = runner.invoke(app, ["review", "--base", "main", "-s", str(repo), "-f", "xml"])
    assert result.exit_code == 2
    result = runner.invoke(app, ["review", "--base", "main", "-s", str(repo), "--policy", "lenient"])
    assert result.exit_code == 2
    result = runner.invoke(app, ["review", "--base", "main", "--offline"])  # elsewhere: not the repository
    assert result.exit_code == 2 and "docs/AIConformance-X.Y.yaml" in result.output


def test_found_from_a_product_folder(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    edit_product(repo, lambda d: answer(d, "gauge_export").update(status="Done"))
    commit_all(repo, "bad status")
    monkeypatch.chdir(repo / V / "acme" / "results")
    result = runner.invoke(app, ["review", "--base", "main", "--offline", "-f", "json"])
    assert result.exit_code == 1
    assert json.loads(result.stdout)["source"]["location"] == str(repo)
    assert "head HEAD" in result.stderr and "against base main" in result.stderr


def test_shallow_clone(repo: Path, tmp_path: Path, elsewhere: Path) -> None:
    edit_product(repo, lambda d: answer(d, "gauge_export").update(status="Done"))
    commit_all(repo, "bad status")
    base = git(repo, "rev-parse", "main")
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", "--branch", "pr", f"file://{repo}", str(shallow)],
                   check=True, capture_output=True)
    result = runner.invoke(app, ["review", "--base", base, "-s", str(shallow), "--offline"])
    assert result.exit_code == 2
    assert "shallow" in result.output and "fetch-depth: 0" in result.output
    hint = f"git fetch --no-tags --depth=1 origin {base}"
    assert hint in result.output
    subprocess.run(["git", "-C", str(shallow), *hint.split()[1:]], check=True, capture_output=True)
    result = runner.invoke(app, ["review", "--base", base, "-s", str(shallow), "--offline", "-f", "json"])
    assert result.exit_code == 1 and ("invalid-status", "error") in rules_of(json.loads(result.stdout))
    deeper = tmp_path / "deeper"
    subprocess.run(["git", "clone", "-q", "--depth", "2", "--branch", "pr", f"file://{repo}", str(deeper)],
                   check=True, capture_output=True)
    result = runner.invoke(app, ["review", "--base", base, "-s", str(deeper), "--offline", "-f", "json"])
    assert result.exit_code == 1 and ("invalid-status", "error") in rules_of(json.loads(result.stdout))
    for command in (["history"], ["expiry"]):
        result = runner.invoke(app, [*command, "-s", str(deeper)])
        assert result.exit_code == 2 and "fetch-depth: 0" in result.output, command
    report = runner.invoke(app, ["report", "-s", str(deeper), "-f", "json"])
    assert report.exit_code == 0
    assert "leaves the timeline and trends out" in report.stderr and "fetch-depth: 0" in report.stderr


# -- nothing of the scanned repository runs ------------------------------------------------------


@pytest.fixture
def booby_trapped(repo: Path, tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """A checkout whose git config would run a program on fsmonitor, hooks, diff and filters."""
    proof = tmp_path / "ran"
    script = tmp_path / "trap.sh"
    script.write_text(f"#!/bin/sh\necho \"$0 $*\" >> {proof}\ncat\n")
    script.chmod(0o755)
    edit_product(repo, lambda d: answer(d, "gauge_export").update(status="Done"))
    commit_all(repo, "bad status")
    for key, value in (("core.fsmonitor", str(script)), ("diff.external", str(script)),
                       ("filter.trap.clean", str(script)), ("filter.trap.smudge", str(script)),
                       ("core.hooksPath", str(tmp_path))):
        git(repo, "config", key, value)
    (repo / ".gitattributes").write_text("* filter=trap diff=trap\n")
    git(repo, "config", "diff.trap.textconv", str(script))
    (repo / V / "acme" / "results" / "gauges.md").write_text("changed in the work tree\n")
    yield repo, proof


def test_review_runs_nothing_and_leaves_the_index(booby_trapped: tuple[Path, Path], elsewhere: Path) -> None:
    repo, proof = booby_trapped
    index = repo / ".git" / "index"
    before = index.stat().st_mtime_ns, index.read_bytes()
    code, _doc = run_review(repo)
    assert code == 1 and not proof.exists()
    assert (index.stat().st_mtime_ns, index.read_bytes()) == before


def test_validate_changed_runs_nothing_and_leaves_the_index(booby_trapped: tuple[Path, Path],
                                                             elsewhere: Path) -> None:
    repo, proof = booby_trapped
    index = repo / ".git" / "index"
    before = index.stat().st_mtime_ns, index.read_bytes()
    result = runner.invoke(app, ["validate", "-s", str(repo), "--changed", "main", "-f", "json"])
    assert result.exit_code == 1, result.output
    assert not proof.exists()
    assert (index.stat().st_mtime_ns, index.read_bytes()) == before
    assert {f["path"] for f in json.loads(result.stdout)["findings"]} == {f"{V}/acme/PRODUCT.yaml"}


def test_work_tree_changes_match_git(repo: Path) -> None:
    """The object-only comparison finds what `git status` would (on a repository with no traps)."""
    from kaic.select import changed_paths
    from kaic.source import open_source

    (repo / V / "acme" / "results" / "gauges.md").write_text("edited\n")
    (repo / V / "acme" / "new.md").write_text("untracked\n")
    (repo / "docs" / f"AIConformance-{VERSION}.yaml").unlink()
    os.symlink("results", repo / V / "acme" / "link")
    assert sorted(changed_paths(open_source(str(repo)), "main")) == sorted([
        "docs/AIConformance-3.1.yaml", f"{V}/acme/link", f"{V}/acme/new.md", f"{V}/acme/results/gauges.md"])


# -- data --------------------------------------------------------------------------------------


def test_review_data_validates_and_names_known_rules() -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    data = yaml.safe_load(DATA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator.check_schema(json.loads(RESULT_SCHEMA_PATH.read_text(encoding="utf-8")))
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(data)) == []
    checks = {c["id"] for c in data["checks"]}
    assert not checks & set(RULES)
    for label in data["labels"]:
        for rule in label["when"].get("rules", []):
            assert rule in RULES or rule in checks or rule == "kaic-internal-error", (label["name"], rule)
    names = [x["name"] for x in data["labels"]]
    assert len(names) == len(set(names))


def test_labels_are_documented_in_the_readme() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    for label in review_data().labels:
        assert f"`{label.name.replace('{version}', 'X.Y')}`" in readme, label.name


# -- the corpus ---------------------------------------------------------------------------------


@pytest.mark.corpus
def test_corpus_pull_requests(corpus_repo: GitRepo) -> None:
    """The eight merges 0642b9d..07fbf51 of the corpus's main line, each against its first parent.

    Counted with `git diff-tree -r --name-only <merge>^1 <merge>`: four merges touch one
    PRODUCT.yaml each, the others README/instructions files only. v1.35/cks, v1.34/rke2
    and v1.35/gke have a folder of the same name in an older version on the base; v1.33/jdos
    has none, and no other submission of its vendor (JD.com).
    """
    merges = corpus_repo.log("07fbf515ee4b6691f2d3b645e7af41e837554b59")[-8:]
    assert [m.oid[:7] for m in merges] == ["0642b9d", "b2cf74d", "5dcd564", "c919620",
                                          "2a4b586", "a6b6d34", "28a85be", "07fbf51"]
    expected = {
        "0642b9d": ("v1.33/jdos/PRODUCT.yaml", None),
        "2a4b586": ("v1.35/gke/PRODUCT.yaml", "v1.34/gke/PRODUCT.yaml"),
        "a6b6d34": ("v1.34/rke2/PRODUCT.yaml", "v1.33/rke2/PRODUCT.yaml"),
        "28a85be": ("v1.35/cks/PRODUCT.yaml", "v1.34/cks/PRODUCT.yaml"),
    }
    for merge in merges:
        result = review(corpus_repo, merge.parents[0], merge.oid)
        key = merge.oid[:7]
        if key in expected:
            path, earlier = expected[key]
            assert result.selection.submissions == (path,), key
            (sr,) = result.submissions
            assert (sr.previous.path if sr.previous else None) == earlier, key
            assert {f.path for f in result.findings} <= {path}, key
            assert f"release-v{path[1:5]}" in result.labels
        else:
            assert result.selection.submissions == () and result.submissions == (), key
            assert [f.rule for f in result.findings] == ["pr-no-submission"], key
            assert result.passed
    # PR #65 (GKE v1.35) was merged clean: kaic, under upstream's policy, agrees
    gke = review(corpus_repo, "c919620", "2a4b586")
    assert gke.passed and not gke.findings


# -- CI context: the repository root, folders that are not it, stale caches -------------------------


def test_a_folder_that_is_not_the_repository_is_refused(tmp_path: Path, elsewhere: Path) -> None:
    empty = tmp_path / "empty"
    (empty / "notes").mkdir(parents=True)
    result = runner.invoke(app, ["validate", "-s", str(empty)])
    assert result.exit_code == 2
    assert "is not the conformance repository" in result.output and "docs/AIConformance-X.Y.yaml" in result.output


def test_a_folder_inside_the_repository_names_it(repo: Path, elsewhere: Path) -> None:
    result = runner.invoke(app, ["validate", "-s", str(repo / V / "acme" / "results")])
    assert result.exit_code == 2 and f"inside the repository {repo}" in result.output


def test_validate_finds_the_root_from_a_product_folder(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(repo / V / "acme")
    result = runner.invoke(app, ["validate", "-f", "json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["source"]["location"] == str(repo) and [s["path"] for s in doc["submissions"]] == [
        f"{V}/acme/PRODUCT.yaml"]
    text = runner.invoke(app, ["validate"])
    assert f"kaic: reading {repo} (folder at " in text.stderr


def test_a_cached_clone_that_cannot_be_refreshed_says_so(repo: Path, tmp_path: Path, elsewhere: Path) -> None:
    url = f"file://{repo}"
    first = runner.invoke(app, ["validate", "-s", url])
    assert first.exit_code == 0 and "could not refresh" not in first.stderr
    repo.rename(tmp_path / "gone")
    second = runner.invoke(app, ["validate", "-s", url])
    assert second.exit_code == 0
    assert f"could not refresh the cached copy of {url}" in second.stderr


def test_policy_decides_the_verdict_and_the_comment_predicts_upstream(repo: Path, elsewhere: Path) -> None:
    def drop_should(d: dict[str, Any]) -> None:
        d["spec"]["telemetry"] = [a for a in d["spec"]["telemetry"] if a["id"] != "trace_hint"]

    edit_product(repo, drop_should)
    commit_all(repo, "a SHOULD left out")
    code, doc = run_review(repo)  # default: upstream, which fails a missing SHOULD
    (missing,) = [f for f in doc["findings"] if f["rule"] == "missing-requirement"]
    assert code == 1 and missing["severity"] == "error" and "trace_hint" in missing["upstream"]
    code, doc = run_review(repo, "--policy", "kaic")
    (missing,) = [f for f in doc["findings"] if f["rule"] == "missing-requirement"]
    assert code == 0 and missing["severity"] == "warning" and doc["policy"] == "kaic"
    code, md = run_review(repo, "--policy", "kaic", fmt="md")
    assert code == 0 and md.startswith("✅ **kaic review: pass**")
    assert "**Upstream CI will fail**: 1 finding below matches its checks." in md


def test_kaic_stricter_than_upstream_is_said_plainly(repo: Path, elsewhere: Path) -> None:
    product_path(repo, "beta").parent.mkdir()
    write_product(product_path(repo, "beta"), clean_product(name="beta", vendor="Beta Widgets"))
    edit_product(repo, lambda d: d["metadata"].update(platformVersion="4.3.0"))
    commit_all(repo, "two products: upstream's validator takes them, kaic asks for one per PR")
    code, md = run_review(repo, fmt="md")
    assert code == 1
    assert "Upstream CI will pass; kaic recommends fixing the blocking findings below." in md
    assert "_Upstream CI will pass this; kaic recommends the fix._" in md


@pytest.mark.corpus
def test_corpus_main_line_layout(corpus_repo: GitRepo) -> None:
    """Every merge of the corpus's main line against its first parent: no crash, and the
    layout checks fire exactly where the files say. Counted with `git diff-tree -r
    --name-only` per merge, folders cut to `vX.Y/<dir>`: two merges touch two product
    folders each (dcd972c: v1.33/openshift + v1.34/kubermatic; 0e05262: v1.33/cks +
    v1.34/cks); no merge adds a file to a product folder without PRODUCT.yaml; three add
    only a `vX.Y/.gitkeep` outside product folders (ignored, not misplaced)."""
    several: dict[str, set[str]] = {}
    layout = []
    for merge in corpus_repo.log("07fbf515ee4b6691f2d3b645e7af41e837554b59"):
        if not merge.parents:
            continue
        result = review(corpus_repo, merge.parents[0], merge.oid)
        for fmt in ("md", "sarif"):
            assert render(fmt, result)
        assert list(result_schema().iter_errors(json.loads(render("json", result)))) == []
        assert len(render("github", result).splitlines()) == len(result.findings)
        if any(f.rule == "pr-several-products" for f in result.findings):
            several[merge.oid[:7]] = set(result.selection.folders)
        layout += [f.path for f in result.findings if f.rule in ("pr-orphan-file", "pr-folder-shape")]
        if any(p.endswith("/.gitkeep") for p in result.selection.ignored):
            assert result.selection.submissions == ()
    assert several == {"dcd972c": {"v1.33/openshift", "v1.34/kubermatic"}, "0e05262": {"v1.33/cks", "v1.34/cks"}}
    assert layout == []


def test_non_utf8_file_names_in_every_format(repo: Path, elsewhere: Path) -> None:
    odd = os.fsencode(str(repo / V)) + b"/ghost-\xff"
    os.makedirs(odd)
    with open(odd + b"/notes-\xfe.md", "wb") as fh:
        fh.write(b"x\n")
    (repo / V / "acme" / "results" / "gauges.md").write_text("again\n")
    commit_all(repo, "odd names")
    for fmt in ("md", "json", "github", "sarif"):
        code, out = run_review(repo, fmt=fmt)
        assert code == 1, fmt
        text = out if isinstance(out, str) else json.dumps(out, ensure_ascii=False).replace("\\\\", "\\")
        assert "ghost-\\xff" in text, fmt  # the byte shown as \xff, never a crash


def test_each_finding_says_what_upstream_does(repo: Path, elsewhere: Path) -> None:
    (repo / V / "ghost").mkdir()
    (repo / V / "ghost" / "x.md").write_text("x\n")  # pr-orphan-file: upstream does not check it
    edit_product(repo, lambda d: answer(d, "gauge_export").update(status="Done"))  # upstream fails it
    commit_all(repo, "two kinds")
    code, doc = run_review(repo)
    verdicts = {f["rule"]: f["upstream_verdict"] for f in doc["findings"]}
    assert code == 1 and verdicts == {"invalid-status": "fails", "pr-orphan-file": "not-checked"}
    code, md = run_review(repo, fmt="md")
    orphan = next(line for line in md.splitlines() if "pr-orphan-file" in line)
    status = next(line for line in md.splitlines() if "`invalid-status`" in line and line.startswith("- "))
    assert orphan.endswith("_Upstream CI does not check this._")
    assert "_Upstream CI fails this too:_" in status


JUNIT = """<testsuites><testsuite name="widgets" tests="2" failures="1">
<testcase classname="widgets" name="TestWidgetSharing" time="1.0"/>
<testcase classname="widgets" name="TestGaugeExport" time="1.0"><failure message="no gauges"/></testcase>
</testsuite></testsuites>
"""


def test_test_artifact_results_per_requirement(repo: Path, elsewhere: Path) -> None:
    (repo / V / "acme" / "junit.xml").write_text(JUNIT)
    clean = JUNIT.replace('failures="1"', 'failures="0"').replace('<failure message="no gauges"/>', "")
    (repo / V / "acme" / "results" / "clean.xml").write_text(clean)
    edit_product(repo, lambda d: (answer(d, "widget_sharing")["evidence"].append("results/clean.xml#TestWidgetSharing"),
                                  answer(d, "gauge_export")["evidence"].append("file://junit.xml#TestGaugeExport")))
    commit_all(repo, "test artifacts")
    code, doc = run_review(repo)
    (sub,) = doc["submissions"]
    backing = {r["id"]: r["artifacts"] for r in sub["requirements"]}
    assert backing == {"widget_sharing": "verified", "dra_claims": "self-assessed",
                       "gauge_export": "failing", "trace_hint": "self-assessed"}
    assert code == 1
    code, md = run_review(repo, fmt="md")
    row = next(line for line in md.splitlines() if line.startswith("| `gauge_export`"))
    assert "failing" in row


def test_pull_request_checks_are_listed_and_documented_by_kaic_rules() -> None:
    checks = review_data().checks
    listed = runner.invoke(app, ["rules"])  # piped: one tab-separated line per rule
    assert listed.exit_code == 0
    rows = {line.split("\t")[0]: line.split("\t") for line in listed.stdout.splitlines()}
    for check in checks.values():
        assert rows[check.id][1] == check.severity.value and rows[check.id][-1] == check.summary
    shown = runner.invoke(app, ["rules", "PR-No-Checklist"], env={"COLUMNS": "300"})
    assert shown.exit_code == 0
    assert checks["pr-no-checklist"].hint in shown.stdout and "fails the submission" in shown.stdout
    assert (checks["pr-no-checklist"].upstream_message or "-") in shown.stdout


# -- CLI conventions: envelope, --select, --ignore, --fail-on ---------------------------------


def bad_status_and_two_products(repo: Path) -> None:
    """An invalid status (an error) and a second product (pr-several-products, an error)."""
    edit_product(repo, lambda d: answer(d, "gauge_export").update(status="Done"))
    product_path(repo, "beta").parent.mkdir()
    write_product(product_path(repo, "beta"), clean_product(name="beta", vendor="Beta Widgets"))
    commit_all(repo, "bad status, two products")


def test_json_carries_the_common_envelope(repo: Path, elsewhere: Path) -> None:
    bad_status_and_two_products(repo)
    code, doc = run_review(repo)  # checked against both schemas
    assert code == 1
    assert list(doc)[:5] == ["kind", "schema_version", "kaic_version", "source", "summary"]
    assert doc["kind"] == "kaic-review"
    assert doc["source"]["kind"] == "git" and doc["source"]["location"] == str(repo)
    assert doc["source"]["commit"] == doc["source"]["head"]["commit"] == git(repo, "rev-parse", "HEAD")
    assert doc["source"]["origin"] != str(repo)  # a local path is never published
    summary = doc["summary"]
    assert summary["verdict"] == doc["verdict"] == "changes-needed" and summary["fail_on"] == "error"
    assert summary["submissions"] == 2 and summary["findings"] == len(doc["findings"])
    assert summary["error"] == sum(1 for f in doc["findings"] if f["severity"] == "error") >= 2


def test_select_and_ignore_take_rules_and_pull_request_checks(repo: Path, elsewhere: Path) -> None:
    bad_status_and_two_products(repo)
    _, everything = run_review(repo)
    assert {"invalid-status", "pr-several-products"} <= {r for r, _ in rules_of(everything)}
    code, doc = run_review(repo, "--select", "pr-several-products")
    assert code == 1 and {r for r, _ in rules_of(doc)} == {"pr-several-products"}
    code, doc = run_review(repo, "--select", "INVALID-STATUS")  # any case
    assert code == 1 and {r for r, _ in rules_of(doc)} == {"invalid-status"}
    code, doc = run_review(repo, "--ignore", "invalid-status,pr-several-products")
    assert not {"invalid-status", "pr-several-products"} & {r for r, _ in rules_of(doc)}
    assert len(doc["findings"]) == len(everything["findings"]) - 2
    result = runner.invoke(app, ["review", "--base", "main", "-s", str(repo), "--offline", "--select", "pr-several-product"])
    assert result.exit_code == 2 and "pr-several-products" in result.output  # suggested


def test_fail_on_sets_the_verdict_and_the_exit_code(repo: Path, elsewhere: Path) -> None:
    (repo / "docs" / f"AIConformance-{VERSION}.yaml").write_text(
        (repo / "docs" / f"AIConformance-{VERSION}.yaml").read_text() + "\n")
    commit_all(repo, "checklist touched")  # pr-checklist-edited (warning), pr-no-submission (info)
    code, doc = run_review(repo)
    assert code == 0 and doc["verdict"] == "pass" and doc["counts"]["error"] == 0
    assert doc["counts"]["warning"] >= 1
    code, doc = run_review(repo, "--fail-on", "warning")
    assert code == 1 and doc["verdict"] == doc["summary"]["verdict"] == "changes-needed"
    assert doc["fail_on"] == "warning"
    code, md = run_review(repo, "--fail-on", "WARNING", fmt="md")
    assert code == 1 and "changes needed" in md
    assert {r for r, s in rules_of(doc) if s == "warning"} == {"pr-checklist-edited"}
    code, doc = run_review(repo, "--fail-on", "warning", "--ignore", "pr-checklist-edited")
    assert code == 0 and doc["verdict"] == "pass" and doc["counts"]["warning"] == 0
    code, doc = run_review(repo, "--fail-on", "info")  # a warning is more severe than info
    assert code == 1 and doc["verdict"] == "changes-needed"
    result = runner.invoke(app, ["review", "--base", "main", "-s", str(repo), "--offline", "--fail-on", "fatal"])
    assert result.exit_code == 2
    result = runner.invoke(app, ["review", "--base", "main", "-s", str(repo), "--offline", "-f", "JSON"])
    assert result.exit_code == 0 and json.loads(result.stdout)["kind"] == "kaic-review"
