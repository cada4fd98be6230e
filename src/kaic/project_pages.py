"""Open-source projects' own home pages, and the words of a link: light enough for the
validate path (no component machinery is loaded; shared by rules and components).

A project's home page is the root of one of its `url_prefixes` or of its GitHub
repository in data/catalog.yaml, or one of the `home_page_paths` of data/evidence.yaml
below it (its README, its docs root).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from ._yaml import load_data

DATA = Path(__file__).resolve().parent / "data"
_SEPARATORS = re.compile(r"[/?&=#+,]|:~:")


def _load(name: str) -> Any:
    return load_data((DATA / name).read_text(encoding="utf-8"))


def split(raw: str) -> tuple[str, str, str, str] | None:
    """(host without www., path, query, fragment) of an http(s) link, decoded; None otherwise."""
    try:
        parts = urlsplit(raw.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    host = parts.hostname.lower().removeprefix("www.")
    return host, unquote(parts.path), unquote(parts.query), unquote(parts.fragment)


def link_words(raw: str) -> str:
    """The words of a link's path, query and fragment (never its host)."""
    found = split(raw)
    if found is None:
        return ""
    _, path, query, fragment = found
    return _SEPARATORS.sub(" ", f"{path} {query} {fragment.removeprefix(':~:text=')}")


@cache
def _homes() -> tuple[dict[str, list[tuple[str, str]]], frozenset[str]]:
    """host -> [(path prefix, project name)], longest prefix first; and the home-page paths."""
    by_host: dict[str, list[tuple[str, str]]] = {}
    for p in _load("catalog.yaml").get("projects") or ():
        name = str(p.get("name", ""))
        prefixes = [str(x) for x in p.get("url_prefixes") or ()]
        if p.get("repo"):
            prefixes.append(f"github.com/{p['repo']}")
        for prefix in prefixes:
            host, _, path = prefix.lower().removeprefix("www.").rstrip("/").partition("/")
            by_host.setdefault(host, []).append(("/" + path if path else "", name))
    for entries in by_host.values():
        entries.sort(key=lambda e: -len(e[0]))
    paths = frozenset(str(x).lower() for x in _load("evidence.yaml").get("home_page_paths") or ())
    return by_host, paths | {""}


def project_home(raw: str) -> str | None:
    """The project whose home page `raw` is, if it is one."""
    found = split(raw)
    if found is None:
        return None
    host, path = found[0], found[1]
    by_host, homes = _homes()
    low = path.lower().rstrip("/")
    for prefix, name in by_host.get(host, ()):
        if low == prefix or low.startswith(prefix + "/") or not prefix:
            rest = low[len(prefix):].strip("/")
            return name if rest in homes else None
    return None
