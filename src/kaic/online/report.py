"""run_online_checks: visit every link of the submissions once, then judge with the online checks."""

from __future__ import annotations

import asyncio
import concurrent.futures
from collections.abc import Coroutine, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from ..load import RepoState
from ..model import Submission
from ..policy import severity, upstream_message
from ..rules import Finding, Severity
from ..source.resolve import cache_dir
from .cache import DiskCache
from .checks import ONLINE_RULES, Facts
from .client import make_client
from .collect import CONFORMANCE_FIELD, LOGO_FIELD, LinkSite, link_sites
from .conformance import conformance_target
from .guard import GuardedBackend
from .landscape import Members
from .links import LinkChecker, LinkClass, Outcome
from .logo import fetch_logo
from .members import member_list
from .options import OnlineOptions

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
    notes: tuple[str, ...] = ()  # what the run could not refresh or read, for the reader

    def as_dict(self) -> dict[str, object]:
        return {"findings": [f.as_dict() for f in self.findings], "links": [r.as_dict() for r in self.links],
                "labels": sorted(self.labels), "notes": list(self.notes)}


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
        logo_jobs = [fetch_logo(checker, cache, u, options) for u in sorted(logo_urls)]
        members_job = member_list(checker, cache, options) if any(s.vendor for s in subs) else _none()
        found = await asyncio.gather(asyncio.gather(*link_jobs), asyncio.gather(*logo_jobs), members_job)
    link_outcomes, logo_outcomes, (members, members_error) = found
    logos = dict(zip(sorted(logo_urls), logo_outcomes, strict=True))
    outcomes: dict[str, Outcome] = dict(zip(link_urls, link_outcomes, strict=True))
    outcomes.update({u: o for u, (o, _kind) in logos.items()})
    facts = Facts(outcomes, members, members_error, logos, options.k8s_conformance)
    findings = [f for sub in subs for f in _judge(sub, facts, options.policy)]
    links = tuple(LinkResult(s.url, o.klass, o.status, o.final_url, o.detail, s.path, s.line, s.requirement)
                  for s in sites for o in [outcomes[s.url]])
    labels = set()
    if any(not r.klass.verified for r in links):
        labels.add(LABEL_UNVERIFIED)
    if any(r.klass is LinkClass.BROKEN for r in links):
        labels.add(LABEL_BROKEN)
    findings.sort(key=lambda f: (f.path, f.line or 0, f.rule))
    notes = []
    if members is not None and members.stale:
        notes.append(f"the CNCF member list is {members.origin}; {members.stale}")
    return OnlineReport(tuple(findings), links, frozenset(labels), backend.connections, tuple(notes))


async def _none() -> tuple[Members | None, str]:
    return None, "no vendorName to check"


def _judge(sub: Submission, facts: Facts, policy: str) -> list[Finding]:
    found = []
    for rule in ONLINE_RULES.values():
        try:
            for hit in rule.check(sub, facts):
                found.append(Finding(rule.id, severity(rule, hit, policy, sub.version), sub.path, hit.line,
                                     hit.requirement, hit.message, rule.hint,
                                     upstream_message(rule.id, hit, sub.path, sub.folder, sub.version)))
        except Exception as exc:  # one broken check must not lose the other results
            found.append(Finding(INTERNAL_ERROR, Severity.ERROR, sub.path, None, None,
                                 f"online check {rule.id} crashed: {type(exc).__name__}: {exc}",
                                 "Please report this as a kaic bug, with the file."))
    return found
