"""Load test of the chat server on loopback: N concurrent gradio_client sessions, each asking several questions
through `/ask`. Prints p50/p95 latency, throughput and errors; exits 1 on any error or unanswered question.

    .venv/bin/python bench/load_test.py                      # starts `assistant serve` on a free port
    .venv/bin/python bench/load_test.py --url http://127.0.0.1:7860/ --sessions 20 --questions 5

A benchmark, not a test: nothing here asserts a speed.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
ROOT = Path(__file__).resolve().parent.parent

QUESTIONS = [
    "Siapa yang ditemui Retno Marsudi pada 2 Agustus 2022?",
    "Who did Retno Marsudi meet on 2 August 2022?",
    "Apa saja faktor penyebab perdagangan manusia dari Indonesia ke Kamboja?",
    "What is human trafficking according to the thesis?",
    "Bagaimana modus perekrutan korban perdagangan manusia ke Kamboja?",
    "Which countries cooperate against human trafficking in the thesis?",
    "Who won the 2022 World Cup?",
]


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100)."""
    ordered = sorted(values)
    rank = max(1, round(q / 100 * len(ordered)))
    return ordered[min(rank, len(ordered)) - 1]


def session(url: str, n: int, questions: int, timeout: float) -> list[tuple[float, str | None]]:
    """One gradio_client session asking `questions` questions; (latency s, error or None) each."""
    from gradio_client import Client

    client = Client(url, verbose=False, httpx_kwargs={"timeout": timeout})
    out = []
    for i in range(questions):
        q = QUESTIONS[(n + i) % len(QUESTIONS)]
        start = time.perf_counter()
        try:
            job = client.submit(q, api_name="/ask")
            result = job.result(timeout=timeout)
            error = None if isinstance(result, dict) and result.get("answer") else f"empty answer to {q!r}"
        except Exception as exc:  # counted, reported, never hidden
            error = f"{type(exc).__name__}: {exc}"
        out.append((time.perf_counter() - start, error))
    return out


def start_server(index: Path | None, port: int) -> subprocess.Popen:
    """`assistant serve` on loopback; returns once it answers."""
    cmd = [str(Path(sys.executable).with_name("assistant")), "serve", "--port", str(port)]
    if index:
        cmd += ["--index", str(index)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT,
                            env={**os.environ, "HF_HUB_OFFLINE": "1"})
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/gradio_api/info", timeout=5)
            return proc
        except OSError:
            time.sleep(0.5)
    proc.kill()
    raise SystemExit("assistant serve did not start")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--url", help="an already running server (default: start one)")
    parser.add_argument("--index", type=Path, help="index for the started server (default: index/)")
    parser.add_argument("--port", type=int, default=7899)
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--questions", type=int, default=5, help="questions per session")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per request (bounded)")
    args = parser.parse_args(argv)
    proc = None if args.url else start_server(args.index, args.port)
    url = args.url or f"http://127.0.0.1:{args.port}/"
    try:
        started = time.perf_counter()
        results: list[tuple[float, str | None]] = []
        lock = threading.Lock()
        with ThreadPoolExecutor(max_workers=args.sessions) as pool:
            futures = [pool.submit(session, url, n, args.questions, args.timeout) for n in range(args.sessions)]
            for f in as_completed(futures):
                try:
                    part = f.result()
                except Exception as exc:  # a session that could not even connect
                    part = [(0.0, f"session: {type(exc).__name__}: {exc}")] * args.questions
                with lock:
                    results.extend(part)
        wall = time.perf_counter() - started
    finally:
        if proc:
            proc.terminate()
            proc.wait(timeout=30)
    latencies = [s for s, e in results if e is None]
    errors = [e for _, e in results if e]
    expected = args.sessions * args.questions
    if latencies:
        print(f"sessions={args.sessions} questions/session={args.questions} answered={len(latencies)}/{expected} "
              f"errors={len(errors)} p50={percentile(latencies, 50):.2f}s p95={percentile(latencies, 95):.2f}s "
              f"mean={statistics.mean(latencies):.2f}s max={max(latencies):.2f}s wall={wall:.1f}s "
              f"throughput={len(latencies) / wall:.2f} q/s")
    for e in sorted(set(errors))[:10]:
        print("error:", e)
    return 0 if not errors and len(latencies) == expected else 1


if __name__ == "__main__":
    sys.exit(main())
