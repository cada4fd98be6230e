"""What the online checks may do: hosts, caps, time limits, cache, local data files."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

# Honest and plain: names kaic, its version and why it asks (no borrowed browser string,
# no address kaic does not have yet: add `+URL` here once it has a public home).
USER_AGENT = "kaic/{version} (Kubernetes AI Conformance analyzer; evidence link check for cncf/k8s-ai-conformance)"
LANDSCAPE_URL = "https://raw.githubusercontent.com/cncf/landscape/master/landscape.yml"


@dataclass(frozen=True)
class OnlineOptions:
    """Limits and inputs of `run_online_checks` (every field has a safe default)."""

    allow_hosts: frozenset[str] = frozenset()  # hosts that may resolve to non-public addresses
    landscape: Path | None = None  # a local landscape.yml instead of fetching LANDSCAPE_URL
    k8s_conformance: Path | None = None  # a local checkout of cncf/k8s-conformance
    use_cache: bool = True
    per_host: int = 4  # requests in flight to one host
    total: int = 16  # requests in flight in all
    timeout: float = 15.0  # seconds for one request (connect, each read)
    budget: float = 120.0  # seconds for all the online checks together
    retries: int = 2  # extra attempts after 429, 5xx or a timeout
    retry_after_cap: float = 10.0  # longest wait kaic honours from Retry-After (seconds)
    backoff: float = 0.5  # first backoff when the server names no wait (doubles each retry)
    max_redirects: int = 5
    body_cap: int = 64 * 1024  # bytes read from a body kaic looks into (a logo)
    landscape_cap: int = 32 * 1024 * 1024  # bytes read of landscape.yml
    cache_ttl: float = 24 * 3600.0  # seconds a definite result (ok, redirected, broken) is kept
    transient_ttl: float = 3600.0  # seconds a could-not-verify result is kept
    cache_dir: Path | None = None  # default: <kaic cache>/online
    landscape_url: str = LANDSCAPE_URL
    user_agent: str = ""  # default: USER_AGENT with kaic's version
    policy: str = "kaic"  # the severity policy (kaic.policy.POLICIES) the findings follow

    @cached_property
    def _allowed(self) -> frozenset[str]:
        return frozenset(_host_key(h) for h in self.allow_hosts)

    def host_allowed(self, host: str) -> bool:
        return _host_key(host) in self._allowed


def _host_key(host: str) -> str:
    return host.strip().strip("[]").lower().rstrip(".")
