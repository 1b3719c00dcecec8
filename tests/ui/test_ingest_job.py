"""The chat's ingest worker: progress (files, pages, texts, ETA), cancel, and the swap-in callback,
on a real 120-page PDF ingested with the real embedder."""
import shutil
import time

import pytest

from pdfmaker import manual_pdf

pytestmark = pytest.mark.slow


def _wait(job, until, timeout=600):
    end = time.monotonic() + timeout
    while not until() and not job.done.is_set() and time.monotonic() < end:
        time.sleep(0.05)


def test_cancel_keeps_the_index_then_a_full_run_reports_pages_texts_and_swaps_in(tmp_path):
    from assistant.ingest.build import ingest, live_meta
    from assistant.settings import Settings
    from assistant.ui.ingest_job import IngestJob, progress_html

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "catatan.txt").write_text("Rapat koordinasi diadakan setiap hari Senin pukul sembilan pagi.\n",
                                        encoding="utf-8")
    settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "index")
    assert ingest(settings, progress=False, log=lambda *_: None).exit_code == 0
    before = live_meta(settings.index_dir)["files"]
    manual_pdf(tmp_path / "manual.pdf", 120, "Mesin K-77 memerlukan daya listrik sebesar 450 watt.")
    shutil.copy(tmp_path / "manual.pdf", corpus / "manual.pdf")
    swapped = []

    job = IngestJob(settings, lambda: swapped.append(live_meta(settings.index_dir)["files"]))
    _wait(job, lambda: job.progress is not None and job.progress.texts_done > 0)
    assert job.progress.stage == "passages" and job.progress.pages == 120 and job.progress.eta_s is not None
    job.cancel.set()
    assert job.done.wait(120) and job.cancelled
    assert swapped == [] and live_meta(settings.index_dir)["files"] == before  # the old index stays

    kept = list(settings.index_dir.glob("embedded-*.bin"))  # what the cancelled run embedded, kept for the next
    assert kept and kept[0].stat().st_size > 0
    kept[0].unlink()  # (dropped here: the next run's progress is what this test watches)
    seen = []
    job = IngestJob(settings, lambda: swapped.append(live_meta(settings.index_dir)["files"]))
    while not job.done.wait(0.05):
        seen.append(job.progress)
    # swapped in once, when saved (sentence vectors come where questions go, and in the chat's warm-up)
    assert job.error is None and swapped == [["catatan.txt", "manual.pdf"]]
    assert "manual.pdf" in live_meta(settings.index_dir)["files"]
    last = job.progress
    assert last.stage == "done" and last.texts_done == last.texts_total > 50 and last.pages == 120
    assert any(p is not None and 0 < p.texts_done < p.texts_total for p in seen)  # it moved in steps
    assert "120 halaman" in progress_html(last, "id") and 'value="1000"' in progress_html(last, "id")
    assert "texts 0/0" in progress_html(None, "en")
    from assistant.ingest.build import IngestProgress

    scanning = IngestProgress("reading", files_total=2, ocr_pages_done=3, ocr_pages_total=9)
    assert "OCR 3/9 halaman pindaian" in progress_html(scanning, "id")
    assert "OCR 3/9 scanned pages" in progress_html(scanning, "en") and "OCR" not in progress_html(last, "en")
