"""A submission's findings, reused from the result cache while what the rules read is unchanged.

The rules see a submission as parsed, its checklist and, through the repository state,
the tree listing and the files they open (local evidence, test artifacts). With a result
cache in use, the rules run against a *recording* view of the state: each path looked up
in the tree is written down with the entry found (or its absence), and each file read
with the SHA-256 of its bytes (or the refusal). The findings are stored with that record
under a key made of the submission as parsed, every checklist, the version folders, the
rule configuration and the policy; the store adds kaic's code and data fingerprints.

A later run takes the findings only if every recorded lookup finds the same entry and
every recorded read gives the same bytes (a git blob whose id is unchanged is not read
again). A rule that lists the whole tree, or reaches for anything else of the state
(other submissions, the source's identity), makes the result unstorable: it is computed
every time. A run that crashed a rule is never stored.

The contract this rests on: a rule is a function of what it is given. It reads no
clock, environment or network (a test holds every rule module to it), and data it
loads is shipped with kaic, whose hash is in every key.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from .cache import digest_of
from .source import MAX_FILE_BYTES, Entry, ReadRefused, Source, Tree

if TYPE_CHECKING:
    from .config import Config
    from .load import RepoState
    from .model import Submission
    from .rules import Finding

NAMESPACE = "findings"


def key_of(state: RepoState, sub: Submission, config: Config, policy: str) -> str:
    """What the rules' findings for `sub` depend on, besides the files they look up."""
    return digest_of(NAMESPACE, sub, _checklists(state), state.version_dirs,
                     sorted(config.rules.items()), policy)


_CHECKLISTS: dict[int, tuple[object, str]] = {}


def _checklists(state: RepoState) -> str:
    """A digest of every checklist of `state` (computed once per state object)."""
    known = _CHECKLISTS.get(id(state.checklists))
    if known is not None and known[0] is state.checklists:
        return known[1]
    value = digest_of(*state.checklists.items())
    if len(_CHECKLISTS) > 64:
        _CHECKLISTS.clear()
    _CHECKLISTS[id(state.checklists)] = (state.checklists, value)
    return value


def _bytes_id(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _refusal(exc: ReadRefused) -> str:
    return f"refused:{exc.rule}:{exc.message}"


@dataclass(frozen=True)
class Record:
    """Findings, and the answers the state gave the rules that made them."""

    findings: tuple[Finding, ...]
    lookups: tuple[tuple[str, Entry | None], ...]  # (path, what the tree held)
    reads: tuple[tuple[str, int, str], ...]  # (path, limit, SHA-256 of the bytes or the refusal)

    def holds(self, state: RepoState) -> bool:
        """Every lookup and read gives today what it gave when the findings were made."""
        tree = state.tree
        for path, entry in self.lookups:
            if tree.get(path) != entry:
                return False
        looked = dict(self.lookups)
        for path, limit, answer in self.reads:
            entry = looked.get(path)
            if entry is not None and entry.oid:  # a git blob: same id, same bytes
                continue
            if state.reader is None:
                return False
            try:
                now = _bytes_id(state.reader.read(path, limit))
            except ReadRefused as exc:
                now = _refusal(exc)
            except Exception:
                return False
            if now != answer:
                return False
        return True


class _Tree(Mapping[str, Entry]):
    """The tree, writing down each path looked up; listing it marks the view unstorable."""

    def __init__(self, tree: Tree) -> None:
        self._tree = tree
        self.looked: dict[str, Entry | None] = {}
        self.listed = False

    def get(self, key: str, default: Any = None) -> Any:
        entry = self._tree.get(key)
        if isinstance(key, str):
            self.looked[key] = entry
        else:
            self.listed = True
        return entry if entry is not None else default

    def __getitem__(self, key: str) -> Entry:
        entry = self.get(key)
        if entry is None:
            raise KeyError(key)
        return cast(Entry, entry)

    def __contains__(self, key: object) -> bool:
        return self.get(cast(str, key)) is not None

    def __iter__(self) -> Iterator[str]:
        self.listed = True
        return iter(self._tree)

    def __len__(self) -> int:
        self.listed = True
        return len(self._tree)


class _Reader:
    """The source, writing down each file read and what it gave."""

    def __init__(self, source: Source) -> None:
        self._source = source
        self.reads: dict[tuple[str, int], str] = {}
        self.untracked = False

    @property
    def info(self) -> Any:
        self.untracked = True
        return self._source.info

    def tree(self) -> Tree:
        self.untracked = True
        return self._source.tree()

    def read(self, path: str, limit: int = MAX_FILE_BYTES) -> bytes:
        try:
            data = self._source.read(path, limit)
        except ReadRefused as exc:
            self.reads[(path, limit)] = _refusal(exc)
            raise
        self.reads[(path, limit)] = _bytes_id(data)
        return data

    def __getattr__(self, name: str) -> Any:
        self.untracked = True
        return getattr(self._source, name)


class _State:
    """What the rules may ask of a repository state, with every answer written down."""

    def __init__(self, state: RepoState) -> None:
        self._state = state
        self.tree = _Tree(state.tree)
        self.reader = _Reader(state.reader) if state.reader is not None else None
        self.checklists = state.checklists  # in the key
        self.version_dirs = state.version_dirs  # in the key
        self.untracked: set[str] = set()

    @property
    def versions(self) -> tuple[str, ...]:
        return self._state.versions

    def checklist_for(self, submission: Submission) -> Any:
        return self.checklists.get(submission.version)

    def exists(self, path: str) -> bool:
        return path in self.tree

    def __getattr__(self, name: str) -> Any:  # other submissions, the source's identity, ...
        self.untracked.add(name)
        return getattr(self._state, name)


class View:
    """A recording view of `state` for the rules of one submission."""

    def __init__(self, state: RepoState) -> None:
        self._view = _State(state)

    @property
    def state(self) -> RepoState:
        return cast("RepoState", self._view)

    def record(self, findings: list[Finding]) -> Record | None:
        """The record to store, or None when the rules used more than it can check."""
        view = self._view
        reader = view.reader
        if view.tree.listed or view.untracked or (reader is not None and reader.untracked):
            return None
        reads = tuple((path, limit, answer) for (path, limit), answer in (reader.reads.items() if reader else ()))
        return Record(tuple(findings), tuple(view.tree.looked.items()), reads)
