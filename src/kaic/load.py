"""Source -> RepoState: every checklist and every submission of one repository state."""

from __future__ import annotations

import re
from collections.abc import MutableMapping
from dataclasses import dataclass, field
from functools import lru_cache

from .cache import active, digest_of
from .model import (
    CHECKLIST_PATH,
    SUBMISSION_PATH,
    Checklist,
    Problem,
    Submission,
    parse_checklist,
    parse_submission,
    version_key,
)
from .source import EntryKind, ReadRefused, Source, SourceInfo, Tree

VERSION_DIR = re.compile(r"^v(\d+\.\d+)$")
_KIND_WORDS = {
    EntryKind.SYMLINK: "a symbolic link",
    EntryKind.DIR: "a folder",
    EntryKind.SUBMODULE: "a git submodule",
    EntryKind.OTHER: "a named pipe, socket or device",
}

ParseCache = MutableMapping[tuple[str, str, tuple[str, ...]], Submission]
"""Parsed submissions keyed by (blob id, path, metadata fields): reused across commits."""


@dataclass(frozen=True)
class RepoState:
    source: SourceInfo
    checklists: dict[str, Checklist]  # by version "1.35"
    submissions: tuple[Submission, ...]  # ordered by version, then product
    tree: Tree
    version_dirs: tuple[str, ...]  # "1.33", ... every vX.Y folder present
    reader: Source | None = field(default=None, compare=False, repr=False)  # for evidence files

    @property
    def versions(self) -> tuple[str, ...]:
        """Every version with a checklist or a folder, oldest first."""
        return tuple(sorted({*self.checklists, *self.version_dirs}, key=version_key))

    def checklist_for(self, submission: Submission) -> Checklist | None:
        return self.checklists.get(submission.version)

    def exists(self, path: str) -> bool:
        return path in self.tree


def load_state(source: Source, cache: ParseCache | None = None,
               only: set[str] | None = None) -> RepoState:
    """Read every checklist and PRODUCT.yaml (or only the submission paths in `only`)."""
    tree = source.tree()
    checklists: dict[str, Checklist] = {}
    version_dirs: set[str] = set()
    product_files: list[str] = []
    for path, entry in tree.items():
        m = CHECKLIST_PATH.match(path)
        if m and entry.kind is not EntryKind.FILE:
            what = _KIND_WORDS.get(entry.kind, entry.kind.value)
            checklists[m.group(1)] = Checklist(m.group(1), path, (), (), (),
                                               error=f"{path} is {what}; kaic does not read it")
            continue
        if m:
            key = (path, m.group(1), entry.oid) if entry.oid else None
            known_checklist = _CHECKLIST_BLOBS.get(key) if key is not None else None
            if known_checklist is not None:  # the same blob at another commit: not read again
                checklists[m.group(1)] = known_checklist
                continue
            try:
                text = source.read(path).decode("utf-8", "replace")
            except ReadRefused as exc:
                checklists[m.group(1)] = Checklist(m.group(1), path, (), (), (), error=exc.message)
                continue
            checklists[m.group(1)] = _checklist(path, m.group(1), text)
            if key is not None:
                if len(_CHECKLIST_BLOBS) >= 64:
                    _CHECKLIST_BLOBS.clear()
                _CHECKLIST_BLOBS[key] = checklists[m.group(1)]
            continue
        v = VERSION_DIR.match(path)
        if v and entry.kind is EntryKind.DIR:
            version_dirs.add(v.group(1))
        elif SUBMISSION_PATH.match(path) and (only is None or path in only):
            product_files.append(path)

    submissions = []
    for path in product_files:
        checklist = checklists.get(path[1 : path.index("/")])
        known = checklist.metadata_fields if checklist else ()
        submissions.append(_load_submission(source, tree, path, known, cache))
    submissions.sort(key=lambda s: (version_key(s.version), s.product.lower(), s.product))
    return RepoState(
        source=source.info,
        checklists=dict(sorted(checklists.items(), key=lambda kv: version_key(kv[0]))),
        submissions=tuple(submissions),
        tree=tree,
        version_dirs=tuple(sorted(version_dirs, key=version_key)),
        reader=source,
    )


_CHECKLIST_BLOBS: dict[tuple[str, str, str], Checklist] = {}
"""(path, version, blob id) -> the checklist parsed from it: a walk meets it at every commit."""


@lru_cache(maxsize=32)
def _checklist(path: str, version: str, text: str) -> Checklist:
    """Parsed once per text: a history walk meets the same checklist at every commit."""
    return parse_checklist(path, version, text)


def _load_submission(source: Source, tree: Tree, path: str, known: tuple[str, ...],
                     cache: ParseCache | None) -> Submission:
    entry = tree[path]
    m = SUBMISSION_PATH.match(path)
    assert m is not None
    if entry.kind is not EntryKind.FILE:
        what = _KIND_WORDS.get(entry.kind, entry.kind.value)
        problem = Problem("file-not-regular", f"PRODUCT.yaml is {what}; kaic does not read it", 1)
        return Submission(path, m.group(1)[1:], m.group(2), problems=(problem,))
    key = (entry.oid, path, known) if entry.oid else None
    if cache is not None and key is not None and key in cache:
        return cache[key]
    store = active()
    stored_as = digest_of(entry.oid, path, known) if store is not None and entry.oid else ""
    if stored_as:  # a git blob: found by its id, without reading it
        found = store.get("parse", stored_as) if store is not None else None
        if isinstance(found, Submission):
            if cache is not None and key is not None:
                cache[key] = found
            return found
    try:
        data = source.read(path)
    except ReadRefused as exc:
        return Submission(path, m.group(1)[1:], m.group(2), problems=(Problem(exc.rule, exc.message, 1),))
    if store is not None and not stored_as:  # a file of a folder: found by its bytes' hash
        import hashlib

        stored_as = digest_of("file", hashlib.sha256(data).hexdigest(), path, known)
        found = store.get("parse", stored_as)
        if isinstance(found, Submission):
            return found
    submission = parse_submission(path, data, known, oid=entry.oid)
    if store is not None:
        store.put("parse", stored_as, submission)
    if cache is not None and key is not None:
        cache[key] = submission
    return submission
