"""A bounded load test of ``marsad serve``: a fixed number of requests to /v1/events and
/v1/trends, from a few concurrent clients, on 127.0.0.1 only.

    marsad ingest ../shared/corpus/saudinewsnet --db /tmp/snn.duckdb     # about a minute
    .venv/bin/python bench/serve_load.py --db /tmp/snn.duckdb [--requests 2000] [--clients 8]

It starts ``marsad serve`` on a free loopback port (or uses ``--url http://127.0.0.1:PORT``,
which must be a loopback address), warms it with one request of each kind, then sends
``--requests`` requests per endpoint, cycling through a fixed list of queries (no filter, a
type, a country, a date range, a text, the second page by cursor; trends by week and month).
It prints, per endpoint, requests/s, p50 and p99 latency in milliseconds and the count of
errors (any answer but 200, or a failed connection), and exits 1 if there was any error.
Standard library only: the numbers are the server's, not a client library's.
"""

from __future__ import annotations

import argparse
import http.client
import json
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

EVENTS = ["/v1/events?limit=100", "/v1/events?type=ASSAULT&limit=100",
          "/v1/events?country=SYR&limit=50", "/v1/events?since=2015-07-01&until=2015-07-31&limit=100",
          "/v1/events?text=%D8%BA%D8%A7%D8%B1%D8%A9&limit=50",      # 'raid'
          "/v1/events?type=PROTEST&format=csv&limit=100", "CURSOR"]
TRENDS = ["/v1/trends?by=week", "/v1/trends?by=month&type=ASSAULT", "/v1/trends?by=day&country=YEM",
          "/v1/trends?by=month&all_modalities=1&mentions=1"]
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


@dataclass
class Outcome:
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: str, cache_seconds: int) -> tuple[subprocess.Popen, str]:  # type: ignore[type-arg]
    port = free_port()
    marsad = Path(sys.executable).with_name("marsad")
    server = subprocess.Popen([str(marsad), "serve", "--db", db, "--port", str(port), "--quiet",
                               "--cache-seconds", str(cache_seconds)],
                              stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            get(url, "/v1/meta")
            return server, url
        except OSError:
            time.sleep(0.2)
    server.kill()
    sys.exit("marsad serve did not start")


def get(url: str, path: str, conn: http.client.HTTPConnection | None = None) -> tuple[int, bytes]:
    parts = urllib.parse.urlsplit(url)
    own = conn or http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    own.request("GET", path)
    answer = own.getresponse()
    body = answer.read()
    if conn is None:
        own.close()
    return answer.status, body


def resolve(url: str, paths: list[str]) -> list[str]:
    """CURSOR becomes the second page of the unfiltered list."""
    if "CURSOR" not in paths:
        return paths
    _, body = get(url, "/v1/events?limit=100")
    cursor = json.loads(body)["next_cursor"]
    return [f"/v1/events?limit=100&cursor={cursor}" if p == "CURSOR" else p for p in paths]


def client(url: str, paths: list[str], jobs: list[int], outcome: Outcome) -> None:
    parts = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    for number in jobs:
        path = paths[number % len(paths)]
        started = time.perf_counter()
        try:
            status, _ = get(url, path, conn)
            problem = None if status == 200 else f"{path}: HTTP {status}"
        except (OSError, http.client.HTTPException) as exc:
            problem = f"{path}: {exc}"
            conn.close()
            conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
        elapsed = time.perf_counter() - started
        with outcome.lock:
            outcome.latencies.append(elapsed)
            if problem:
                outcome.errors.append(problem)
    conn.close()


def run(url: str, paths: list[str], requests: int, clients: int) -> tuple[Outcome, float]:
    outcome = Outcome()
    shares = [list(range(i, requests, clients)) for i in range(clients)]
    threads = [threading.Thread(target=client, args=(url, paths, share, outcome)) for share in shares]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcome, time.perf_counter() - started


def report(name: str, outcome: Outcome, seconds: float) -> None:
    ms = sorted(1000 * x for x in outcome.latencies)
    p99 = ms[min(len(ms) - 1, int(round(0.99 * len(ms))) - 1)]
    print(f"{name:12} {len(ms):6d} requests  {len(ms) / seconds:8.1f} req/s  "
          f"p50 {statistics.median(ms):7.1f} ms  p99 {p99:7.1f} ms  errors {len(outcome.errors)}")
    for problem in outcome.errors[:5]:
        print(f"    {problem}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", help="the store to serve (a marsad serve is started on it)")
    parser.add_argument("--url", help="an already running marsad serve on 127.0.0.1")
    parser.add_argument("--requests", type=int, default=2000, help="per endpoint (default 2000)")
    parser.add_argument("--clients", type=int, default=8, help="concurrent clients (default 8)")
    parser.add_argument("--cache-seconds", type=int, default=0,
                        help="the server's answer cache (default 0: every request queries the "
                             "store; with --db only)")
    args = parser.parse_args()
    if bool(args.db) == bool(args.url):
        parser.error("give --db or --url")
    server = None
    if args.db:
        server, url = start_server(args.db, args.cache_seconds)
    else:
        url = args.url.rstrip("/")
        if urllib.parse.urlsplit(url).hostname not in LOOPBACK:
            parser.error("--url must be on 127.0.0.1: this test loads only this machine")
    try:
        meta = json.loads(get(url, "/v1/meta")[1])
        print(f"store: {meta['counts']['articles']} articles, {meta['counts']['events']} events; "
              f"{args.requests} requests per endpoint from {args.clients} clients; answer cache "
              f"{args.cache_seconds} s")
        errors = 0
        for name, paths in (("/v1/events", resolve(url, EVENTS)), ("/v1/trends", TRENDS)):
            for path in paths:          # warm: the first of each query pays for the caches
                get(url, path)
            outcome, seconds = run(url, paths, args.requests, args.clients)
            report(name, outcome, seconds)
            errors += len(outcome.errors)
    finally:
        if server:
            server.terminate()
            server.wait(timeout=10)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
