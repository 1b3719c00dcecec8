"""PDF text extraction speed on the Debian Reference PDFs (en + id, 532 pages), through the
process pool ingest itself uses (one process per file, cold workers included); also one process,
read-and-chunk as ingest does, and (full run) pdfium's text alone."""
from __future__ import annotations

import time
from pathlib import Path

from common import ensure_debian_docs, keep_profile, profiled, Report
from context import Ctx


def bench_pdf(ctx: Ctx, rep: Report) -> None:
    from assistant.ingest.load import load_document
    from assistant.ingest.parallel import map_files, read_file, workers_for
    from assistant.settings import Settings

    pdfs = ensure_debian_docs()
    settings = Settings.from_env()
    jobs = [(path,) for path in pdfs.values()]
    rounds = 1 if ctx.quick else 3
    times, pages = [], 0
    for _ in range(rounds):
        t0 = time.perf_counter()
        docs = {job[0]: doc for job, doc in map_files(load_document, jobs, workers_for(len(jobs)))}
        times.append(time.perf_counter() - t0)
        pages = sum(len(d.pages) for d in docs.values())
    ctx.pdf_docs = {pkg: docs[path] for pkg, path in pdfs.items()}
    workers = workers_for(len(jobs))
    rep.add("PDF pages extracted (Debian Reference en+id)", pages)
    rep.check("pdf_pages_s (ingest's process pool)", "pdf_pages_s", round(pages / min(times), 1), ">=", 250,
              note=f"best of {rounds}; {workers} worker processes (one per file), pool start included")
    t0, c0 = time.perf_counter(), time.process_time()
    _, session = profiled(lambda: [load_document(p) for p in pdfs.values()], 0.005)
    one, cpu = pages / (time.perf_counter() - t0), pages / (time.process_time() - c0)
    rep.add("  pdf_pages_s_1proc (load_document in this process)", round(one, 1), key="pdf_pages_s_1proc",
            note=f"pool speed-up x{pages / min(times) / one:.2f}")
    rep.add("  pdf_pages_per_cpu_s (the same, per CPU second)", round(cpu, 1), key="pdf_pages_per_cpu_s",
            note=f"what one uncontended core does; x{workers} workers on idle cores: ~{cpu * workers:.0f} pages/s")
    t0 = time.perf_counter()
    list(map_files(read_file, [(p, p.name, settings) for p in pdfs.values()], workers))
    rep.add("  read_pages_s (load + chunk, ingest's pool)", round(pages / (time.perf_counter() - t0), 1),
            key="read_pages_s", note="what ingest's reading stage does per page")
    if pages / min(times) < 250:
        keep_profile("pdf", session, rep)
    if not ctx.quick:
        raw = _pdfium_only(list(pdfs.values()))  # the floor under any clean-up done in Python
        rep.add("pdfium get_text_bounded only, 1 process (pages/s)", round(raw, 1),
                note="no clean-up, no layout analysis", key="pdfium_only_pages_s")


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
