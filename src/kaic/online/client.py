"""The one HTTP client of a run: guarded network backend, honest User-Agent, no proxies."""

from __future__ import annotations

import functools
import importlib.util
import ssl
import sys
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


def _skip_sniffio_lookups() -> None:
    """httpcore asks for `sniffio` on every lock it sets up; when it is not installed each
    ask is a failed import that searches all of sys.path (seconds over 500 URLs). Recording
    the absence once makes the failure immediate; an installed sniffio is left alone."""
    if "sniffio" not in sys.modules and importlib.util.find_spec("sniffio") is None:
        sys.modules["sniffio"] = None  # type: ignore[assignment]


@functools.cache
def _system_tls() -> ssl.SSLContext:
    """Certificate verification against the system's (certifi's) roots, built once per process."""
    return httpx.create_ssl_context(verify=True, trust_env=False)


def make_client(options: OnlineOptions, backend: GuardedBackend,
                verify: ssl.SSLContext | None = None) -> httpx.AsyncClient:
    _skip_sniffio_lookups()
    # requests in flight are capped by LinkChecker (per host and in all); the per-origin
    # pools only keep connections for reuse
    transport = GuardedTransport(backend, options.per_host, verify=verify or _system_tls())
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
