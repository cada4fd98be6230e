"""What a pull request touches: from the changed paths and the base and head trees.

Every changed file under `vX.Y/<dir>/` selects the submission of that folder (not only
its PRODUCT.yaml); a changed checklist selects every submission of its version. What
cannot be placed is kept, never dropped: files of a product folder without a
PRODUCT.yaml (orphans), files outside any `vX.Y/<dir>/` folder that look meant for one
(misplaced), kaic configuration files, and the rest (ignored, listed) — among them a
hidden file straight in a version folder (`vX.Y/.gitkeep` opens a version).
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

from ..model import CHECKLIST_PATH, SUBMISSION_PATH
from ..source import Tree

VERSION_FOLDER = re.compile(r"^v\d+\.\d+$")
MEANT_AS_VERSION = re.compile(r"^[vV]?\d+(?:[._-]\d+)*$")  # 1.35, v1.35.0, V1_35: a version meant
CONFIG_FILES = (".kaic.yaml", "pyproject.toml")
PRODUCT_FILE = "PRODUCT.yaml"


@dataclass(frozen=True)
class Selection:
    changed: tuple[str, ...]  # every path the pull request changes
    folders: tuple[str, ...]  # vX.Y/<dir> folders with a changed file and a PRODUCT.yaml in the head
    submissions: tuple[str, ...]  # PRODUCT.yaml paths to review (folders + checklist versions)
    removed: tuple[str, ...]  # PRODUCT.yaml files the pull request deletes
    checklists: tuple[str, ...]  # checklist paths added, changed or removed
    orphans: tuple[str, ...]  # files in a vX.Y/<dir>/ folder that has no PRODUCT.yaml
    misplaced: tuple[str, ...]  # files not in a vX.Y/<dir>/ folder that look meant for one
    config: tuple[str, ...]  # kaic configuration candidates (.kaic.yaml, pyproject.toml)
    ignored: tuple[str, ...]  # anything else (README, scripts, ...): not judged

    @property
    def versions(self) -> tuple[str, ...]:
        """Versions ("1.35") of the reviewed submissions, in order of first appearance."""
        return tuple(dict.fromkeys(p.split("/", 1)[0][1:] for p in self.submissions))

    def files_of(self, folder: str) -> tuple[str, ...]:
        """The changed paths inside a product folder."""
        prefix = folder.rstrip("/") + "/"
        return tuple(p for p in self.changed if p.startswith(prefix))


def select(changed: list[str] | tuple[str, ...], base: Tree, head: Tree,
           deleted: set[str] | frozenset[str] = frozenset()) -> Selection:
    """`changed`: every path the pull request changes; `deleted`: those it removes;
    `base`/`head`: the data trees (docs/, vX.Y/) of both commits."""
    folders: dict[str, None] = {}
    removed: list[str] = []
    checklists: list[str] = []
    orphans: list[str] = []
    misplaced: list[str] = []
    config: list[str] = []
    ignored: list[str] = []
    versions: set[str] = set()
    for path in changed:
        parts = path.split("/")
        if path in CONFIG_FILES:
            config.append(path)
        elif (checklist := CHECKLIST_PATH.match(path)) is not None:
            checklists.append(path)
            versions.add(checklist.group(1))
        elif VERSION_FOLDER.match(parts[0]):
            if len(parts) == 2:  # a file straight in the version folder
                if parts[1].startswith("."):  # .gitkeep: how a maintainer opens a version folder
                    ignored.append(path)
                elif path not in deleted:
                    misplaced.append(path)
                continue
            folder = "/".join(parts[:2])
            product = f"{folder}/{PRODUCT_FILE}"
            if product in head:
                folders[folder] = None
            elif path == product:
                removed.append(path)
            elif path not in deleted:
                orphans.append(path)
        elif path not in deleted and (MEANT_AS_VERSION.match(parts[0]) or
                               posixpath.basename(path).lower() == PRODUCT_FILE.lower()):
            misplaced.append(path)
        else:
            ignored.append(path)
    chosen = [f"{f}/{PRODUCT_FILE}" for f in folders]
    for path in sorted(head):
        m = SUBMISSION_PATH.match(path)
        if m and m.group(1)[1:] in versions and path not in chosen:
            chosen.append(path)
    return Selection(tuple(changed), tuple(folders), tuple(chosen), tuple(removed), tuple(checklists),
                     tuple(orphans), tuple(misplaced), tuple(config), tuple(ignored))
