"""Link classes, politeness and address refusal against real loopback servers (no other traffic)."""

from __future__ import annotations

import asyncio
import ipaddress
from collections.abc import Iterator
from pathlib import Path

import pytest

from kaic.online import LinkClass, OnlineOptions
from kaic.online.cache import DiskCache
from kaic.online.client import make_client
from kaic.online.guard import GuardedBackend, IPAddress, is_public
from kaic.online.links import LinkChecker, Outcome, classify_status, retry_after_seconds
from tests.fixtures.loopback import Reply, Request, self_signed_context, serve

pytestmark = pytest.mark.timeout(60)
LOOPBACK = frozenset({"127.0.0.1"})


def options(**changes: object) -> OnlineOptions:
    base: dict[str, object] = {"allow_hosts": LOOPBACK, "use_cache": False, "timeout": 2.0, "budget": 20.0,
                               "backoff": 0.05, "retries": 1}
    base.update(changes)
    return OnlineOptions(**base)  # type: ignore[arg-type]


async def _check_all(urls: list[str], opts: OnlineOptions, cache: DiskCache | None = None,
                     backend: GuardedBackend | None = None) -> list[Outcome]:
    backend = backend or GuardedBackend(opts.host_allowed)
    cache = cache or DiskCache(Path("/nonexistent"), enabled=False)
    async with make_client(opts, backend) as client:
        checker = LinkChecker(client, opts, cache, asyncio.get_running_loop().time() + opts.budget)
        return list(await asyncio.gather(*(checker.check(u) for u in urls)))


def check(url: str, opts: OnlineOptions | None = None, **kwargs: object) -> Outcome:
    return asyncio.run(_check_all([url], opts or options(), **kwargs))[0]  # type: ignore[arg-type]


def routes(table: dict[str, Reply]) -> object:
    return lambda req: table.get(req.path.split("?")[0], Reply(404))


# -- one class per answer ------------------------------------------------------------


def test_200_is_ok() -> None:
    with serve(lambda req: Reply(200, body=b"hello")) as srv:
        found = check(srv.url + "/page")
    assert (found.klass, found.status, found.final_url) == (LinkClass.OK, 200, None)
    assert [r.method for r in srv.requests] == ["HEAD"]  # HEAD answered: no GET


def test_user_agent_names_kaic() -> None:
    with serve(lambda req: Reply(200)) as srv:
        check(srv.url + "/")
    agent = srv.requests[0].headers["user-agent"]
    assert agent.startswith("kaic/") and "Kubernetes AI Conformance" in agent and "Mozilla" not in agent


def test_301_then_200_is_redirected_with_final_url() -> None:
    with serve(routes({"/old": Reply(301, {"Location": "/new"}), "/new": Reply(200)})) as srv:
        found = check(srv.url + "/old")
    assert found.klass is LinkClass.REDIRECTED
    assert found.final_url == srv.url + "/new"
    assert found.status == 200


def test_redirect_loop_is_broken() -> None:
    with serve(routes({"/a": Reply(302, {"Location": "/b"}), "/b": Reply(302, {"Location": "/a"})})) as srv:
        found = check(srv.url + "/a")
    assert found.klass is LinkClass.BROKEN
    assert "loop" in found.detail
    assert len(srv.requests) <= 4


def test_more_than_five_redirects_is_broken() -> None:
    def chain(req: Request) -> Reply:
        n = int(req.path.strip("/") or 0)
        return Reply(302, {"Location": f"/{n + 1}"})

    with serve(chain) as srv:
        found = check(srv.url + "/0")
    assert found.klass is LinkClass.BROKEN
    assert "more than 5 redirects" in found.detail
    assert len(srv.requests) == 6  # the URL and five hops, each asked once (HEAD)


@pytest.mark.parametrize("status", [404, 410, 400])
def test_4xx_is_broken(status: int) -> None:
    with serve(lambda req: Reply(status)) as srv:
        found = check(srv.url + "/gone")
    assert (found.klass, found.status) == (LinkClass.BROKEN, status)
    assert [r.method for r in srv.requests] == ["HEAD", "GET"]  # HEAD refused: asked again with GET


@pytest.mark.parametrize("status", [401, 403])
def test_401_403_are_blocked(status: int) -> None:
    with serve(lambda req: Reply(status)) as srv:
        found = check(srv.url + "/wall")
    assert (found.klass, found.status) == (LinkClass.BLOCKED, status)


def test_head_refused_then_get_ok() -> None:
    with serve(lambda req: Reply(405) if req.method == "HEAD" else Reply(200, body=b"x")) as srv:
        found = check(srv.url + "/")
    assert found.klass is LinkClass.OK
    assert [r.method for r in srv.requests] == ["HEAD", "GET"]


def test_429_honours_retry_after_then_is_rate_limited() -> None:
    with serve(lambda req: Reply(429, {"Retry-After": "1"})) as srv:
        found = check(srv.url + "/busy", options(retries=1))
    assert (found.klass, found.status) == (LinkClass.RATE_LIMITED, 429)
    assert len(srv.requests) == 2
    assert srv.requests[1].at - srv.requests[0].at >= 0.95  # waited as told


def test_retry_after_is_bounded() -> None:
    with serve(lambda req: Reply(429, {"Retry-After": "3600"})) as srv:
        found = check(srv.url + "/busy", options(retries=1, retry_after_cap=0.2))
    assert found.klass is LinkClass.RATE_LIMITED
    assert srv.requests[1].at - srv.requests[0].at < 5


def test_500_then_200_is_ok_after_a_retry() -> None:
    seen: list[str] = []

    def flaky(req: Request) -> Reply:
        seen.append(req.method)
        return Reply(500) if len(seen) <= 2 else Reply(200)  # the first try: HEAD and GET fail

    with serve(flaky) as srv:
        found = check(srv.url + "/flaky")
    assert found.klass is LinkClass.OK
    assert [r.method for r in srv.requests] == ["HEAD", "GET", "HEAD"]


def test_500_every_time_is_server_error() -> None:
    with serve(lambda req: Reply(503)) as srv:
        found = check(srv.url + "/down", options(retries=2))
    assert (found.klass, found.status) == (LinkClass.SERVER_ERROR, 503)
    # each try asks HEAD, then GET (some servers fail HEAD only): the first try and two retries
    assert [r.method for r in srv.requests] == ["HEAD", "GET"] * 3


def test_slow_answer_past_the_timeout() -> None:
    with serve(lambda req: Reply(200, delay=3.0)) as srv:
        found = check(srv.url + "/slow", options(timeout=0.3, retries=0))
    assert found.klass is LinkClass.TIMEOUT


def test_time_budget_bounds_the_run() -> None:
    import time

    with serve(lambda req: Reply(200, delay=2.0)) as srv:
        start = time.monotonic()
        found = asyncio.run(_check_all([f"{srv.url}/{i}" for i in range(8)],
                                       options(timeout=5.0, budget=1.0, retries=0, per_host=1)))
        spent = time.monotonic() - start
    assert spent < 4.0
    assert all(o.klass is LinkClass.TIMEOUT for o in found)


def test_self_signed_tls_is_tls_error(tmp_path: Path) -> None:
    with serve(lambda req: Reply(200), tls=self_signed_context(tmp_path)) as srv:
        found = check(srv.url + "/")
    assert found.klass is LinkClass.TLS_ERROR
    assert srv.requests == []  # the handshake failed: no request was sent


def test_not_http_is_broken() -> None:
    found = check("ftp://127.0.0.1/file")
    assert found.klass is LinkClass.BROKEN


def test_redirect_to_another_scheme_is_broken() -> None:
    with serve(lambda req: Reply(301, {"Location": "file:///etc/passwd"})) as srv:
        found = check(srv.url + "/")
    assert found.klass is LinkClass.BROKEN
    assert "not an http(s) URL" in found.detail


# -- politeness -----------------------------------------------------------------------


def test_at_most_per_host_requests_in_flight() -> None:
    with serve(lambda req: Reply(200, delay=0.1)) as srv:
        found = asyncio.run(_check_all([f"{srv.url}/{i}" for i in range(12)], options(per_host=2)))
    assert all(o.klass is LinkClass.OK for o in found)
    assert srv.max_in_flight == 2


def test_same_url_is_requested_once_per_run() -> None:
    with serve(lambda req: Reply(200)) as srv:
        asyncio.run(_check_all([srv.url + "/x"] * 5, options()))
    assert len(srv.requests) == 1


def test_logo_body_is_read_only_up_to_the_cap() -> None:
    async def fetch(url: str, opts: OnlineOptions) -> Outcome:
        async with make_client(opts, GuardedBackend(opts.host_allowed)) as client:
            checker = LinkChecker(client, opts, DiskCache(Path("/nonexistent"), False),
                                  asyncio.get_running_loop().time() + 10)
            return await checker.follow(url, head_first=False, cap=1000)

    with serve(lambda req: Reply(200, body=b"<svg>" + b"x" * 5_000_000)) as srv:
        found = asyncio.run(fetch(srv.url + "/logo.svg", options()))
    assert found.klass is LinkClass.OK
    assert found.body is not None and len(found.body) == 1000


# -- addresses ------------------------------------------------------------------------


def test_loopback_is_refused_unless_allowed_and_nothing_connects() -> None:
    with serve(lambda req: Reply(200)) as srv:
        found = check(srv.url + "/", options(allow_hosts=frozenset()))
        assert found.klass is LinkClass.REFUSED
        assert srv.connections == 0
        allowed = check(srv.url + "/", options())
    assert allowed.klass is LinkClass.OK
    assert srv.connections == 1


def test_redirect_to_a_refused_address_is_refused_on_that_hop() -> None:
    with serve(lambda req: Reply(200), host="127.0.0.2") as inner, \
            serve(lambda req: Reply(302, {"Location": inner.url + "/secret"})) as outer:
        found = check(outer.url + "/", options(allow_hosts=frozenset({"127.0.0.1"})))
    assert found.klass is LinkClass.REFUSED
    assert found.final_url == inner.url + "/secret"
    assert outer.connections == 1
    assert inner.connections == 0


def test_a_name_resolving_to_loopback_is_refused() -> None:
    """The address checked is the one connected to: a name that DNS points at loopback is refused."""

    async def rebinding_dns(host: str, port: int, timeout: float | None) -> list[IPAddress]:
        return [ipaddress.ip_address("127.0.0.1")]

    with serve(lambda req: Reply(200)) as srv:
        port = srv.server_address[1]
        opts = options(allow_hosts=frozenset())
        backend = GuardedBackend(opts.host_allowed, resolver=rebinding_dns)
        found = check(f"http://public.example:{port}/", opts, backend=backend)
        assert found.klass is LinkClass.REFUSED
        assert srv.connections == 0
        allowed = options(allow_hosts=frozenset({"public.example"}))
        ok = check(f"http://public.example:{port}/", allowed,
                   backend=GuardedBackend(allowed.host_allowed, resolver=rebinding_dns))
    assert ok.klass is LinkClass.OK
    assert srv.requests[0].headers["host"] == f"public.example:{port}"


def test_unresolvable_name_is_dns_error() -> None:
    from kaic.online.guard import NameNotResolved

    async def no_dns(host: str, port: int, timeout: float | None) -> list[IPAddress]:
        raise NameNotResolved(host, "Name or service not known")

    opts = options()
    found = check("http://nowhere.invalid/", opts, backend=GuardedBackend(opts.host_allowed, resolver=no_dns))
    assert found.klass is LinkClass.DNS_ERROR


@pytest.mark.parametrize("address, public", [
    ("127.0.0.1", False), ("10.1.2.3", False), ("172.16.0.1", False), ("192.168.1.1", False),
    ("169.254.169.254", False), ("100.64.0.1", False), ("0.0.0.0", False), ("224.0.0.1", False),
    ("::1", False), ("fe80::1", False), ("fc00::1", False), ("::ffff:127.0.0.1", False),
    ("::ffff:10.0.0.1", False), ("2002:7f00:1::", False), ("8.8.8.8", True), ("151.101.1.1", True),
    ("2606:4700::1111", True), ("64:ff9b::7f00:1", False), ("64:ff9b::808:808", True),
])
def test_public_addresses(address: str, public: bool) -> None:
    assert is_public(ipaddress.ip_address(address)) is public


# -- small pure pieces ----------------------------------------------------------------


@pytest.mark.parametrize("status, klass", [
    (200, LinkClass.OK), (204, LinkClass.OK), (304, LinkClass.OK), (401, LinkClass.BLOCKED),
    (403, LinkClass.BLOCKED), (404, LinkClass.BROKEN), (410, LinkClass.BROKEN), (418, LinkClass.BROKEN),
    (429, LinkClass.RATE_LIMITED), (500, LinkClass.SERVER_ERROR), (503, LinkClass.SERVER_ERROR),
])
def test_classify_status(status: int, klass: LinkClass) -> None:
    assert classify_status(status) is klass


def test_retry_after_forms() -> None:
    assert retry_after_seconds("7") == 7.0
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT", now=1445412470.0) == pytest.approx(10.0)
    assert retry_after_seconds("soon") is None
    assert retry_after_seconds(None) is None


# -- the cache ------------------------------------------------------------------------


@pytest.fixture()
def cache(tmp_path: Path) -> Iterator[DiskCache]:
    yield DiskCache(tmp_path / "cache")


def test_cache_answers_until_the_ttl(cache: DiskCache) -> None:
    cache.put("links", "k", {"v": 1}, ttl=10, now=1000.0)
    assert cache.get("links", "k", now=1005.0) == {"v": 1}
    assert cache.get("links", "k", now=1011.0) is None


def test_corrupt_cache_entry_is_ignored_then_replaced(cache: DiskCache) -> None:
    cache.put("links", "k", {"v": 1}, ttl=10)
    (entry,) = (cache.folder / "links").glob("*.json")
    entry.write_bytes(b"{not json\x00")
    assert cache.get("links", "k") is None
    cache.put("links", "k", {"v": 2}, ttl=10)
    assert cache.get("links", "k") == {"v": 2}
    assert [p.name for p in (cache.folder / "links").iterdir()] == [entry.name]  # no temporary left


def test_cache_entry_of_another_key_is_not_used(cache: DiskCache) -> None:
    cache.put("links", "a", 1, ttl=10)
    (entry,) = (cache.folder / "links").glob("*.json")
    entry.rename(cache._file("links", "b"))
    assert cache.get("links", "b") is None


def test_second_run_uses_the_cache_and_connects_nowhere(cache: DiskCache) -> None:
    with serve(lambda req: Reply(200)) as srv:
        opts = options(use_cache=True)
        first = asyncio.run(_check_all([srv.url + "/a"], opts, cache=cache))
        backend = GuardedBackend(opts.host_allowed)
        second = asyncio.run(_check_all([srv.url + "/a"], opts, cache=cache, backend=backend))
    assert first[0].klass is second[0].klass is LinkClass.OK
    assert backend.connections == 0
    assert srv.connections == 1


def test_an_allowed_result_is_not_reused_when_the_host_is_no_longer_allowed(cache: DiskCache) -> None:
    with serve(lambda req: Reply(200)) as srv:
        asyncio.run(_check_all([srv.url + "/a"], options(use_cache=True), cache=cache))
        found = asyncio.run(_check_all([srv.url + "/a"], options(use_cache=True, allow_hosts=frozenset()),
                                       cache=cache))
    assert found[0].klass is LinkClass.REFUSED


def test_idle_host_pools_beyond_the_limit_are_closed() -> None:
    import contextlib

    import httpx

    from kaic.online.guard import GuardedTransport

    async def visit(urls: list[str]) -> tuple[list[int], int]:
        backend = GuardedBackend(lambda host: True)
        transport = GuardedTransport(backend, per_host=2, keep=2)
        async with httpx.AsyncClient(transport=transport, trust_env=False) as client:
            statuses = [(await client.get(u)).status_code for u in urls]
            return statuses, len(transport.pools._pools)

    with contextlib.ExitStack() as stack:
        servers = [stack.enter_context(serve(lambda req: Reply(200), host=f"127.0.0.{i}")) for i in range(1, 6)]
        statuses, pools = asyncio.run(visit([s.url + "/" for s in servers] * 2))
    assert statuses == [200] * 10
    assert pools <= 2
    assert sum(s.connections for s in servers) == 10  # closed pools: the second round reconnects
