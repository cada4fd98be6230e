"""The one HTTP client of a run: guarded network backend, honest User-Agent, no proxies."""

from __future__ import annotations

import ssl
from importlib.metadata import PackageNotFoundError, version

import httpx

from .guard import GuardedBackend, GuardedTransport
from .options import USER_AGENT, OnlineOptions


def user_agent(options: OnlineOptions) -> str:
    if options.user_agent:
        return options.user_agent
    try:
        own = version("kaic")
    except PackageNotFoundError:
        own = "dev"
    return USER_AGENT.format(version=own)


def make_client(options: OnlineOptions, backend: GuardedBackend,
                verify: ssl.SSLContext | bool = True) -> httpx.AsyncClient:
    limits = httpx.Limits(max_connections=max(1, options.total),
                          max_keepalive_connections=max(1, options.total), keepalive_expiry=15.0)
    transport = GuardedTransport(backend, limits, verify=verify)
    return httpx.AsyncClient(
        transport=transport,
        follow_redirects=False,  # kaic follows them itself, checking every hop
        trust_env=False,  # a proxy would connect for kaic and dodge the address check
        timeout=httpx.Timeout(options.timeout),
        headers={
            "User-Agent": user_agent(options),
            "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            "Accept-Language": "en-US,en;q=0.5",
            "Accept-Encoding": "identity",  # bodies are read raw and capped: no compression bombs
        },
    )
