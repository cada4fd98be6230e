"""History on small fictional repositories the tests build with `git init`: certification
by the merge (not the pull request's commits), later changes, renames, withdrawals,
re-additions, `--as-of`, and the pure pieces (dates, tracking) on their own.

Expected values come from the scenario each test writes, never from kaic's output.
"""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from kaic.cli import app
from kaic.history import (
    At,
    Described,
    HistoryOptions,
    Snapshot,
    bounded,
    build_history,
    one_year_after,
    parse_day,
    parse_within,
    track,
)
from kaic.history.dates import DateError, day_of
from kaic.history.trees import TreeReader
from kaic.history.walk import walk
from kaic.load import load_state
from kaic.source import Commit, GitRepo, GitSource

from .fixtures.builder import VERSION, checklist_text, clean_product, dump

# -- a fictional repository with dated commits --------------------------------------------------


@dataclass
class Repo:
    """A git repository whose commits carry the dates the test chooses."""

    root: Path
    commits: dict[str, str] = field(default_factory=dict)  # label -> commit id

    def git(self, *args: str, when: str | None = None) -> str:
        env = {
            "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.com",
            "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.com",
            "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(self.root), "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        }
        if when:
            env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = when
        done = subprocess.run(["git", "-C", str(self.root), *args], check=True, capture_output=True, text=True,
                              env=env)
        return done.stdout.strip()

    def write(self, folder: str, content: Any) -> None:
        target = self.root / folder / "PRODUCT.yaml"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content if isinstance(content, str) else dump(content), encoding="utf-8")

    def commit(self, label: str, when: str, message: str | None = None) -> str:
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", message or label, when=when)
        self.commits[label] = self.git("rev-parse", "HEAD")
        return self.commits[label]

    def merge(self, label: str, branch: str, when: str) -> str:
        self.git("merge", "-q", "--no-ff", "-m", f"Merge {branch}", branch, when=when)
        self.commits[label] = self.git("rev-parse", "HEAD")
        return self.commits[label]


def new_repo(root: Path) -> Repo:
    repo = Repo(root)
    root.mkdir(parents=True)
    repo.git("init", "-q", "-b", "main")
    repo.git("config", "commit.gpgsign", "false")
    (root / "docs").mkdir()
    (root / "docs" / f"AIConformance-{VERSION}.yaml").write_text(checklist_text(), encoding="utf-8")
    (root / "README.md").write_text("fictional\n", encoding="utf-8")
    repo.commit("init", "2024-01-10T10:00:00+00:00")
    return repo


def product(name: str, vendor: str, platform: str | None = None, note: str = "") -> dict[str, Any]:
    p = clean_product(name=name, vendor=vendor)
    if platform:
        p["metadata"]["platformName"] = platform
    if note:
        p["metadata"]["description"] = note
    return p


@pytest.fixture(scope="module")
def story(tmp_path_factory: pytest.TempPathFactory) -> Repo:
    """acme: merged from a pull request whose commit is a month older than the merge,
    edited, then renamed with an edit; beta: committed, renamed as is, then removed;
    gamma: added last."""
    repo = new_repo(tmp_path_factory.mktemp("history") / "repo")
    repo.git("checkout", "-q", "-b", "pr-acme")
    repo.write(f"v{VERSION}/acme", product("acme", "Acme Widgets"))
    repo.commit("pr-acme", "2024-02-01T09:00:00+00:00")
    repo.git("checkout", "-q", "main")
    (repo.root / "README.md").write_text("fictional, edited\n", encoding="utf-8")
    repo.commit("readme", "2024-02-05T09:00:00+00:00")
    repo.merge("merge-acme", "pr-acme", "2024-03-01T23:30:00-05:00")  # 2024-03-02 in UTC: the day is the 1st
    repo.write(f"v{VERSION}/beta", product("beta", "Beta Corp"))
    repo.commit("add-beta", "2024-03-10T12:00:00+00:00")
    repo.write(f"v{VERSION}/acme", product("acme", "Acme Widgets", note="A fictional platform, now with gauges."))
    repo.commit("edit-acme", "2024-04-01T12:00:00+00:00")
    repo.git("mv", f"v{VERSION}/beta", f"v{VERSION}/beta-cloud")
    repo.commit("rename-beta", "2024-05-01T12:00:00+00:00")
    repo.git("mv", f"v{VERSION}/acme", f"v{VERSION}/acme-platform")
    repo.write(f"v{VERSION}/acme-platform", product("acme", "ACME widgets ", note="Renamed and edited."))
    repo.commit("rename-acme", "2024-06-01T12:00:00+00:00")
    repo.git("rm", "-q", "-r", f"v{VERSION}/beta-cloud")
    repo.commit("withdraw-beta", "2024-07-01T12:00:00+00:00")
    repo.write(f"v{VERSION}/gamma", product("gamma", "Gamma Inc"))
    repo.commit("add-gamma", "2024-08-01T12:00:00+00:00")
    return repo


def at(repo: Repo, label: str, iso: str) -> dict[str, str]:
    return {"commit": repo.commits[label], "date": iso}


def by_path(certs: Any) -> dict[str, Any]:
    return {c.path: c for c in certs}


# -- the story, read by kaic ----------------------------------------------------------------------


def test_certified_by_the_merge_not_by_the_pull_request_commit(story: Repo) -> None:
    h = build_history(GitRepo(story.root), HistoryOptions(components=False), today=date(2024, 9, 1))
    acme = by_path(h.certifications)[f"v{VERSION}/acme-platform/PRODUCT.yaml"]
    assert acme.certified.commit == story.commits["merge-acme"]
    assert acme.certified.commit != story.commits["pr-acme"]
    assert acme.certified.date == "2024-03-01T23:30:00-05:00"
    assert acme.certified.day == date(2024, 3, 1)  # the committer's own day
    assert acme.expires == date(2025, 3, 1)


def test_changes_and_renames_keep_the_history(story: Repo) -> None:
    h = build_history(GitRepo(story.root), HistoryOptions(components=False), today=date(2024, 9, 1))
    certs = by_path(h.certifications)
    assert sorted(certs) == [f"v{VERSION}/acme-platform/PRODUCT.yaml", f"v{VERSION}/beta-cloud/PRODUCT.yaml",
                             f"v{VERSION}/gamma/PRODUCT.yaml"]
    acme = certs[f"v{VERSION}/acme-platform/PRODUCT.yaml"]
    assert [a.commit for a in acme.changes] == [story.commits["edit-acme"], story.commits["rename-acme"]]
    # renamed with an edit (another blob): recognised by its vendor in the same version
    assert [(r.path, r.at.commit) for r in acme.renamed_from] == [
        (f"v{VERSION}/acme/PRODUCT.yaml", story.commits["rename-acme"])]
    assert acme.withdrawn is None
    assert acme.vendor.strip().lower() == "acme widgets"

    beta = certs[f"v{VERSION}/beta-cloud/PRODUCT.yaml"]
    assert beta.certified.commit == story.commits["add-beta"]
    # renamed as is (same blob)
    assert [(r.path, r.at.commit) for r in beta.renamed_from] == [
        (f"v{VERSION}/beta/PRODUCT.yaml", story.commits["rename-beta"])]
    assert [a.commit for a in beta.changes] == [story.commits["rename-beta"]]

    gamma = certs[f"v{VERSION}/gamma/PRODUCT.yaml"]
    assert gamma.certified.commit == story.commits["add-gamma"]
    assert gamma.changes == () and gamma.renamed_from == ()


def test_withdrawal_when_the_file_leaves_the_main_line(story: Repo) -> None:
    h = build_history(GitRepo(story.root), HistoryOptions(components=False), today=date(2024, 9, 1))
    beta = by_path(h.certifications)[f"v{VERSION}/beta-cloud/PRODUCT.yaml"]
    assert beta.withdrawn is not None
    assert beta.withdrawn.commit == story.commits["withdraw-beta"]
    assert beta.status(date(2024, 6, 30)) == "current"
    assert beta.status(date(2024, 7, 1)) == "withdrawn"
    assert beta.status(date(2026, 1, 1)) == "withdrawn"  # withdrawn stays withdrawn, it does not "expire"


@pytest.mark.parametrize(("as_of", "expected"), [
    # before beta was withdrawn and before gamma existed
    (date(2024, 6, 15), {"acme-platform": "current", "beta-cloud": "current"}),
    # the day before acme's first anniversary, and the anniversary itself
    (date(2025, 2, 28), {"acme-platform": "current", "beta-cloud": "withdrawn", "gamma": "current"}),
    (date(2025, 3, 1), {"acme-platform": "expired", "beta-cloud": "withdrawn", "gamma": "current"}),
    (date(2025, 8, 1), {"acme-platform": "expired", "beta-cloud": "withdrawn", "gamma": "expired"}),
])
def test_as_of_reads_the_main_line_of_that_day(story: Repo, as_of: date, expected: dict[str, str]) -> None:
    h = build_history(GitRepo(story.root), HistoryOptions(as_of=as_of, components=False))
    got = {c.product: c.status(h.as_of) for c in h.certifications}
    assert got == expected
    assert h.as_of == as_of


def test_as_of_before_the_rename_shows_the_old_path(story: Repo) -> None:
    h = build_history(GitRepo(story.root), HistoryOptions(as_of=date(2024, 4, 15), components=False))
    assert sorted(c.path for c in h.certifications) == [f"v{VERSION}/acme/PRODUCT.yaml", f"v{VERSION}/beta/PRODUCT.yaml"]
    assert len(h.commits) == 5  # init, readme, merge, add-beta, edit-acme: the PR commit is not on the main line
    assert story.commits["pr-acme"] not in {c.at.commit for c in h.commits}


def test_per_commit_figures_follow_the_story(story: Repo) -> None:
    h = build_history(GitRepo(story.root), HistoryOptions(components=False), today=date(2024, 9, 1))
    totals = {c.at.commit: c.submissions for c in h.commits}
    assert totals[story.commits["init"]] == 0
    assert totals[story.commits["merge-acme"]] == 1
    assert totals[story.commits["add-beta"]] == 2
    assert totals[story.commits["withdraw-beta"]] == 1
    assert totals[story.commits["add-gamma"]] == 2
    # every fictional product is clean: each one is fully conformant
    assert all(c.strict == c.submissions for c in h.commits)


def test_all_commits_walks_the_pull_request_too(story: Repo) -> None:
    h = build_history(GitRepo(story.root), HistoryOptions(first_parent=False, components=False), today=date(2024, 9, 1))
    walked = [c.at.commit for c in h.commits]
    assert story.commits["pr-acme"] in walked
    # certifications still come from the main line
    acme = by_path(h.certifications)[f"v{VERSION}/acme-platform/PRODUCT.yaml"]
    assert acme.certified.commit == story.commits["merge-acme"]


def test_since_bounds_the_figures_not_the_certifications(story: Repo) -> None:
    h = build_history(GitRepo(story.root), HistoryOptions(since=date(2024, 5, 1), components=False),
                      today=date(2024, 9, 1))
    assert [c.at.commit for c in h.commits] == [story.commits[k] for k in
                                                ("rename-beta", "rename-acme", "withdraw-beta", "add-gamma")]
    acme = by_path(h.certifications)[f"v{VERSION}/acme-platform/PRODUCT.yaml"]
    assert acme.certified.commit == story.commits["merge-acme"]


def test_the_walk_parses_each_blob_once(story: Repo) -> None:
    repo = GitRepo(story.root)
    commits = repo.log("main")
    cache: dict[Any, Any] = {}
    states = [step.state for step in walk(repo, commits, cache)]
    pairs = {(s.oid, s.path) for st in states for s in st.submissions}
    assert len(cache) == len(pairs)  # one parse per distinct (blob, path), whatever the number of commits
    assert len(pairs) < sum(len(st.submissions) for st in states)
    # an unchanged submission is the very same object in two commits; a changed one is parsed again
    def sub(i: int, name: str) -> Any:
        return next(s for s in states[i].submissions if s.product == name)

    assert sub(3, "beta") is sub(4, "beta")  # add-beta -> edit-acme
    assert sub(3, "acme").oid != sub(4, "acme").oid
    # and the walk's state equals a fresh load of that commit
    fresh = load_state(GitSource(repo, commits[5]))
    assert fresh.submissions == states[5].submissions


def test_progress_is_reported_for_each_commit(story: Repo) -> None:
    seen: list[tuple[int, int]] = []
    repo = GitRepo(story.root)
    build_history(repo, HistoryOptions(components=False), today=date(2024, 9, 1),
                  progress=lambda done, total, commit: seen.append((done, total)))
    n = len(repo.log("main"))
    assert seen == [(i, n) for i in range(1, n + 1)]


# -- the commands on the story ------------------------------------------------------------------


def run(*args: str) -> Any:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result


def test_history_json_shape(story: Repo) -> None:
    out = json.loads(run("history", "--source", str(story.root), "--format", "json", "--no-components",
                         "--as-of", "2024-09-01").stdout)
    assert out["kind"] == "kaic-history"
    assert out["as_of"] == "2024-09-01"
    cert = {c["path"]: c for c in out["certifications"]}[f"v{VERSION}/beta-cloud/PRODUCT.yaml"]
    assert set(cert) >= {"path", "version", "vendor", "platform", "certified", "changes", "expires", "withdrawn"}
    assert cert["certified"] == at(story, "add-beta", "2024-03-10T12:00:00+00:00")
    assert cert["changes"] == [at(story, "rename-beta", "2024-05-01T12:00:00+00:00")]
    assert cert["withdrawn"] == at(story, "withdraw-beta", "2024-07-01T12:00:00+00:00")
    assert cert["expires"] == "2025-03-10"
    assert cert["status"] == "withdrawn"
    assert cert["renamed_from"][0]["path"] == f"v{VERSION}/beta/PRODUCT.yaml"
    assert [c["commit"] for c in out["commits"]] == story.git("rev-list", "--first-parent", "--reverse", "main").split()
    last = out["commits"][-1]
    assert last["per_version"] == {VERSION: 2}
    assert last["conformance"]["strict"] == 2
    assert out["trends"]["time_to_nth"][0]["version"] == VERSION
    assert [m["path"] for m in out["trends"]["time_to_nth"][0]["submissions"]] == [
        f"v{VERSION}/acme-platform/PRODUCT.yaml", f"v{VERSION}/beta-cloud/PRODUCT.yaml",
        f"v{VERSION}/gamma/PRODUCT.yaml"]
    assert [m["days"] for m in out["trends"]["time_to_nth"][0]["submissions"]] == [0, 9, 153]


def test_history_markdown(story: Repo) -> None:
    text = run("history", "--source", str(story.root), "--no-components", "--as-of", "2024-09-01",
               "-f", "md").stdout
    assert "# kaic history" in text
    assert f"`v{VERSION}/beta-cloud/PRODUCT.yaml`" in text
    assert "withdrawn 2024-07-01" in text
    assert f"renamed from `v{VERSION}/beta/PRODUCT.yaml`" in text


def test_expiry_command(story: Repo) -> None:
    out = json.loads(run("expiry", "--source", str(story.root), "--as-of", "2025-01-15", "--within", "60d",
                         "--format", "json").stdout)
    assert [c["product"] for c in out["expiring"]] == ["acme-platform"]  # expires 2025-03-01: 45 days left
    assert out["expiring"][0]["days_left"] == 45
    assert out["expired"] == []
    assert [c["product"] for c in out["withdrawn"]] == ["beta-cloud"]
    assert out["newest_version"] == VERSION
    # acme and gamma hold current v3.1 certifications; beta's vendor withdrew its only one
    assert [(v["name"], v["current_versions"]) for v in out["vendors_without_newest"]] == [("Beta Corp", [])]
    text = run("expiry", "--source", str(story.root), "--as-of", "2025-03-01").stdout
    assert "Expired:" in text and "acme-platform" in text


def test_usage_errors_exit_2(story: Repo) -> None:
    runner = CliRunner()
    assert runner.invoke(app, ["history", "--source", str(story.root), "--as-of", "yesterday"]).exit_code == 2
    assert runner.invoke(app, ["expiry", "--source", str(story.root), "--within", "soon"]).exit_code == 2
    assert runner.invoke(app, ["history", "--source", "sample"]).exit_code == 2  # no git history
    assert runner.invoke(app, ["history", "--source", str(story.root), "--format", "xml"]).exit_code == 2


# -- pure pieces ----------------------------------------------------------------------------------


def snap(commit: str, day: str, **files: str) -> Snapshot:
    return Snapshot(At(commit, f"{day}T12:00:00+00:00"), {f"v1.0/{k}/PRODUCT.yaml": v for k, v in files.items()})


def test_track_readded_after_withdrawal_is_a_new_certification() -> None:
    certs = track([snap("c1", "2024-01-01", a="b1"), snap("c2", "2024-02-01"), snap("c3", "2024-03-01", a="b1")],
                  lambda path, oid: Described("A", "A"))
    assert [(c.certified.commit, c.withdrawn.commit if c.withdrawn else None) for c in certs] == [
        ("c1", "c2"), ("c3", None)]


def test_track_two_products_of_one_vendor_renamed_at_once() -> None:
    names = {"b1": Described("V", "Alpha"), "b2": Described("V", "Beta"),
             "b3": Described("V", "Beta"), "b4": Described("V", "Alpha")}
    certs = track([snap("c1", "2024-01-01", alpha="b1", beta="b2"),
                   snap("c2", "2024-02-01", **{"alpha-new": "b4", "beta-new": "b3"})],
                  lambda path, oid: names[oid])
    got = {c.path.split("/")[1]: [r.path.split("/")[1] for r in c.renamed_from] for c in certs}
    assert got == {"alpha-new": ["alpha"], "beta-new": ["beta"]}


def test_track_does_not_rename_across_vendors_or_versions() -> None:
    names = {"b1": Described("V", "P"), "b2": Described("W", "P")}
    certs = track([snap("c1", "2024-01-01", a="b1"), snap("c2", "2024-02-01", b="b2")], lambda p, o: names[o])
    assert [(c.product, c.withdrawn is not None, c.renamed_from) for c in certs] == [("a", True, ()), ("b", False, ())]
    moved = track([Snapshot(At("c1", "2024-01-01T00:00:00Z"), {"v1.0/a/PRODUCT.yaml": "b1"}),
                   Snapshot(At("c2", "2024-02-01T00:00:00Z"), {"v1.1/a/PRODUCT.yaml": "b1"})],
                  lambda p, o: Described("V", "P"))
    assert [(c.version, c.renamed_from) for c in moved] == [("1.0", ()), ("1.1", ())]  # another version: not a rename


def test_dates() -> None:
    assert parse_day("2026-10-01") == date(2026, 10, 1)
    for bad in ("2026-13-01", "1 Oct 2026", "2026-10-1", ""):
        with pytest.raises(DateError):
            parse_day(bad)
    assert parse_within("90d") == 90 and parse_within("12w") == 84 and parse_within("1y") == 365
    assert parse_within("30") == 30
    with pytest.raises(DateError):
        parse_within("3 months")
    assert one_year_after(date(2025, 10, 30)) == date(2026, 10, 30)
    assert one_year_after(date(2024, 2, 29)) == date(2025, 3, 1)
    assert day_of("2025-10-30T19:02:13-05:00") == date(2025, 10, 30)


def test_bounded_keeps_the_line_up_to_its_last_commit_of_the_day() -> None:
    line = [Commit(str(i), d) for i, d in enumerate(
        ["2024-01-01T00:00:00Z", "2024-01-05T00:00:00Z", "2024-01-03T00:00:00Z", "2024-01-09T00:00:00Z"])]
    assert [c.oid for c in bounded(line, until=date(2024, 1, 4))] == ["0", "1", "2"]  # an odd date does not cut
    assert [c.oid for c in bounded(line, since=date(2024, 1, 4))] == ["1", "3"]


def test_tree_reader_matches_ls_tree(tmp_path: Path) -> None:
    """Odd entries too: a symbolic link, an executable, a non-ASCII name, a submodule, a big file."""
    repo = new_repo(tmp_path / "odd")
    repo.write(f"v{VERSION}/acme", product("acme", "Acme Widgets"))
    folder = repo.root / f"v{VERSION}" / "acme"
    (folder / "run tests é.sh").write_text("#!/bin/sh\necho ok\n", encoding="utf-8")
    (folder / "run tests é.sh").chmod(0o755)
    (folder / "link.md").symlink_to("PRODUCT.yaml")
    (folder / "big.log").write_bytes(b"x" * 300_000)
    (repo.root / "tools").mkdir()
    (repo.root / "tools" / "ignored.py").write_text("pass\n", encoding="utf-8")
    repo.commit("odd", "2024-02-01T00:00:00+00:00")
    head = repo.git("rev-parse", "HEAD")
    repo.git("update-index", "--add", "--cacheinfo", f"160000,{head},v{VERSION}/acme/vendored")
    repo.git("commit", "-q", "-m", "submodule", when="2024-02-02T00:00:00+00:00")
    git_repo = GitRepo(repo.root)
    reader = TreeReader(git_repo)
    for commit in git_repo.log("main", first_parent=False):
        assert reader.tree(commit.oid) == git_repo.tree(commit.oid)
    last = reader.tree(repo.git("rev-parse", "HEAD"))
    assert last[f"v{VERSION}/acme/big.log"].size == 300_000
    assert last[f"v{VERSION}/acme/vendored"].kind.value == "submodule"
    assert "tools/ignored.py" not in last


def test_report_sections_timeline_and_trends(story: Repo) -> None:
    from kaic.lint import validate
    from kaic.report.build import build_report
    from kaic.report.render import renderer
    from kaic.source import open_source

    state = load_state(open_source(str(story.root), "main"))
    report = build_report(state, validate(state), options={"as_of": "2024-09-01"})
    data = report.data
    assert data["errors"] == []
    timeline = data["timeline"]
    assert timeline["as_of"] == "2024-09-01"
    assert timeline["head"]["commit"] == story.commits["add-gamma"]
    assert [c["product"] for c in timeline["withdrawn"]] == ["beta-cloud"]
    assert {c["product"] for c in timeline["current"]} == {"acme-platform", "gamma"}
    subs = {s["path"]: s for s in data["submissions"]}
    gamma = subs[f"v{VERSION}/gamma/PRODUCT.yaml"]
    assert gamma["certified"]["commit"] == story.commits["add-gamma"]
    assert gamma["expires"] == "2025-08-01"
    assert gamma["certification_status"] == "current"
    trends = data["trends"]
    assert trends["commits"] == len(story.git("rev-list", "--first-parent", "main").split())
    assert trends["submissions_per_version"]["points"][-1]["counts"] == {VERSION: 2}
    md = renderer("md").render(report)
    assert "## Certification timeline" in md and "## Trends" in md
    csv = renderer("csv").render(report)
    assert isinstance(csv, dict)
    assert csv["certifications.csv"].count("\n") == 1 + 3  # header + acme, beta, gamma


def test_report_sections_need_git_history(sample_state: Any) -> None:
    from kaic.lint import validate
    from kaic.report.build import build_report

    data = build_report(sample_state, validate(sample_state)).data
    assert "timeline" not in data and "trends" not in data
    assert data["errors"] == []


def test_report_sections_can_be_left_out(story: Repo) -> None:
    from kaic.lint import validate
    from kaic.report.build import build_report
    from kaic.source import open_source

    state = load_state(open_source(str(story.root), "main"))
    data = build_report(state, validate(state), options={"history": False}).data
    assert "timeline" not in data and "trends" not in data
