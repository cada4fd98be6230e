"""The envelope of every JSON document kaic writes.

Each document starts with the same keys, so a reader can tell what it holds before
reading further: `kind` (what the document is: validate, report, diff, ...),
`schema_version` (MAJOR.MINOR of that kind's own layout), `kaic_version`, `source`
(where the data came from, with no local path or credential in `origin`) and
`summary` (the headline figures). data/schemas/envelope.schema.json describes it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from . import __version__
from .source import SourceInfo
from .source.origin import public_origin


def source_record(info: SourceInfo | Mapping[str, Any] | None) -> dict[str, Any] | None:
    """`{location, origin, kind, commit, ref, date}` of a source (None for no source)."""
    if info is None:
        return None
    if isinstance(info, SourceInfo):
        return {"location": info.location, "origin": public_origin(info.location, info.kind),
                "kind": info.kind, "commit": info.commit, "ref": info.ref, "date": info.date}
    record = dict(info)
    record.setdefault("origin", public_origin(str(record.get("location") or ""), str(record.get("kind") or "")))
    return record


def envelope(kind: str, body: Mapping[str, Any], *, source: SourceInfo | Mapping[str, Any] | None,
             summary: Mapping[str, Any], schema_version: str = "1.0") -> dict[str, Any]:
    """`body` behind the common keys (the body's own keys of the same names win)."""
    head: dict[str, Any] = {
        "kind": kind,
        "schema_version": schema_version,
        "kaic_version": __version__,
        "source": source_record(source),
        "summary": dict(summary),
    }
    for key in head:
        if key in body:
            head[key] = body[key]
    return {**head, **{k: v for k, v in body.items() if k not in head}}


def published_name(record: Mapping[str, Any] | None) -> str:
    """How a published file names its source: --title, else the public origin (never a local path)."""
    if not record:
        return "?"
    if record.get("title"):
        return str(record["title"])
    if record.get("origin"):
        return str(record["origin"])
    return public_origin(str(record.get("location") or ""), str(record.get("kind") or "")) or "?"
