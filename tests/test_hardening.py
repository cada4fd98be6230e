"""Hardening (issue 11): every output channel safe, every input bounded in time and memory.

One block per class of the issue; each has the attack that broke kaic before and the
clean case beside it. End-to-end checks run the real command line in a child process.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import typer
import yaml

from kaic._yaml import MAX_EXPANDED_BYTES, YamlError, load, plain
from kaic.channels import json_text, terminal
from kaic.history.dates import day_of, one_year_after
from kaic.report.escape import CSV_DIALECT, csv_row, md_text
from kaic.report.markup import submission_anchor
from kaic.source import SourceInfo, public_location, without_credentials
from kaic.source.git import LATEST_DATE, commit_date

from .fixtures.builder import (
    VERSION,
    answer,
    checklist_text,
    clean_product,
    commit_all,
    dump,
    git,
    git_init,
    write_repo,
)

V = f"v{VERSION}"
# What a stranger puts in a pull request to forge terminal output: erase the line and
# write another, set the title, write the clipboard (OSC 52), a C1 CSI, a bidi override.
FORGE = "\x1b[2K\rwidget_sharing: Implemented -> Not Implemented"
OSC = "\x1b]0;pwned\x07\x1b]52;c;cHduZWQ=\x07"
C1 = "\x9b31m\x85"
BIDI = "\u202eevil\u202c"
HOSTILE = f"{FORGE} {OSC} {C1} {BIDI} \u2028 ping @octocat #12 octo/repo#34"
UNSAFE_FOR_TERMINAL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
RAW_IN_JSON = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def kaic(*args: str, cwd: Path | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kaic", *args], capture_output=True, text=True,
                          timeout=timeout, cwd=cwd, stdin=subprocess.DEVNULL)


def hostile_product(name: str = "acme") -> dict[str, Any]:
    product = clean_product(name=name, vendor=f"Acme {HOSTILE}")
    product["metadata"]["platformName"] = HOSTILE
    answer(product, "gauge_export")["evidence"] = [f"https://acme.example.com/e?{HOSTILE}"]
    a = answer(product, "trace_hint")  # N/A with notes: the notes reach the gap tables and their CSV
    a["status"] = "N/A"
    a["notes"] = f"=HYPERLINK(\"https://x.example\")\r=cmd|' /C calc'!A0\n@SUM(1+1)\tnext;-2+3 \uff1d1 {HOSTILE}"
    return product


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two commits: a clean submission, then the hostile text everywhere (and a checklist edit)."""
    root = tmp_path_factory.mktemp("harden") / "repo"
    write_repo(root, {f"{V}/acme": clean_product()})
    git_init(root)
    commit_all(root, "clean")
    edited = checklist_text().replace("level: SHOULD", "level: '![x](https://beacon.example/p.png) @octocat'", 1)
    edited = edited.replace("telemetry:", "'<img src=https://beacon.example/c.png>':", 1)
    write_repo(root, {f"{V}/acme": hostile_product(), f"{V}/acme-ai": clean_product(name="acme-ai"),
                      f"{V}/acme--ai": clean_product(name="acme--ai", vendor="Other Vendor"),
                      f"{V}/acme-ai-h": clean_product(name="acme-ai-h", vendor="Third Vendor")},
               checklists={VERSION: edited})
    commit_all(root, "hostile")
    return root


# -- 1. terminal output -----------------------------------------------------------------

def test_terminal_escapes_every_control_a_terminal_acts_on() -> None:
    shown = terminal(HOSTILE)
    assert not UNSAFE_FOR_TERMINAL.search(shown)
    assert "\\u001b[2K\\u000dwidget_sharing" in shown and "\\u009b31m" in shown and "\\u202eevil" in shown
    assert json.loads(f'"{terminal(HOSTILE)}"') == HOSTILE  # the escapes are JSON's: nothing is lost


def test_terminal_keeps_ordinary_text() -> None:
    text = "v3.1/acme\tImplemented -> Not Implemented\nnäive 日本語 — ok ✓\n"
    assert terminal(text) == text


@pytest.mark.parametrize("command", [
    ["diff", "HEAD~1", "HEAD"],
    ["diff", "HEAD~1", "HEAD", "--format", "md"],
    ["expiry", "--as-of", "2030-01-01"],
    ["report", "--no-history"],
    ["report", "--format", "json", "--no-history"],
    ["validate"],
    ["validate", "--format", "json"],
    ["history", "--no-components"],
])
def test_no_control_sequence_reaches_the_terminal(repo: Path, command: list[str]) -> None:
    done = kaic(*command, "--source", str(repo))
    assert done.returncode in (0, 1), done.stderr
    assert "acme" in done.stdout
    assert not UNSAFE_FOR_TERMINAL.search(done.stdout.replace("\n", "").replace("\t", ""))
    assert not UNSAFE_FOR_TERMINAL.search(done.stderr.replace("\n", ""))


def test_a_line_break_in_a_folder_name_forges_no_line(tmp_path: Path) -> None:
    forged = "      status widget_sharing: Implemented -> Not Implemented"
    root = write_repo(tmp_path / "repo", {f"{V}/acme": clean_product()})
    git_init(root)
    commit_all(root, "clean")
    write_repo(root, {f"{V}/evil\n{forged}\n": clean_product(name="evil")})
    commit_all(root, "evil folder")
    for command in (["diff", "HEAD~1", "HEAD"], ["expiry", "--as-of", "2099-01-01"]):
        done = kaic(*command, "--source", str(root))
        assert done.returncode == 0, done.stderr
        assert "evil" in done.stdout
        assert not any(line.startswith(forged.strip()) or line == forged for line in done.stdout.splitlines())


def test_coloured_text_keeps_only_kaics_own_sequences(repo: Path) -> None:
    from kaic.formats import FORMATS
    from kaic.lint import validate
    from kaic.load import load_state
    from kaic.source import open_source

    coloured = FORMATS["text"](validate(load_state(open_source(str(repo)))), color=True)
    assert "\x1b[31merror\x1b[0m" in coloured and "\\u001b[2K\\u000dwidget_sharing" in coloured
    assert not UNSAFE_FOR_TERMINAL.search(re.sub("\x1b\\[(?:3[136])?m|\x1b\\[0m", "", coloured).replace("\n", ""))


def test_configuration_errors_are_safe_for_the_terminal(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "repo", {f"{V}/acme": clean_product()})
    (root / ".kaic.yaml").write_text('rules:\n  "\\e[2K\\rall good \\x9b\\u202e": off\n', encoding="utf-8")
    done = kaic("validate", "--source", str(root))
    assert done.returncode == 2 and "\\u001b[2K\\u000dall good" in done.stderr
    assert not UNSAFE_FOR_TERMINAL.search(done.stderr.replace("\n", ""))
    (root / ".kaic.yaml").write_text("rules:\n  evidence-missing: off\n", encoding="utf-8")
    assert kaic("validate", "--source", str(root)).returncode == 0


# -- 2. JSON ------------------------------------------------------------------------------

def test_json_escapes_c1_line_separators_and_bidi() -> None:
    data = {"v": HOSTILE, "ok": "ünïcode ✓"}
    text = json_text(data)
    assert not RAW_IN_JSON.search(text) and "\\u2028" in text and "\\u0085" in text
    assert "ünïcode ✓" in text  # readable UTF-8 stays
    assert json.loads(text) == data
    assert json.loads(json_text({"name": "caf\udce9"})) == {"name": "caf\udce9"}  # non-UTF-8 file names encode


@pytest.mark.parametrize("command", [
    ["report", "--format", "json", "--no-history"],
    ["validate", "--format", "json"],
    ["validate", "--format", "sarif"],
    ["baseline"],
    ["diff", "HEAD~1", "HEAD", "--format", "json"],
])
def test_json_files_hold_no_raw_separators(repo: Path, tmp_path: Path, command: list[str]) -> None:
    out = tmp_path / "out.json"
    kaic(*command, "--source", str(repo), "--out", str(out))
    text = (out / "report.json" if out.is_dir() else out).read_text(encoding="utf-8")
    assert not RAW_IN_JSON.search(text)
    decoded = json.dumps(json.loads(text), ensure_ascii=False)
    assert "\u202eevil\u202c" in decoded and "\x9b31m" in decoded  # the values themselves are kept


# -- 3. Markdown --------------------------------------------------------------------------

def test_markdown_references_are_not_live() -> None:
    md = md_text("ping @octocat and @acme/reviewers about #12, octo/repo#34 and GH-7; v3.1/@hubot, (#5)")
    for ref in ("@octocat", "@acme/reviewers", "#12", "octo/repo#34", "GH-7", "@hubot", "#5"):
        assert f"`{ref}`" in md
    assert not re.search(r"(?<!`)@octocat|(?<![`/])#12", md)
    # a code span ends a text node: what follows it must not start a live reference
    assert md_text("@0@octocat and #1#2") == "`@0@octocat` and `#1#2`"


def test_markdown_keeps_text_that_is_no_reference() -> None:
    text = "Write to ops@acme.example, read C# docs, see issue#4 and https://x.example/a#b"
    assert "`" not in md_text(text)


def test_diff_markdown_escapes_checklist_levels_and_categories(repo: Path) -> None:
    md = kaic("diff", "HEAD~1", "HEAD", "--source", str(repo), "--format", "md").stdout
    assert "## Checklists" in md and "beacon.example" in md
    assert "![x](" not in md and "<img" not in md and "`@octocat`" in md


def test_report_markdown_has_no_live_mention(repo: Path) -> None:
    md = kaic("report", "--no-history", "--source", str(repo)).stdout
    assert "`@octocat`" in md and "`octo/repo#34`" in md
    assert not re.search(r"(?<![`\w])@octocat(?!`)", md)


# -- 4. CSV -------------------------------------------------------------------------------

FORMULA_AT_A_LINE_START = re.compile("(?:^|[\r\n\t;])[ \u3000]*[=+\\-@\uff1d\uff0b\uff0d\uff20]")


def _csv(rows: list[list[Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, CSV_DIALECT)
    for row in rows:
        writer.writerow(csv_row(row))
    return buffer.getvalue()


def test_csv_bare_carriage_return_cannot_start_a_row() -> None:
    text = _csv([["acme", "ok\r=cmd|' /C calc'!A0,evil"], ["beta", "fine"]])
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert [r[0] for r in rows] == ["acme", "beta"] and len(rows[0]) == 2
    assert rows[0][1] == "ok\r'=cmd|' /C calc'!A0,evil"


@pytest.mark.parametrize(("cell", "expected"), [
    ("a\n=1+1", "a\n'=1+1"), ("x\t+1", "x\t'+1"), ("a;@SUM(1)", "a;'@SUM(1)"), ("\uff1d1+1", "'\uff1d1+1"),
    ("a\r\n  -2", "a\r\n  '-2"),
])
def test_csv_formula_guard_on_every_line(cell: str, expected: str) -> None:
    assert csv_row([cell]) == [expected]


def test_csv_plain_cells_unchanged() -> None:
    assert csv_row(["a - b", "x;y", "Implemented", 3, None]) == ["a - b", "x;y", "Implemented", 3, None]
    assert _csv([["a", "b"]]) == "a,b\r\n"


def test_report_csv_files_are_neutralised(repo: Path, tmp_path: Path) -> None:
    done = kaic("report", "--no-history", "--format", "csv", "--source", str(repo), "--out", str(tmp_path))
    assert done.returncode in (0, 1), done.stderr
    files = list(tmp_path.glob("*.csv"))
    assert files
    seen_notes = False
    for f in files:
        rows = list(csv.reader(io.StringIO(f.read_text(encoding="utf-8"), newline="")))
        assert all(len(r) == len(rows[0]) for r in rows), f.name  # no record cut short by a bare CR
        for row in rows:
            for cell in row:
                assert not FORMULA_AT_A_LINE_START.search(cell), (f.name, cell)
                seen_notes = seen_notes or "'=cmd|" in cell
    assert seen_notes


# -- 5. anchors and ids -------------------------------------------------------------------

def test_anchors_are_unique_by_construction() -> None:
    folders = ["acme-ai", "acme--ai", "Acme-AI", "acme_ai", "acme.ai", "acme-ai-", "-acme-ai", "acme ai"]
    anchors = {submission_anchor(f"v1.34/{f}/PRODUCT.yaml") for f in folders}
    assert len(anchors) == len(folders)
    assert submission_anchor("v1.34/gke/PRODUCT.yaml") == "sub-v1-34-gke"  # plain folders read as themselves
    assert submission_anchor("v1.3/4-gke/PRODUCT.yaml") != submission_anchor("v1.34/gke/PRODUCT.yaml")


def test_report_and_dashboard_ids_are_unique(repo: Path, tmp_path: Path) -> None:
    done = kaic("report", "--no-history", "--format", "md,html", "--source", str(repo), "--out", str(tmp_path))
    assert done.returncode in (0, 1), done.stderr
    for name in ("report.md", "report.html"):
        ids = re.findall(r'\bid="([^"]+)"', (tmp_path / name).read_text(encoding="utf-8"))
        assert len(ids) == len(set(ids)), name
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert f'id="{submission_anchor(f"{V}/acme-ai/PRODUCT.yaml")}"' in html
    assert f'id="{submission_anchor(f"{V}/acme--ai/PRODUCT.yaml")}"' in html


# -- 6. credentials -----------------------------------------------------------------------

@pytest.mark.parametrize(("given", "recorded"), [
    ("https://user:s3cret@git.example/org/repo.git", "https://git.example/org/repo.git"),
    ("https://ghp_s3cret@github.com/org/repo", "https://github.com/org/repo"),
    ("https://git.example/org/repo?access_token=s3cret#frag", "https://git.example/org/repo"),
    ("ssh://git:s3cret@git.example:22/org/repo", "ssh://git.example:22/org/repo"),
    ("https://github.com/cncf/k8s-ai-conformance", "https://github.com/cncf/k8s-ai-conformance"),
    ("/home/me/k8s-ai-conformance", "/home/me/k8s-ai-conformance"),
    ("git@github.com:cncf/k8s-ai-conformance.git", "git@github.com:cncf/k8s-ai-conformance.git"),
])
def test_locations_never_hold_credentials(given: str, recorded: str) -> None:
    assert public_location(given) == recorded
    assert SourceInfo(location=given, kind="git").location == recorded
    if "@" in given and "://" in given:
        assert "s3cret" not in without_credentials(f"fatal: unable to access '{given}': 403")


@pytest.fixture(scope="module")
def served(repo: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The hostile repository served over git's dumb HTTP protocol on loopback."""
    site = tmp_path_factory.mktemp("site")
    subprocess.run(["git", "clone", "-q", "--bare", str(repo), str(site / "repo.git")], check=True)
    git(site / "repo.git", "update-server-info")
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://reader:s3cret-token@127.0.0.1:{server.server_address[1]}/repo.git"
    server.shutdown()
    server.server_close()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def test_credentials_in_source_url_are_never_recorded(served: str, tmp_path: Path) -> None:
    env = {**os.environ, "KAIC_CACHE_DIR": str(tmp_path / "cache")}
    outputs: list[str] = []
    for command in (["validate", "--format", "sarif"], ["validate", "--format", "json"], ["baseline"]):
        done = subprocess.run([sys.executable, "-m", "kaic", *command, "--source", served], capture_output=True,
                              text=True, timeout=120, env=env, stdin=subprocess.DEVNULL)
        assert done.returncode in (0, 1), done.stderr
        outputs += [done.stdout, done.stderr]
    report_dir = tmp_path / "report"
    done = subprocess.run([sys.executable, "-m", "kaic", "report", "--format", "all", "--no-history", "--source",
                           served, "--out", str(report_dir)], capture_output=True, text=True, timeout=120, env=env,
                          stdin=subprocess.DEVNULL)
    assert done.returncode in (0, 1), done.stderr
    outputs += [p.read_text(encoding="utf-8") for p in report_dir.iterdir()]
    everything = "\n".join(outputs)
    assert "127.0.0.1" in everything  # the location is recorded...
    assert "s3cret-token" not in everything and "reader:" not in everything  # ...without its credentials


def test_baseline_files_carrying_credentials_are_cleaned(repo: Path, tmp_path: Path) -> None:
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    for ref, target in (("HEAD~1", old), ("HEAD", new)):
        assert kaic("baseline", "--source", str(repo), "--ref", ref, "--out", str(target)).returncode == 0
    data = json.loads(old.read_text(encoding="utf-8"))
    data["source"]["location"] = "https://reader:s3cret-token@git.example/org/repo.git"  # as an old kaic wrote it
    old.write_text(json.dumps(data), encoding="utf-8")
    for fmt in ("text", "md", "json"):
        out = kaic("diff", str(old), str(new), "--format", fmt).stdout
        assert "git.example/org/repo.git" in out and "s3cret-token" not in out


# -- 7. time ------------------------------------------------------------------------------

@pytest.mark.parametrize(("iso", "kept"), [
    ("2025-10-30T19:02:13-05:00", True),
    ("9999-06-01T00:00:00+00:00", True),
    ("9999-12-31T23:00:00-05:00", False),  # past year 9999 in UTC
    ("10000-01-01T00:00:00+00:00", False),
    ("33658-09-27T01:46:39+00:00", False),
])
def test_commit_dates_git_can_hold(iso: str, kept: bool) -> None:
    assert (commit_date(iso) == iso) is kept
    if not kept:
        assert commit_date(iso) == LATEST_DATE
    assert one_year_after(day_of(commit_date(iso))) >= day_of(commit_date(iso))


def test_day_arithmetic_at_the_end_of_the_calendar() -> None:
    assert str(day_of("10000-01-01T00:00:00+00:00")) == "9999-12-31"
    assert str(one_year_after(day_of("9999-06-01T00:00:00+00:00"))) == "9999-12-31"
    assert str(one_year_after(day_of("2024-02-29T00:00:00+00:00"))) == "2025-03-01"


@pytest.mark.parametrize("when", ["@253370764800 +0000", "@253402300800 +0000", "@999999999999 +0000"])
def test_far_future_commit_does_not_stop_history(tmp_path: Path, when: str) -> None:
    root = write_repo(tmp_path / "repo", {f"{V}/acme": clean_product()})
    git_init(root)
    commit_all(root, "first")
    write_repo(root, {f"{V}/beta": clean_product(name="beta", vendor="Beta Corp")})
    git(root, "add", "-A")
    subprocess.run(["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm",
                    "future"], check=True, env={**os.environ, "GIT_COMMITTER_DATE": when, "GIT_AUTHOR_DATE": when})
    for command in (["history", "--format", "json", "--no-components"], ["expiry", "--format", "json"]):
        done = kaic(*command, "--as-of", "9999-12-31", "--source", str(root))
        assert done.returncode == 0, done.stderr
        assert "v3.1/beta" in done.stdout
    done = kaic("report", "--format", "html,md", "--as-of", "9999-12-31", "--source", str(root),
                "--out", str(tmp_path / "out"))
    assert done.returncode == 0, done.stderr


# -- 8. output paths ----------------------------------------------------------------------

def test_out_never_writes_through_a_link(repo: Path, tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "report.md").symlink_to(victim)
    single = tmp_path / "findings.txt"
    single.symlink_to(victim)
    done = kaic("report", "--no-history", "--source", str(repo), "--format", "md", "--out", str(out))
    assert done.returncode == 2 and "not a regular file" in done.stderr
    done = kaic("validate", "--source", str(repo), "--out", str(single))
    assert done.returncode == 2 and "not a regular file" in done.stderr
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert (out / "report.md").is_symlink() and single.is_symlink()  # left as they were, not followed
    assert [p.name for p in out.iterdir()] == ["report.md"]  # no temporary file left


def test_out_replaces_regular_files(repo: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "report.md").write_text("old\n", encoding="utf-8")
    done = kaic("report", "--no-history", "--source", str(repo), "--format", "md,json", "--out", str(out))
    assert done.returncode in (0, 1), done.stderr
    assert (out / "report.md").read_text(encoding="utf-8").startswith("# ")
    assert sorted(p.name for p in out.iterdir()) == ["report.json", "report.md"]


def test_out_writes_only_plain_names_inside_the_folder(tmp_path: Path) -> None:
    from kaic.cli._common import emit_into

    for name in ("../escaped.md", "sub/x.md", "..", ""):
        with pytest.raises(typer.Exit):
            emit_into(tmp_path / "out", name, "x")
    assert not (tmp_path / "escaped.md").exists()
    assert emit_into(tmp_path / "out", "report.md", "ok\n").read_text(encoding="utf-8") == "ok\n"


# -- 9. bounded cost ----------------------------------------------------------------------

@pytest.mark.timeout(60)
def test_evidence_url_with_many_commas_is_linear(tmp_path: Path) -> None:
    product = clean_product()
    answer(product, "gauge_export")["evidence"] = ["https://acme.example.com/" + "," * 400_000,
                                                   "https://a.example/x, https://b.example/y"]
    root = write_repo(tmp_path / "repo", {f"{V}/acme": product})
    data = json.loads(kaic("validate", "--source", str(root), "--format", "json").stdout)
    hits = [f for f in data["findings"] if f["rule"] == "evidence-url-malformed"]
    assert len(hits) == 1 and "several URLs" in hits[0]["message"]  # the two-URL item, not the commas


@pytest.mark.timeout(60)
def test_many_duplicate_keys_load_in_linear_time() -> None:
    text = "m:\n" + "".join(f"  k{i % 5000}: {i}\n" for i in range(100_000))
    doc = load(text)
    m = plain(doc.root)
    assert isinstance(m, dict) and len(m["m"]) == 5000 and m["m"]["k4999"] == 99_999
    repeated = [w for w in doc.warnings if w.code == "duplicate-key"]
    assert len(repeated) == 5000 and repeated[0].message == "key 'k0' repeated 19 times (first on line 2)"
    assert repeated[0].line == 2 + 5000
    once = load("a: 1\nb: 2\na: 3\n")
    assert [w.message for w in once.warnings] == ["key 'a' repeated (first on line 1)"] and plain(once.root) == {
        "b": 2, "a": 3}


def test_alias_repeating_a_large_string_is_refused() -> None:
    big = "x" * 100_000
    text = f"a: &a {big}\nb: [" + ", ".join(["*a"] * 2300) + "]\n"  # 0.2 MB of YAML -> 230 MB expanded
    assert len(text) < 400_000
    with pytest.raises(YamlError, match=f"more than {MAX_EXPANDED_BYTES} bytes"):
        load(text)
    small = f"a: &a {big}\nb: [*a, *a, *a]\n"
    assert plain(load(small).root) == {"a": big, "b": [big, big, big]}


def test_legitimate_file_with_19000_evidence_items_loads(tmp_path: Path) -> None:
    product = clean_product()
    answer(product, "gauge_export")["evidence"] = [f"https://acme.example.com/e/{i}" for i in range(19_000)]
    root = write_repo(tmp_path / "repo", {f"{V}/acme": product})
    data = json.loads(kaic("validate", "--source", str(root), "--format", "json").stdout)
    assert not [f for f in data["findings"] if f["rule"] == "yaml-invalid"]
    assert data["submissions"][0]["ok"] is True


def test_yaml_limits_are_documented() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    assert "MAX_EXPANDED_BYTES" in readme or f"{MAX_EXPANDED_BYTES // (1024 * 1024)} MiB" in readme


def test_yaml_dump_of_hostile_product_round_trips() -> None:
    """The fixture itself: the hostile text survives YAML, so the tests above really carry it."""
    assert plain(load(dump(hostile_product())).root) == yaml.safe_load(dump(hostile_product()))


@pytest.mark.timeout(60)
def test_url_patterns_of_rules_and_fixes_are_linear() -> None:
    from kaic.fix.fixers.evidence import split_urls
    from kaic.terms import prose

    assert prose("see https://a.example/x for it") == "see   for it"
    assert split_urls("https://a.example/x, https://b.example/y") == ["https://a.example/x", "https://b.example/y"]
    assert prose("a." * 500_000) == "a." * 500_000  # was quadratic: hours at this size
    assert split_urls("https://a.example/x" + " " * 1_000_000 + "x") == []
