#!/usr/bin/env python3
"""What a question naming a document adds: the question said of "this law" / "this study" embedded beside it
(`Query.within_vector`: search/legal.as_this_law for a statute named by number, mentions.DocumentNames.said_of_named
for a document named otherwise), measured in one run, each pair back to back:

    python bench/named_query.py --index INDEX [--repeats N]

Prints one JSON line: for questions naming a statute, questions naming another document and questions naming none,
the p50 of `Retriever.query` with the mechanism and without it (the text left as it is), their ratio (sums), and
the same for a whole ask.
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

QUESTIONS = {
    "statute": ["Kapan UU Nomor 37 Tahun 1999 tentang Hubungan Luar Negeri disahkan dan oleh presiden siapa?",
                "When did UU 14/2009 enter into force?", "Menurut Pasal 1 UU Nomor 21 Tahun 2007, siapa Anak?",
                "What does Law No. 18 of 2017 say about placement agencies?",
                "Apa definisi Anak dalam Peraturan Daerah DIY Nomor 6 Tahun 2025?"],
    "document": ["Kapan Protokol Palermo mulai berlaku menurut Pasal 17?",
                 "How many instruments of ratification were needed for UNTOC to enter into force?",
                 "How was the data for the SATUSEHAT integration study collected?",
                 "Which President signed the 2009 law ratifying the Palermo trafficking protocol?",
                 "Menurut penelitian Purwanti, apa pengaruh tipe kepribadian terhadap stres kerja?"],
    "plain": ["Kapan MoU antara Indonesia dan Kamboja tentang kerja sama kepolisian ditandatangani?",
              "What are the push factors of human trafficking from Indonesia?",
              "Apa yang dimaksud dengan eksploitasi?", "Who may organise apprenticeships abroad?",
              "Berapa jumlah korban perdagangan orang pada tahun 2023?"],
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", required=True)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    from assistant.engine import Assistant
    from assistant.search import query as query_module
    from assistant.settings import Settings

    engine = Assistant(Settings(index_dir=args.index))
    names = engine.retriever.names
    said_law, said_named = query_module.as_this_law, names.said_of_named
    times: dict[str, list[float]] = {}
    engine.ask(QUESTIONS["plain"][0])  # warm
    for _ in range(args.repeats):
        for group, questions in QUESTIONS.items():
            for question in questions:
                for mode in ("with", "without"):
                    query_module.as_this_law = said_law if mode == "with" else (lambda text, language: text)
                    names.said_of_named = said_named if mode == "with" else None
                    start = time.perf_counter()
                    engine.retriever.query(question)
                    times.setdefault(f"{group}_{mode}", []).append((time.perf_counter() - start) * 1000)
                    engine._recent.clear()  # (the engine keeps the questions it analysed: analysed anew here)
                    start = time.perf_counter()
                    engine.ask(question)
                    times.setdefault(f"{group}_ask_{mode}", []).append((time.perf_counter() - start) * 1000)
    query_module.as_this_law, names.said_of_named = said_law, said_named
    out: dict[str, float | int] = {}
    for group in QUESTIONS:
        w, wo, aw, awo = (times[f"{group}_{k}"] for k in ("with", "without", "ask_with", "ask_without"))
        out.update({f"{group}_analyse_ms_p50": round(median(w), 1), f"{group}_analyse_without_ms_p50": round(median(wo), 1),
                    f"{group}_analyse_ratio": round(sum(w) / sum(wo), 2), f"{group}_ask_ratio": round(sum(aw) / sum(awo), 2)})
    out["n"] = len(times["plain_with"])
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
