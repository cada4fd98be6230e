"""Read a baseline file: one written by `kaic baseline`, or a `kaic report` JSON (its inventory)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..source import public_location
from .snapshot import BASELINE_VERSION


class BaselineError(ValueError):
    """The file is not a baseline kaic can read."""


def as_baseline(doc: Any, where: str = "baseline") -> dict[str, Any]:
    """The baseline inside `doc` (itself, or a report's `inventory.baseline`), checked."""
    if isinstance(doc, dict) and "baseline_version" not in doc:
        inner = doc.get("inventory")
        if isinstance(inner, dict):
            doc = inner.get("baseline", inner)
    if not isinstance(doc, dict) or "baseline_version" not in doc:
        raise BaselineError(f"{where}: not a kaic baseline (no baseline_version)")
    version = doc["baseline_version"]
    if not isinstance(version, int) or version != BASELINE_VERSION:
        raise BaselineError(f"{where}: baseline format {version!r}; this kaic reads format {BASELINE_VERSION}")
    for key, kind in (("submissions", dict), ("checklists", dict), ("versions", list), ("source", dict)):
        if not isinstance(doc.get(key), kind):
            raise BaselineError(f"{where}: '{key}' is missing or not a {kind.__name__}")
    location = doc["source"].get("location")
    if isinstance(location, str):  # a file written elsewhere (or by an older kaic) may carry a token
        doc["source"] = {**doc["source"], "location": public_location(location)}
    return doc


def read_baseline(path: Path) -> dict[str, Any]:
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise BaselineError(f"cannot read {path}: {exc}") from None
    except json.JSONDecodeError as exc:
        raise BaselineError(f"{path}: not JSON (line {exc.lineno}: {exc.msg})") from None
    return as_baseline(doc, str(path))
