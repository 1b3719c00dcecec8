"""OCR speed and accuracy: the thesis typeset (tests/pdfmaker.thesis_pdf, Times 12) and scanned at
200 dpi with no text layer, read the way ingest reads it (pages rendered by pypdfium2 at 300 dpi,
tesseract ind+eng, as many pages at once as cores); word recall against the typeset text. When
`ocrmypdf` is installed, the other route on the same scan (ocrmypdf --jobs <cores>, then the text
layer it adds, read by pdfium); and the real scanned article of ../shared/zoo when present."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from common import ROOT, Report, log
from context import Ctx

ZOO_SCAN = ROOT.parent / "shared" / "zoo" / "docs" / "sahal-respati-2008-scan.pdf"


def word_recall(reference: str, text: str) -> float:
    ref = Counter(re.findall(r"[^\W_]+", reference.lower()))
    got = Counter(re.findall(r"[^\W_]+", text.lower()))
    return sum(min(n, got[w]) for w, n in ref.items()) / max(1, sum(ref.values()))


def _scan(ctx: Ctx) -> tuple[Path, str, int]:
    """The scanned thesis (the first 6 pages in a quick run), its text layer's text, and its pages."""
    import pypdfium2 as pdfium

    sys.path.insert(0, str(ROOT / "tests"))
    from pdfmaker import scanned_copy, thesis_pdf

    typeset = thesis_pdf(ctx.tmp / "thesis-typeset.pdf", (ROOT / "corpus" / "thesis.txt").read_text(encoding="utf-8"))
    pdf = pdfium.PdfDocument(str(typeset))
    if ctx.quick:
        part = pdfium.PdfDocument.new()
        part.import_pages(pdf, list(range(6)))
        part.save(str(ctx.tmp / "thesis-part.pdf"))
        pdf = pdfium.PdfDocument(str(ctx.tmp / "thesis-part.pdf"))
        typeset = ctx.tmp / "thesis-part.pdf"
    text = "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    return scanned_copy(typeset, ctx.tmp / "thesis-scan.pdf", dpi=200), text, len(pdf)


def bench_ocr(ctx: Ctx, rep: Report) -> None:
    from assistant.ingest.load import load_document
    from assistant.ingest.ocr import OcrOptions, engine

    if engine()[0] is None:
        rep.add("ocr section", "skipped", note=engine()[1])
        return
    cores = os.cpu_count() or 1
    scan, text, pages = _scan(ctx)
    t0 = time.perf_counter()
    doc = load_document(scan, ocr=OcrOptions(threads=cores))
    seconds = time.perf_counter() - t0
    recall = word_recall(text, "\n".join(p.text for p in doc.pages))
    conf = doc.meta["ocr"]["pages"]
    rep.add(f"ocr_pages_s (scanned thesis, {pages} pages, {cores} at once)", round(pages / seconds, 2), key="ocr_pages_s",
            note=f"pypdfium2 300 dpi + tesseract ind+eng; {seconds:.1f} s")
    rep.add("  ocr_word_recall (against the typeset text)", round(recall, 4), key="ocr_word_recall",
            note=f"mean confidence {sum(conf.values()) / len(conf):.1f}")
    if shutil.which("ocrmypdf"):
        log("ocr: the ocrmypdf route on the same scan")
        out = ctx.tmp / "ocrmypdf.pdf"
        t0 = time.perf_counter()
        run = subprocess.run(["ocrmypdf", "-q", "-l", "ind+eng", "--output-type", "pdf", "--optimize", "0",
                              "--jobs", str(cores), str(scan), str(out)], capture_output=True, text=True,
                             env={**os.environ, "OMP_THREAD_LIMIT": "1"})
        seconds = time.perf_counter() - t0
        if run.returncode == 0:
            import pypdfium2 as pdfium

            pdf = pdfium.PdfDocument(str(out))
            got = "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
            rep.add("  ocrmypdf_pages_s (the other route, same scan)", round(pages / seconds, 2), key="ocrmypdf_pages_s",
                    note=f"ocrmypdf --jobs {cores}, text layer read by pdfium; {seconds:.1f} s")
            rep.add("  ocrmypdf_word_recall", round(word_recall(text, got), 4), key="ocrmypdf_word_recall")
        else:
            rep.add("  ocrmypdf route", "ERROR", note=run.stderr.strip()[-200:])
    if ZOO_SCAN.exists() and not ctx.quick:
        t0 = time.perf_counter()
        doc = load_document(ZOO_SCAN, ocr=OcrOptions(threads=cores))
        conf = doc.meta["ocr"]["pages"]
        rep.add("ocr_scan_pages_s (real scanned article, 9 pages)", round(len(conf) / (time.perf_counter() - t0), 2),
                key="ocr_scan_pages_s", note=f"mean confidence {sum(conf.values()) / len(conf):.1f}")
