#!/usr/bin/env python3
"""What a question naming a statute adds: the question said of "this law" embedded beside it
(`Query.within_vector`, search/legal.as_this_law), measured in one run, each pair back to back:

    python bench/statute_query.py --index INDEX [--repeats N]

Prints one JSON line: statute_analyse_ms(_p50) with the added embedding and without it (as_this_law
leaving the text as it is), their ratio (sums), and the same for a whole ask.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import median  # noqa: E402

QUESTIONS = ["Kapan UU Nomor 37 Tahun 1999 tentang Hubungan Luar Negeri disahkan dan oleh presiden siapa?",
             "When did UU 14/2009 enter into force?", "Menurut Pasal 1 UU Nomor 21 Tahun 2007, siapa Anak?",
             "What does Law No. 18 of 2017 say about placement agencies?",
             "Apa definisi Anak dalam Peraturan Daerah DIY Nomor 6 Tahun 2025?"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", required=True)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    from assistant.engine import Assistant
    from assistant.search import query as query_module
    from assistant.settings import Settings

    engine = Assistant(Settings(index_dir=args.index))
    said = query_module.as_this_law
    times: dict[str, list[float]] = {"with": [], "without": [], "ask_with": [], "ask_without": []}
    engine.ask(QUESTIONS[0])  # warm
    for _ in range(args.repeats):
        for question in QUESTIONS:
            for mode in ("with", "without"):
                query_module.as_this_law = said if mode == "with" else (lambda text, language: text)
                start = time.perf_counter()
                engine.retriever.query(question)
                times[mode].append((time.perf_counter() - start) * 1000)
                engine._recent.clear()  # (the engine keeps the questions it analysed: analysed anew here)
                start = time.perf_counter()
                engine.ask(question)
                times[f"ask_{mode}"].append((time.perf_counter() - start) * 1000)
    query_module.as_this_law = said
    p50 = {k: median(v) for k, v in times.items()}
    print(json.dumps({"statute_analyse_ms_p50": round(p50["with"], 1), "plain_analyse_ms_p50": round(p50["without"], 1),
                      "statute_analyse_ratio": round(sum(times["with"]) / sum(times["without"]), 2),
                      "statute_ask_ms_p50": round(p50["ask_with"], 1), "plain_ask_ms_p50": round(p50["ask_without"], 1),
                      "statute_ask_ratio": round(sum(times["ask_with"]) / sum(times["ask_without"]), 2),
                      "n": len(times["with"])}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
