"""Turn what the user typed after --source (and --ref) into a Source."""

from __future__ import annotations

import os
import re
from pathlib import Path

from .base import Source, SourceError, SourceInfo, public_location
from .directory import DirectorySource
from .git import GitRepo, GitSource, run_git

UPSTREAM_URL = "https://github.com/cncf/k8s-ai-conformance"
_URL = re.compile(r"^(https?|ssh|git|file)://|^[\w.-]+@[\w.-]+:")


def sample_root() -> Path:
    return Path(__file__).resolve().parent.parent / "sample"


def cache_dir() -> Path:
    override = os.environ.get("KAIC_CACHE_DIR")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("kaic"))


def looks_like_repository(path: Path) -> bool:
    """A folder holding conformance data: docs/AIConformance-*.yaml or vX.Y/*/PRODUCT.yaml."""
    docs = path / "docs"
    if docs.is_dir() and any(docs.glob("AIConformance-*.yaml")):
        return True
    return any(path.glob("v[0-9]*/*/PRODUCT.yaml"))


MISSING = "no docs/AIConformance-X.Y.yaml checklist and no vX.Y/<product>/PRODUCT.yaml submission"
"""What a folder lacks when it is not the conformance repository."""


def find_root(start: Path) -> Path | None:
    """The conformance repository holding `start`, found by walking up as git does."""
    here = start.resolve()
    for folder in (here, *here.parents):
        if looks_like_repository(folder):
            return folder
        if _is_git_dir(folder):  # a repository's top: never look above it
            return None
    return None


def not_a_repository(path: Path, what: str = "") -> SourceError:
    """The error for a folder that is not the conformance repository: what it lacks, and
    where the repository is when the folder lies inside one."""
    root = find_root(path.parent) if path.parent != path else None
    hint = (f"{path} is inside the repository {root}: pass that folder" if root is not None
            else "run kaic in a checkout of cncf/k8s-ai-conformance (or a folder inside it), "
                 "or pass --source DIR|FILE.bundle|URL|sample")
    return SourceError(f"{what or path} is not the conformance repository: {MISSING}", hint)


def _has_data(repo: GitRepo, commit: str) -> bool:
    tree = repo.tree(commit)
    from ..model import (  # the model (and YAML) only when a folder is judged
        CHECKLIST_PATH,
        SUBMISSION_PATH,
    )

    return any(CHECKLIST_PATH.match(p) or SUBMISSION_PATH.match(p) for p in tree)


def _is_git_dir(path: Path) -> bool:
    return (path / ".git").exists() or ((path / "HEAD").is_file() and (path / "objects").is_dir())


def open_source(spec: str | None = None, ref: str | None = None, *, fetch: bool = True) -> Source:
    """Open `spec`: None, "sample", a folder, a git repository, a bundle file or a URL."""
    if spec is None:
        root = find_root(Path.cwd())
        spec = str(root) if root is not None else os.environ.get("KAIC_UPSTREAM", UPSTREAM_URL)
    if spec == "sample":
        if ref:
            raise SourceError("--ref does not apply to the bundled sample")
        return DirectorySource(sample_root(), SourceInfo(location="sample", kind="sample"))
    if _URL.match(spec):
        return _git(_cached_clone(spec, fetch=fetch), ref or "HEAD")
    path = Path(spec).expanduser()
    if path.is_file():
        return _git(_cached_bundle(path), ref or "HEAD")
    if not path.is_dir():
        raise SourceError(f"no such source: {spec}", "give a folder, a git repository, a bundle, a URL or 'sample'")
    if _is_git_dir(path) and (ref is not None or not looks_like_repository(path)):
        source = _git(GitRepo(path, str(path)), ref or "HEAD")
        if not _has_data(source.repo, source.commit.oid):
            raise not_a_repository(path, f"{spec} at {source.commit.oid[:12]}")
        return source
    if ref is not None:
        raise SourceError(f"{spec} is not a git repository, so --ref cannot apply")
    if not looks_like_repository(path):
        raise not_a_repository(path, spec)
    info = SourceInfo(location=str(path), kind="directory", commit=_head_of(path))
    return DirectorySource(path, info)


def open_repo(spec: str | None = None, *, fetch: bool = True) -> GitRepo:
    """The git repository behind `spec`, for commands that walk history."""
    if spec is None:
        root = find_root(Path.cwd())
        spec = str(root) if root is not None else os.environ.get("KAIC_UPSTREAM", UPSTREAM_URL)
    if spec == "sample":
        raise SourceError("the bundled sample has no git history", "pass a repository, bundle or URL")
    if _URL.match(spec):
        return _cached_clone(spec, fetch=fetch)
    path = Path(spec).expanduser()
    if path.is_file():
        return _cached_bundle(path)
    if path.is_dir() and _is_git_dir(path):
        return GitRepo(path, str(path))
    raise SourceError(f"{spec} is not a git repository", "history needs a git repository, bundle or URL")


def _git(repo: GitRepo, ref: str) -> GitSource:
    return GitSource(repo, repo.resolve(ref), ref)


def _head_of(path: Path) -> str | None:
    if not _is_git_dir(path):
        return None
    try:
        return run_git(path, "rev-parse", "--verify", "--quiet", "HEAD").strip() or None
    except SourceError:
        return None


def _slug(text: str) -> str:
    import hashlib  # here: `kaic validate` on a folder never needs it

    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _mirror(origin: str, target: Path, failure: str, hint: str, timeout: float = 120) -> None:
    """Clone `origin` as a mirror into `target`, atomically (a half clone is never used)."""
    import shutil

    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(f".tmp{os.getpid()}")
    shutil.rmtree(tmp, ignore_errors=True)  # left over by an interrupted clone
    try:
        run_git(None, "clone", "--quiet", "--mirror", "--", origin, str(tmp), timeout=timeout)
    except SourceError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise SourceError(f"{failure}: {exc.message}", hint) from None
    os.replace(tmp, target)


def _cached_bundle(bundle: Path) -> GitRepo:
    bundle = bundle.resolve()
    st = bundle.stat()
    target = cache_dir() / "bundles" / _slug(f"{bundle}:{st.st_size}:{st.st_mtime_ns}")
    if not (target / "HEAD").exists():
        _mirror(str(bundle), target, f"cannot read {bundle} as a git bundle",
                "give a folder, a git repository, a bundle file, a URL or 'sample'")
    return GitRepo(target, str(bundle))


def _cached_clone(url: str, *, fetch: bool) -> GitRepo:
    if url.startswith("-"):  # never reaches git (or ssh) where it could read as an option
        raise SourceError(f"not a repository URL: {public_location(url)!r}")
    target = cache_dir() / "repos" / _slug(url)
    if (target / "HEAD").exists():
        repo = GitRepo(target, url)
        if fetch:
            try:
                run_git(target, "fetch", "--quiet", "--prune", "origin", timeout=60)
            except SourceError as exc:  # offline: the cached copy is still valid, and said to be old
                repo.stale = (f"could not refresh the cached copy of {public_location(url)} ({exc.message}); "
                              "using it as last fetched")
        return repo
    _mirror(url, target, f"cannot clone {public_location(url)}",
            "check the network, or pass --source DIR, --source FILE.bundle or --source sample", timeout=300)
    return GitRepo(target, url)
