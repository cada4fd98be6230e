"""The logo: one bounded GET, its first bytes sniffed; the result cached like a link's."""

from __future__ import annotations

from .cache import DiskCache
from .links import LinkChecker, LinkClass, Outcome
from .options import OnlineOptions
from .sniff import sniff


async def fetch_logo(checker: LinkChecker, cache: DiskCache, url: str,
                     options: OnlineOptions) -> tuple[Outcome, str]:
    """The logo's class and sniffed kind: one GET whose body is read only as far as the cap."""
    key = checker.cache_key(url)
    cached = cache.get("logos", key)
    if isinstance(cached, dict):
        outcome = Outcome.from_cache(cached.get("outcome"))
        kind = cached.get("kind")
        if outcome is not None and isinstance(kind, str):
            return outcome, kind
    outcome = await checker.follow(url, head_first=False, cap=options.body_cap)
    kind = sniff(outcome.body or b"") if outcome.klass.verified and outcome.klass is not LinkClass.BROKEN else ""
    if outcome.klass is not LinkClass.REFUSED:
        ttl = options.cache_ttl if outcome.klass.verified else options.transient_ttl
        cache.put("logos", key, {"outcome": outcome.as_cache(), "kind": kind}, ttl)
    return outcome, kind
