"""OCR (assistant/ingest/ocr.py) with the real Tesseract: scans read as their text layer reads,
geometry for the clean-up, the cache, a page that cannot be read, and Tesseract missing."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from conftest import DEV, SHARED, THESIS
from pdfmaker import ARTICLE, make_pdf, scanned_copy, thesis_pdf

from assistant.ingest import ocr, pdftext
from assistant.ingest.build import ingest, inspect_file
from assistant.ingest.load import LoadError, load_document
from assistant.ingest.ocr import OcrOptions
from assistant.search.index import Index
from assistant.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
SCAN = SHARED / "zoo" / "docs" / "sahal-respati-2008-scan.pdf"  # a real scanned article (zoo/SOURCE.md)
# 12 questions a helper session wrote from the scanned pages alone (tests/data/scan_questions.jsonl), unless the zoo has a set
_ZOO_SCAN_SET = SHARED / "zoo" / "sets" / "sahal-respati-2008-scan.jsonl"
SCAN_QUESTIONS = Path(os.environ.get("ASSISTANT_SCAN_QUESTIONS")
                      or (_ZOO_SCAN_SET if _ZOO_SCAN_SET.exists() else Path(__file__).parent.parent / "data" / "scan_questions.jsonl"))
pytestmark = pytest.mark.skipif(shutil.which("tesseract") is None,
                                reason="needs Tesseract: sudo bash scripts/setup-system.sh")


def word_recall(reference: str, text: str) -> float:
    """Share of the reference's words (with their counts, lower-cased) found in `text`."""
    ref = Counter(re.findall(r"[^\W_]+", reference.lower()))
    got = Counter(re.findall(r"[^\W_]+", text.lower()))
    return sum(min(n, got[w]) for w, n in ref.items()) / max(1, sum(ref.values()))


@pytest.fixture(scope="module")
def article(tmp_path_factory):
    """The test article as a text PDF (printed pages 45-46) and as its scan (200 dpi, no text layer)."""
    base = tmp_path_factory.mktemp("scan")
    text = make_pdf(base / "artikel.pdf", ARTICLE, labels_start=45)
    return text, scanned_copy(text, base / "pindaian.pdf", dpi=200)


def _without_tesseract() -> dict:
    """An environment whose PATH has no tesseract (the Python interpreter is called by its full path)."""
    return {**os.environ, "PYTHONPATH": str(ROOT), "PATH": "/nonexistent"}


def test_a_scan_reads_as_its_text_layer_reads(article, tmp_path):
    text, scan = article
    settings = Settings.from_env(index_dir=tmp_path / "none")
    want, got = inspect_file(text, settings), inspect_file(scan, settings)
    assert [p["text"] for p in got["pages"]] == [p["text"] for p in want["pages"]]  # headings, hyphens joined
    assert [(c["section"], c["page"], c["label"]) for c in got["chunks"]] == \
        [(c["section"], c["page"], c["label"]) for c in want["chunks"]] == [("Pendahuluan", 1, "45"), ("Kesimpulan", 2, "46")]
    assert [p["ocr"] for p in want["pages"]] == [None, None] and want["ocr"]["summary"] == ""
    assert all(p["ocr"] > 80 for p in got["pages"]) and got["ocr"]["summary"].startswith("pages 1-2 OCR'd")
    assert got["warnings"] == []


def test_ocr_lines_carry_the_geometry_of_the_text_layer(article):
    import pypdfium2 as pdfium

    text, scan = article
    layer = pdfium.PdfDocument(str(text))
    want = [pdftext.page_lines(layer[i].get_textpage()) for i in range(len(layer))]
    pages = [[] for _ in want]
    result = ocr.read_pages(pdfium.PdfDocument(str(scan)), pages, scan)
    assert sorted(result.confidence) == [1, 2] and result.failed == {}
    for page_want, page_got in zip(want, pages):
        assert [line.text.rstrip("\ufffe") for line in page_want] == [line.text.rstrip("-") for line in page_got]
        for a, b in zip(page_want, page_got):
            assert abs(a.x0 - b.x0) < 2 and abs(a.x1 - b.x1) < 2 and abs(a.y - b.y) < 2, (a, b)  # points
            assert abs(a.size - b.size) < 0.12 * a.size, (a, b)
    body = {line.size for page in pages for line in page if len(line.text) > 30}
    assert len(body) == 1, "one body size, as typeset"


def test_results_are_cached_by_digest_and_used_without_tesseract(article, tmp_path):
    _, scan = article
    cache = tmp_path / "ocr"
    first = load_document(scan, ocr=OcrOptions(cache))
    (cached,) = cache.glob("*.jsonl")
    assert cached.stem == ocr.file_sha256(scan) and len(cached.read_text().splitlines()) == 3  # header + 2 pages
    code = ("import json, sys; from pathlib import Path; from assistant.ingest.load import load_document; "
            "from assistant.ingest.ocr import OcrOptions; "
            f"d = load_document({str(scan)!r}, ocr=OcrOptions(Path({str(cache)!r}))); "
            "print(json.dumps([[p.text for p in d.pages], d.warnings]))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=_without_tesseract())
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == [[p.text for p in first.pages], []]

    torn = cached.read_text()[:-25]  # a crash in the middle of the last page's line
    cached.write_text(torn)
    again = load_document(scan, ocr=OcrOptions(cache))
    assert [p.text for p in again.pages] == [p.text for p in first.pages]
    rows = cached.read_text().splitlines()  # the torn line stays, alone on its line; page 2 again after it
    assert [json.loads(row)["page"] for row in rows[1:] if _parses(row)] == [1, 2] and len(rows) == 4


def _parses(row: str) -> bool:
    try:
        json.loads(row)
    except ValueError:
        return False
    return True


def test_a_page_ocr_cannot_read_is_named_and_the_rest_goes_on(article, tmp_path, monkeypatch):
    import pypdfium2 as pdfium

    text, scan = article
    mixed = pdfium.PdfDocument.new()  # page 1 with its text layer, page 2 a scan
    mixed.import_pages(pdfium.PdfDocument(str(text)), [0])
    mixed.import_pages(pdfium.PdfDocument(str(scan)), [1])
    mixed.save(str(tmp_path / "campuran.pdf"))
    monkeypatch.setattr(ocr, "PAGE_TIMEOUT_S", 0.001)  # the real tesseract, given no time to read the page
    doc = load_document(tmp_path / "campuran.pdf")
    assert [p.number for p in doc.pages if p.text] == [1] and "pertumbuhan" in doc.pages[0].text
    assert doc.warnings == ["campuran.pdf: OCR could not read page 2: tesseract took over 0.001 s"]
    assert doc.meta["ocr"]["failed"] == {2: "tesseract took over 0.001 s"}


def _scan_and_note(scan: Path, tmp_path: Path) -> Path:
    """A corpus of the scanned article and a one-line text note."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(scan, corpus / "pindaian.pdf")
    (corpus / "catatan.txt").write_text("Catatan tentang kerja sama Indonesia dan Kamboja.\n", encoding="utf-8")
    return corpus


def test_without_tesseract_the_scan_is_named_with_what_to_install_and_the_rest_ingests(article, tmp_path):
    corpus = _scan_and_note(article[1], tmp_path)
    run = subprocess.run([sys.executable, "ingest.py", "--corpus", str(corpus), "--index", str(tmp_path / "index"),
                          "--quiet"], cwd=ROOT, capture_output=True, text=True, env=_without_tesseract())
    assert run.returncode == 3, run.stdout + run.stderr
    assert ("failed pindaian.pdf: no text layer in 2 page(s): scanned/image-only PDF, it needs OCR: Tesseract is "
            "not installed (install Tesseract with Indonesian: the Debian packages tesseract-ocr and "
            "tesseract-ocr-ind") in run.stdout
    assert {c.file for c in Index.load(tmp_path / "index").chunks} == {"catatan.txt"}


def test_ingest_counts_ocr_pages_and_a_reingest_does_not_ocr_again(article, tmp_path):
    corpus = _scan_and_note(article[1], tmp_path)
    settings = Settings.from_env(corpus_dir=corpus, index_dir=tmp_path / "index")
    seen = []
    report = ingest(settings, progress=False, log=lambda *_: None, on_progress=seen.append)
    assert report.exit_code == 0
    assert (seen[-1].ocr_pages_done, seen[-1].ocr_pages_total) == (2, 2)
    assert any(0 < p.ocr_pages_done < 2 for p in seen) or len({p.ocr_pages_done for p in seen}) > 1
    chunks = [c for c in Index.load(settings.index_dir).chunks if c.file == "pindaian.pdf"]
    assert [(c.page, c.page_label, c.section) for c in chunks] == [(1, "45", "Pendahuluan"), (2, "46", "Kesimpulan")]
    (cached,) = (settings.index_dir / "ocr").glob("*.jsonl")
    before = cached.stat().st_mtime_ns, cached.read_bytes()
    run = subprocess.run([sys.executable, "ingest.py", "--corpus", str(corpus), "--index", str(settings.index_dir),
                          "--full", "--quiet"], cwd=ROOT, capture_output=True, text=True, env=_without_tesseract())
    assert run.returncode == 0 and "failed" not in run.stdout.replace("failed 0", ""), run.stdout
    assert (cached.stat().st_mtime_ns, cached.read_bytes()) == before
    assert [(c.page, c.text) for c in Index.load(settings.index_dir).chunks if c.file == "pindaian.pdf"] == \
        [(c.page, c.text) for c in chunks]
    (corpus / "pindaian.pdf").unlink()
    ingest(settings, progress=False, log=lambda *_: None)
    assert not cached.exists(), "a file gone from the corpus takes its OCR with it"


def test_glued_text_that_ocr_reads_glued_too_keeps_its_reason(tmp_path):
    glued = ["Berikutadalahbeberapametodeyangdigunakandalampenelitian"] * 12
    with pytest.raises(LoadError, match="run together without spaces .* and so is what OCR read"):
        load_document(make_pdf(tmp_path / "lengket.pdf", [glued]))


def _facts(settings: Settings, questions_file: Path) -> dict:
    """The shared scorer's summary of the answers to a question set on an index."""
    from score import score  # tests/score.py

    from assistant.engine import Assistant

    questions = [json.loads(line) for line in questions_file.read_text(encoding="utf-8").splitlines() if line.strip()]
    assistant = Assistant(settings)
    return score(questions, [{"id": q["id"], **assistant.ask(q["question"])} for q in questions])[0]


def _ingested(tmp_path: Path, name: str, source: Path, as_name: str) -> Settings:
    corpus = tmp_path / name / "corpus"
    corpus.mkdir(parents=True)
    shutil.copy(source, corpus / as_name)
    settings = Settings.from_env(corpus_dir=corpus, index_dir=tmp_path / name / "index")
    report = ingest(settings, progress=False, log=lambda *_: None)
    assert report.exit_code == 0, report.summary()
    return settings


def _ocr_of(settings: Settings, name: str):
    """The file as ingest read it, OCR'd pages from the index's cache."""
    return load_document(Path(settings.corpus_dir) / name, ocr=OcrOptions(Path(settings.index_dir) / "ocr"))


@pytest.mark.slow
def test_an_image_only_thesis_is_read_whole_and_answers_as_its_text_pdf(tmp_path):
    """The thesis typeset (Times 12, 21 pages), its pages rendered to pictures and put back in a PDF
    with no text layer: OCR gives back ≥ 0.97 of its words, and the dev questions score within 0.03
    of the same PDF with its text layer."""
    text = THESIS.read_text(encoding="utf-8")
    pdf = thesis_pdf(tmp_path / "thesis-text.pdf", text)
    scan = scanned_copy(pdf, tmp_path / "thesis-scan.pdf", dpi=200)
    typeset = _ingested(tmp_path, "text", pdf, "thesis.pdf")
    scanned = _ingested(tmp_path, "scan", scan, "thesis.pdf")
    doc = _ocr_of(scanned, "thesis.pdf")
    assert sorted(doc.meta["ocr"]["pages"]) == [p.number for p in doc.pages] and doc.warnings == []
    recall = word_recall(text.replace("*", ""), "\n".join(p.text for p in doc.pages))
    by_text, by_scan = _facts(typeset, DEV), _facts(scanned, DEV)
    print(f"OCR word recall {recall:.4f}; dev facts {by_scan['facts']} (text layer {by_text['facts']})")
    assert recall >= 0.97
    assert abs(by_scan["facts"] - by_text["facts"]) <= 0.03, (by_scan, by_text)


@pytest.fixture(scope="module")
def scanned_article(tmp_path_factory):
    """A journal article scanned at about 160-190 dpi (page 1 the issue's cover, pages 2-9 the
    article, printed pages 45-52), ingested."""
    if not SCAN.exists():
        pytest.skip("../shared/zoo/docs/sahal-respati-2008-scan.pdf not present")
    return _ingested(tmp_path_factory.mktemp("zoo"), "zoo", SCAN, SCAN.name)


@pytest.mark.slow
def test_a_real_scanned_article_is_read_with_its_page_numbers_and_its_title_largest(scanned_article):
    import pypdfium2 as pdfium

    settings = scanned_article
    doc = _ocr_of(settings, SCAN.name)
    confidence = doc.meta["ocr"]["pages"]
    assert sorted(confidence) == list(range(1, 10)) and sum(confidence.values()) / 9 > 80, confidence
    assert [p.label for p in doc.pages][1:] == [str(n) for n in range(45, 53)]
    chunks = Index.load(settings.index_dir).chunks
    assert "45" in {c.page_label for c in chunks} <= {str(n) for n in range(44, 53)}
    pages: list[list] = [[] for _ in range(9)]  # the lines of the article's first page, from the cache
    ocr.read_pages(pdfium.PdfDocument(str(SCAN)), pages, SCAN, OcrOptions(Path(settings.index_dir) / "ocr"))
    first = [line for line in pages[1] if line.y > 0.6 * 842]  # its top part
    largest = max(line.size for line in first)
    # the largest lines, within OCR's measuring noise (its title lines measure 11.65 and 12.35 pt)
    title = " ".join(line.text for line in first if line.size * ocr.SAME_SIZE >= largest)
    assert title.startswith("Pengembangan Pustaka Konektivitas Database") and title.endswith("MySql VB API"), title
    body = sorted(line.size for line in pages[1])[len(pages[1]) // 2]
    assert largest >= 1.15 * body
    # and the document is named by it: the cover's largest text (a logo, the ISSN) is no title
    title = Index.load(settings.index_dir).meta["documents"][SCAN.name]["title"]
    assert title.startswith("Pengembangan Pustaka Konektivitas Database") and title.endswith("MySql VB API"), title


@pytest.mark.slow
def test_questions_written_from_the_scanned_pages_are_answered(scanned_article):
    summary = _facts(scanned_article, SCAN_QUESTIONS)
    print("scan questions:", json.dumps(summary))
    assert summary["hit@5"] >= 0.8 and summary["facts"] >= 0.45, summary  # measured: 0.9 and 0.5 (12 questions)
