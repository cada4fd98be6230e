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
from collections import OrderedDict
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


NAT64 = ipaddress.IPv6Network("64:ff9b::/96")


def is_public(address: IPAddress) -> bool:
    """True for a globally routable unicast address (IPv4-mapped IPv6 judged as IPv4)."""
    if isinstance(address, ipaddress.IPv6Address):
        if address in NAT64:  # 64:ff9b::a.b.c.d reaches a.b.c.d through a translator
            return is_public(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
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


class HostPools:
    """One small httpcore connection pool per origin, all on the guarded backend.

    httpcore's single pool scans every connection it holds for each request; with many
    hosts that scan dominates. Per-origin pools stay small (at most `per_host`
    connections), and pools beyond `keep` with nothing in flight are closed, least
    recently used first, so open sockets stay bounded too.
    """

    def __init__(self, backend: GuardedBackend, ssl_context: Any, per_host: int, keep: int = 64) -> None:
        self._backend = backend
        self._ssl_context = ssl_context
        self._per_host = max(1, per_host)
        self._keep = max(1, keep)
        self._pools: OrderedDict[tuple[bytes, bytes, int | None], httpcore.AsyncConnectionPool] = OrderedDict()
        self._busy: dict[tuple[bytes, bytes, int | None], int] = {}

    def _pool(self, key: tuple[bytes, bytes, int | None]) -> httpcore.AsyncConnectionPool:
        pool = self._pools.get(key)
        if pool is None:
            pool = httpcore.AsyncConnectionPool(
                ssl_context=self._ssl_context, max_connections=self._per_host,
                max_keepalive_connections=self._per_host, keepalive_expiry=15.0,
                network_backend=self._backend)
            self._pools[key] = pool
        self._pools.move_to_end(key)
        return pool

    async def _evict(self) -> None:
        for key in list(self._pools):
            if len(self._pools) <= self._keep:
                return
            pool = self._pools[key]
            if self._busy.get(key) or not all(c.is_idle() or c.is_closed() for c in pool.connections):
                continue
            del self._pools[key]
            await pool.aclose()

    async def handle_async_request(self, request: httpcore.Request) -> httpcore.Response:
        key = (request.url.scheme, request.url.host, request.url.port)
        pool = self._pool(key)
        self._busy[key] = self._busy.get(key, 0) + 1
        try:
            return await pool.handle_async_request(request)
        finally:
            self._busy[key] -= 1
            if len(self._pools) > self._keep:
                await self._evict()

    async def aclose(self) -> None:
        pools, self._pools = list(self._pools.values()), OrderedDict()
        for pool in pools:
            await pool.aclose()

    async def __aenter__(self) -> HostPools:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()


class GuardedTransport(httpx.AsyncHTTPTransport):
    """httpx's transport on per-origin pools over a GuardedBackend; never a proxy."""

    def __init__(self, backend: GuardedBackend, per_host: int, verify: Any = True, keep: int = 64) -> None:
        super().__init__(verify=verify, trust_env=False)
        ssl_context = self._pool._ssl_context  # the context httpx built from `verify`
        # httpx has no public switch for the network backend or the pool: both are ours.
        self._pool = HostPools(backend, ssl_context, per_host, keep)  # type: ignore[assignment]
        self.pools = self._pool
