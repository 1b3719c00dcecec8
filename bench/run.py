#!/usr/bin/env python3
"""Benchmarks: speed and memory of the thesis assistant, as figures measured in one run.

    .venv/bin/python bench/run.py [--quick] [--only SECTIONS] [--keep]

Prints progress on stderr, then a table and, last, one JSON line on stdout. Every goal that is
missed gets a pyinstrument profile (summary printed, full tree in bench/out/). The machine is
shared, so figures are noisy: ratios (ingest vs raw embedder) are measured back to back in the
same run on the same input, which is what makes them comparable.

One module per thing measured: pdf_speed (PDF extraction) → ocr_speed (scanned pages) →
ingest_speed (raw embedder vs whole ingest; no-op re-ingest) → resume (a killed ingest's rerun) → queries (warm asks on the thesis) → scale (100k-chunk index) →
cold_start (fresh `assistant ask`) → memory (serving RSS).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

from cold_start import bench_cold  # noqa: E402
from common import OUT, Report, ensure_debian_docs, log  # noqa: E402
from context import Ctx, get_embedder  # noqa: E402
from followup import bench_followup  # noqa: E402
from ingest_speed import bench_ingest, bench_reingest  # noqa: E402
from memory import bench_rss  # noqa: E402
from near_miss import bench_near_miss  # noqa: E402
from ocr_speed import bench_ocr  # noqa: E402
from pdf_speed import bench_pdf  # noqa: E402
from queries import bench_queries  # noqa: E402
from resume import bench_resume  # noqa: E402
from scale import bench_100k  # noqa: E402

GOALS = {
    "ingest_vs_passages": ("<=", 1.3), "searchable_vs_passages": ("<=", 1.1), "ingest_rss_mb": ("<=", 1000),
    "pdf_pages_s": (">=", 250), "reingest_noop_s": ("<=", 2.0), "resume_reused_share": (">=", 0.45),
    "query_p50_ms": ("<=", 40), "query_p95_ms": ("<=", 80), "query_p95_ms_100k": ("<=", 80),
    "ask_cold_s": ("<=", 1.5), "rss_mb": ("<=", 500), "followup_rewrite_ms": ("<=", 5),
    "recall@10_vs_flat": (">=", 0.99),
}
SECTIONS = [("pdf", bench_pdf), ("ocr", bench_ocr), ("ingest", bench_ingest), ("resume", bench_resume),
            ("reingest", bench_reingest), ("queries", bench_queries), ("followup", bench_followup),
            ("nearmiss", bench_near_miss),
            ("100k", bench_100k), ("cold", bench_cold), ("rss", bench_rss)]


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
    if wanted and wanted & {"queries", "followup", "nearmiss", "100k", "cold", "rss"}:
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
    quick = ctx.quick and not (wanted is None or "ingest" in wanted)  # the ingest section embeds a 267-page PDF
    rep.add("bench wall time s", round(ctx.elapsed(), 1), "< 180" if quick else "", ctx.elapsed() < 180 if quick else None)
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
