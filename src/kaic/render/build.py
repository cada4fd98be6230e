"""RepoState -> every rendering by its repository path, and the drift from what is committed."""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass

from ..load import RepoState
from ..source import ReadRefused
from .checklist import render_checklist
from .product import render_product


def rendering_path(source_path: str) -> str:
    """v1.35/gke/PRODUCT.yaml -> v1.35/gke/PRODUCT.md; docs/AIConformance-1.35.yaml -> .md."""
    stem, _ = posixpath.splitext(source_path)
    return stem + ".md"


def renderings(state: RepoState) -> dict[str, str]:
    out: dict[str, str] = {}
    for checklist in state.checklists.values():
        if not checklist.error:
            out[rendering_path(checklist.path)] = render_checklist(checklist)
    for sub in state.submissions:
        if sub.parsed:
            out[rendering_path(sub.path)] = render_product(sub, state.checklist_for(sub))
    return out


@dataclass(frozen=True, slots=True)
class Drift:
    path: str
    reason: str  # "missing", "differs at line N", or why it could not be read


_RENDERING = re.compile(r"^(?:v\d+\.\d+/[^/]+/PRODUCT|docs/AIConformance-\d+\.\d+)\.md$")


def drift(state: RepoState, rendered: dict[str, str]) -> list[Drift]:
    """Renderings whose committed file is missing or differs, and committed renderings
    of nothing kaic renders (a removed or unreadable PRODUCT.yaml or checklist)."""
    found = [Drift(path, "stale: nothing renders to it (its YAML is gone or unreadable)")
             for path in sorted(state.tree) if _RENDERING.match(path) and path not in rendered]
    for path, text in rendered.items():
        if state.reader is None or path not in state.tree:
            found.append(Drift(path, "missing"))
            continue
        try:
            committed = state.reader.read(path).decode("utf-8", "replace")
        except ReadRefused as exc:
            found.append(Drift(path, exc.message))
            continue
        if committed != text:
            found.append(Drift(path, f"differs at line {_first_difference(committed, text)}"))
    return found


def _first_difference(a: str, b: str) -> int:
    la, lb = a.splitlines(), b.splitlines()
    for i, (x, y) in enumerate(zip(la, lb, strict=False), start=1):
        if x != y:
            return i
    return min(len(la), len(lb)) + 1
