"""Checking one URL: HEAD then GET, redirects followed hop by hop, retries, one class per URL.

Each request goes through the shared client (see `client.py`), whose network backend
refuses non-public addresses on every hop. At most `per_host` requests are in flight to
one host and `total` in all; everything happens before a deadline (the time budget).
"""

from __future__ import annotations

import asyncio
import email.utils
import ssl
import time
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

import httpx

from .cache import DiskCache
from .guard import AddressRefused, NameNotResolved
from .options import OnlineOptions

REDIRECTS = frozenset({301, 302, 303, 307, 308})
DETAIL_LIMIT = 200
DRAIN = 16 * 1024  # bytes read of a body nobody looks at, to finish a short one


class LinkClass(StrEnum):
    OK = "ok"
    REDIRECTED = "redirected"  # reachable after redirects: the final URL is shown
    BROKEN = "broken"  # 404, 410, other 4xx, redirect loops, not an http(s) URL
    BLOCKED = "blocked"  # 401/403/451, bot walls
    RATE_LIMITED = "rate-limited"  # 429
    SERVER_ERROR = "server-error"  # 5xx, connection failures, protocol errors
    TIMEOUT = "timeout"
    TLS_ERROR = "tls-error"
    DNS_ERROR = "dns-error"
    REFUSED = "refused"  # kaic did not connect: a non-public address

    @property
    def verified(self) -> bool:
        """True when the class proves something either way (reachable, or broken)."""
        return self in (LinkClass.OK, LinkClass.REDIRECTED, LinkClass.BROKEN)


@dataclass(frozen=True, slots=True)
class Outcome:
    """What checking one URL found out."""

    klass: LinkClass
    status: int | None = None
    final_url: str | None = None
    detail: str = ""
    body: bytes | None = None  # the first bytes of the final body, when asked for
    content_type: str = ""

    def as_cache(self) -> dict[str, object]:
        return {"klass": self.klass.value, "status": self.status, "final_url": self.final_url,
                "detail": self.detail}

    @classmethod
    def from_cache(cls, data: object) -> Outcome | None:
        if not isinstance(data, dict):
            return None
        try:
            klass = LinkClass(str(data.get("klass")))
        except ValueError:
            return None
        status = data.get("status")
        final = data.get("final_url")
        detail = data.get("detail")
        return cls(klass, status if isinstance(status, int) else None,
                   final if isinstance(final, str) else None, detail if isinstance(detail, str) else "")


@dataclass(frozen=True, slots=True)
class _Answer:
    status: int
    location: str | None
    retry_after: str | None
    content_type: str
    bot_wall: bool
    body: bytes | None


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= DETAIL_LIMIT else text[: DETAIL_LIMIT - 1] + "…"


def classify_status(status: int) -> LinkClass:
    if 200 <= status < 400:
        return LinkClass.OK
    if status in (401, 403, 451):
        return LinkClass.BLOCKED
    if status == 429:
        return LinkClass.RATE_LIMITED
    if 400 <= status < 500:
        return LinkClass.BROKEN
    return LinkClass.SERVER_ERROR


def retry_after_seconds(value: str | None, now: float | None = None) -> float | None:
    """Seconds named by a Retry-After header (a number or an HTTP date), or None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


def _causes(exc: BaseException) -> Iterator[BaseException]:
    seen = 0
    current: BaseException | None = exc
    while current is not None and seen < 8:
        yield current
        current = current.__cause__ or current.__context__
        seen += 1


def classify_error(exc: BaseException) -> Outcome:
    """The class of a request that raised instead of answering."""
    for cause in _causes(exc):
        if isinstance(cause, AddressRefused):
            return Outcome(LinkClass.REFUSED, detail=_short(cause.detail))
        if isinstance(cause, NameNotResolved):
            return Outcome(LinkClass.DNS_ERROR, detail=_short(f"no address for {cause.host}: {cause.detail}"))
        if isinstance(cause, ssl.SSLError | ssl.CertificateError):
            return Outcome(LinkClass.TLS_ERROR, detail=_short(getattr(cause, "reason", None) or str(cause)))
    if isinstance(exc, httpx.TimeoutException | TimeoutError):
        return Outcome(LinkClass.TIMEOUT, detail="no answer in time")
    text = str(exc)
    if "SSL" in text or "certificate" in text.lower():
        return Outcome(LinkClass.TLS_ERROR, detail=_short(text))
    if isinstance(exc, httpx.UnsupportedProtocol | httpx.InvalidURL):
        return Outcome(LinkClass.BROKEN, detail=_short(f"not a usable URL: {text}"))
    if isinstance(exc, httpx.ConnectError):
        return Outcome(LinkClass.SERVER_ERROR, detail=_short(f"could not connect: {text or type(exc).__name__}"))
    return Outcome(LinkClass.SERVER_ERROR, detail=_short(f"{type(exc).__name__}: {text}"))


class BudgetSpent(Exception):
    """The total time budget ran out."""


class LinkChecker:
    """Checks URLs with one shared client, politely and within a deadline."""

    def __init__(self, client: httpx.AsyncClient, options: OnlineOptions, cache: DiskCache,
                 deadline: float) -> None:
        self._client = client
        self._options = options
        self._cache = cache
        self._deadline = deadline  # loop.time() by which everything stops
        self._total = asyncio.Semaphore(max(1, options.total))
        self._hosts: dict[str, asyncio.Semaphore] = {}
        self._running: dict[str, asyncio.Task[Outcome]] = {}

    def _remaining(self) -> float:
        return self._deadline - asyncio.get_running_loop().time()

    def cache_key(self, url: str) -> str:
        """The cache key of `url`: a result for an allowed host is never reused for a refused one."""
        try:
            host = httpx.URL(url).host
        except (httpx.InvalidURL, TypeError, ValueError):
            host = ""
        return f"{url}\n{'allowed' if host and self._options.host_allowed(host) else 'public'}"

    async def check(self, url: str) -> Outcome:
        """The class of `url` (each distinct URL is checked once per run)."""
        task = self._running.get(url)
        if task is None:
            task = asyncio.ensure_future(self._check_cached(url))
            self._running[url] = task
        return await asyncio.shield(task)

    async def _check_cached(self, url: str) -> Outcome:
        key = self.cache_key(url)
        cached = Outcome.from_cache(self._cache.get("links", key))
        if cached is not None:
            return cached
        outcome = await self.follow(url, head_first=True, cap=0)
        if outcome.klass is not LinkClass.REFUSED:
            ttl = self._options.cache_ttl if outcome.klass.verified else self._options.transient_ttl
            self._cache.put("links", key, outcome.as_cache(), ttl)
        return outcome

    async def follow(self, url: str, head_first: bool, cap: int) -> Outcome:
        """Request `url` and follow its redirects (each hop checked anew); never raises."""
        seen = {url}
        current = url
        hops = 0
        try:
            while True:
                try:
                    target = httpx.URL(current)
                except (httpx.InvalidURL, TypeError, ValueError) as exc:
                    return Outcome(LinkClass.BROKEN, detail=_short(f"not a usable URL: {exc}"))
                if target.scheme not in ("http", "https") or not target.host:
                    return Outcome(LinkClass.BROKEN, final_url=current if hops else None,
                                   detail=_short(f"not an http(s) URL: {current}"))
                answer = await self._with_retries(target, head_first, cap)
                if answer.status in REDIRECTS and answer.location:
                    if hops >= self._options.max_redirects:
                        return Outcome(LinkClass.BROKEN, answer.status, current,
                                       f"more than {self._options.max_redirects} redirects")
                    try:
                        nxt = str(target.join(answer.location))
                    except (httpx.InvalidURL, TypeError, ValueError):
                        return Outcome(LinkClass.BROKEN, answer.status, current,
                                       _short(f"redirect to an unusable URL: {answer.location}"))
                    if nxt in seen:
                        return Outcome(LinkClass.BROKEN, answer.status, nxt, "redirect loop")
                    seen.add(nxt)
                    current = nxt
                    hops += 1
                    continue
                klass = classify_status(answer.status)
                if answer.bot_wall and klass is not LinkClass.OK:
                    klass = LinkClass.BLOCKED
                if answer.status in REDIRECTS:  # a redirect without Location
                    klass = LinkClass.BROKEN
                if klass is LinkClass.OK and hops:
                    klass = LinkClass.REDIRECTED
                detail = f"HTTP {answer.status}"
                return Outcome(klass, answer.status, current if hops else None, detail,
                               answer.body, answer.content_type)
        except BudgetSpent:
            return Outcome(LinkClass.TIMEOUT, final_url=current if hops else None,
                           detail="the time budget for online checks ran out")
        except Exception as exc:  # one bad URL becomes a result, never an abort
            found = classify_error(exc)
            return Outcome(found.klass, final_url=current if hops else None, detail=found.detail)

    async def _with_retries(self, url: httpx.URL, head_first: bool, cap: int) -> _Answer:
        attempt = 0
        while True:
            failure: Exception | None = None
            answer: _Answer | None = None
            try:
                answer = await self._attempt(url, head_first, cap)
            except httpx.TimeoutException as exc:
                failure = exc
            if answer is not None and answer.status != 429 and answer.status < 500:
                return answer
            if attempt >= self._options.retries:
                break
            wait = None if answer is None else retry_after_seconds(answer.retry_after)
            if wait is None:
                wait = self._options.backoff * (2 ** attempt)
            wait = min(wait, self._options.retry_after_cap)
            if wait >= self._remaining():
                break
            await asyncio.sleep(wait)
            attempt += 1
        if answer is not None:
            return answer
        assert failure is not None
        raise failure

    async def _attempt(self, url: httpx.URL, head_first: bool, cap: int) -> _Answer:
        if head_first:
            try:
                head = await self._request("HEAD", url, 0)
            except (httpx.RemoteProtocolError, httpx.ReadError):
                head = None  # some servers drop HEAD: ask with GET
            if head is not None and (head.status < 400 or head.status == 429):
                return head
        return await self._request("GET", url, cap)

    def _host_gate(self, url: httpx.URL) -> asyncio.Semaphore:
        key = url.host.lower()
        gate = self._hosts.get(key)
        if gate is None:
            gate = self._hosts[key] = asyncio.Semaphore(max(1, self._options.per_host))
        return gate

    async def _request(self, method: str, url: httpx.URL, cap: int) -> _Answer:
        async with self._host_gate(url), self._total:
            remaining = self._remaining()
            if remaining <= 0:
                raise BudgetSpent
            limit = min(self._options.timeout, remaining)
            timeout = httpx.Timeout(limit)
            try:
                async with asyncio.timeout(limit + 1.0):
                    return await self._send(method, url, cap, timeout)
            except TimeoutError:
                raise httpx.ReadTimeout("no answer in time") from None

    async def _send(self, method: str, url: httpx.URL, cap: int, timeout: httpx.Timeout) -> _Answer:
        request = self._client.build_request(method, url, timeout=timeout)
        response = await self._client.send(request, stream=True)
        try:
            body: bytes | None = None
            keep = cap > 0 and method == "GET" and 200 <= response.status_code < 300
            # read to the end of a short body (so the connection can be reused), never past
            # the cap, and keep the bytes only when asked for
            chunks: list[bytes] = []
            size = 0
            async for chunk in response.aiter_raw():
                size += len(chunk)
                if keep:
                    chunks.append(chunk)
                if size >= (cap if keep else DRAIN):
                    break
            if keep:
                body = b"".join(chunks)[:cap]
            return _Answer(
                status=response.status_code,
                location=response.headers.get("location"),
                retry_after=response.headers.get("retry-after"),
                content_type=response.headers.get("content-type", "")[:200],
                bot_wall="cf-mitigated" in response.headers,
                body=body,
            )
        finally:
            await response.aclose()
