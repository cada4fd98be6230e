"""run_online_checks: visit every link of the submissions once, then judge with the online checks."""

from __future__ import annotations

import asyncio
import concurrent.futures
from collections.abc import Coroutine, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from ..load import RepoState
from ..model import Submission
from ..rules import Finding, Severity
from ..source.resolve import cache_dir
from .cache import DiskCache
from .checks import ONLINE_RULES, Facts
from .client import make_client
from .collect import CONFORMANCE_FIELD, LOGO_FIELD, LinkSite, link_sites
from .conformance import conformance_target
from .guard import GuardedBackend
from .landscape import LandscapeError, Members, parse_members
from .links import LinkChecker, LinkClass, Outcome
from .options import OnlineOptions
from .sniff import sniff

LABEL_UNVERIFIED = "links-unverified"
LABEL_BROKEN = "links-broken"
INTERNAL_ERROR = "kaic-internal-error"
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class LinkResult:
    """The class of one URL where it is written (a URL written twice gives two results)."""

    url: str
    klass: LinkClass
    status: int | None
    final_url: str | None
    detail: str
    path: str
    line: int | None
    requirement: str | None

    def as_dict(self) -> dict[str, object]:
        return {"url": self.url, "class": self.klass.value, "status": self.status,
                "final_url": self.final_url, "detail": self.detail, "path": self.path,
                "line": self.line, "requirement": self.requirement}


@dataclass(frozen=True)
class OnlineReport:
    findings: tuple[Finding, ...]
    links: tuple[LinkResult, ...]
    labels: frozenset[str]
    connections: int = 0  # sockets opened (figures and tests)


def run_online_checks(state: RepoState, submissions: Sequence[Submission],
                      options: OnlineOptions | None = None) -> OnlineReport:
    """Check every link, the vendor name, the k8s conformance link and the logo of `submissions`."""
    return _run_sync(_run(list(submissions), options or OnlineOptions()))


def _run_sync(coro: Coroutine[Any, Any, T]) -> T:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro)
    with concurrent.futures.ThreadPoolExecutor(1) as pool:  # called from inside an event loop
        return pool.submit(asyncio.run, coro).result()


def _skip_online(site: LinkSite, options: OnlineOptions) -> bool:
    """A k8sConformanceUrl is looked up in the local checkout when one is given."""
    return (site.field == CONFORMANCE_FIELD and options.k8s_conformance is not None
            and conformance_target(site.url) is not None)


async def _run(subs: list[Submission], options: OnlineOptions) -> OnlineReport:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + options.budget
    cache = DiskCache(options.cache_dir or cache_dir() / "online", options.use_cache)
    backend = GuardedBackend(options.host_allowed)
    sites = [s for sub in subs for s in link_sites(sub) if not _skip_online(s, options)]
    logo_urls = {s.url for s in sites if s.field == LOGO_FIELD}
    link_urls = list(dict.fromkeys(s.url for s in sites if s.url not in logo_urls))
    async with make_client(options, backend) as client:
        checker = LinkChecker(client, options, cache, deadline)
        link_jobs = [checker.check(u) for u in link_urls]
        logo_jobs = [_logo(checker, cache, u, options) for u in sorted(logo_urls)]
        members_job = _members(checker, cache, options) if any(s.vendor for s in subs) else _none()
        found = await asyncio.gather(asyncio.gather(*link_jobs), asyncio.gather(*logo_jobs), members_job)
    link_outcomes, logo_outcomes, (members, members_error) = found
    logos = dict(zip(sorted(logo_urls), logo_outcomes, strict=True))
    outcomes: dict[str, Outcome] = dict(zip(link_urls, link_outcomes, strict=True))
    outcomes.update({u: o for u, (o, _kind) in logos.items()})
    facts = Facts(outcomes, members, members_error, logos, options.k8s_conformance)
    findings = [f for sub in subs for f in _judge(sub, facts)]
    links = tuple(LinkResult(s.url, o.klass, o.status, o.final_url, o.detail, s.path, s.line, s.requirement)
                  for s in sites for o in [outcomes[s.url]])
    labels = set()
    if any(not r.klass.verified for r in links):
        labels.add(LABEL_UNVERIFIED)
    if any(r.klass is LinkClass.BROKEN for r in links):
        labels.add(LABEL_BROKEN)
    findings.sort(key=lambda f: (f.path, f.line or 0, f.rule))
    return OnlineReport(tuple(findings), links, frozenset(labels), backend.connections)


async def _none() -> tuple[Members | None, str]:
    return None, "no vendorName to check"


def _judge(sub: Submission, facts: Facts) -> list[Finding]:
    found = []
    for rule in ONLINE_RULES.values():
        try:
            for hit in rule.check(sub, facts):
                found.append(Finding(rule.id, hit.severity or rule.severity, sub.path, hit.line,
                                     hit.requirement, hit.message, rule.hint))
        except Exception as exc:  # one broken check must not lose the other results
            found.append(Finding(INTERNAL_ERROR, Severity.ERROR, sub.path, None, None,
                                 f"online check {rule.id} crashed: {type(exc).__name__}: {exc}",
                                 "Please report this as a kaic bug, with the file."))
    return found


async def _logo(checker: LinkChecker, cache: DiskCache, url: str,
                options: OnlineOptions) -> tuple[Outcome, str]:
    """The logo's class and sniffed kind: one GET whose body is read only as far as the cap."""
    key = url + ("\nallowed" if options.host_allowed(_host(url)) else "\npublic")
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


def _host(url: str) -> str:
    import httpx

    try:
        return httpx.URL(url).host
    except (httpx.InvalidURL, TypeError, ValueError):
        return ""


async def _members(checker: LinkChecker, cache: DiskCache,
                   options: OnlineOptions) -> tuple[Members | None, str]:
    """The CNCF member list from --landscape FILE, the cache, or the landscape URL."""
    if options.landscape is not None:
        return _members_from_file(options.landscape, options.landscape_cap)
    cached = cache.get("landscape", options.landscape_url)
    if isinstance(cached, list) and all(isinstance(n, str) for n in cached):
        return Members(frozenset(cached), options.landscape_url), ""
    outcome = await checker.follow(options.landscape_url, head_first=False, cap=options.landscape_cap + 1)
    if outcome.klass not in (LinkClass.OK, LinkClass.REDIRECTED):
        return None, f"could not fetch {options.landscape_url}: {outcome.klass.value} ({outcome.detail})"
    body = outcome.body or b""
    if len(body) > options.landscape_cap:
        return None, f"{options.landscape_url} is larger than {options.landscape_cap} bytes"
    try:
        members = await asyncio.to_thread(parse_members, body.decode("utf-8", "replace"), options.landscape_url)
    except LandscapeError as exc:
        return None, str(exc)
    cache.put("landscape", options.landscape_url, sorted(members.names), options.cache_ttl)
    return members, ""


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
