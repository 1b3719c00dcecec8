"""Ingest cost: the raw embedder on the passages vs a whole fresh ingest of the same corpus (with a
multi-hundred-page real PDF), and a no-op re-ingest."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

from common import ROOT, Report, ensure_debian_docs, keep_profile, log, median, pct, profiled, rss_tree_mb, subprocess_env
from context import Ctx, token_total


INGEST_PROBE = r"""
import json, sys, time
from assistant.ingest.build import ingest
from assistant.settings import Settings
marks = {}
def seen(p):
    marks.setdefault(p.stage, time.perf_counter() - t0)
    marks["pages"] = p.pages
t0 = time.perf_counter()
report = ingest(Settings.from_env(corpus_dir=sys.argv[1], index_dir=sys.argv[2]), progress=False,
                log=lambda *a: None, on_progress=seen)
wall = time.perf_counter() - t0
print(json.dumps({"wall": wall, "searchable": marks.get("searchable", wall), "pages": marks.get("pages", 0),
                  "summary": report.summary(), "embedded": report.embedded}))
"""


def _ingest_corpus(ctx: Ctx) -> tuple[Path, str]:
    """The thesis and a multi-hundred-page real PDF: the Indonesian Debian Reference (quick), or
    both Debian Reference PDFs (full: the 532 pages of issue 14)."""
    pdfs = ensure_debian_docs()
    corpus = ctx.tmp / "corpus-ingest"
    corpus.mkdir()
    shutil.copy(ROOT / "corpus" / "thesis.txt", corpus / "thesis.txt")
    for pkg, path in pdfs.items():
        if not ctx.quick or pkg.endswith("-id"):
            shutil.copy(path, corpus / path.name)
    return corpus, "thesis + " + " + ".join(p.name for p in sorted(corpus.glob("*.pdf")))


def bench_ingest(ctx: Ctx, rep: Report) -> None:
    """A fresh full ingest (a new process, as `ingest.py` runs it) against the raw embedder on the
    same passages in one run: ingest_vs_passages, searchable_vs_passages, peak RSS of the process tree."""
    from assistant.ingest.parallel import map_files, read_file, workers_for
    from assistant.search.index import embedding_text
    from assistant.settings import Settings

    emb = ctx.embedder
    corpus, label = _ingest_corpus(ctx)
    settings = Settings.from_env(corpus_dir=corpus, index_dir=ctx.tmp / "index-ingest")
    jobs = [(p, p.name, settings) for p in sorted(corpus.iterdir())]
    chunks = [c for _, read in sorted(map_files(read_file, jobs, workers_for(len(jobs))),
                                      key=lambda jr: jr[0][1]) for c in read.chunks]
    texts = [embedding_text(c) for c in chunks]
    sentences = list(dict.fromkeys(x.text for c in chunks for x in c.sentences))
    sections = list(dict.fromkeys(c.section for c in chunks))
    tokens = token_total(emb, texts)
    options = {  # what sentence vectors cost (embedded where questions go, or by the warm-up), in tokens
        "sentences alone + section titles (today)": sentences + sections,
        "section + previous sentence + sentence (index format 1)": [
            f"{c.section}\n{c.sentences[i - 1].text + ' ' if i else ''}{x.text}" for c in chunks for i, x in enumerate(c.sentences)],
    }
    option_tokens = {name: token_total(emb, list(dict.fromkeys(ts))) for name, ts in options.items()}

    emb.embed_passages(texts[:2])  # warm
    t0 = time.perf_counter()
    for i in range(0, len(texts), 32):  # as ingest batches them
        emb.embed_passages(texts[i:i + 32])
    raw_s = time.perf_counter() - t0
    log(f"raw embedding of {len(texts)} passages: {raw_s:.1f} s; now the ingest")

    proc = subprocess.Popen([sys.executable, "-c", INGEST_PROBE, str(corpus), str(settings.index_dir)],
                            env=subprocess_env(), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0.0
    while proc.poll() is None:
        peak = max(peak, rss_tree_mb(proc.pid)[0])
        time.sleep(0.2)
    out, err = proc.communicate()
    if proc.returncode != 0:
        raise RuntimeError(f"ingest failed: {err.strip()[-300:]}")
    run = json.loads(out.strip().splitlines()[-1])
    rep.add("ingest input", label, note=f"{run['pages']} PDF pages, {len(chunks)} passages ({tokens:,} tokens), "
            f"{len(sentences)} sentences, {len(sections)} sections; {run['summary']}")
    rep.add("raw embedding of the passages s", round(raw_s, 1), note="embed_passages, batches of 32, this process",
            key="embed_passages_s")
    rep.add("full ingest wall s", round(run["wall"], 1), note="fresh process: read, chunk, embed passages and titles, BM25, save",
            key="ingest_wall_s")
    rep.check("ingest_vs_passages", "ingest_vs_passages", round(run["wall"] / raw_s, 3), "<=", 1.3)
    rep.check("searchable_vs_passages", "searchable_vs_passages", round(run["searchable"] / raw_s, 3), "<=", 1.1,
              note=f"passages + BM25 saved after {run['searchable']:.1f} s (sentence vectors come where questions go)")
    rep.check("ingest_rss_mb (process tree, peak of 0.2 s samples)", "ingest_rss_mb", round(peak, 1), "<=", 1000)
    _first_asks(ctx, rep, settings, raw_s, run["wall"])
    rep.add("embed_raw_tok_s", round(tokens / raw_s, 1), key="embed_raw_tok_s")
    rep.add("ingest_tok_s", round(tokens / run["wall"], 1), note="passage tokens / ingest wall", key="ingest_tok_s")
    rep.add("ingest_vs_raw", round(raw_s / run["wall"], 3), note="1 / ingest_vs_passages (older key)",
            key="ingest_vs_raw")
    for name, n in option_tokens.items():
        rep.add(f"  sentence vectors, {name}: tokens", n, note=f"x{n / tokens:.2f} the passage tokens")
    rep.figures["sentence_option_tokens"] = {"passages": tokens, **option_tokens}


def _first_asks(ctx: Ctx, rep: Report, settings, raw_s: float, ingest_s: float) -> None:
    """What the sentence vectors the ingest leaves out cost later, on the freshly ingested index: the
    questions of tests/data/debian_eval.jsonl asked first (their passages' sentences embedded then),
    the chat's warm-up of all the rest, and the same questions asked again."""
    from assistant.engine import Assistant

    questions = [json.loads(line)["question"] for line in
                 (ROOT / "tests" / "data" / "debian_eval.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    assistant = Assistant(settings)
    embedder = assistant.retriever.embedder
    embed, spent = embedder.embed_passages, [0.0]

    def timed_embed(texts):  # the sentence embedding the questions do, counted into the total below
        t0 = time.perf_counter()
        try:
            return embed(texts)
        finally:
            spent[0] += time.perf_counter() - t0

    embedder.embed_passages = timed_embed
    assistant.ask(ctx.questions[0])  # lazy detectors and caches (a thesis question)
    spent[0] = 0.0
    before = len(assistant.index.sentence_texts)
    first = _timed(assistant.ask, questions)
    asked_s, asked = spent[0], len(assistant.index.sentence_texts) - before
    t0 = time.perf_counter()
    warmed = assistant.warm()
    warm_s = time.perf_counter() - t0
    again = _timed(assistant.ask, questions)
    del embedder.embed_passages
    rep.add("ask_first_ms p50 / p95 (manual questions, their sentences embedded then)",
            f"{pct(first, 50):.0f} / {pct(first, 95):.0f}",
            note=f"{len(questions)} questions, cold index: {asked} sentences embedded in {asked_s:.1f} s")
    rep.add("ask_warm_ms p50 / p95 (the same, after the warm-up)", f"{pct(again, 50):.0f} / {pct(again, 95):.0f}")
    rep.add("warm-up of the remaining sentences s", round(warm_s, 1),
            note=f"{warmed} sentences (what the chat embeds in the background)", key="warm_sentences_s")
    rep.add("ingest + questions' embedding + warm-up ÷ raw passages", round((ingest_s + asked_s + warm_s) / raw_s, 3),
            note="every sentence embedded, wherever it happened", key="ingest_and_warm_vs_passages")
    rep.figures["asked_sentences_s"] = round(asked_s, 1)
    rep.figures.update({"ask_first_ms_p50": round(pct(first, 50), 1), "ask_first_ms_p95": round(pct(first, 95), 1),
                        "ask_warm_ms_p50": round(pct(again, 50), 1), "ask_warm_ms_p95": round(pct(again, 95), 1)})


def _timed(ask, questions: list[str]) -> list[float]:
    out = []
    for q in questions:
        t0 = time.perf_counter()
        ask(q)
        out.append((time.perf_counter() - t0) * 1000)
    return out


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


