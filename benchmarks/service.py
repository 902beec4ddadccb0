"""Throughput and latency of the HTTP service (``newsnlp serve``) from 1 and 4 client threads.

Starts the real server on a free port of 127.0.0.1 (or uses ``--url``), sends a bounded number
of ``POST /analyze`` requests with the factRu dev articles (``--data``; the project's own
``examples/`` texts when ../shared is absent), and prints requests/s, p50 and p95 latency per
number of client threads. Each thread sends its next request when the last one is answered.

    python benchmarks/service.py                 # 80 requests per row, one server process
    python benchmarks/service.py --requests 200 --server-workers 2
    python benchmarks/service.py --url http://127.0.0.1:8000
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "factru_dev.jsonl"


def texts(data: Path) -> list[str]:
    """The articles to send: a JSONL corpus of {"text"} lines, or our examples."""
    if data.exists():
        lines = data.read_text("utf-8").splitlines()
        return [json.loads(line)["text"] for line in lines if line.strip()]
    lines = (EXAMPLES / "corpus.jsonl").read_text("utf-8").splitlines()
    return [(EXAMPLES / "article.txt").read_text("utf-8")] + [
        json.loads(line)["text"] for line in lines
    ]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_server(workers: int) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]),
    }
    command = [sys.executable, "-m", "newsnlp", "serve", "--port", str(port)]
    command += ["--workers", str(workers)]
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("the server exited before answering /health")
        try:
            if httpx.get(url + "/health", timeout=5).status_code == 200:
                return process, url
        except httpx.TransportError:
            time.sleep(0.3)
    process.kill()
    raise SystemExit("the server did not answer /health within 180 s")


def run(url: str, bodies: list[str], threads: int, requests: int) -> tuple[float, list[float]]:
    """(wall seconds, latency of each request) of ``requests`` requests from ``threads``."""

    def one(number: int) -> float:
        start = time.perf_counter()
        response = client.post("/analyze", json={"text": bodies[number % len(bodies)]})
        response.raise_for_status()
        return time.perf_counter() - start

    with httpx.Client(base_url=url, timeout=120) as client:
        for number in range(min(len(bodies), requests)):  # warm: the caches, the connection
            one(number)
        start = time.perf_counter()
        with ThreadPoolExecutor(threads) as pool:
            latencies = list(pool.map(one, range(requests)))
        return time.perf_counter() - start, latencies


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=80, help="requests per row")
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 4], help="client threads")
    parser.add_argument("--server-workers", type=int, default=1, help="server processes")
    parser.add_argument("--url", help="a running server instead of starting one")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="JSONL of articles")
    args = parser.parse_args()

    bodies = texts(args.data)
    chars = statistics.mean(len(text) for text in bodies)
    process = None
    url = args.url
    if url is None:
        process, url = start_server(args.server_workers)
    try:
        print(f"{args.requests} POST /analyze a row; {len(bodies)} articles, {chars:.0f} chars avg")
        print("| client threads | requests/s | p50 ms | p95 ms |")
        print("|---|---|---|---|")
        for threads in args.threads:
            wall, latencies = run(url, bodies, threads, args.requests)
            p50, p95 = (1000 * percentile(latencies, share) for share in (0.5, 0.95))
            print(f"| {threads} | {args.requests / wall:.1f} | {p50:.0f} | {p95:.0f} |")
    finally:
        if process is not None:
            process.terminate()
            process.wait(timeout=30)


if __name__ == "__main__":
    main()
