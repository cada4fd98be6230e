"""Where kaic may connect: public addresses only, checked on the socket actually opened.

A vendor's URL is untrusted: it may name, or redirect to, a host that resolves to
loopback, a private network or a cloud metadata service. `GuardedBackend` is the
httpcore network backend of kaic's one HTTP client: it resolves the host itself, keeps
only public addresses (unless the host is allowed), connects to one of those addresses
by number, and checks the peer address of the opened socket. There is no second lookup
for DNS rebinding to slip through, and every redirect hop goes through the same door.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

import httpcore
import httpx

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class AddressRefused(Exception):
    """The host resolves only to addresses kaic does not connect to."""

    def __init__(self, host: str, detail: str) -> None:
        super().__init__(f"{host}: {detail}")
        self.host = host
        self.detail = detail


class NameNotResolved(Exception):
    """DNS has no address for the host."""

    def __init__(self, host: str, detail: str) -> None:
        super().__init__(f"{host}: {detail}")
        self.host = host
        self.detail = detail


def is_public(address: IPAddress) -> bool:
    """True for a globally routable unicast address (IPv4-mapped IPv6 judged as IPv4)."""
    if isinstance(address, ipaddress.IPv6Address):
        mapped = address.ipv4_mapped or address.sixtofour
        if mapped is not None:
            return is_public(mapped)
        if address.teredo is not None:
            return False
    if address.is_multicast or address.is_unspecified or address.is_reserved:
        return False
    return address.is_global


def parse_address(text: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(text.strip("[]").split("%", 1)[0])
    except ValueError:
        return None


async def resolve(host: str, port: int, timeout: float | None) -> list[IPAddress]:
    """Every address of `host` (a literal address resolves to itself)."""
    literal = parse_address(host)
    if literal is not None:
        return [literal]
    loop = asyncio.get_running_loop()
    try:
        infos = await asyncio.wait_for(
            loop.getaddrinfo(host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP), timeout)
    except socket.gaierror as exc:
        raise NameNotResolved(host, exc.strerror or str(exc)) from None
    except UnicodeError:
        raise NameNotResolved(host, "not a valid host name") from None
    found: list[IPAddress] = []
    for _family, _type, _proto, _canon, sockaddr in infos:
        address = parse_address(str(sockaddr[0]))
        if address is not None and address not in found:
            found.append(address)
    if not found:
        raise NameNotResolved(host, "no address")
    return found


Resolver = Callable[[str, int, float | None], Awaitable[list[IPAddress]]]


def choose(host: str, addresses: Iterable[IPAddress], allowed: bool) -> list[IPAddress]:
    """The addresses kaic may connect to, or AddressRefused naming what was refused."""
    addresses = list(addresses)
    usable = addresses if allowed else [a for a in addresses if is_public(a)]
    if not usable:
        shown = ", ".join(str(a) for a in addresses[:4])
        raise AddressRefused(host, f"resolves to non-public address {shown}; kaic connects to public addresses only")
    return usable


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """An httpcore network backend that connects to public addresses only."""

    def __init__(self, host_allowed: Callable[[str], bool], inner: httpcore.AsyncNetworkBackend | None = None,
                 resolver: Resolver | None = None) -> None:
        self._host_allowed = host_allowed
        self._inner = inner or httpcore.AnyIOBackend()
        self._resolve = resolver or resolve
        self.connections = 0  # sockets opened (for tests and figures)

    async def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                          local_address: str | None = None,
                          socket_options: Iterable[Any] | None = None) -> httpcore.AsyncNetworkStream:
        allowed = self._host_allowed(host)
        candidates = choose(host, await self._resolve(host, port, timeout), allowed)
        last: Exception | None = None
        for address in candidates[:4]:
            try:
                stream = await self._inner.connect_tcp(str(address), port, timeout=timeout,
                                                       local_address=local_address,
                                                       socket_options=socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                last = exc
                continue
            self.connections += 1
            peer = stream.get_extra_info("server_addr")
            peer_address = parse_address(str(peer[0])) if isinstance(peer, tuple) and peer else None
            if peer_address is None or not (allowed or is_public(peer_address)):
                await stream.aclose()
                raise AddressRefused(host, f"connected to non-public address {peer_address}")
            return stream
        assert last is not None
        raise last

    async def connect_unix_socket(self, path: str, timeout: float | None = None,
                                  socket_options: Iterable[Any] | None = None) -> httpcore.AsyncNetworkStream:
        raise AddressRefused(path, "kaic does not connect to local sockets")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


class GuardedTransport(httpx.AsyncHTTPTransport):
    """httpx's transport with its connection pool on a GuardedBackend; never a proxy."""

    def __init__(self, backend: GuardedBackend, limits: httpx.Limits, verify: Any = True) -> None:
        super().__init__(verify=verify, trust_env=False, limits=limits)
        ssl_context = self._pool._ssl_context  # the context httpx built from `verify`
        # httpx has no public switch for the network backend; the pool is rebuilt with ours.
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=ssl_context,
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=backend,
        )
