"""The command-line conventions (issue 14): global options, -f/-o, the JSON envelope, rule
selection, accepted findings, messages that point the right way, words."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner

from kaic.accept import parse_suppressions
from kaic.cli import IMPORTANCE, app
from kaic.report.terminal import summary_text
from kaic.rules import Finding, Severity
from kaic.source.origin import public_origin, strip_credentials
from kaic.words import plural

from .conftest import ROOT, find_corpus, in_ci
from .fixtures.builder import (
    VERSION,
    answer,
    clean_product,
    commit_all,
    git,
    git_init,
    line_of,
    product_text,
    write_repo,
)

runner = CliRunner()
V = f"v{VERSION}"
ANSI = re.compile(r"\x1b\[[0-9;]*m")
ENVELOPE = json.loads((ROOT / "src/kaic/data/schemas/envelope.schema.json").read_text(encoding="utf-8"))
BETA_ERROR = "must-not-implemented"  # what beta's Not Implemented MUST answer yields
GAMMA_WARNING = "logo-format"


def beta_product() -> dict[str, Any]:
    beta = clean_product(name="beta", vendor="Beta")
    answer(beta, "gauge_export")["status"] = "Not Implemented"
    return beta


def gamma_product() -> dict[str, Any]:
    gamma = clean_product(name="gamma", vendor="Gamma")
    gamma["metadata"]["productLogoUrl"] = "https://gamma.example.com/logo.png"
    return gamma


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """acme clean, beta with one error, gamma with one warning."""
    return write_repo(tmp_path / "repo", {f"{V}/acme": clean_product(), f"{V}/beta": beta_product(),
                                          f"{V}/gamma": gamma_product()})


@pytest.fixture
def git_repo(tmp_path: Path) -> Path:
    """Two commits: `first` with acme, then HEAD adding beta; an origin URL with a token."""
    root = write_repo(tmp_path / "gitrepo", {f"{V}/acme": clean_product()})
    git_init(root)
    git(root, "remote", "add", "origin", "https://someone:s3cret@git.example.com/org/conformance.git")
    commit_all(root, "first")
    git(root, "tag", "first")
    write_repo(root, {f"{V}/beta": beta_product()})
    commit_all(root, "second")
    return root


def invoke(*args: str, **kwargs: Any) -> Any:
    return runner.invoke(app, list(args), **kwargs)


def valid_envelope(doc: dict[str, Any], kind: str) -> None:
    jsonschema.validate(doc, ENVELOPE)
    assert doc["kind"] == kind
    assert list(doc)[:5] == ["kind", "schema_version", "kaic_version", "source", "summary"]


# -- global options -------------------------------------------------------------------------------


def test_version_and_short_help() -> None:
    from kaic import __version__

    assert invoke("--version").stdout == f"kaic {__version__}\n"
    short, long = invoke("-h"), invoke("--help")
    assert short.exit_code == 0 and short.stdout == long.stdout
    assert "validate" in short.stdout and "--install-completion" in short.stdout  # completion switched on
    assert invoke("validate", "-h").exit_code == 0


def test_help_wraps_at_80_columns_and_lists_commands_by_importance() -> None:
    for args in (["-h"], ["validate", "-h"], ["report", "-h"], ["diff", "-h"]):
        text = ANSI.sub("", invoke(*args, terminal_width=200).stdout)
        assert max(len(line) for line in text.splitlines()) <= 80, args
    text = invoke("-h").stdout
    listed = [name for name in re.findall(r"│ (\w+) ", text) if name in IMPORTANCE]
    assert listed[0] == "validate" and listed == sorted(listed, key=IMPORTANCE.index)


def test_quiet_silences_the_stderr_notes(tmp_path: Path) -> None:
    loud = invoke("report", "-s", "sample", "--no-history", "-f", "json", "-o", str(tmp_path / "a.json"))
    quiet = invoke("--quiet", "report", "-s", "sample", "--no-history", "-f", "json",
                   "-o", str(tmp_path / "b.json"))
    assert loud.exit_code == quiet.exit_code == 0
    assert "wrote 1 file to" in loud.stderr and quiet.stderr == ""


def test_global_flags_after_the_command_count_too(tmp_path: Path) -> None:
    from kaic.cli import global_flags_first

    assert global_flags_first(["validate", "-q", "-f", "json"]) == ["-q", "validate", "-f", "json"]
    assert global_flags_first(["report", "--no-color", "--", "-q"]) == ["--no-color", "report", "--", "-q"]
    env = {**os.environ, "KAIC_NO_CACHE": "1"}
    done = subprocess.run([sys.executable, "-m", "kaic", "report", "-s", "sample", "--no-history", "-f", "json",
                           "-o", str(tmp_path / "c.json"), "-q"], capture_output=True, text=True, env=env,
                          cwd=tmp_path, timeout=300)
    assert done.returncode == 0 and done.stderr == "" and (tmp_path / "c.json").is_file()


def test_color_flags_and_no_color(repo: Path) -> None:
    forced = invoke("--color", "validate", "-s", str(repo))
    assert "\x1b[31merror" in forced.stdout
    assert "\x1b[" not in invoke("--no-color", "validate", "-s", str(repo)).stdout
    # NO_COLOR wins over a terminal; --color wins over NO_COLOR
    assert "\x1b[" not in invoke("validate", "-s", str(repo), env={"NO_COLOR": "1"}, color=True).stdout
    assert "\x1b[" in invoke("--color", "validate", "-s", str(repo), env={"NO_COLOR": "1"}).stdout


# -- -f and -o -------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", [["validate"], ["report", "--no-history"], ["catalog"], ["rules"]])
def test_f_is_format_everywhere(command: list[str]) -> None:
    args = [*command] if command[0] in ("catalog", "rules") else [*command, "-s", "sample"]
    result = invoke(*args, "-f", "json")
    assert json.loads(result.stdout)["kind"].startswith("kaic-")
    wrong = invoke(*args, "-f", "jsn")
    assert wrong.exit_code == 2 and "did you mean 'json'" in wrong.stderr


def test_out_is_a_file_for_one_output_and_a_folder_for_several(tmp_path: Path) -> None:
    page = tmp_path / "dash.html"
    assert invoke("report", "-s", "sample", "--no-history", "-f", "html", "-o", str(page)).exit_code == 0
    assert page.is_file() and page.read_text(encoding="utf-8").startswith("<!doctype html>")
    folder = tmp_path / "tables"
    assert invoke("report", "-s", "sample", "--no-history", "-f", "csv", "-o", str(folder)).exit_code == 0
    assert folder.is_dir() and (folder / "matrix.csv").is_file()
    several = invoke("report", "-s", "sample", "--no-history", "-f", "csv", "-o", str(page))
    assert several.exit_code == 2 and "must be a folder" in several.stderr
    assert invoke("report", "-s", "sample", "-f", "md,json").exit_code == 2  # several, no --out


def test_out_under_a_file_names_the_real_problem(tmp_path: Path) -> None:
    blocker = tmp_path / "passwd"
    blocker.write_text("x", encoding="utf-8")
    result = invoke("validate", "-s", "sample", "-o", str(blocker / "x"))
    assert result.exit_code == 2
    assert f"{blocker} is a file, not a folder" in result.stderr and "File exists" not in result.stderr


# -- one JSON envelope ------------------------------------------------------------------------------


def test_every_json_output_has_the_envelope(repo: Path, git_repo: Path, tmp_path: Path) -> None:
    valid_envelope(json.loads(invoke("validate", "-s", str(repo), "-f", "json").stdout), "kaic-validate")
    report = json.loads(invoke("report", "-s", "sample", "--no-history", "-f", "json").stdout)
    valid_envelope(report, "kaic-report")
    base = tmp_path / "base.json"
    assert invoke("baseline", "-s", str(git_repo), "-r", "first", "-o", str(base)).exit_code == 0
    valid_envelope(json.loads(base.read_text(encoding="utf-8")), "kaic-baseline")
    diff = json.loads(invoke("diff", str(base), "HEAD", "-s", str(git_repo), "-f", "json").stdout)
    valid_envelope(diff, "kaic-diff")
    assert diff["summary"]["added"] == 1 and diff["summary"]["differences"] is True
    history = json.loads(invoke("history", "-s", str(git_repo), "--no-components", "-f", "json").stdout)
    valid_envelope(history, "kaic-history")
    assert history["summary"]["certifications"] == 2
    expiry = json.loads(invoke("expiry", "-s", str(git_repo), "-f", "json").stdout)
    valid_envelope(expiry, "kaic-expiry")
    valid_envelope(json.loads(invoke("catalog", "-f", "json").stdout), "kaic-catalog")
    rules = json.loads(invoke("rules", "-f", "json").stdout)
    valid_envelope(rules, "kaic-rules")
    assert rules["summary"]["rules"] == len(rules["rules"]) and GAMMA_WARNING in {r["id"] for r in rules["rules"]}
    accepted = tmp_path / "accepted.json"
    invoke("validate", "-s", str(repo), "--write-baseline", str(accepted))
    valid_envelope(json.loads(accepted.read_text(encoding="utf-8")), "kaic-accepted")


def test_validate_summary_counts(repo: Path) -> None:
    doc = json.loads(invoke("validate", "-s", str(repo), "-f", "json").stdout)
    assert doc["summary"] == {"submissions": 3, "failing": 1, "error": 1, "warning": 1, "info": 0, "suppressed": 0}


# -- rule selection -----------------------------------------------------------------------------------


def rules_found(result: Any) -> set[str]:
    return {f["rule"] for f in json.loads(result.stdout)["findings"]}


def test_select_ignore_and_fail_on(repo: Path) -> None:
    assert rules_found(invoke("validate", "-s", str(repo), "-f", "json")) == {BETA_ERROR, GAMMA_WARNING}
    only = invoke("validate", "-s", str(repo), "-f", "json", "--select", GAMMA_WARNING.upper())
    assert rules_found(only) == {GAMMA_WARNING} and only.exit_code == 0
    rest = invoke("validate", "-s", str(repo), "-f", "json", "--ignore", f"{BETA_ERROR},{GAMMA_WARNING}")
    assert rules_found(rest) == set() and rest.exit_code == 0
    assert invoke("validate", "-s", str(repo), "--select", GAMMA_WARNING).exit_code == 0
    assert invoke("validate", "-s", str(repo), "--select", GAMMA_WARNING, "--fail-on", "warning").exit_code == 1
    assert invoke("validate", "-s", str(repo), f"{V}/acme", "--fail-on", "info").exit_code == 0
    bad = invoke("validate", "-s", str(repo), "--select", "logo-formt")
    assert bad.exit_code == 2 and "unknown rule 'logo-formt'" in bad.stderr and "did you mean 'logo-format'" in bad.stderr
    bad = invoke("validate", "-s", str(repo), "--fail-on", "warn")
    assert bad.exit_code == 2 and "did you mean 'warning'" in bad.stderr


# -- accepted findings -------------------------------------------------------------------------------


def test_suppression_comments_parse() -> None:
    text = ("# kaic: ignore[logo-format] the logo is a PNG on purpose\n"
            "metadata:\n"
            "  a: b  # kaic: ignore[Na-On-Must, evidence-missing] reviewed in #12\n"
            "  # kaic: ignore[metadata-placeholder]\n"
            "  c: d\n"
            "  e: f # kaic:ignore[]\n")
    supp = parse_suppressions(text)
    assert supp.whole_file == {"logo-format": "the logo is a PNG on purpose"}
    assert supp.by_line == {3: {"na-on-must": "reviewed in #12", "evidence-missing": "reviewed in #12"},
                            5: {"metadata-placeholder": ""}}

    def finding(rule: str, line: int | None) -> Finding:
        return Finding(rule, Severity.ERROR, "p", line, None, "m", "h")

    assert supp.covers(finding("logo-format", None)) and supp.covers(finding("na-on-must", 3))
    assert not supp.covers(finding("na-on-must", 4)) and not supp.covers(finding("metadata-placeholder", 6))


def test_inline_suppression_in_product_yaml(repo: Path) -> None:
    path = repo / V / "beta" / "PRODUCT.yaml"
    text = product_text(beta_product())
    line = line_of(text, "status: Not Implemented")
    lines = text.splitlines()
    lines[line - 1] += f"  # kaic: ignore[{BETA_ERROR}] reviewed: the gauges ship next release"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = invoke("validate", "-s", str(repo), "-f", "json")
    assert rules_found(result) == {GAMMA_WARNING} and result.exit_code == 0
    assert json.loads(result.stdout)["summary"]["suppressed"] == 1
    text_out = invoke("validate", "-s", str(repo)).stdout
    assert "(1 more suppressed or accepted)" in text_out.splitlines()[-1]


def test_baseline_reports_only_new_findings(repo: Path, tmp_path: Path) -> None:
    accepted = tmp_path / "accepted.json"
    first = invoke("validate", "-s", str(repo), "--write-baseline", str(accepted))
    assert first.exit_code == 1 and "wrote 2 accepted findings" in first.stderr
    again = invoke("validate", "-s", str(repo), "--baseline", str(accepted), "-f", "json")
    assert again.exit_code == 0 and rules_found(again) == set()
    # a new finding in acme: reported; the accepted ones stay quiet even when lines move
    acme = clean_product()
    answer(acme, "widget_sharing")["status"] = "Not Implemented"
    (repo / V / "acme" / "PRODUCT.yaml").write_text("# moved\n\n" + product_text(acme), encoding="utf-8")
    gamma = repo / V / "gamma" / "PRODUCT.yaml"
    gamma.write_text("\n\n" + gamma.read_text(encoding="utf-8"), encoding="utf-8")
    new = invoke("validate", "-s", str(repo), "--baseline", str(accepted), "-f", "json")
    data = json.loads(new.stdout)
    assert new.exit_code == 1 and [f["path"] for f in data["findings"]] == [f"{V}/acme/PRODUCT.yaml"]
    assert data["summary"]["suppressed"] == 2
    # writing again with --baseline keeps the accepted findings and adds the new one
    again_file = tmp_path / "again.json"
    invoke("validate", "-s", str(repo), "--baseline", str(accepted), "--write-baseline", str(again_file))
    assert json.loads(again_file.read_text(encoding="utf-8"))["summary"]["accepted"] == 3
    assert invoke("validate", "-s", str(repo), "--baseline", str(again_file)).exit_code == 0
    broken = tmp_path / "broken.json"
    broken.write_text('{"kind": ', encoding="utf-8")
    bad = invoke("validate", "-s", str(repo), "--baseline", str(broken))
    assert bad.exit_code == 2 and f"{broken}:1:" in bad.stderr


# -- diff and expiry for scheduled jobs ---------------------------------------------------------------


def test_diff_exit_code_and_verbose(git_repo: Path) -> None:
    same = invoke("diff", "HEAD", "HEAD", "-s", str(git_repo), "--exit-code")
    assert same.exit_code == 0 and "No differences." in same.stdout
    changed = invoke("diff", "first", "HEAD", "-s", str(git_repo), "--exit-code")
    assert changed.exit_code == 1 and f"+ {V}/beta/PRODUCT.yaml" in changed.stdout
    assert invoke("diff", "first", "HEAD", "-s", str(git_repo)).exit_code == 0  # without --exit-code
    assert "--verbose" in changed.stdout


def test_diff_counts_by_default_details_with_verbose() -> None:
    from kaic.baseline import RENDER

    delta = {
        "old": {"location": "o"}, "new": {"location": "n"},
        "totals": {"old": {"submissions": 1, "vendors": 1}, "new": {"submissions": 1, "vendors": 1}},
        "versions": {"added": [], "removed": []}, "checklists": [],
        "submissions": {"added": [], "removed": [], "unchanged": 0, "changed": [
            {"path": "v1/a/PRODUCT.yaml", "vendor": "A", "platform": "P", "notes": [], "metadata": [],
             "evidence": [], "statuses": [{"requirement": "r1", "old": "Implemented", "new": "N/A"}]}]},
        "components": {"available": True, "submissions": [], "projects": [
            {"name": "Kueue", "repo": "kubernetes-sigs/kueue", "old": 1, "new": 3,
             "added": ["v1/b/PRODUCT.yaml", "v1/c/PRODUCT.yaml"], "removed": []}]},
    }
    short, full = RENDER["text"](delta, False), RENDER["text"](delta, True)
    assert "Kueue (kubernetes-sigs/kueue): 1 -> 3 stacks (+2 -0)" in short
    assert "v1/b/PRODUCT.yaml" not in short and "status r1" not in short
    assert "    + v1/b/PRODUCT.yaml" in full and "status r1: Implemented -> N/A" in full


def test_diff_on_a_source_without_git_blames_the_right_thing() -> None:
    result = invoke("diff", "-s", "sample", "a", "b")
    assert result.exit_code == 2
    assert "--ref" not in result.stderr and "'a' is not a file" in result.stderr and "no git refs" in result.stderr


def test_expiry_within_months_and_exit_code(git_repo: Path) -> None:
    # both certified on the commits' day; they expire a year later
    soon = invoke("expiry", "-s", str(git_repo), "--within", "13m", "--exit-code")
    assert soon.exit_code == 1 and "expiring within 390 days" in soon.stdout
    quiet = invoke("expiry", "-s", str(git_repo), "--within", "1m", "--exit-code")
    assert quiet.exit_code == 0 and "expiring within 30 days" in quiet.stdout
    assert invoke("expiry", "-s", str(git_repo), "--within", "1x").exit_code == 2


def test_history_text_format(git_repo: Path) -> None:
    result = invoke("history", "-s", str(git_repo), "--no-components")
    assert result.exit_code == 0 and not result.stdout.startswith("#")
    assert "2 certifications: 2 current" in result.stdout
    assert f"{V}/beta/PRODUCT.yaml" in result.stdout and "s3cret" not in result.stdout
    assert "Commits:" in invoke("history", "-s", str(git_repo), "--no-components", "-v").stdout


# -- configuration and rules messages -----------------------------------------------------------------


@pytest.mark.parametrize(("text", "message"), [
    ("rules:\n\tlogo-format: off\n", ":2:1: tabs are not allowed"),
    ("rules:\n  logo-format: [off\n", ":3:1: "),
    ("rule:\n  logo-format: off\n", "unknown key 'rule'; did you mean 'rules'?"),
    ("rules:\n  logo-formats: off\n", "unknown rule 'logo-formats'; did you mean 'logo-format'?"),
])
def test_config_errors_are_one_line(repo: Path, tmp_path: Path, text: str, message: str) -> None:
    cfg = tmp_path / "kaic.yaml"
    cfg.write_text(text, encoding="utf-8")
    result = invoke("validate", "-s", str(repo), "--config", str(cfg))
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("kaic: error:")]
    assert len(errors) == 1  # one line, after the line naming the source read
    first = errors[0]
    assert first.startswith(f"kaic: error: {cfg}") and message in first


def test_rules_lookup_ignores_case_and_suggests() -> None:
    assert invoke("rules", GAMMA_WARNING.upper()).stdout.startswith(GAMMA_WARNING)
    wrong = invoke("rules", "logo-fromat")
    assert wrong.exit_code == 2 and "did you mean 'logo-format'" in wrong.stderr


# -- first run, published headers, words ----------------------------------------------------------------


def test_report_summary_for_a_terminal_and_markdown_for_pipes() -> None:
    piped = invoke("report", "-s", "sample", "--no-history")
    assert piped.stdout.startswith("# Kubernetes AI Conformance report")
    data = json.loads(invoke("report", "-s", "sample", "--no-history", "-f", "json").stdout)
    text = summary_text(data)
    assert len(text.splitlines()) < 20 and "-o report.md" in text
    assert f"{len(data['submissions'])} submissions" in text


@pytest.mark.skipif(sys.platform == "win32", reason="needs script(1)")
def test_report_on_a_real_terminal_prints_the_summary() -> None:
    if subprocess.run(["sh", "-c", "command -v script"], capture_output=True).returncode != 0:
        pytest.skip("script(1) is not installed")
    kaic = Path(sys.executable).with_name("kaic")
    done = subprocess.run(["script", "-qec", f"{kaic} report -s sample --no-history", "/dev/null"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0
    assert "-f html -o report.html" in done.stdout and "## " not in done.stdout


def test_inventory_hint_names_what_the_source_has(git_repo: Path) -> None:
    sample_md = invoke("report", "-s", "sample", "--no-history").stdout
    hint = next(line for line in sample_md.splitlines() if "To see what changed" in line)
    assert " main" not in hint and "kaic baseline -o later.json" in hint
    git_md = invoke("report", "-s", str(git_repo), "--no-history").stdout
    hint = next(line for line in git_md.splitlines() if "To see what changed" in line)
    assert " main" not in hint and "HEAD" in hint


def test_published_headers_show_the_origin_not_a_local_path(git_repo: Path, tmp_path: Path) -> None:
    md = invoke("report", "-s", str(git_repo), "--no-history").stdout
    assert "git.example.com/org/conformance.git" in md
    assert str(git_repo) not in md and "s3cret" not in md and "someone" not in md
    page = tmp_path / "page.html"
    invoke("report", "-s", str(git_repo), "--no-history", "-f", "html", "-o", str(page))
    html = page.read_text(encoding="utf-8")
    assert "git.example.com/org/conformance.git" in html and str(git_repo) not in html and "s3cret" not in html
    titled = invoke("report", "-s", str(git_repo), "--no-history", "--title", "Upstream, March").stdout
    assert "Repository state: Upstream, March" in titled


def test_origin_helpers() -> None:
    assert strip_credentials("https://u:tok@host.example/a/b.git?token=x#f") == "https://host.example/a/b.git"
    assert strip_credentials("git@github.com:cncf/k8s-ai-conformance.git") == "github.com:cncf/k8s-ai-conformance.git"
    assert public_origin("sample", "sample") == "sample"
    assert public_origin("/home/someone/private/checkout", "directory") == "checkout"


def test_csv_writes_booleans_and_versions_one_way(tmp_path: Path) -> None:
    folder = tmp_path / "csv"
    assert invoke("report", "-s", "sample", "--no-history", "-f", "csv", "-o", str(folder)).exit_code == 0
    booleans: set[str] = set()
    for path in folder.glob("*.csv"):
        rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
        for header_index, name in enumerate(rows[0]):
            cells = {row[header_index] for row in rows[1:] if len(row) > header_index}
            assert not cells & {"True", "False", "None"}, (path.name, name)
            if name == "version" and "path" in rows[0]:  # a version folder: its number, no "v"
                where = rows[0].index("path")
                assert all(row[header_index] == row[where].split("/")[0][1:] for row in rows[1:]), path.name
            if cells and cells <= {"true", "false", ""}:
                booleans |= cells
            if name in ("versions", "products", "platforms", "submissions") and any(";" in c for c in cells):
                assert all(" " not in c.replace("; ", ";") for c in cells if name == "versions"), (path.name, name)
    assert booleans >= {"true", "false"}


def test_plurals_and_words(repo: Path) -> None:
    assert (plural(1, "submission"), plural(2, "submission"), plural(0, "entry")) == (
        "1 submission", "2 submissions", "0 entries")
    one = invoke("validate", "-s", str(repo), f"{V}/acme").stdout
    assert one.splitlines()[-1] == "1 submission checked, 0 with errors: 0 errors, 0 warnings, 0 info (policy kaic)"
    assert "(s)" not in invoke("report", "-s", "sample", "--no-history").stdout


# -- the corpus bundle in tests ----------------------------------------------------------------------------


def test_corpus_location_and_ci(tmp_path: Path) -> None:
    assert find_corpus({"KAIC_CORPUS": str(tmp_path / "none.bundle")}, ROOT) is None
    bundle = tmp_path / "x.bundle"
    bundle.write_bytes(b"")
    assert find_corpus({"KAIC_CORPUS": str(bundle)}, ROOT) == bundle
    assert find_corpus({}, tmp_path / "repo") is None
    assert in_ci({"CI": "true"}) and not in_ci({}) and not in_ci({"CI": "false"})


@pytest.mark.parametrize(("ci", "outcome"), [("", "skipped"), ("true", "error")])
def test_corpus_tests_skip_without_the_bundle_except_in_ci(ci: str, outcome: str, tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "KAIC_CORPUS": str(tmp_path / "absent.bundle"),
           "CI": ci}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:randomly",
         "tests/test_corpus_validate.py::test_every_submission_loads"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    tail = done.stdout.strip().splitlines()[-1]
    assert f"2 {outcome}" in tail or (outcome == "error" and "2 errors" in tail), done.stdout[-2000:]
    if outcome == "skipped":
        assert done.returncode == 0
        assert "corpus bundle absent" in subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider",
             "tests/test_corpus_validate.py::test_every_submission_loads"],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=300).stdout
    else:
        assert done.returncode != 0 and "corpus bundle is missing" in done.stdout


def test_a_tab_in_product_yaml_names_the_column(tmp_path: Path) -> None:
    text = product_text(clean_product())
    lines = text.splitlines()
    line = line_of(text, "platformName:")
    lines[line - 1] = "\t" + lines[line - 1].lstrip()
    root = write_repo(tmp_path / "r", {f"{V}/acme": "\n".join(lines) + "\n"})
    found = json.loads(invoke("validate", "-s", str(root), "-f", "json").stdout)["findings"]
    assert [(f["rule"], f["line"]) for f in found] == [("yaml-invalid", line)]
    assert "tabs are not allowed" in found[0]["message"] and "(column 1)" in found[0]["message"]


@pytest.mark.parametrize("args", [["report", "-s", "sample", "--no-history", "-f", "json", "--vendor-groups"],
                                  ["catalog", "--check", "--file"], ["catalog", "--file"]])
def test_yaml_errors_in_data_files_are_one_line(tmp_path: Path, args: list[str]) -> None:
    bad = tmp_path / "data.yaml"
    bad.write_text("groups:\n  - id: x\n\tname: y\n", encoding="utf-8")
    result = invoke(*args, str(bad))
    assert result.exit_code in (1, 2)
    text = (result.stderr + result.stdout).strip().splitlines()
    line = next(t for t in text if str(bad) in t)
    assert f"{bad}:3:1: " in line and "tabs are not allowed" in line


def test_artifacts_json_has_the_envelope(tmp_path: Path) -> None:
    from .fixtures.artifacts import Run

    junit = tmp_path / "junit.xml"
    junit.write_text(Run().add("TestA", "pass", 2).add("TestB", "fail", 1).junit(), encoding="utf-8")
    result = invoke("artifacts", str(junit), "-f", "json")
    doc = json.loads(result.stdout)
    valid_envelope(doc, "kaic-artifacts")
    assert result.exit_code == 1 and doc["summary"] == {"files": 1, "failing": 1, "passed": 1, "failed": 1,
                                                        "skipped": 0}
    assert invoke("artifacts", str(junit), "-f", "jsn").exit_code == 2
