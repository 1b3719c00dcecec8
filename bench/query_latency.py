#!/usr/bin/env python3
"""Warm `ask` latency in a fresh process, so that environment variables such as OMP_WAIT_POLICY
can be compared and the bench process's own state does not count.

    python bench/query_latency.py INDEX_DIR REPEATS          # an index saved by ingest
    python bench/query_latency.py BIG_DIR REPEATS --big      # the 100k-chunk index run.py wrote

Prints one JSON line: p50, p95 (ms, whole `ask`), embed_p50 (ms, query embedding alone), n, load_s.
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import load_dev_questions, pct  # noqa: E402


def load_big(folder: Path):
    """The 100k index run.py described: base chunks repeated with distinct ids, the saved FAISS index
    and BM25, the base chunks' sentence vectors."""
    import dataclasses

    import faiss
    import numpy as np

    from assistant.ingest.chunk import Chunk
    from assistant.search.index import Index
    from assistant.search.keywords import KeywordIndex

    info = json.loads((folder / "bench.json").read_text(encoding="utf-8"))
    with open(folder / "base.jsonl", encoding="utf-8") as fh:
        base = [Chunk.from_dict(json.loads(line)) for line in fh if line.strip()]
    chunks = list(base)
    for r in range(1, info["reps"]):
        chunks += [dataclasses.replace(c, id=f"{c.id}~{r}") for c in base]
    vectors = faiss.read_index(str(folder / "vectors.faiss"))  # as vector_index built it (IVF: nprobe saved)
    faiss.omp_set_num_threads(1)  # as engine.Assistant does for serving (one query at a time)
    keywords = KeywordIndex.load(folder / "bm25", len(chunks))
    return Index(chunks, vectors, keywords, info["sentence_texts"], np.load(folder / "sentences.npy"), info["meta"])


def main() -> None:
    from assistant.search.embed import get_embedder
    from assistant.settings import Settings

    folder, repeats = Path(sys.argv[1]), int(sys.argv[2])
    settings = Settings.from_env(index_dir=folder)
    t0 = time.perf_counter()
    if "--big" in sys.argv[3:]:
        from assistant.answer.extractive import AnswerConfig, answer_question
        from assistant.search.retrieve import Retriever

        index = load_big(folder)
        retriever = Retriever(index, get_embedder(settings.embedder), settings.dense_weight, settings.candidates)
        config = AnswerConfig(max_sentences=settings.answer_max_sentences, max_words=settings.answer_max_words)

        def ask(q):
            return answer_question(retriever.query(q), retriever, settings.top_k, config)
    else:
        from assistant.engine import Assistant

        assistant = Assistant(settings)
        retriever = assistant.retriever
        ask = assistant.ask
    load_s = time.perf_counter() - t0
    qs = load_dev_questions()
    for q in qs[:3]:
        ask(q)
    ms, embed_ms = [], []
    for _ in range(repeats):
        for q in qs:
            t0 = time.perf_counter()
            ask(q)
            ms.append((time.perf_counter() - t0) * 1000)
    for q in qs:
        t0 = time.perf_counter()
        retriever.embedder.embed_queries([q])
        embed_ms.append((time.perf_counter() - t0) * 1000)
    print(json.dumps({"p50": round(pct(ms, 50), 1), "p95": round(pct(ms, 95), 1),
                      "embed_p50": round(pct(embed_ms, 50), 1), "n": len(ms), "load_s": round(load_s, 2)}))


if __name__ == "__main__":
    main()
