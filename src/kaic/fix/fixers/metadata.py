"""Fixes of metadata keys: `website_url` -> `websiteUrl`, the checklist's spelling."""

from __future__ import annotations

from ruamel.yaml.nodes import ScalarNode

from ...model import UPSTREAM_REQUIRED_METADATA, canonical_field
from ...yaml_write import scalar
from ..document import Document, Edit


def rename_keys(doc: Document) -> list[Edit]:
    found = doc.section("metadata")
    if found is None:
        return []
    meta = found[1]
    pairs = getattr(meta, "value", None)
    if not isinstance(pairs, list):
        return []
    known = tuple(dict.fromkeys((*(doc.checklist.metadata_fields if doc.checklist else ()),
                                 *UPSTREAM_REQUIRED_METADATA, "repoUrl")))
    written = {str(k.value) for k, _ in pairs if isinstance(k, ScalarNode)}
    edits = []
    for key, _ in pairs:
        if not isinstance(key, ScalarNode) or not isinstance(key.value, str):
            continue
        name = canonical_field(key.value, known)
        if name == key.value or name in written:  # renaming would make a duplicate key
            continue
        written.add(name)
        start, end = doc.span(key)
        style = key.style if key.style in ('"', "'") else None
        edits.append(Edit(start, end, scalar(name, style), f"renamed metadata key {key.value} to {name}"))
    return edits
