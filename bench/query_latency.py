#!/usr/bin/env python3
"""Warm `ask` latency in a fresh process (so environment variables such as OMP_WAIT_POLICY can be
compared): `python bench/query_latency.py INDEX_DIR REPEATS` prints one JSON line."""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import load_dev_questions, pct  # noqa: E402


def main() -> None:
    from assistant.engine import Assistant
    from assistant.settings import Settings

    index_dir, repeats = sys.argv[1], int(sys.argv[2])
    assistant = Assistant(Settings.from_env(index_dir=Path(index_dir)))
    qs = load_dev_questions()
    for q in qs[:3]:
        assistant.ask(q)
    ms, embed_ms = [], []
    for _ in range(repeats):
        for q in qs:
            t0 = time.perf_counter()
            assistant.ask(q)
            ms.append((time.perf_counter() - t0) * 1000)
    for q in qs:
        t0 = time.perf_counter()
        assistant.retriever.embed_query(q)
        embed_ms.append((time.perf_counter() - t0) * 1000)
    print(json.dumps({"p50": round(pct(ms, 50), 1), "p95": round(pct(ms, 95), 1),
                      "embed_p50": round(pct(embed_ms, 50), 1), "n": len(ms)}))


if __name__ == "__main__":
    main()
