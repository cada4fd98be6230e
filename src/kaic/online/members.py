"""The CNCF member list of a run: from --landscape FILE, the cache, or the landscape URL."""

from __future__ import annotations

import asyncio
from pathlib import Path

from .cache import DiskCache
from .landscape import LandscapeError, Members, parse_members
from .links import LinkChecker, LinkClass
from .options import OnlineOptions


async def member_list(checker: LinkChecker, cache: DiskCache,
                      options: OnlineOptions) -> tuple[Members | None, str]:
    """The CNCF member list from --landscape FILE, the cache, or the landscape URL."""
    if options.landscape is not None:
        return _members_from_file(options.landscape, options.landscape_cap)
    found = cache.get_with_age("landscape", options.landscape_url)
    names = found[0] if found and isinstance(found[0], list) and all(isinstance(n, str) for n in found[0]) else None
    if names is not None and found is not None and not found[1]:
        return Members(frozenset(names), options.landscape_url), ""
    members, problem = await _fetch_members(checker, options)
    if members is not None:
        cache.put("landscape", options.landscape_url, sorted(members.names), options.cache_ttl)
        return members, ""
    if names is not None:  # an expired copy, used and said so
        return Members(frozenset(names), f"an expired cached copy of {options.landscape_url}",
                       stale=f"could not refresh it: {problem}"), ""
    return None, problem


async def _fetch_members(checker: LinkChecker, options: OnlineOptions) -> tuple[Members | None, str]:
    outcome = await checker.follow(options.landscape_url, head_first=False, cap=options.landscape_cap + 1)
    if outcome.klass not in (LinkClass.OK, LinkClass.REDIRECTED):
        return None, f"could not fetch {options.landscape_url}: {outcome.klass.value} ({outcome.detail})"
    body = outcome.body or b""
    if len(body) > options.landscape_cap:
        return None, f"{options.landscape_url} is larger than {options.landscape_cap} bytes"
    try:
        return await asyncio.to_thread(parse_members, body.decode("utf-8", "replace"), options.landscape_url), ""
    except LandscapeError as exc:
        return None, str(exc)


def _members_from_file(path: Path, cap: int) -> tuple[Members | None, str]:
    try:
        with path.open("rb") as handle:
            data = handle.read(cap + 1)
    except OSError as exc:
        return None, f"cannot read {path}: {exc.strerror or exc}"
    if len(data) > cap:
        return None, f"{path} is larger than {cap} bytes"
    try:
        return parse_members(data.decode("utf-8", "replace"), str(path)), ""
    except LandscapeError as exc:
        return None, str(exc)
