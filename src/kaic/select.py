"""Choose submissions: by paths the user gave, or by what changed since a base ref."""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from pathlib import Path

from .load import RepoState
from .model import Submission
from .source import DirectorySource, GitSource, Source, SourceError
from .source.git import run_git


def _relative(path: str, source: Source) -> str:
    p = Path(path)
    if p.is_absolute() and isinstance(source, DirectorySource):
        try:
            path = p.resolve().relative_to(source.root).as_posix()
        except ValueError:
            raise SourceError(f"{path} is outside the source {source.root}") from None
    return posixpath.normpath(path.replace("\\", "/")).lstrip("./") if path not in (".", "./") else ""


def by_paths(state: RepoState, source: Source, paths: Iterable[str]) -> list[Submission]:
    """Submissions whose PRODUCT.yaml or folder lies at or under one of `paths`."""
    wanted = [_relative(p, source) for p in paths]
    chosen = []
    for sub in state.submissions:
        for w in wanted:
            if not w or sub.path == w or sub.path.startswith(w.rstrip("/") + "/") or sub.folder == w:
                chosen.append(sub)
                break
    return chosen


def changed_paths(source: Source, base: str) -> list[str]:
    """Files that differ between `base` and the source (commit, or work tree)."""
    if isinstance(source, GitSource):
        base_commit = source.repo.resolve(base)
        return source.repo.changed_paths(base_commit.oid, source.commit.oid)
    if isinstance(source, DirectorySource) and source.info.commit:
        from .source.git import GitRepo

        repo = GitRepo(source.root)
        base_oid = repo.resolve(base).oid
        out = run_git(source.root, "diff", "--name-only", "-z", "--no-renames", base_oid, "--")
        untracked = run_git(source.root, "ls-files", "-z", "--others", "--exclude-standard")
        return [p for p in (out + "\0" + untracked).split("\0") if p]
    raise SourceError("--changed needs a git source or a git checkout")


def by_change(state: RepoState, source: Source, base: str) -> list[Submission]:
    """Submissions whose product folder holds a changed file."""
    folders = {posixpath.dirname(p) for p in changed_paths(source, base)}
    touched = set()
    for folder in folders:
        parts = folder.split("/")
        if len(parts) >= 2:
            touched.add("/".join(parts[:2]))
    return [s for s in state.submissions if s.folder in touched]
