"""The URLs of a submission that online checks visit: evidence links and metadata links."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..model import EvidenceKind, Submission

LOGO_FIELD = "productLogoUrl"
CONFORMANCE_FIELD = "k8sConformanceUrl"


@dataclass(frozen=True, slots=True)
class LinkSite:
    """One place a URL is written: the file, its line, and the requirement or metadata field."""

    url: str
    path: str
    line: int | None
    requirement: str | None = None
    field: str | None = None  # the metadata field; None for evidence


def is_http(text: str) -> bool:
    return text[:8].lower().startswith(("http://", "https://"))


def link_sites(sub: Submission) -> Iterator[LinkSite]:
    """Every http(s) URL of `sub`: metadata values (as upstream checks them), then evidence."""
    for name, meta in sub.metadata.items():
        value = meta.text.strip()
        if value and is_http(value):
            yield LinkSite(value, sub.path, meta.line, None, name)
    for answer in sub.answered:
        for item in answer.evidence:
            if item.kind is EvidenceKind.URL and is_http(item.target):
                yield LinkSite(item.target, sub.path, item.line, answer.id or None, None)
