"""History over the real repository (../shared/corpus): certification dates against
`git log --first-parent`, the withdrawal the corpus holds, and the walk's figures
against the report run at three commits.

Expected dates and commits are computed here with git; figures with `kaic report`'s own
pipeline (load, validate, build_report, the JSON renderer) at each commit.
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from kaic.components.analysis import analyse_components
from kaic.history import History, HistoryOptions, build_history
from kaic.history.data import history_data
from kaic.lint import validate
from kaic.load import RepoState
from kaic.report.build import build_report
from kaic.report.render import renderer
from kaic.source import GitRepo

from .conftest import MAIN, OLD

pytestmark = pytest.mark.corpus


def git(checkout: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(checkout), *args], check=True, capture_output=True,
                          text=True).stdout.strip()


@pytest.fixture(scope="module")
def history(corpus_repo: GitRepo) -> History:
    """The main line walked with every figure but component adoption."""
    return build_history(corpus_repo, HistoryOptions(ref=MAIN, as_of=date(2026, 3, 20), components=False))


@pytest.fixture(scope="module")
def full_history(corpus_repo: GitRepo) -> History:
    return build_history(corpus_repo, HistoryOptions(ref=MAIN, as_of=date(2026, 3, 20)))


def merge_that_added(checkout: Path, path: str) -> tuple[str, str]:
    """(commit, committer date) of the main-line commit whose first-parent diff adds `path`."""
    out = git(checkout, "log", "--first-parent", "--diff-filter=A", "--format=%H %cI", MAIN, "--", path)
    lines = out.splitlines()
    assert len(lines) == 1, lines
    commit, when = lines[0].split()
    return commit, when


def oldest_commit_adding(checkout: Path, path: str) -> str:
    """Committer date of the oldest commit (any branch of history) adding `path`: the PR's own."""
    out = git(checkout, "log", "--diff-filter=A", "--format=%cI", MAIN, "--", path)
    return min(out.splitlines(), key=lambda iso: date.fromisoformat(iso[:10]))


def test_certification_dates_are_the_main_line_merges(corpus_checkout: Path, history: History) -> None:
    paths = git(corpus_checkout, "ls-tree", "-r", "--name-only", MAIN).splitlines()
    products = sorted(p for p in paths if p.endswith("/PRODUCT.yaml"))
    certs = {c.path: c for c in history.certifications if c.withdrawn is None}
    assert sorted(certs) == products
    pr_older = []
    for path in products:
        commit, when = merge_that_added(corpus_checkout, path)
        assert certs[path].certified.commit == commit, path
        assert certs[path].certified.date == when, path
        if date.fromisoformat(oldest_commit_adding(corpus_checkout, path)[:10]) < date.fromisoformat(when[:10]):
            pr_older.append(path)
    # several submissions were written in pull requests weeks before their merge
    assert len(pr_older) >= 3, pr_older
    gke = "v1.34/gke/PRODUCT.yaml"
    assert gke in pr_older
    assert certs[gke].certified.date[:10] > oldest_commit_adding(corpus_checkout, gke)[:10]


def test_later_changes_are_the_main_line_commits_touching_the_file(corpus_checkout: Path, history: History) -> None:
    certs = {c.path: c for c in history.certifications if c.withdrawn is None}
    changed = 0
    for path, cert in certs.items():
        out = git(corpus_checkout, "log", "--first-parent", "--reverse", "--format=%H", MAIN, "--", path)
        touching = out.splitlines()
        assert touching[0] == cert.certified.commit
        assert [a.commit for a in cert.changes] == touching[1:], path
        changed += bool(cert.changes)
    assert changed >= 2  # the corpus has edits of merged submissions (openshift, kubermatic, rke2)


def test_the_withdrawn_submission(corpus_checkout: Path, history: History) -> None:
    at_main = set(git(corpus_checkout, "ls-tree", "-r", "--name-only", MAIN).splitlines())
    ever = set(git(corpus_checkout, "log", "--first-parent", "--diff-filter=A", "--name-only", "--format=",
                   MAIN, "--", "v*/*/PRODUCT.yaml").split())
    gone = sorted(ever - at_main)
    assert gone  # a submission was added then removed on the main line
    withdrawn = {c.path: c for c in history.certifications if c.withdrawn is not None}
    assert sorted(withdrawn) == gone
    for path in gone:
        out = git(corpus_checkout, "log", "--first-parent", "--diff-filter=D", "--format=%H %cI", MAIN, "--", path)
        commit, when = out.splitlines()[0].split()
        assert withdrawn[path].withdrawn is not None
        assert (withdrawn[path].withdrawn.commit, withdrawn[path].withdrawn.date) == (commit, when)
        assert withdrawn[path].status(date(2026, 3, 20)) == "withdrawn"


@pytest.mark.parametrize(("as_of", "expired"), [
    (date(2026, 3, 20), 0),
    # the first merges landed on 2025-10-30 (the committers' day): a year later they lapse
    (date(2026, 10, 29), 0),
])
def test_expiry_as_of_chosen_days(corpus_checkout: Path, history: History, as_of: date, expired: int) -> None:
    from kaic.history.expiry import expiry

    e = expiry(history.certifications, as_of, 90, history.newest_version)
    assert len(e.expired) == expired
    first_day = min(c.certified.day for c in history.certifications)
    assert first_day == date(2025, 10, 30)


def test_expiry_a_year_after_the_first_merges(corpus_checkout: Path, corpus_repo: GitRepo) -> None:
    from kaic.history.expiry import expiry

    day = date(2026, 10, 30)
    h = build_history(corpus_repo, HistoryOptions(ref=MAIN, as_of=day, figures=False))
    e = expiry(h.certifications, day, 90, h.newest_version)
    # expected with git: main-line merges adding a PRODUCT.yaml on 2025-10-30 (committer's day), still present
    out = git(corpus_checkout, "log", "--first-parent", "--diff-filter=A", "--name-only", "--format=@%cI", MAIN,
              "--", "v*/*/PRODUCT.yaml")
    first_day: set[str] = set()
    when = ""
    for line in out.splitlines():
        if line.startswith("@"):
            when = line[1:]
        elif line and when[:10] == "2025-10-30":
            first_day.add(line)
    at_main = set(git(corpus_checkout, "ls-tree", "-r", "--name-only", MAIN).splitlines())
    assert sorted(c.path for c in e.expired) == sorted(first_day & at_main)
    assert all(c.days_left(day) == 0 for c in e.expired)
    assert e.newest_version == max(
        (p.split("AIConformance-")[1][:-5] for p in at_main if p.startswith("docs/AIConformance-")),
        key=lambda v: tuple(int(x) for x in v.split(".")))
    # a day earlier they were still current, and expiring within any window
    before = expiry(h.certifications, date(2026, 10, 29), 1, h.newest_version)
    assert {c.path for c in before.expiring} >= first_day & at_main


def _report_json(state: RepoState) -> dict[str, Any]:
    report = build_report(state, validate(state), options={"history": False})
    data: dict[str, Any] = json.loads(renderer("json").render(report))
    return data


def test_walk_figures_equal_the_report_at_three_commits(corpus_checkout: Path, full_history: History,
                                                        corpus_state: Callable[[str], RepoState]) -> None:
    history = full_history
    line = git(corpus_checkout, "rev-list", "--first-parent", "--reverse", MAIN).splitlines()
    chosen = [line[len(line) // 2], OLD, MAIN]
    figures = {c.at.commit: c for c in history.commits}
    assert [c.at.commit for c in history.commits] == line
    for commit in chosen:
        state = corpus_state(commit)
        report = _report_json(state)
        fig = figures[commit]
        assert {v["version"]: v["count"] for v in report["summary"]["per_version"]} == \
            {v: f.submissions for v, f in fig.versions.items()}
        assert fig.submissions == report["summary"]["submissions"]["count"] > 0
        assert fig.strict == report["summary"]["conformance"]["strict"]["count"]
        assert fig.lenient == report["summary"]["conformance"]["lenient"]["count"]
        assert fig.judged == report["summary"]["conformance"]["judged"]
        for version, vdata in report["versions"].items():
            assert fig.versions[version].strict == vdata["strict"]
            assert fig.versions[version].lenient == vdata["lenient"]
            assert {rid: dict(r.counts) for rid, r in fig.versions[version].requirements.items()} == \
                {rid: r["counts"] for rid, r in vdata["requirements"].items()}
        for rid, r in report["requirements"].items():
            assert (fig.overall[rid].implemented, fig.overall[rid].denominator) == \
                (r["counts"]["Implemented"], r["denominator"])
        adoption = analyse_components(state, validate(state)).adoption()
        assert fig.adoption is not None
        assert [(a.repo, a.count) for a in fig.adoption] == [(a.repo, a.count) for a in adoption]


def test_history_json_over_the_corpus(full_history: History) -> None:
    history = full_history
    data = history_data(history)
    json.dumps(data)  # JSON-able
    assert data["walk"]["commits"] == len(data["commits"]) == len(history.commits)
    assert data["newest_version"] == history.newest_version
    rates = data["trends"]["requirement_rates"]
    assert rates["requirements"] and len(rates["points"]) == len(data["commits"])
    adoption = data["trends"]["component_adoption"]
    assert adoption is not None and adoption["projects"]
    last = data["commits"][-1]
    top = adoption["projects"][0]["repo"]
    assert adoption["points"][-1]["counts"][top] == next(a["count"] for a in last["adoption"] if a["repo"] == top)


def test_tree_reader_matches_ls_tree_on_every_commit(corpus_repo: GitRepo) -> None:
    from kaic.history.trees import TreeReader

    reader = TreeReader(corpus_repo)
    commits = corpus_repo.log(MAIN, first_parent=False)
    assert len(commits) > 100
    for commit in commits:
        assert reader.tree(commit.oid) == corpus_repo.tree(commit.oid), commit.oid
