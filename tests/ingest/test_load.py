"""Loading real files (assistant/load.py): PDF quality, formats, and every kind of bad input."""
from __future__ import annotations

import gzip
import os
import re
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from pdfmaker import ARTICLE, encrypt_pdf, image_only_pdf, make_pdf

from assistant.ingest.chunk import chunk_document
from assistant.ingest.load import LoadError, load_document

ROOT = Path(__file__).resolve().parents[2]
DEBREF = Path("/usr/share/debian-reference")


def _reason(path: Path, **kw) -> str:
    with pytest.raises(LoadError) as info:
        load_document(path, **kw)
    assert str(info.value).startswith(str(path)), "the message names the file"
    return info.value.reason


def test_pdf_article_comes_out_clean(tmp_path):
    pdf = make_pdf(tmp_path / "artikel.pdf", ARTICLE, header="Jurnal Kajian Asia Tenggara Vol. 7 No. 2",
                   labels_start=45, title="Kerja Sama Bilateral")
    doc = load_document(pdf)
    text = "\n\n".join(p.text for p in doc.pages)
    assert doc.title == "Kerja Sama Bilateral"
    assert "Jurnal Kajian" not in text and not re.search(r"^4[56]$", text, re.M), "header and page numbers removed"
    assert "pertumbuhan kapasitas" in text and "berbeda-beda dalam" in text and "Indonesia-Kamboja" in text
    assert [p.label for p in doc.pages] == ["45", "46"], "printed page labels from the PDF"
    first = doc.pages[0].text.split("\n\n")
    assert first[0] == "# Pendahuluan" and first[1].startswith("Kerja sama") and first[1].endswith("tata kelola migrasi.")
    assert "\n" not in first[1], "lines of one paragraph are joined"
    chunks = chunk_document(doc, "artikel.pdf")
    assert {(c.section, c.page, c.page_label) for c in chunks} >= {("Pendahuluan", 1, "45"), ("Kesimpulan", 2, "46")}


def test_pdf_without_labels_falls_back_to_physical_pages(tmp_path):
    doc = load_document(make_pdf(tmp_path / "a.pdf", ARTICLE))
    assert [(p.number, p.label) for p in doc.pages] == [(1, None), (2, None)]


def test_printed_page_numbers_are_the_labels_when_the_pdf_has_none(tmp_path):
    pdf = make_pdf(tmp_path / "cetak.pdf", ARTICLE, labels_start=45)
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(str(pdf)))
    del writer._root_object["/PageLabels"]
    writer.write(str(tmp_path / "tanpa-label.pdf"))
    doc = load_document(tmp_path / "tanpa-label.pdf")
    assert [(p.number, p.label) for p in doc.pages] == [(1, "45"), (2, "46")]


def test_two_column_page_reads_column_by_column(tmp_path):
    from fpdf import FPDF

    left = ["Kolom kiri memuat awal paragraf yang", "cukup panjang tentang kerja sama kedua",
            "negara dalam memberantas perdagangan", "orang dan melindungi para pekerja yang"]
    right = ["direkrut secara ilegal ke luar negeri.", "", "Kolom kanan lalu memulai paragraf baru",
             "tentang pemulangan korban pada 2022."]
    pdf = FPDF(unit="pt", format="A4")
    pdf.add_page()
    pdf.set_font("Courier", size=10)
    for x, lines in ((50, left), (320, right)):
        y = 100
        for line in lines:
            y += 8 if not line else 13
            pdf.text(x, y, line) if line else None
    pdf.output(str(tmp_path / "dua-kolom.pdf"))
    doc = load_document(tmp_path / "dua-kolom.pdf")
    chunks = chunk_document(doc, "dua-kolom.pdf")
    assert [c.text for c in chunks] == [" ".join(left + right).replace("  ", " ")]


def test_run_together_pdf_is_never_indexed_silently(tmp_path):
    glued = ["Berikutadalahbeberapametodeyangdigunakandalampenelitian"] * 12
    with pytest.raises(LoadError, match="run together without spaces"):
        load_document(make_pdf(tmp_path / "glued.pdf", [glued, glued]))
    doc = load_document(make_pdf(tmp_path / "mixed.pdf", ARTICLE + [glued]))
    assert len(doc.pages) == 2 and any("page 3" in w and "run together" in w for w in doc.warnings)


def test_corrupt_pdf(tmp_path):
    path = tmp_path / "rusak.pdf"
    path.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage without xref\n")
    assert "corrupt or unreadable PDF" in _reason(path)


def test_truncated_pdf(tmp_path):
    good = make_pdf(tmp_path / "good.pdf", ARTICLE).read_bytes()
    path = tmp_path / "terpotong.pdf"
    path.write_bytes(good[: len(good) // 3])
    assert "corrupt or unreadable PDF" in _reason(path)


def test_encrypted_pdf(tmp_path):
    path = encrypt_pdf(make_pdf(tmp_path / "plain.pdf", ARTICLE), tmp_path / "rahasia.pdf")
    assert "encrypted PDF: a password is needed" in _reason(path)


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="needs Tesseract: sudo bash scripts/setup-system.sh")
def test_image_only_pdf_is_read_by_ocr_and_a_blank_one_says_so(tmp_path):
    doc = load_document(image_only_pdf(tmp_path / "pindaian.pdf"))
    assert [(p.number, p.text) for p in doc.pages] == [(1, "Halaman hasil pindaian")]
    assert list(doc.meta["ocr"]["pages"]) == [1] and doc.warnings == []
    assert "image-only PDF, and OCR found no text in it" in _reason(image_only_pdf(tmp_path / "kosong.pdf", ""))


def test_empty_file(tmp_path):
    for name in ("kosong.txt", "kosong.pdf", "kosong.docx"):
        (tmp_path / name).write_bytes(b"")
        assert "empty file" in _reason(tmp_path / name)


def test_whitespace_only_text(tmp_path):
    (tmp_path / "spasi.md").write_text("  \n\n \t\n")
    assert "no text" in _reason(tmp_path / "spasi.md")


def test_oversize_file(tmp_path):
    path = tmp_path / "besar.txt"
    path.write_text("kata " * 30000)
    assert "over the 0.1 MB limit" in _reason(path, max_mb=0.1)


def test_wrong_extension(tmp_path):
    (tmp_path / "gambar.xyz").write_text("apa saja")
    assert "unsupported file type '.xyz'" in _reason(tmp_path / "gambar.xyz")
    (tmp_path / "bukan.pdf").write_text("Ini sebenarnya teks biasa.")
    assert "not a PDF" in _reason(tmp_path / "bukan.pdf")
    shutil.copy(make_pdf(tmp_path / "a.pdf", ARTICLE), tmp_path / "laporan.txt")
    assert "looks like a PDF (wrong extension?)" in _reason(tmp_path / "laporan.txt")
    shutil.copy(tmp_path / "a.pdf", tmp_path / "laporan.docx")
    assert "not a DOCX" in _reason(tmp_path / "laporan.docx")


def test_corrupt_docx(tmp_path):
    path = tmp_path / "rusak.docx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 200)
    assert "corrupt or unreadable DOCX" in _reason(path)


def test_non_utf8_text_is_decoded_with_a_warning(tmp_path):
    text = ("Menteri Luar Negeri menyebut kerja sama itu “sangat penting” bagi kedua negara. "
            "Café di Phnom Penh menjadi tempat pertemuan — kata saksi — pada tahun 2022.\n") * 8
    path = tmp_path / "catatan.txt"
    path.write_bytes(text.encode("cp1252"))
    doc = load_document(path)
    assert "“sangat penting”" in doc.pages[0].text and "Café" in doc.pages[0].text
    assert len(doc.warnings) == 1 and "catatan.txt: not UTF-8, decoded as" in doc.warnings[0]


def test_symlink_loop_and_broken_symlink(tmp_path):
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    assert "symlink loop" in _reason(tmp_path / "a.txt")
    (tmp_path / "hilang.txt").symlink_to(tmp_path / "tidak-ada.txt")
    assert "broken symlink" in _reason(tmp_path / "hilang.txt")


def _as_nobody() -> list[str] | None:
    """A command prefix that drops root to 'nobody' (root can read a chmod 000 file)."""
    if os.geteuid() != 0:
        return []
    tool = shutil.which("setpriv")
    return [tool, "--reuid=65534", "--regid=65534", "--clear-groups"] if tool else None


def test_unreadable_file(tmp_path_factory):
    prefix = _as_nobody()
    if prefix is None:
        pytest.skip("running as root without setpriv: cannot make a file unreadable")
    folder = Path(tmp_path_factory.mktemp("perm"))
    shared = Path("/tmp") / f"perm-{os.getpid()}-{time.monotonic_ns()}"
    shared.mkdir(mode=0o755)
    try:
        path = shared / "rahasia.txt"
        path.write_text("isi yang tidak boleh dibaca")
        path.chmod(0)
        code = f"from assistant.ingest.load import load_document\nload_document({str(path)!r})"
        run = subprocess.run(prefix + [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                             env={**os.environ, "PYTHONPATH": str(ROOT), "HOME": str(folder)})
        assert run.returncode != 0
        assert f"LoadError: {path}: permission denied" in run.stderr
    finally:
        shutil.rmtree(shared, ignore_errors=True)


def test_docx_headings_become_the_section_path(tmp_path):
    import docx

    document = docx.Document()
    document.core_properties.title = "Laporan Kerja Sama"
    document.add_heading("Bab Satu", level=1)
    document.add_heading("Latar Belakang", level=2)
    document.add_paragraph("Indonesia dan Kamboja menandatangani nota kesepahaman pada tahun 2022.")
    table = document.add_table(rows=2, cols=2)
    for r, row in enumerate([("Tahun", "Korban"), ("2022", "1.200")]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_heading("Bab Dua", level=1)
    document.add_paragraph("# bukan judul, hanya teks yang diawali tanda pagar.")
    document.save(tmp_path / "laporan.docx")
    doc = load_document(tmp_path / "laporan.docx")
    assert doc.title == "Laporan Kerja Sama"
    assert "2022 1.200 (Tahun | Korban)" in doc.pages[0].text  # a row with its header
    chunks = chunk_document(doc, "laporan.docx")
    sections = {c.section for c in chunks}
    assert "Bab Satu › Latar Belakang" in sections and "Bab Dua" in sections
    assert not any("bukan judul" in s for s in sections)


def test_markdown_and_text(tmp_path):
    (tmp_path / "catatan.md").write_text("# Ringkasan\n\nKorban dipulangkan pada Agustus 2022.\n", encoding="utf-8")
    chunks = chunk_document(load_document(tmp_path / "catatan.md"), "catatan.md")
    assert [(c.section, c.page) for c in chunks] == [("Ringkasan", None)]


def _words(text: str) -> Counter:
    return Counter(re.findall(r"[a-z0-9]+", text.lower()))


@pytest.mark.parametrize("lang", ["en", "id"])
def test_extraction_recall_on_debian_reference(lang, capsys):
    """Word-level recall of the cleaned PDF text against the package's plain-text twin."""
    pdf, txt = DEBREF / f"debian-reference.{lang}.pdf", DEBREF / f"debian-reference.{lang}.txt.gz"
    if not (pdf.exists() and txt.exists()):
        pytest.skip(f"debian-reference-{lang} is not installed (scripts/setup-system.sh installs it)")
    truth = _words(gzip.open(txt, "rt", encoding="utf-8").read())
    started = time.perf_counter()
    doc = load_document(pdf)
    seconds = time.perf_counter() - started
    got = _words("\n".join(p.text for p in doc.pages))
    recall = sum(min(n, got[w]) for w, n in truth.items()) / sum(truth.values())
    with capsys.disabled():
        print(f"\ndebian-reference.{lang}: word recall {recall:.4f} over {sum(truth.values())} words; "
              f"{len(doc.pages)} pages in {seconds:.1f} s ({len(doc.pages) / seconds:.0f} pages/s)")
    assert recall >= 0.97
    assert not any("run together" in w for w in doc.warnings)


@pytest.mark.skipif(not (DEBREF / "debian-reference.en.pdf").exists(),
                    reason="debian-reference-en is not installed (scripts/setup-system.sh installs it)")
def test_run_together_detector_on_a_real_extractor_failure():
    """pypdf drops most inter-word spaces on this TeX PDF ("Justlikeanyothermodern…"); the
    detector flags those pages, and none of what load_document keeps."""
    from pypdf import PdfReader

    from assistant.ingest.pdftext import run_together

    reader = PdfReader(str(DEBREF / "debian-reference.en.pdf"))
    flagged = sum(run_together(reader.pages[i].extract_text() or "") for i in range(30, 50))
    assert flagged >= 15
    kept = load_document(DEBREF / "debian-reference.en.pdf").pages[30:50]
    assert not any(run_together(p.text) for p in kept)


def test_table_rows_of_a_pdf_become_items_of_their_own(tmp_path):
    # a package table: cells stand in columns; a long description wraps onto a second line
    from fpdf import FPDF

    pdf = FPDF(unit="pt", format="A4")
    pdf.add_page()
    pdf.set_font("Courier", size=10)
    prose = ["Penggunaan kebijakan firewall bersama dengan alat-alat keamanan berikut dapat",
             "meningkatkan situasi keamanan sistem yang terhubung ke jaringan publik."]
    rows = [("paket", "popcon", "ukuran", "deskripsi"),
            ("knockd", "V:0, I:3", "109", "daemon port-knock kecil dan klien"),
            ("fail2ban", "V:111, I:125", "2127", "memblokir IP yang menyebabkan beberapa"),
            ("", "", "", "kesalahan otentikasi"),
            ("libpam-shield", "V:0, I:0", "115", "mengunci penyerang")]
    y = 100
    for line in prose:
        pdf.text(50, y, line)
        y += 13
    y += 10
    for cells in rows:
        for x, cell in zip((60, 160, 250, 330), cells):
            pdf.text(x, y, cell) if cell else None
        y += 13
    pdf.text(150, y + 10, "Tabel 4.8: Daftar alat keamanan tambahan")
    pdf.output(str(tmp_path / "tabel.pdf"))
    sents = [s.text for s in chunk_document(load_document(tmp_path / "tabel.pdf"), "tabel.pdf")[0].sentences]
    header = " (paket | popcon | ukuran | deskripsi)"
    assert sents == [" ".join(prose), "• paket popcon ukuran deskripsi",  # each row an item, with its header
                     "• knockd V:0, I:3 109 daemon port-knock kecil dan klien" + header,
                     "• fail2ban V:111, I:125 2127 memblokir IP yang menyebabkan beberapa kesalahan otentikasi" + header,
                     "• libpam-shield V:0, I:0 115 mengunci penyerang" + header,
                     "Tabel 4.8: Daftar alat keamanan tambahan"]
