"""Ingest cost: raw embedder vs the whole `ingest()` on the same input, and a no-op re-ingest."""
from __future__ import annotations

import shutil
import time
from pathlib import Path

from common import ROOT, Report, keep_profile, log, median, profiled
from context import Ctx, token_total


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


