"""Choose submissions: by paths the user gave, or by what changed since a base ref."""

from __future__ import annotations

import os
import posixpath
from collections.abc import Iterable
from pathlib import Path

from .load import RepoState
from .model import CHECKLIST_PATH, Submission
from .source import DirectorySource, EntryKind, GitSource, ReadRefused, Source, SourceError, Tree


def _root_of(source: Source) -> Path | None:
    if isinstance(source, DirectorySource):
        return source.root
    if isinstance(source, GitSource):
        return source.repo.path.resolve()
    return None


def _relative(path: str, source: Source) -> str:
    """The repository-relative POSIX form of a PATH argument ("" for the whole repository).

    An absolute path, or a relative one naming something that exists from the working
    directory inside the source folder, is taken relative to the source's root; any
    other relative path is already relative to the repository root.
    """
    p = Path(path)
    root = _root_of(source)
    if root is not None:
        candidate = p if p.is_absolute() else Path.cwd() / p
        # resolve the folder, not the last part: a PRODUCT.yaml symlink names itself
        if candidate.name in ("", ".", ".."):
            candidate = candidate.resolve()
        else:
            candidate = candidate.parent.resolve() / candidate.name
        try:
            inside = candidate.relative_to(root).as_posix()
        except ValueError:
            inside = None
        if inside is not None and (p.is_absolute() or os.path.lexists(candidate)):
            path = inside
    if Path(path).is_absolute():
        raise SourceError(f"{path} is outside the source {source.info.location}")
    rel = posixpath.normpath(path.replace("\\", "/"))
    if rel == ".." or rel.startswith("../"):
        raise SourceError(f"{path} is outside the source {source.info.location}")
    return "" if rel == "." else rel


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
        return work_tree_changes(repo.tree(repo.resolve(base).oid), source)
    raise SourceError("--changed needs a git source or a git checkout")


def blob_id(data: bytes) -> str:
    """The id git gives a blob with these bytes (as `git hash-object --no-filters`)."""
    import hashlib

    return hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()


def work_tree_changes(base: Tree, folder: DirectorySource) -> list[str]:
    """Data files of a checkout that differ from the `base` tree, found without git.

    `git diff` against a work tree refreshes the index and runs what the repository's
    config names (fsmonitor, filters): a pull request's checkout must not get to run
    anything. So the work tree is compared here, blob id by blob id, as stored bytes
    (no clean filter or line-ending conversion is applied).
    """
    here = folder.tree()
    changed = []
    for path in sorted({*base, *here}):
        old, new = base.get(path), here.get(path)
        if old is None or new is None:
            one = old or new
            if one is not None and one.kind is not EntryKind.DIR:
                changed.append(path)
            continue
        if old.kind is EntryKind.DIR and new.kind is EntryKind.DIR:
            continue
        if old.kind is not new.kind:
            changed.append(path)
        elif new.kind is EntryKind.SYMLINK:
            try:
                target = os.fsencode(os.readlink(folder.root / path))
            except OSError:
                changed.append(path)
                continue
            if blob_id(target) != old.oid:
                changed.append(path)
        elif new.kind is EntryKind.FILE and (new.size != old.size or _file_id(folder, path) != old.oid):
            changed.append(path)
    return changed


def _file_id(folder: DirectorySource, path: str) -> str | None:
    try:
        return blob_id(folder.read(path))
    except ReadRefused:
        return None


def by_change(state: RepoState, source: Source, base: str) -> list[Submission]:
    """Submissions whose product folder holds a changed file."""
    paths = changed_paths(source, base)
    touched = set()
    for folder in {posixpath.dirname(p) for p in paths}:
        parts = folder.split("/")
        if len(parts) >= 2:
            touched.add("/".join(parts[:2]))
    # An edited checklist changes how every submission of its version is judged.
    versions = {m.group(1) for m in map(CHECKLIST_PATH.match, paths) if m}
    return [s for s in state.submissions if s.folder in touched or s.version in versions]


def base_source(source: Source, base: str) -> Source:
    """The state at `base` in the same repository (where a reviewer's config is trusted)."""
    if isinstance(source, GitSource):
        return GitSource(source.repo, source.repo.resolve(base), base)
    if isinstance(source, DirectorySource) and source.info.commit:
        from .source.git import GitRepo

        repo = GitRepo(source.root)
        return GitSource(repo, repo.resolve(base), base)
    raise SourceError("--changed needs a git source or a git checkout")
