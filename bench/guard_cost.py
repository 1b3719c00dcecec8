#!/usr/bin/env python3
"""The faithfulness guard's own cost per answer (no LLM): every answer of a guard set checked
against its passages, warm (after one pass that fills the word caches); each question is analysed
once beforehand, as the assistant has it when the guard runs.

    python bench/guard_cost.py [GUARD_SET.jsonl] [REPEATS]

Prints one JSON line: p50, p95, max (ms per answer, wall clock), cpu_p50/cpu_p95 (ms of this
thread's CPU time: on a shared machine the wall clock also counts time slices given to others),
n, first_pass_s (cold caches).
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import pct  # noqa: E402

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "guard_dev.jsonl"


def main(argv: list[str]) -> int:
    from assistant.answer.guard import check
    from assistant.search.query import analyse

    path = Path(argv[0]) if argv else DEFAULT
    repeats = int(argv[1]) if len(argv) > 1 else 20
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for r in rows:
        r["query"] = analyse(r["question"], None)
    start = time.perf_counter()
    for r in rows:
        check(r["query"], r["passages"], r["answer"])
    first = time.perf_counter() - start
    times, cpu = [], []
    for _ in range(repeats):
        for r in rows:
            t0, c0 = time.perf_counter(), time.thread_time()
            check(r["query"], r["passages"], r["answer"])
            times.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.thread_time() - c0) * 1000)
    print(json.dumps({"p50": round(pct(times, 50), 2), "p95": round(pct(times, 95), 2), "max": round(max(times), 2),
                      "cpu_p50": round(pct(cpu, 50), 2), "cpu_p95": round(pct(cpu, 95), 2),
                      "n": len(times), "first_pass_s": round(first, 2)}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
