"""Work kaic shares instead of repeating: one compiled matcher per catalog, one component
analysis per distinct submission (across states, sources and the commits of a walk), one
history walk per report, plain YAML scalars resolved once, and a `kaic validate` start-up
that leaves the report machinery unloaded.

Each test checks that the shared result is the one a fresh computation gives, and that a
change of content is never served a stale one.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from kaic._yaml import Scalar, load
from kaic.components import analysis as analysis_module
from kaic.components.analysis import (
    analyse_components,
    clear_shared_results,
    content_key,
    not_analysed,
)
from kaic.components.catalog import default_path, load_catalog, read_catalog
from kaic.components.matcher import CatalogConflict, Term, compiled_matcher
from kaic.history import HistoryOptions, build_history
from kaic.history.adoption import AdoptionCounter
from kaic.lint import validate
from kaic.load import load_state
from kaic.source import DirectorySource, GitRepo, open_source

from .fixtures.builder import VERSION
from .test_history import Repo, new_repo, product


@pytest.fixture(autouse=True)
def _cold() -> None:
    clear_shared_results()


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Repo:
    """Two submissions naming components, one with a local evidence file; then an edit of
    that file only; then a new submission."""
    r = new_repo(tmp_path_factory.mktemp("caches") / "repo")
    acme = product("acme", "Acme Widgets")
    next(iter(acme["spec"].values()))[0]["notes"] = "Kueue schedules the jobs; see results.md"
    r.write(f"v{VERSION}/acme", acme)
    (r.root / f"v{VERSION}" / "acme" / "results.md").write_text("We run Volcano too.\n", encoding="utf-8")
    beta = product("beta", "Beta Corp")
    next(iter(beta["spec"].values()))[0]["notes"] = "KubeRay and Ray clusters"
    beta["metadata"]["contactEmailAddress"] = "not an address"  # a finding: the gaps show it
    r.write(f"v{VERSION}/beta", beta)
    r.commit("two", "2024-03-01T12:00:00+00:00")
    (r.root / f"v{VERSION}" / "acme" / "results.md").write_text("We run Kubeflow Trainer.\n", encoding="utf-8")
    r.commit("edit-file", "2024-04-01T12:00:00+00:00")
    r.write(f"v{VERSION}/gamma", product("gamma", "Gamma Inc"))
    r.commit("gamma", "2024-05-01T12:00:00+00:00")
    return r


def _detections(ca: Any) -> dict[str, Any]:
    return {path: r.detection for path, r in ca.results.items()}


# -- the matcher ----------------------------------------------------------------------------------


def test_catalogs_with_the_same_terms_share_one_matcher() -> None:
    one = read_catalog(default_path(), check=False)
    two = read_catalog(default_path(), check=False)
    assert one is not two
    assert one.matcher is two.matcher
    assert one.link_matcher is two.link_matcher
    assert load_catalog().matcher is one.matcher  # the shipped catalog, loaded once
    assert one.link_matcher is not one.matcher


def test_the_matcher_cache_tells_terms_apart_and_keeps_raising_conflicts() -> None:
    kueue = (Term("kubernetes-sigs/kueue", "Kueue"),)
    volcano = (Term("volcano-sh/volcano", "Volcano"),)
    assert compiled_matcher(kueue) is compiled_matcher(kueue)
    assert compiled_matcher(kueue) is not compiled_matcher(volcano)
    assert compiled_matcher(kueue, strict=False) is not compiled_matcher(kueue)
    clash = (Term("a/one", "Same Name"), Term("b/two", "same-name"))
    for _ in range(2):  # a failed compile is not cached as a success
        with pytest.raises(CatalogConflict):
            compiled_matcher(clash)
    assert [h.term.target for h in compiled_matcher(clash, strict=False).scan("same name")] == ["a/one"]


# -- component results shared across states -----------------------------------------------------


def test_two_states_of_one_content_share_the_analysis_but_not_the_gaps(repo: Repo) -> None:
    first = load_state(open_source(str(repo.root), "main"))
    second = load_state(open_source(str(repo.root), "main"))
    with_findings = analyse_components(first, validate(first))
    without = analyse_components(second)
    for path, result in with_findings.results.items():
        other = without.results[path]
        assert other.detection is result.detection  # analysed once
        assert other.evidence is result.evidence and other.solutions is result.solutions
        assert other.sub is not result.sub and other.sub is second.submissions[[s.path for s in second.submissions].index(path)]
    # the gaps are made per call: the findings of one are not the other's
    assert any(i.category == "validation" for r in with_findings.results.values() for i in r.gaps.issues)
    assert not any(i.category == "validation" for r in without.results.values() for i in r.gaps.issues)


def test_a_checkout_and_its_commit_share_results(repo: Repo) -> None:
    folder = load_state(DirectorySource(repo.root))
    git = load_state(open_source(str(repo.root), "main"))
    assert all(s.oid is None for s in folder.submissions)
    keys = {s.path: content_key(folder, s) for s in folder.submissions}
    assert keys == {s.path: content_key(git, s) for s in git.submissions}
    assert all(k is not None for k in keys.values())
    shared = _detections(analyse_components(folder, validate(folder)))
    assert _detections(analyse_components(git, validate(git))) == shared
    assert all(_detections(analyse_components(git))[p] is d for p, d in shared.items())


def test_content_keys_follow_the_product_file_and_the_folder(repo: Repo) -> None:
    gitrepo = GitRepo(repo.root)

    def keys(label: str) -> dict[str, Any]:
        state = load_state(open_source(str(repo.root), repo.commits[label]))
        return {s.path: content_key(state, s) for s in state.submissions}

    two, edited, gamma = keys("two"), keys("edit-file"), keys("gamma")
    acme, beta = f"v{VERSION}/acme/PRODUCT.yaml", f"v{VERSION}/beta/PRODUCT.yaml"
    assert two[acme] != edited[acme]  # only results.md changed: a different analysis
    assert two[beta] == edited[beta] == gamma[beta]
    assert edited[acme] == gamma[acme]
    assert gitrepo.resolve("main").oid == repo.commits["gamma"]


def test_a_shared_analysis_equals_a_fresh_one(repo: Repo) -> None:
    states = [load_state(open_source(str(repo.root), repo.commits[label])) for label in ("two", "edit-file", "gamma")]
    warm = [_detections(analyse_components(s, validate(s))) for s in states]
    fresh = []
    for s in states:
        clear_shared_results()
        fresh.append(_detections(analyse_components(s, validate(s))))
    assert warm == fresh
    acme = f"v{VERSION}/acme/PRODUCT.yaml"
    assert warm[0][acme] != warm[1][acme]  # the edited file is read again


def test_a_file_that_cannot_be_read_is_not_shared(tmp_path: Path, repo: Repo, monkeypatch: pytest.MonkeyPatch) -> None:
    state = load_state(DirectorySource(repo.root))
    sub = state.submissions[0]
    assert content_key(state, sub) is not None
    reader = state.reader
    assert reader is not None

    def refuse(path: str, limit: int = 0) -> bytes:
        raise OSError("gone")

    monkeypatch.setattr(reader, "read", refuse)
    assert content_key(state, sub) is None


def test_a_failed_analysis_has_a_public_result(repo: Repo) -> None:
    state = load_state(open_source(str(repo.root), "main"))
    result = not_analysed(state.submissions[0], "ValueError: broken")
    assert result.error == "ValueError: broken"
    assert result.detection.components == () and "not analysed" in result.evidence.reason
    assert analysis_module._empty is not_analysed  # the former private name still works


def test_one_submission_is_analysed_once_over_a_walk_and_its_report(repo: Repo,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = analysis_module.detect

    def counting(sub: Any, catalog: Any, files: Any) -> Any:
        calls.append(sub.path)
        return real(sub, catalog, files)

    monkeypatch.setattr(analysis_module, "detect", counting)
    folder = load_state(DirectorySource(repo.root))  # the checkout: no blob ids of its own
    report_analysis = analyse_components(folder, validate(folder))
    assert len(calls) == 3
    h = build_history(GitRepo(repo.root), HistoryOptions(ref="main", known=(folder, report_analysis)))
    # the walk analysed only the acme of the first commit (its results.md differs)
    assert sorted(calls) == sorted([*(s.path for s in folder.submissions), f"v{VERSION}/acme/PRODUCT.yaml"])
    counted = [c.adoption for c in h.commits if c.adoption is not None]
    clear_shared_results()
    fresh = build_history(GitRepo(repo.root), HistoryOptions(ref="main"))
    assert counted == [c.adoption for c in fresh.commits if c.adoption is not None]


def test_the_adoption_counter_reuses_a_known_analysis(repo: Repo) -> None:
    state = load_state(open_source(str(repo.root), "main"))
    done = analyse_components(state, validate(state))
    counter = AdoptionCounter(known=(state, done))
    again = counter.analysis(load_state(open_source(str(repo.root), "main")))
    assert all(again.results[p] is done.results[p] for p in done.results)
    assert [(x.repo, x.name, x.count) for x in counter.adoption(state)] == [
        (a.repo, a.name, a.count) for a in done.adoption()
    ]


# -- one history walk per report -------------------------------------------------------------------


def test_a_report_walks_the_history_once(repo: Repo, monkeypatch: pytest.MonkeyPatch) -> None:
    from kaic.report.build import build_report
    from kaic.report.sections import _history

    walks: list[HistoryOptions] = []
    real = _history.build_history

    def counting(git: GitRepo, options: HistoryOptions) -> Any:
        walks.append(options)
        return real(git, options)

    monkeypatch.setattr(_history, "build_history", counting)
    state = load_state(open_source(str(repo.root), "main"))
    data = build_report(state, validate(state), options={"as_of": "2024-09-01"}).data
    assert len(walks) == 1 and walks[0].figures
    assert data["trends"]["commits"] == len(repo.commits)
    # the timeline read from that walk is the one a certifications-only walk gives
    alone = real(GitRepo(repo.root), HistoryOptions(ref=repo.commits["gamma"], figures=False,
                                                    as_of=walks[0].as_of))
    assert [c["path"] for c in data["timeline"]["certifications"]] == [c.path for c in alone.certifications]
    assert [c["vendor"] for c in data["timeline"]["certifications"]] == [c.vendor for c in alone.certifications]


# -- YAML scalars -----------------------------------------------------------------------------------


def test_plain_scalars_resolved_once_keep_their_kind_and_line() -> None:
    text = "a: 1\nb: '1'\nc: yes\nd: 1.5\ne: ~\nf: 0x10\ng: text\n"
    for _ in range(3):  # the second and third loads are served from the resolved cache
        root = load(text).root
        values = {k: (v.value, v.kind, v.line) for k, _, v in root.entries if isinstance(v, Scalar)}  # type: ignore[union-attr]
        assert values == {"a": (1, "int", 1), "b": ("1", "str", 2), "c": (True, "bool", 3),
                          "d": (1.5, "float", 4), "e": (None, "null", 5), "f": (16, "int", 6),
                          "g": ("text", "str", 7)}
    shifted = load("\n\nb: 1\n").root
    assert shifted.entries[0][2] == Scalar(1, 3, "int")  # type: ignore[union-attr]


# -- start-up ------------------------------------------------------------------------------------------

HEAVY = ("kaic.report", "kaic.components", "kaic.history", "kaic.dashboard", "kaic.analysis", "kaic.baseline",
         "jsonschema", "jinja2", "pygal", "rich", "tomllib")
# (xml is loaded when a cited test artifact is XML, as in the sample: not a report cost;
# hashlib is: validate keys its reused findings by digests, see kaic.reuse)


def test_validate_leaves_the_report_machinery_unloaded(tmp_path: Path) -> None:
    """`kaic validate -f json` on a folder without pyproject.toml loads nothing it does not use."""
    code = (
        "import sys\n"
        "from kaic.cli import main\n"
        "sys.argv = ['kaic', 'validate', '--source', 'sample', '--format', 'json', '--out', 'out.json']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        f"heavy = {HEAVY!r}\n"
        "print(sorted(m for m in sys.modules if m.startswith(heavy)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]", done.stdout
    assert (tmp_path / "out.json").read_text(encoding="utf-8").startswith("{")


# -- the dashboard's compiled template ---------------------------------------------------------------


# -- the matcher's lookaheads -----------------------------------------------------------------------


def test_start_chars_look_through_optional_parts() -> None:
    from kaic.components.matcher import start_chars

    assert start_chars("(?-i:(?:NVIDIA |Tesla )?(?:GB300|H100))") == frozenset("NTGH")  # case-sensitive inside
    assert start_chars("(?-i:Ray(?:Cluster|Job)s?)") == frozenset("R")
    assert start_chars("x*y") == frozenset("xXyY")
    for anything in ("a?", "[^a]b", r"\w+", "(a|)?", "."):
        assert start_chars(anything) is None


def test_bucketed_lookaheads_find_what_plain_alternation_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    """The shipped catalog compiled with and without the shared lookaheads: the same hits
    on every corpus-like text, including odd case and Unicode folds."""
    from kaic.components import matcher as m
    from kaic.components.solutions import load_spec

    terms = tuple(load_catalog().with_entries(load_spec().signal_entries()).terms())
    fast = m.Matcher(terms)
    facts = m._pattern_facts
    monkeypatch.setattr(m, "_BUCKET", 1)
    monkeypatch.setattr(m, "_pattern_facts", lambda pattern: (*facts(pattern)[:2], None))
    plain = m.Matcher(terms)
    assert fast.regex.pattern != plain.regex.pattern
    words = [t.text for t in terms]
    texts = [
        " ".join(words),
        " ".join(w.upper() for w in words),
        "; ".join(f"x{w} {w}s NVIDIA {w} Tesla {w}" for w in words),
        " ".join(w.replace("k", "\u212a").replace("s", "\u017f") for w in words),
        "We run NVIDIA H100 and Tesla T4, GB200 racks, a RayCluster and Kueue's ClusterQueue.",
    ]
    for text in texts:
        assert [(h.term, h.start, h.end) for h in fast.scan(text)] == [(h.term, h.start, h.end) for h in plain.scan(text)]


# -- what a walk meets at every commit ------------------------------------------------------------------


def test_a_checklist_blob_is_read_once_across_commits(repo: Repo, monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    from kaic.source import GitSource

    importlib.import_module("kaic.load")._CHECKLIST_BLOBS.clear()  # `kaic.load` is also a function
    reads: list[str] = []
    real = GitSource.read

    def counting(self: GitSource, path: str, *args: Any, **kwargs: Any) -> bytes:
        reads.append(path)
        return real(self, path, *args, **kwargs)

    monkeypatch.setattr(GitSource, "read", counting)
    states = [load_state(open_source(str(repo.root), repo.commits[label])) for label in ("two", "edit-file", "gamma")]
    checklist = f"docs/AIConformance-{VERSION}.yaml"
    assert reads.count(checklist) == 1
    assert states[0].checklists[VERSION] is states[2].checklists[VERSION]
    folder = load_state(DirectorySource(repo.root))  # no blob ids: read as before
    assert folder.checklists[VERSION] == states[2].checklists[VERSION]


def test_a_checklist_blob_that_changed_is_read_again(tmp_path: Path) -> None:
    from .fixtures.builder import checklist_text

    r = new_repo(tmp_path / "repo")
    r.write(f"v{VERSION}/acme", product("acme", "Acme Widgets"))
    r.commit("acme", "2024-03-01T12:00:00+00:00")
    text = checklist_text()
    (r.root / "docs" / f"AIConformance-{VERSION}.yaml").write_text(text.replace("MUST", "SHOULD", 1), encoding="utf-8")
    r.commit("relaxed", "2024-04-01T12:00:00+00:00")
    before = load_state(open_source(str(r.root), r.commits["acme"]))
    after = load_state(open_source(str(r.root), r.commits["relaxed"]))
    assert before.checklists[VERSION] != after.checklists[VERSION]
    musts = [sum(1 for q in s.checklists[VERSION].requirements if q.is_must) for s in (before, after)]
    assert musts[1] == musts[0] - 1
    # the verdicts follow the checklist, not the remembered submission
    from kaic.analysis import verdicts

    sub_before, sub_after = before.submissions[0], after.submissions[0]
    v1 = verdicts([sub_before], before.checklists)[sub_before.path]
    v2 = verdicts([sub_after], after.checklists)[sub_after.path]
    assert len(v2.must) == len(v1.must) - 1
    assert verdicts([sub_before], before.checklists)[sub_before.path] is v1  # the same objects: remembered


def test_status_words_are_the_same_however_often_asked() -> None:
    from kaic.model import Status
    from kaic.model.submission import normalize_status

    for _ in range(3):
        assert normalize_status(" partially_implemented ") is Status.PARTIAL
        assert normalize_status("N/A") is Status.NA
        assert normalize_status("") is Status.EMPTY
        assert normalize_status("maybe") is Status.OTHER
