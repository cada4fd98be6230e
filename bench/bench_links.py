"""Benchmark: online link checks, 500 URLs over 25 loopback addresses answering in 100 ms each.

With at most 4 requests in flight per host and 16 in all, the caps allow 500 / 16 × 0.1 s
≈ 3.1 s; the target is ≤ 4 s. The floor is a bare asyncio client making the same
requests under the same caps (no kaic, no httpx), measured in the same run against the
same servers (a separate process, so they do not share the client's interpreter).

Run: python bench/bench_links.py [--runs N]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HOSTS = [f"127.0.0.{i}" for i in range(1, 26)]
URLS_PER_HOST = 20  # 25 × 20 = 500
DELAY = 0.1
PER_HOST, TOTAL = 4, 16
TARGET = 4.0

SERVER = r"""
import asyncio, sys
DELAY = float(sys.argv[1])
async def handle(reader, writer):
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            await asyncio.sleep(DELAY)
            close = b"connection: close" in head.lower()
            writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n" + (b"Connection: close\r\n" if close else b"") + b"\r\n")
            await writer.drain()
            if close:
                break
    except (asyncio.IncompleteReadError, ConnectionError):
        pass
    finally:
        writer.close()
async def main():
    hosts = sys.argv[2:]
    first = await asyncio.start_server(handle, hosts[0], 0, backlog=256)
    port = first.sockets[0].getsockname()[1]
    for h in hosts[1:]:
        await asyncio.start_server(handle, h, port, backlog=256)
    print(port, flush=True)
    await asyncio.Event().wait()
asyncio.run(main())
"""


def urls(port: int) -> list[str]:
    return [f"http://{h}:{port}/evidence/{n}" for n in range(URLS_PER_HOST) for h in HOSTS]


def repository(folder: Path, port: int) -> Path:
    """A one-submission repository whose only links are the 500 loopback URLs."""
    (folder / "docs").mkdir(parents=True)
    (folder / "docs" / "AIConformance-9.9.yaml").write_text(
        "metadata:\n  vendorName: '[vendorName]'\nspec:\n  widgets:\n"
        "  - {id: widget_sharing, level: MUST, description: d, status: '', evidence: [], notes: ''}\n")
    product = folder / "v9.9" / "bench"
    product.mkdir(parents=True)
    lines = "\n".join(f"      - {u}" for u in urls(port))
    (product / "PRODUCT.yaml").write_text(
        "metadata:\n  vendorName: Bench\nspec:\n  widgets:\n  - id: widget_sharing\n    level: MUST\n"
        f"    description: d\n    status: Implemented\n    evidence:\n{lines}\n    notes: n\n")
    (folder / "landscape.yml").write_text(
        "landscape:\n- category:\n    name: CNCF Members\n    subcategories:\n    - subcategory:\n"
        "        name: x\n        items:\n        - item:\n            name: Bench\n")
    return folder


async def bare(port: int) -> None:
    """The floor: raw asyncio connections, one request each, under the same caps."""
    total = asyncio.Semaphore(TOTAL)
    per_host = {h: asyncio.Semaphore(PER_HOST) for h in HOSTS}

    async def one(host: str, path: str) -> None:
        async with per_host[host], total:
            reader, writer = await asyncio.open_connection(host, port)
            writer.write(f"HEAD {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
            await writer.drain()
            await reader.read()
            writer.close()

    await asyncio.gather(*(one(h, f"/evidence/{n}") for n in range(URLS_PER_HOST) for h in HOSTS))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    from kaic.load import load_state
    from kaic.online import LinkClass, OnlineOptions, run_online_checks
    from kaic.source import open_source

    server = subprocess.Popen([sys.executable, "-c", SERVER, str(DELAY), *HOSTS], stdout=subprocess.PIPE, text=True)
    try:
        assert server.stdout is not None
        port = int(server.stdout.readline())
        root = repository(Path(tempfile.mkdtemp(prefix="kaic-bench-links-")), port)
        state = load_state(open_source(str(root)))
        options = OnlineOptions(allow_hosts=frozenset(HOSTS), use_cache=False, per_host=PER_HOST, total=TOTAL,
                                landscape=root / "landscape.yml", timeout=10.0, budget=60.0)
        floors, times = [], []
        for _ in range(runs):
            start = time.perf_counter()
            asyncio.run(bare(port))
            floors.append(time.perf_counter() - start)
            start = time.perf_counter()
            result = run_online_checks(state, state.submissions, options)
            times.append(time.perf_counter() - start)
            classes = {r.klass for r in result.links}
            if len(result.links) != len(HOSTS) * URLS_PER_HOST or classes != {LinkClass.OK}:
                raise SystemExit(f"unexpected results: {len(result.links)} links, classes {classes}")
    finally:
        server.terminate()
        server.wait(timeout=10)
    seconds, floor = statistics.median(times), statistics.median(floors)
    ideal = len(HOSTS) * URLS_PER_HOST / TOTAL * DELAY
    verdict = "OK" if seconds <= TARGET else "OVER"
    print(f"links: {len(HOSTS) * URLS_PER_HOST} URLs over {len(HOSTS)} hosts, median {seconds:.3f} s, "
          f"floor {floor:.3f} s (bare asyncio, same caps), caps allow {ideal:.2f} s, "
          f"ratio {seconds / floor:.2f}× floor (target ≤ {TARGET:g} s) {verdict}")


if __name__ == "__main__":
    main()
