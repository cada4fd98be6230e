"""Many commits' trees at once, read through the repository's one `cat-file` process.

`GitRepo.tree` runs `git ls-tree` once per commit. Over a history, most folders do not
change from one commit to the next: here each tree object is read once (by id, through
`GitRepo.read_blob`, which serves any object), folders unchanged between commits are
shared, and every blob size comes from one `git cat-file --batch-all-objects` listing.
The result is the same `{path: Entry}` that `GitRepo.tree` gives (tested against it).
"""

from __future__ import annotations

from collections.abc import Iterable

from ..source import Commit, Entry, EntryKind, GitRepo, GitSource, Tree
from ..source.base import is_data_path
from ..source.git import run_git

_KINDS = {
    "100644": EntryKind.FILE,
    "100755": EntryKind.FILE,
    "120000": EntryKind.SYMLINK,
    "160000": EntryKind.SUBMODULE,
    "40000": EntryKind.DIR,
    "040000": EntryKind.DIR,
}
_TREE_LIMIT = 1 << 30  # tree objects are read whole


class TreeReader:
    """Reads commits' trees (data paths only), sharing unchanged folders between commits."""

    def __init__(self, repo: GitRepo) -> None:
        self.repo = repo
        self._raw: dict[str, list[tuple[str, str, str]]] = {}  # tree id -> [(mode, name, id)]
        self._flat: dict[tuple[str, str], list[tuple[str, str, str]]] = {}  # (tree id, prefix) -> [(path, mode, id)]
        self._sizes: dict[str, int] | None = None
        self._commits: dict[str, dict[str, Entry]] = {}

    def _entries(self, tree: str) -> list[tuple[str, str, str]]:
        found = self._raw.get(tree)
        if found is None:
            data = self.repo.read_blob(tree, _TREE_LIMIT)
            found = []
            i = 0
            while i < len(data):
                space = data.index(b" ", i)
                nul = data.index(b"\0", space)
                mode = data[i:space].decode()
                name = data[space + 1 : nul].decode("utf-8", "surrogateescape")
                found.append((mode, name, data[nul + 1 : nul + 21].hex()))
                i = nul + 21
            self._raw[tree] = found
        return found

    def _below(self, tree: str, prefix: str) -> list[tuple[str, str, str]]:
        """Every entry under a folder, recursively, with its full path (folders included)."""
        key = (tree, prefix)
        found = self._flat.get(key)
        if found is None:
            found = []
            for mode, name, oid in self._entries(tree):
                path = f"{prefix}{name}"
                found.append((path, mode, oid))
                if _KINDS.get(mode) is EntryKind.DIR:
                    found.extend(self._below(oid, path + "/"))
            self._flat[key] = found
        return found

    def _size(self, oid: str) -> int:
        if self._sizes is None:
            out = run_git(self.repo.path, "cat-file", "--batch-all-objects",
                          "--batch-check=%(objectname) %(objecttype) %(objectsize)")
            self._sizes = {}
            for line in out.splitlines():
                name, kind, text = line.split(" ")
                if kind == "blob":
                    self._sizes[name] = int(text)
        known = self._sizes.get(oid)
        if known is None:  # an object packed after the listing (not expected): ask for it alone
            known = self._sizes[oid] = int(run_git(self.repo.path, "cat-file", "-s", oid).strip())
        return known

    def tree(self, commit: str) -> dict[str, Entry]:
        """`{path: Entry}` of a commit, as `GitRepo.tree` gives it (same paths, kinds, sizes, ids)."""
        known = self._commits.get(commit)
        if known is not None:
            return known
        head = self.repo.read_blob(commit, _TREE_LIMIT).split(b"\n", 1)[0]
        if not head.startswith(b"tree "):
            raise ValueError(f"{commit} is not a commit")
        entries: dict[str, Entry] = {}
        for mode, name, oid in self._entries(head[5:].decode()):
            if not is_data_path(name):
                continue
            kind = _KINDS.get(mode, EntryKind.OTHER)
            rows = [(name, mode, oid), *(self._below(oid, name + "/") if kind is EntryKind.DIR else [])]
            for path, m, o in rows:
                if not is_data_path(path):
                    continue
                k = _KINDS.get(m, EntryKind.OTHER)
                size = self._size(o) if k in (EntryKind.FILE, EntryKind.SYMLINK) else 0
                entries[path] = Entry(path, k, size, o)
        self._commits[commit] = entries
        return entries


class KnownTreeSource(GitSource):
    """A GitSource whose tree was read beforehand (by a TreeReader)."""

    def __init__(self, repo: GitRepo, commit: Commit, tree: Tree) -> None:
        super().__init__(repo, commit)
        self._tree = tree

    def tree(self) -> Tree:
        return self._tree


def read_trees(repo: GitRepo, commits: Iterable[Commit]) -> dict[str, dict[str, Entry]]:
    reader = TreeReader(repo)
    return {c.oid: reader.tree(c.oid) for c in commits}
