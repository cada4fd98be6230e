"""A git repository read straight from its objects: no work tree is touched.

One `git cat-file --batch` process serves every blob read, so reading a commit
costs one `ls-tree` plus one round trip per file. User values never reach git
where they could be taken for an option.

The scanned repository is untrusted (a pull request's checkout): kaic runs only
commands that read objects and refs, never one that looks at the work tree or
refreshes the index, and switches off what its git config could make run
(fsmonitor, hooks, external diff and textconv drivers, optional locks).
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from .base import (
    MAX_FILE_BYTES,
    Entry,
    EntryKind,
    ReadRefused,
    SourceError,
    SourceInfo,
    Tree,
    is_data_path,
    public_location,
    without_credentials,
)

_ENV = {
    **os.environ,
    "GIT_TERMINAL_PROMPT": "0",
    "GIT_ASKPASS": "true",
    "LC_ALL": "C",
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_OPTIONAL_LOCKS": "0",  # never write the index, even where git would refresh it
}
SAFE_CONFIG = (
    "-c", "core.fsmonitor=false",
    "-c", "core.hooksPath=/dev/null",
    "-c", "diff.external=",
    "-c", "core.quotepath=off",
)
"""Options given to every git run: nothing the scanned repository configures may execute."""
_MODES = {
    "100644": EntryKind.FILE,
    "100755": EntryKind.FILE,
    "120000": EntryKind.SYMLINK,
    "160000": EntryKind.SUBMODULE,
    "040000": EntryKind.DIR,
}


def run_git(repo: Path | None, *args: str, timeout: float = 120) -> str:
    """Run git and return stdout; raise SourceError with git's own message."""
    cmd = ["git", "--no-pager", "--no-optional-locks", *SAFE_CONFIG]
    if repo is not None:
        cmd += ["-C", str(repo)]
    try:
        done = subprocess.run(
            [*cmd, *args],
            capture_output=True,
            env=_ENV,
            timeout=timeout,
            check=False,
            stdin=subprocess.DEVNULL,
        )
    except FileNotFoundError:
        raise SourceError("git is not installed", "install git to read repositories") from None
    except subprocess.TimeoutExpired:
        raise SourceError(f"git {args[0]} timed out after {timeout:.0f}s") from None
    if done.returncode != 0:
        raise SourceError(f"git {args[0]} failed: {without_credentials(_git_error(done.stderr, done.returncode))}")
    return done.stdout.decode("utf-8", "surrogateescape")


def _git_error(stderr: bytes, returncode: int) -> str:
    """The line of git's stderr that says what went wrong (its first `fatal:`/`error:`)."""
    lines = [line.strip() for line in stderr.decode("utf-8", "replace").splitlines() if line.strip()]
    for line in lines:
        for prefix in ("fatal:", "error:"):
            if line.startswith(prefix):
                return line[len(prefix) :].strip()
    return lines[-1] if lines else f"exit code {returncode}"


LATEST_DATE = "9999-12-31T00:00:00+00:00"
EARLIEST_DATE = "0001-01-02T00:00:00+00:00"


def commit_date(iso: str) -> str:
    """git's ISO 8601 committer date, kept if Python can hold it, else the nearest end of
    Python's range: git stores any 64-bit timestamp (`10000-01-01T00:00:00+00:00`, year
    33658...), and a commit from a year past 9999 must not stop history, expiry or report.

    A date is kept only if it also converts to UTC (`9999-12-31T23:00:00-05:00` does not).
    """
    try:
        datetime.fromisoformat(iso).astimezone(UTC)
        return iso
    except (ValueError, OverflowError):
        pass
    year = iso.lstrip("+").split("-", 1)[0]
    return LATEST_DATE if year.isdigit() and int(year) >= 9999 else EARLIEST_DATE


@dataclass(frozen=True, slots=True)
class Commit:
    oid: str
    date: str  # committer date, ISO 8601, within what Python can hold (see commit_date)
    subject: str = ""
    parents: tuple[str, ...] = ()


class GitRepo:
    """A repository on disk (bare or not); shared by every commit read from it."""

    def __init__(self, path: Path, location: str | None = None) -> None:
        self.path = path
        self.location = public_location(location or str(path))  # recorded in reports: no credentials
        self._batch: subprocess.Popen[bytes] | None = None
        self._lock = threading.Lock()
        self._trees: dict[str, dict[str, Entry]] = {}
        self._shallow: bool | None = None
        self.stale: str | None = None  # why a cached clone could not be refreshed, if it could not

    # -- refs and commits -------------------------------------------------------------
    def resolve(self, ref: str) -> Commit:
        if not ref or ref.startswith("-") or any(c in ref for c in "\0\n\r"):
            raise SourceError(f"not a valid git ref: {ref!r}", "give a commit, branch or tag name")
        try:
            oid = run_git(self.path, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}").strip()
        except SourceError:
            if self.is_shallow():
                raise SourceError(
                    f"unknown git ref {ref!r} in {self.location}, a shallow clone: it may not have been fetched",
                    f"fetch it (git fetch --no-tags --depth=1 origin {ref}) or clone with the full history "
                    "(actions/checkout: fetch-depth: 0)") from None
            raise SourceError(f"unknown git ref {ref!r} in {self.location}") from None
        return self.commit(oid)

    def refuse_shallow(self, what: str) -> None:
        """Raise SourceError when the repository is a shallow clone: `what` needs the whole history."""
        if self.is_shallow():
            raise SourceError(
                f"{self.location} is a shallow clone: {what} needs the whole history "
                "(in a shallow clone every submission looks certified at the newest commit)",
                "fetch the full history: git fetch --unshallow (actions/checkout: fetch-depth: 0)")

    def is_shallow(self) -> bool:
        """True for a shallow clone (the default CI checkout): its history is cut short."""
        if self._shallow is None:
            try:
                self._shallow = run_git(self.path, "rev-parse", "--is-shallow-repository").strip() == "true"
            except SourceError:
                self._shallow = False
        return self._shallow

    def commit(self, oid: str) -> Commit:
        out = run_git(self.path, "show", "-s", "--format=%H%x00%cI%x00%P%x00%s", oid, "--")
        full, date, parents, subject = out.rstrip("\n").split("\0", 3)
        return Commit(full, commit_date(date), subject, tuple(parents.split()))

    def log(self, ref: str, *, first_parent: bool = True, since: str | None = None,
            until: str | None = None) -> list[Commit]:
        """Commits reachable from ref, oldest first."""
        head = self.resolve(ref).oid
        args = ["log", "--reverse", "--format=%H%x00%cI%x00%P%x00%s"]
        if first_parent:
            args.append("--first-parent")
        if since:
            args.append(f"--since={since}")
        if until:
            args.append(f"--until={until}")
        out = run_git(self.path, *args, head, "--")
        commits = []
        for line in out.splitlines():
            full, date, parents, subject = line.split("\0", 3)
            commits.append(Commit(full, commit_date(date), subject, tuple(parents.split())))
        return commits

    def changed_paths(self, base: str, head: str) -> list[str]:
        """Paths that differ between two commits (both already resolved ids)."""
        out = run_git(self.path, "diff-tree", "-r", "--name-only", "-z", "--no-renames", "--no-ext-diff",
                      "--no-textconv", base, head, "--")
        return [p for p in out.split("\0") if p]

    def deleted_paths(self, base: str, head: str) -> set[str]:
        """Paths present in `base` and gone in `head` (both already resolved ids)."""
        out = run_git(self.path, "diff-tree", "-r", "--name-only", "-z", "--no-renames", "--diff-filter=D",
                      "--no-ext-diff", "--no-textconv", base, head, "--")
        return {p for p in out.split("\0") if p}

    # -- trees and blobs --------------------------------------------------------------
    def tree(self, commit: str) -> dict[str, Entry]:
        cached = self._trees.get(commit)
        if cached is not None:
            return cached
        out = run_git(self.path, "ls-tree", "-r", "-t", "-l", "-z", "--full-tree", commit)
        entries: dict[str, Entry] = {}
        for record in out.split("\0"):
            if not record:
                continue
            meta, path = record.split("\t", 1)
            if not is_data_path(path):
                continue
            mode, _type, oid, size = meta.split(maxsplit=3)
            kind = _MODES.get(mode, EntryKind.OTHER)
            entries[path] = Entry(path, kind, int(size) if size.strip().isdigit() else 0, oid)
        self._trees[commit] = entries
        return entries

    def read_blob(self, oid: str, limit: int = MAX_FILE_BYTES) -> bytes:
        with self._lock:
            proc = self._batch_process()
            assert proc.stdin is not None and proc.stdout is not None
            proc.stdin.write(oid.encode() + b"\n")
            proc.stdin.flush()
            header = proc.stdout.readline().decode().split()
            if len(header) != 3:
                raise ReadRefused("file-not-regular", f"object {oid} is missing")
            size = int(header[2])
            data = _read_exact(proc.stdout, size + 1)[:size]
        if size > limit:
            raise ReadRefused("file-too-large", f"{size} bytes, over the {limit}-byte limit")
        return data

    def _batch_process(self) -> subprocess.Popen[bytes]:
        if self._batch is None or self._batch.poll() is not None:
            self._batch = subprocess.Popen(
                ["git", "--no-optional-locks", *SAFE_CONFIG, "-C", str(self.path), "cat-file", "--batch"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                env=_ENV,
            )
        return self._batch

    def close(self) -> None:
        if self._batch is not None:
            if self._batch.stdin:
                self._batch.stdin.close()
            self._batch.wait(timeout=5)
            self._batch = None

    def __del__(self) -> None:  # pragma: no cover - best effort
        with contextlib.suppress(Exception):
            self.close()


def _read_exact(stream: IO[bytes], n: int) -> bytes:
    chunks = []
    while n > 0:
        chunk = stream.read(n)
        if not chunk:
            break
        chunks.append(chunk)
        n -= len(chunk)
    return b"".join(chunks)


class GitSource:
    """One commit of a GitRepo, seen as a Source."""

    def __init__(self, repo: GitRepo, commit: Commit, ref: str | None = None) -> None:
        self.repo = repo
        self.commit = commit
        self.info = SourceInfo(
            location=repo.location, kind="git", commit=commit.oid, ref=ref, date=commit.date
        )

    def tree(self) -> Tree:
        return self.repo.tree(self.commit.oid)

    def read(self, path: str, limit: int = MAX_FILE_BYTES) -> bytes:
        entry = self.tree().get(path)
        if entry is None:
            raise ReadRefused("local-evidence-not-found", f"{path} does not exist")
        if entry.kind is not EntryKind.FILE or entry.oid is None:
            raise ReadRefused("file-not-regular", f"{path} is a {entry.kind.value}, not a regular file")
        if entry.size > limit:
            raise ReadRefused(
                "file-too-large", f"{path} is {entry.size} bytes, over the {limit}-byte limit"
            )
        return self.repo.read_blob(entry.oid, limit)
