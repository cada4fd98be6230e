"""Findings about the pull request as a whole (checks in data/review.yaml)."""

from __future__ import annotations

import posixpath
from collections.abc import Iterator

from ..load import RepoState
from ..rules import Finding
from ..source import ReadRefused, Source
from ..words import plural
from .data import Check, ReviewData
from .selection import PRODUCT_FILE, Selection

_CONFIG_LIMIT = 256 * 1024


def finding(check: Check, path: str, message: str, line: int | None = None) -> Finding:
    """A Finding of a PR-level check, with upstream's message when upstream's CI fails it too."""
    upstream = check.upstream_message if check.upstream == "fails" else None
    return Finding(check.id, check.severity, path, line, None, message, check.hint, upstream=upstream)


def _has_kaic_config(source: Source, path: str) -> bool:
    """Whether a pyproject.toml holds a [tool.kaic] table (unreadable: assumed so)."""
    import tomllib

    if path not in source.tree():
        return False
    try:
        text = source.read(path, limit=_CONFIG_LIMIT).decode("utf-8")
        return "kaic" in (tomllib.loads(text).get("tool") or {})
    except (ReadRefused, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return True


def pr_findings(sel: Selection, base: Source, head: Source, base_state: RepoState,
                data: ReviewData) -> Iterator[Finding]:
    checks = data.checks
    if len(sel.folders) > 1:
        names = ", ".join(sel.folders)
        for folder in sel.folders[1:]:
            yield finding(checks["pr-several-products"], f"{folder}/{PRODUCT_FILE}",
                          f"this pull request touches {len(sel.folders)} submissions ({names})")
    for path in sel.misplaced:
        yield finding(checks["pr-folder-shape"], path,
                      f"{path} is not inside a vX.Y/<product>/ folder, so it belongs to no submission")
    for path in sel.orphans:
        folder = "/".join(path.split("/")[:2])
        yield finding(checks["pr-orphan-file"], path,
                      f"{path} is in {folder}/, which has no {PRODUCT_FILE}: it belongs to no submission")
    touched = dict.fromkeys([*(p.split("/", 1)[0] for p in sel.submissions),
                             *(p.split("/", 1)[0] for p in sel.orphans)])
    for folder in touched:
        version = folder[1:]
        if version not in base_state.checklists:
            first = next(p for p in (*sel.submissions, *sel.orphans) if p.startswith(folder + "/"))
            comes = f"docs/AIConformance-{version}.yaml" in head.tree()
            why = " (this pull request adds it: a checklist lands on the base first)" if comes else ""
            yield finding(checks["pr-no-checklist"], first,
                          f"the base has no docs/AIConformance-{version}.yaml for {folder}/{why}")
    base_tree, head_tree = base.tree(), head.tree()
    for path in sel.checklists:
        what = "adds" if path not in base_tree else "removes" if path not in head_tree else "changes"
        yield finding(checks["pr-checklist-edited"], path,
                      f"this pull request {what} {path}; submissions are judged against the base's checklists")
    for path in sel.config:
        if path == "pyproject.toml" and not (_has_kaic_config(base, path) or _has_kaic_config(head, path)):
            continue
        what = "adds" if path not in base_tree else "removes" if path not in head_tree else "changes"
        yield finding(checks["pr-config-ignored"], path,
                      f"this pull request {what} kaic configuration in {path}; review uses the base's")
    for path in sel.removed:
        yield finding(checks["pr-submission-removed"], path,
                      f"this pull request removes {posixpath.dirname(path)}")
    if not (sel.submissions or sel.removed or sel.orphans or sel.misplaced):
        yield finding(checks["pr-no-submission"], sel.changed[0] if sel.changed else "",
                      "this pull request touches no submission"
                      + (f" ({plural(len(sel.changed), 'file')} changed)" if sel.changed else " (no change at all)"))
