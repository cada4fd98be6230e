"""The head of a pull request seen through the base's checklists.

A pull request is judged by the base: `docs/AIConformance-X.Y.yaml` are read from the
base commit, every other file (submissions, evidence) from the head. Both are git
commits read as objects; nothing of the checkout runs or is touched.
"""

from __future__ import annotations

from ..model import CHECKLIST_PATH
from ..source import MAX_FILE_BYTES, Entry, GitSource, Tree


class YardstickSource:
    def __init__(self, head: GitSource, base: GitSource) -> None:
        self.info = head.info
        self._head, self._base = head, base
        tree: dict[str, Entry] = {p: e for p, e in head.tree().items() if not CHECKLIST_PATH.match(p)}
        tree.update((p, e) for p, e in base.tree().items() if CHECKLIST_PATH.match(p))
        self._tree = tree

    def tree(self) -> Tree:
        return self._tree

    def read(self, path: str, limit: int = MAX_FILE_BYTES) -> bytes:
        return (self._base if CHECKLIST_PATH.match(path) else self._head).read(path, limit)
