"""Links as evidence of a project: its repository, its documentation site, its charts.

A URL counts for a project when it points into one of the project's URL prefixes (from
the catalog) or into its GitHub repository (`github.com/<owner>/<name>`, its raw files,
its GitHub Pages site). A release tag in such a link (`/releases/download/v1.3.0/`,
`/blob/v0.14.2/`, `raw.githubusercontent.com/<repo>/v3.5/`) or a version folder right
after a documentation prefix (`.../aws-load-balancer-controller/v2.14/...`) is read as
the version. The words of the path, query and fragment (never the host, which is usually
the vendor's) are also scanned for names: `.../job-management/kueue/` names Kueue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import unquote, urlsplit

from .versions import is_version

URL_IN_TEXT = re.compile(r"\bhttps?://[^\s<>\"'`)\]]+", re.IGNORECASE)
_REPO_URL = re.compile(r"^(?:www\.)?github\.com/([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+?)(?:\.git)?(?:[/#?]|$)", re.IGNORECASE)
_TRAILING = ".,;:!?"


@dataclass(frozen=True, slots=True)
class Url:
    host: str  # lower case, without "www."
    path: str  # decoded, as written
    query: str
    fragment: str

    @property
    def location(self) -> str:
        """host + path in lower case, the form prefixes are compared with."""
        return (self.host + self.path).lower()


@lru_cache(maxsize=4096)
def parse(raw: str) -> Url | None:
    text = raw.strip().rstrip(_TRAILING)
    try:
        parts = urlsplit(text if "://" in text else "https://" + text)
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    if not host or not re.fullmatch(r"[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?\.[a-z0-9.-]+", host):
        return None
    if host.startswith("www."):
        host = host[4:]
    return Url(host, unquote(parts.path), unquote(parts.query), unquote(parts.fragment))


def repo_of(raw: str) -> str | None:
    """`https://github.com/gardener/gardener` -> "gardener/gardener" (None for an org link)."""
    text = re.sub(r"^[a-z]+://", "", raw.strip(), flags=re.IGNORECASE)
    m = _REPO_URL.match(text)
    return f"{m.group(1)}/{m.group(2)}".lower() if m else None


def org_of(raw: str) -> str | None:
    """`https://github.com/openshift` -> "openshift"."""
    text = re.sub(r"^[a-z]+://", "", raw.strip(), flags=re.IGNORECASE)
    m = re.match(r"^(?:www\.)?github\.com/([A-Za-z0-9_.-]+)/?(?:[#?]|$)", text, re.IGNORECASE)
    return m.group(1).lower() if m else None


def slug_text(url: Url) -> str:
    """The words of the path, query and fragment, with '/', '?', '&', '=', '#', '+' as spaces."""
    fragment = url.fragment
    if fragment.startswith(":~:text="):
        fragment = fragment[len(":~:text=") :]
    joined = f"{url.path} {url.query} {fragment}"
    return re.sub(r"[/?&=#+,]|:~:", " ", joined)


def repo_prefixes(repo: str) -> list[str]:
    """Where a GitHub repository's files and pages live."""
    owner, _, name = repo.lower().partition("/")
    return [
        f"github.com/{owner}/{name}",
        f"raw.githubusercontent.com/{owner}/{name}",
        f"{owner}.github.io/{name}",
    ]


_GITHUB_REF = re.compile(
    r"^/(?:releases/(?:tag|download)|tree|blob|archive(?:/refs/tags)?|refs/tags)/([^/#?]+)", re.IGNORECASE
)


def version_in_rest(prefix: str, rest: str) -> str | None:
    """The version a link names right after a project prefix, if any."""
    if prefix.startswith("github.com/"):
        m = _GITHUB_REF.match(rest)
        ref = m.group(1) if m else None
    else:
        seg = rest.lstrip("/").split("/", 1)[0]
        ref = seg if seg else None
        if prefix.startswith("raw.githubusercontent.com/") and ref and ref.lower() == "refs":
            parts = rest.lstrip("/").split("/")
            ref = parts[2] if len(parts) > 2 and parts[1].lower() == "tags" else None
    if ref:
        ref = re.sub(r"\.(?:tar\.gz|zip|tgz)$", "", ref)
        if is_version(ref):
            return ref
    return None


class PrefixIndex:
    """host -> [(path prefix, target)], longest first; segment-aware matching."""

    def __init__(self, pairs: list[tuple[str, str]]) -> None:
        by_host: dict[str, list[tuple[str, str]]] = {}
        for prefix, target in pairs:
            clean = re.sub(r"^[a-z]+://", "", prefix.strip().lower()).rstrip("/")
            if clean.startswith("www."):
                clean = clean[4:]
            host, _, path = clean.partition("/")
            by_host.setdefault(host, []).append(("/" + path if path else "", target))
        self._by_host: dict[str, dict[str, str]] = {}
        for h, v in by_host.items():
            table: dict[str, str] = {}
            for prefix, target in v:
                table.setdefault(prefix, target)  # the first entry of a prefix wins
            self._by_host[h] = table

    def match(self, url: Url) -> tuple[str, str, str] | None:
        """(target, the prefix matched, the rest of the path) of the longest prefix that
        ends at a segment boundary: one lookup per segment of the path, not one test per
        known prefix."""
        table = self._by_host.get(url.host)
        if not table:
            return None
        path = url.path.lower()
        cut = len(path)
        while True:
            target = table.get(path[:cut])
            if target is not None:
                prefix = path[:cut]
                return target, url.host + prefix, url.path[len(prefix) :]
            if cut == 0:
                return None
            cut = path.rfind("/", 0, cut)
            if cut < 0:
                cut = 0
