"""The source layer: folders, git refs read from objects, bundles, URLs, --changed."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import threading
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kaic.cli import app
from kaic.load import RepoState, load_state
from kaic.source import (
    MAX_FILE_BYTES,
    DirectorySource,
    EntryKind,
    GitRepo,
    GitSource,
    ReadRefused,
    Source,
    SourceError,
    open_repo,
    open_source,
)
from kaic.source.git import run_git

from .fixtures.builder import VERSION, clean_product, commit_all, dump, git, git_init, write_repo

V = f"v{VERSION}"
runner = CliRunner()


# -- a directory --------------------------------------------------------------------------


def test_directory_tree_and_reads(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "repo", {f"{V}/acme": clean_product()})
    (root / "README.md").write_text("not data\n")
    (root / "src").mkdir()
    (root / "src" / "x.py").write_text("print()\n")
    folder = root / V / "acme"
    (folder / "big.log").write_bytes(b"x" * (MAX_FILE_BYTES + 1))
    os.symlink("/etc/hostname", folder / "link.txt")
    os.mkfifo(folder / "pipe")
    src = DirectorySource(root)
    tree = src.tree()
    assert "README.md" not in tree and "src/x.py" not in tree and "src" not in tree
    assert tree["docs"].kind is EntryKind.DIR
    assert tree[f"{V}/acme/PRODUCT.yaml"].kind is EntryKind.FILE
    assert tree[f"{V}/acme/link.txt"].kind is EntryKind.SYMLINK
    assert tree[f"{V}/acme/pipe"].kind is EntryKind.OTHER
    assert src.read(f"{V}/acme/PRODUCT.yaml") == dump(clean_product()).encode()
    for path, rule in [
        (f"{V}/acme/link.txt", "file-not-regular"),
        (f"{V}/acme/pipe", "file-not-regular"),
        (f"{V}/acme/big.log", "file-too-large"),
        (f"{V}/acme/missing.log", "local-evidence-not-found"),
        ("README.md", "local-evidence-not-found"),  # outside the data paths: not served
    ]:
        with pytest.raises(ReadRefused) as exc:
            src.read(path)
        assert exc.value.rule == rule, path
    with pytest.raises(ReadRefused) as exc:
        src.read(f"{V}/acme/PRODUCT.yaml", limit=10)
    assert exc.value.rule == "file-too-large"
    assert src.info.kind == "directory" and src.info.commit is None


def test_open_source_kinds(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "repo", {f"{V}/acme": clean_product()})
    src = open_source(str(root))
    assert isinstance(src, DirectorySource) and src.info.location == str(root)
    sample = open_source("sample")
    assert sample.info.kind == "sample" and sample.info.location == "sample"
    with pytest.raises(SourceError):
        open_source("sample", "HEAD")
    with pytest.raises(SourceError, match="no such source"):
        open_source(str(tmp_path / "missing"))
    with pytest.raises(SourceError, match="not a git repository"):
        open_source(str(root), "HEAD")
    not_bundle = tmp_path / "file.txt"
    not_bundle.write_text("hello\n")
    with pytest.raises(SourceError, match="bundle") as exc:
        open_source(str(not_bundle))
    assert exc.value.hint


# -- git ----------------------------------------------------------------------------------


def _history(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A repository: A (tag one) -> C on main; A -> B on branch feature."""
    repo = tmp_path / "git"
    write_repo(repo, {f"{V}/acme": clean_product(), f"{V}/beta": clean_product(name="beta", vendor="Beta")})
    git_init(repo)
    a = commit_all(repo, "A: two submissions")
    git(repo, "tag", "one")
    git(repo, "checkout", "-q", "-b", "feature")
    (repo / V / "beta" / "PRODUCT.yaml").write_text(dump(clean_product(name="beta", vendor="Beta Changed")))
    b = commit_all(repo, "B: beta renamed")
    git(repo, "checkout", "-q", "main")
    write_repo(repo, {f"{V}/gamma": clean_product(name="gamma", vendor="Gamma")})
    c = commit_all(repo, "C: gamma added")
    return repo, {"A": a, "B": b, "C": c}


def _vendors(src: Source) -> dict[str, str]:
    state = load_state(src)
    return {s.product: s.vendor for s in state.submissions}


def test_git_refs_read_from_objects(tmp_path: Path) -> None:
    repo, ids = _history(tmp_path)
    index = (repo / ".git" / "index").read_bytes()
    # the work tree is edited and left dirty: refs are read from objects all the same
    (repo / V / "acme" / "PRODUCT.yaml").write_text("not: [committed\n")
    for ref, commit, vendors in [
        (ids["A"], ids["A"], {"acme": "Acme Widgets", "beta": "Beta"}),
        (ids["B"][:7], ids["B"], {"acme": "Acme Widgets", "beta": "Beta Changed"}),
        ("feature", ids["B"], {"acme": "Acme Widgets", "beta": "Beta Changed"}),
        ("one", ids["A"], {"acme": "Acme Widgets", "beta": "Beta"}),
        ("HEAD", ids["C"], {"acme": "Acme Widgets", "beta": "Beta", "gamma": "Gamma"}),
    ]:
        src = open_source(str(repo), ref)
        assert isinstance(src, GitSource)
        assert (src.info.kind, src.info.commit, src.info.ref) == ("git", commit, ref)
        assert src.info.date
        assert _vendors(src) == vendors, ref
    assert (repo / V / "acme" / "PRODUCT.yaml").read_text() == "not: [committed\n"
    assert (repo / ".git" / "index").read_bytes() == index
    assert git(repo, "status", "--porcelain") == f"M {V}/acme/PRODUCT.yaml"
    assert not (repo / ".git" / "index.lock").exists()


def test_git_bare_repository_and_history(tmp_path: Path) -> None:
    repo, ids = _history(tmp_path)
    bare = tmp_path / "bare.git"
    subprocess.run(["git", "clone", "-q", "--bare", str(repo), str(bare)], check=True)
    src = open_source(str(bare), "main")
    assert src.info.commit == ids["C"]
    assert set(_vendors(src)) == {"acme", "beta", "gamma"}
    # a bare repository is not a data folder: it opens at HEAD without --ref
    assert open_source(str(bare)).info.commit == ids["C"]
    git_repo = open_repo(str(bare))
    log = git_repo.log("main")
    assert [c.oid for c in log] == [ids["A"], ids["C"]]
    assert log[1].parents == (ids["A"],) and log[1].subject == "C: gamma added"
    assert git_repo.commit(ids["A"]).parents == ()
    assert git_repo.changed_paths(ids["A"], ids["C"]) == [f"{V}/gamma/PRODUCT.yaml"]
    git_repo.close()


def test_git_symlink_product_is_reported(tmp_path: Path) -> None:
    repo = write_repo(tmp_path / "git", {f"{V}/acme": clean_product()})
    (repo / V / "link").mkdir()
    os.symlink("../acme/PRODUCT.yaml", repo / V / "link" / "PRODUCT.yaml")
    git_init(repo)
    commit_all(repo, "a link")
    state = load_state(open_source(str(repo), "HEAD"))
    link = next(s for s in state.submissions if s.product == "link")
    assert [p.rule for p in link.problems] == ["file-not-regular"]
    assert state.tree[f"{V}/link/PRODUCT.yaml"].kind is EntryKind.SYMLINK


@pytest.mark.parametrize("ref", ["--output=x", "-h", "--help", "-", "--upload-pack=touch pwned", "a\nb"])
def test_option_like_refs_are_refused(tmp_path: Path, ref: str, monkeypatch: pytest.MonkeyPatch) -> None:
    repo, _ = _history(tmp_path)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SourceError):
        open_source(str(repo), ref)
    result = runner.invoke(app, ["validate", "--source", str(repo), f"--ref={ref}"])
    assert result.exit_code == 2
    assert "not a valid git ref" in result.stderr
    result = runner.invoke(app, ["validate", "--source", str(repo), f"--changed={ref}"])
    assert result.exit_code == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["git"]  # git wrote no file
    assert not (repo / "x").exists() and not (repo / "pwned").exists()


def test_unknown_ref(tmp_path: Path) -> None:
    repo, _ = _history(tmp_path)
    with pytest.raises(SourceError, match="unknown git ref"):
        open_source(str(repo), "no-such-branch")
    result = runner.invoke(app, ["validate", "--source", str(repo), "--ref", "no-such-branch"])
    assert result.exit_code == 2 and "unknown git ref" in result.stderr


def test_git_errors_name_the_cause(tmp_path: Path) -> None:
    with pytest.raises(SourceError) as exc:
        run_git(tmp_path, "rev-parse", "HEAD")
    assert "not a git repository" in exc.value.message


# -- bundles ------------------------------------------------------------------------------


def test_bundle_is_cloned_into_the_cache(tmp_path: Path) -> None:
    repo, ids = _history(tmp_path)
    bundle = tmp_path / "repo.bundle"
    git(repo, "bundle", "create", str(bundle), "--all")
    src = open_source(str(bundle), ids["A"][:10])
    assert isinstance(src, GitSource)
    assert src.info.commit == ids["A"] and src.info.location == str(bundle.resolve())
    cache = Path(os.environ["KAIC_CACHE_DIR"])
    assert src.repo.path.is_relative_to(cache)
    assert set(_vendors(src)) == {"acme", "beta"}
    again = open_source(str(bundle), "feature")
    assert isinstance(again, GitSource)
    assert again.info.commit == ids["B"] and again.repo.path == src.repo.path


# -- URLs ---------------------------------------------------------------------------------


def test_file_url_is_a_cached_clone_refreshed_on_use(tmp_path: Path) -> None:
    repo, ids = _history(tmp_path)
    origin = tmp_path / "origin.git"
    subprocess.run(["git", "clone", "-q", "--bare", str(repo), str(origin)], check=True)
    url = origin.as_uri()
    src = open_source(url)
    assert isinstance(src, GitSource)
    assert src.info.commit == ids["C"] and src.info.location == url
    cache = Path(os.environ["KAIC_CACHE_DIR"])
    assert src.repo.path.is_relative_to(cache / "repos")
    # a new commit upstream is fetched on the next use
    write_repo(repo, {f"{V}/delta": clean_product(name="delta", vendor="Delta")})
    d = commit_all(repo, "D")
    git(repo, "push", "-q", str(origin), "main")
    again = open_source(url)
    assert again.info.commit == d and "delta" in _vendors(again)
    # offline: the cached copy still serves
    shutil.rmtree(origin)
    assert open_source(url, fetch=True).info.commit == d


def test_offline_without_source_is_one_line_and_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # not a repository: kaic falls back to the upstream clone
    assert os.environ["KAIC_UPSTREAM"].startswith("file:///nonexistent")
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2, result.stderr
    assert lines[0].startswith("kaic: error: cannot clone file:///nonexistent")
    assert lines[1].startswith("hint: ") and "--source" in lines[1]
    assert result.stdout == ""
    assert not list(Path(os.environ["KAIC_CACHE_DIR"]).glob("repos/*.tmp*"))


def test_option_like_url_is_refused() -> None:
    with pytest.raises(SourceError):
        open_source("-oProxyCommand=touch@x:y")


# -- --changed ------------------------------------------------------------------------------


def _changed_repo(tmp_path: Path) -> tuple[Path, str]:
    repo = write_repo(tmp_path / "git", {
        f"{V}/acme": clean_product(),
        f"{V}/beta": clean_product(name="beta", vendor="Beta"),
        f"{V}/gamma": clean_product(name="gamma", vendor="Gamma"),
    })
    git_init(repo)
    base = commit_all(repo, "base")
    product = clean_product(name="beta", vendor="Beta")
    product["metadata"]["productLogoUrl"] = "https://beta.example.com/logo.png"
    (repo / V / "beta" / "PRODUCT.yaml").write_text(dump(product))
    (repo / V / "gamma" / "evidence").mkdir()
    (repo / V / "gamma" / "evidence" / "run.log").write_text("ok\n")
    (repo / "docs" / "README.md").write_text("docs change touches no submission\n")
    commit_all(repo, "change beta and gamma")
    return repo, base


def test_changed_between_commits(tmp_path: Path) -> None:
    repo, base = _changed_repo(tmp_path)
    result = runner.invoke(app, ["validate", "--source", str(repo), "--ref", "HEAD", "--changed", base,
                                 "--format", "json"])
    assert result.exit_code == 0, result.output
    import json

    data = json.loads(result.stdout)
    assert [s["path"] for s in data["submissions"]] == [f"{V}/beta/PRODUCT.yaml", f"{V}/gamma/PRODUCT.yaml"]
    assert [f["rule"] for f in data["findings"]] == ["logo-format"]
    # nothing changed between a commit and itself
    result = runner.invoke(app, ["validate", "--source", str(repo), "--ref", "HEAD", "--changed", "HEAD"])
    assert result.exit_code == 0 and result.stdout.startswith("0 submissions checked")


def test_changed_in_a_work_tree(tmp_path: Path) -> None:
    repo, _ = _changed_repo(tmp_path)
    (repo / V / "acme" / "PRODUCT.yaml").write_text("metadata: [broken\n")  # uncommitted edit
    write_repo(repo, {f"{V}/new": clean_product(name="new", vendor="New")})  # untracked
    result = runner.invoke(app, ["validate", "--source", str(repo), "--changed", "HEAD", "--format", "json"])
    assert result.exit_code == 1
    import json

    data = json.loads(result.stdout)
    assert [s["path"] for s in data["submissions"]] == [f"{V}/acme/PRODUCT.yaml", f"{V}/new/PRODUCT.yaml"]
    assert {f["rule"] for f in data["findings"]} == {"yaml-invalid"}


def test_changed_needs_git(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "plain", {f"{V}/acme": clean_product()})
    result = runner.invoke(app, ["validate", "--source", str(root), "--changed", "HEAD"])
    assert result.exit_code == 2 and "--changed" in result.stderr


# -- a named pipe never blocks ------------------------------------------------------------


def test_named_pipe_product_does_not_block(tmp_path: Path) -> None:
    root = write_repo(tmp_path / "repo", {f"{V}/acme": clean_product()})
    (root / V / "pipe").mkdir()
    os.mkfifo(root / V / "pipe" / "PRODUCT.yaml")
    box: dict[str, object] = {}

    def work() -> None:
        box["state"] = load_state(DirectorySource(root))

    start = time.monotonic()
    worker = threading.Thread(target=work, daemon=True)
    worker.start()
    worker.join(timeout=10)
    if worker.is_alive():  # unblock the reader so that the test process can exit
        fd = os.open(root / V / "pipe" / "PRODUCT.yaml", os.O_WRONLY | os.O_NONBLOCK)
        os.close(fd)
        pytest.fail("loading a named pipe blocked")
    assert time.monotonic() - start < 5
    state = box["state"]
    assert isinstance(state, RepoState)
    pipe = next(s for s in state.submissions if s.product == "pipe")
    assert [p.rule for p in pipe.problems] == ["file-not-regular"]


def test_repository_blob_ids_are_content_hashes(tmp_path: Path) -> None:
    """GitSource reads the bytes git stored (one cat-file --batch serves every read)."""
    repo, ids = _history(tmp_path)
    src = GitSource(GitRepo(repo), GitRepo(repo).resolve(ids["A"]))
    path = f"{V}/acme/PRODUCT.yaml"
    data = src.read(path)
    header = f"blob {len(data)}\0".encode()
    assert hashlib.sha1(header + data).hexdigest() == src.tree()[path].oid
    assert [src.read(path) for _ in range(3)] == [data] * 3
    with pytest.raises(ReadRefused):
        src.read(f"{V}/nothing/PRODUCT.yaml")
    with pytest.raises(ReadRefused) as exc:
        src.read(path, limit=5)
    assert exc.value.rule == "file-too-large"


def test_changed_checklist_selects_its_whole_version(tmp_path: Path) -> None:
    """Editing docs/AIConformance-X.Y.yaml changes how every vX.Y submission is judged."""
    import json

    repo, _ = _changed_repo(tmp_path)
    before = git(repo, "rev-parse", "HEAD").strip()
    checklist = repo / "docs" / f"AIConformance-{VERSION}.yaml"
    checklist.write_text(checklist.read_text().replace("level: SHOULD", "level: MUST", 1))
    commit_all(repo, "raise a requirement to MUST")
    result = runner.invoke(app, ["validate", "--source", str(repo), "--ref", "HEAD", "--changed", before,
                                 "--format", "json"])
    paths = [s["path"] for s in json.loads(result.stdout)["submissions"]]
    assert paths == [f"{V}/acme/PRODUCT.yaml", f"{V}/beta/PRODUCT.yaml", f"{V}/gamma/PRODUCT.yaml"]
