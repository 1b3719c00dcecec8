"""Cited PDFs linked to their citation keys; bibliographies (BibTeX, CSL-JSON, Daftar Pustaka)."""
from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest

from assistant.ingest.chunk import Chunk, Sentence
from assistant.answer.sources import identify_work, link_sources, parse_bibtex, read_bibliographies, reference_list

THESIS = Path(__file__).resolve().parents[2] / "corpus" / "thesis.txt"
KEYS = ["Pramudyani, 2024", "Armandhanu, 2025", "Mangatur, 2023", "Yanggolo, 2024"]

PRAMUDYANI = [
    "KBRI Phnom Penh menangani ratusan kasus ketenagakerjaan WNI",
    "Sepanjang tahun 2023 KBRI Phnom Penh menerima lebih dari seribu aduan dari warga negara Indonesia "
    "yang bekerja di Kamboja. Sebagian besar aduan menyangkut gaji yang tidak dibayar, paspor yang ditahan "
    "majikan, dan pemutusan kerja sepihak di perusahaan judi daring.",
    "Duta Besar menegaskan bahwa tidak semua kasus ketenagakerjaan tersebut merupakan tindak pidana "
    "perdagangan orang; banyak di antaranya adalah sengketa kerja biasa yang diselesaikan melalui mediasi.",
]
YANGGOLO = [  # no metadata, a neutral file name: only the first page says who and when
    "JURNAL ILMU SOSIAL, VOL. 9, NO. 1, 2024",
    "Modus Perekrutan Operator Penipuan Daring di Kamboja",
    "Rini Yanggolo, Ahmad Sutrisno, Maria Lase",
    "Korban direkrut melalui wawancara panggilan video dan dijanjikan gaji dua belas sampai lima belas juta "
    "rupiah sebagai operator telepon, tetapi kemudian dipaksa bekerja enam belas jam sehari.",
]
ARMANDHANU = [
    "Dewanto Armandhanu",
    "Laporan Investigasi, Maret 2025",
    "Kesaksian korban dari kompleks penipuan daring di Sihanoukville",
    "Para korban bercerita bahwa kompleks tempat mereka bekerja dikelilingi pagar tinggi dan dijaga oleh "
    "penjaga bersenjata serta anjing pelacak siang dan malam, sehingga tidak ada yang berani melarikan diri.",
    "Korban yang tidak memenuhi target harian dihukum dengan denda dan kekerasan fisik oleh pengawas.",
]


def make_pdf(path: Path, paragraphs: list[str], author: str | None = None, title: str | None = None,
             year: int | None = None) -> Path:
    """A real PDF (fpdf2) with optional author/title/creation-date metadata."""
    from fpdf import FPDF

    pdf = FPDF()
    if author:
        pdf.set_author(author)
    if title:
        pdf.set_title(title)
    if year:
        pdf.set_creation_date(datetime(year, 3, 1, tzinfo=timezone.utc))
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for para in paragraphs:
        pdf.multi_cell(0, 6, para)
        pdf.ln(6)
    pdf.output(str(path))
    return path


def _chunk(file: str, text: str, cites: list[str] | None = None, section: str = "", page: int | None = 1) -> Chunk:
    return Chunk(file, file, file, page, None, section, text, [Sentence(text, cites or [])])


# --- identifying a cited work, no index needed --------------------------------------------------

def test_file_name_identifies_the_work():
    link = identify_work("Pramudyani 2024.pdf", {}, "KBRI menangani kasus", KEYS, set())
    assert link and link.key == "Pramudyani, 2024"
    assert "author in file name" in link.evidence and "year in file name" in link.evidence


def test_metadata_identifies_the_work():
    meta = {"author": "Yuni Dwi Pramudyani", "creation_date": "2024-03-01 00:00:00+00:00"}
    link = identify_work("artikel.pdf", meta, "KBRI menangani kasus", KEYS, set())
    assert link and link.key == "Pramudyani, 2024"


def test_first_page_identifies_the_work():
    link = identify_work("laporan.pdf", {}, " ".join(ARMANDHANU[:3]), KEYS, set())
    assert link and link.key == "Armandhanu, 2025"


def test_wrong_year_or_citing_document_is_not_linked():
    assert identify_work("Pramudyani 2019.pdf", {}, "teks", KEYS, set()) is None
    assert identify_work("thesis.txt", {}, "Pramudyani 2024", KEYS, set(KEYS)) is None
    assert identify_work("laporan.pdf", {"creation_date": "2025-01-01"}, "laporan polisi", KEYS, set()) is None


def test_link_sources_ignores_the_citing_thesis():
    chunks = [_chunk("thesis.txt", "tak selamanya berkaitan (Pramudyani, 2024).", ["Pramudyani, 2024"], page=None),
              _chunk("Pramudyani 2024.pdf", "KBRI Phnom Penh menangani kasus.")]
    links = link_sources(chunks, {})
    assert {k: l.file for k, l in links.items()} == {"Pramudyani, 2024": "Pramudyani 2024.pdf"}


# --- bibliographies ---------------------------------------------------------------------------

BIB = r"""
@article{pram2024,
  author  = {Pramudyani, Yuni Dwi and Santoso, Budi},
  title   = {Ratusan {WNI} Jadi Korban Penipuan Kerja di Kamboja},
  journal = {Jurnal Hubungan Internasional},
  year    = {2024}, volume = {7}, pages = {10--22}
}
@misc{fbi2025,
  author = {{Federal Bureau of Investigation}},
  title  = {Transnational Organized Crime}, year = {2025}, url = {https://www.fbi.gov/toc}
}
"""


def test_bibtex_is_parsed_and_rendered(tmp_path):
    items = parse_bibtex(BIB)
    assert items[0]["author"][0] == {"family": "Pramudyani", "given": "Yuni Dwi"}
    (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")
    refs = read_bibliographies(tmp_path)
    assert refs["Pramudyani, 2024"].startswith("Pramudyani, Y.D. and Santoso, B. (2024)")
    assert "Jurnal Hubungan Internasional" in refs["Pramudyani, 2024"]
    assert refs["FBI, 2025"] == refs["Federal Bureau of Investigation, 2025"]


def test_csl_json_is_read(tmp_path):
    item = {"id": "a1", "type": "report", "title": "Kesaksian korban", "publisher": "CNN Indonesia",
            "author": [{"family": "Armandhanu", "given": "Dewanto"}], "issued": {"date-parts": [[2025, 3]]}}
    (tmp_path / "refs.json").write_text(json.dumps([item]), encoding="utf-8")
    (tmp_path / "other.json").write_text(json.dumps({"not": "csl"}), encoding="utf-8")
    refs = read_bibliographies(tmp_path)
    assert list(refs) == ["Armandhanu, 2025"]
    assert refs["Armandhanu, 2025"].startswith("Armandhanu, D. (2025) Kesaksian korban")


def test_daftar_pustaka_entries_wrap_and_key():
    lines = ["Bambar, K. (2022). Perdagangan manusia di Asia Tenggara.", "Jurnal HI, 5(2), 1-10.",
             "Federal Bureau of Investigation (FBI). (2025). Transnational organized crime.",
             "Mangatur, R., Siregar, A., & Lubis, B. (2023). Penegakan hukum", "TPPO. Jurnal Hukum, 12(1).",
             "Pramudyani, Y. D. 2024. Ratusan WNI jadi korban. Antara."]
    chunks = [_chunk("t.txt", "Penegakan hukum lemah (Mangatur dkk, 2023).", ["Mangatur, 2023"], "BAB V"),
              Chunk("2", "t", "t.txt", None, None, "DAFTAR PUSTAKA", " ".join(lines),
                    [Sentence(line, []) for line in lines])]
    refs = reference_list(chunks)
    assert refs["Bambar, 2022"].endswith("Jurnal HI, 5(2), 1-10.")
    assert refs["FBI, 2025"].startswith("Federal Bureau of Investigation (FBI)")
    assert refs["Mangatur, 2023"].endswith("Jurnal Hukum, 12(1).")
    assert refs["Pramudyani, 2024"].startswith("Pramudyani, Y. D. 2024.")


def test_reference_list_found_in_indexed_document():
    chunks = [_chunk("t.txt", "Kesimpulan penelitian ini jelas (Bambar, 2022).", ["Bambar, 2022"], "BAB V"),
              Chunk("2", "t", "t.txt", None, None, "BAB V", "", [
                  Sentence("DAFTAR PUSTAKA Bambar, K. (2022).", []), Sentence("Perdagangan manusia.", []),
                  Sentence("Rudy, T. M. (2002).", []), Sentence("Studi Strategis.", [])])]
    refs = reference_list(chunks)
    assert refs == {"Bambar, 2022": "Bambar, K. (2022). Perdagangan manusia.",
                    "Rudy, 2002": "Rudy, T. M. (2002). Studi Strategis."}


# --- a tiny real corpus: thesis excerpt + three generated PDFs, ingested and searched -------------

@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory):
    """thesis excerpt (citing Pramudyani 2024, Yanggolo 2024, Armandhanu 2025), the three works as PDFs
    (known by file name, by metadata, by first page only), a .bib."""
    from assistant.engine import Assistant
    from assistant.ingest.build import ingest
    from assistant.settings import Settings

    base = tmp_path_factory.mktemp("sources")
    corpus = base / "corpus"
    corpus.mkdir()
    paragraphs = THESIS.read_text(encoding="utf-8").split("\n\n")
    start = next(i for i, p in enumerate(paragraphs) if "(Pramudyani, 2024)" in p)
    end = next(i for i, p in enumerate(paragraphs) if "(Armandhanu, 2025)" in p)
    (corpus / "thesis.txt").write_text("BAB I\n\nA. Latar Belakang\n\n" + "\n\n".join(paragraphs[start - 1:end + 1]),
                                       encoding="utf-8")
    make_pdf(corpus / "Pramudyani 2024.pdf", PRAMUDYANI)
    make_pdf(corpus / "kesaksian.pdf", ARMANDHANU, author="Dewanto Armandhanu", title="Kesaksian korban", year=2025)
    make_pdf(corpus / "artikel-03.pdf", YANGGOLO)
    (corpus / "refs.bib").write_text(BIB, encoding="utf-8")
    settings = Settings.from_env(corpus_dir=corpus, index_dir=base / "index")
    report = ingest(settings, progress=False, log=lambda *_: None)
    assert report.exit_code == 0, report.summary()
    return Assistant(settings)


def test_generated_pdfs_are_linked_to_their_works(small_corpus):
    from assistant.answer.cite import citation_index

    works = {w["key"]: w for w in citation_index(small_corpus.index, small_corpus.settings.corpus_dir)}
    assert works["Pramudyani, 2024"]["source"] == "Pramudyani 2024.pdf"
    assert works["Armandhanu, 2025"]["source"] == "kesaksian.pdf"
    assert works["Yanggolo, 2024"]["source"] == "artikel-03.pdf"
    assert works["Pramudyani, 2024"]["reference"].startswith("Pramudyani, Y.D. and Santoso, B. (2024)")
    linked = ("Pramudyani, 2024", "Armandhanu, 2025", "Yanggolo, 2024")
    assert all(w["source"] is None for k, w in works.items() if k not in linked)
    assert small_corpus.index.meta["documents"]["kesaksian.pdf"]["author"] == "Dewanto Armandhanu"


def test_find_citation_returns_thesis_and_source_passages(small_corpus):
    from assistant.answer.cite import find_citation

    result = find_citation(small_corpus, "Korban dijaga penjaga bersenjata dan anjing pelacak", k=5)
    by_file: dict[str, dict] = {}
    for r in result["results"]:
        by_file.setdefault(r["file"], r)  # the best-ranked passage of each file
    works = {r["file"]: r["backing"] + r["others"] for r in by_file.values()}
    assert "Armandhanu, 2025" in works["thesis.txt"]
    assert by_file["thesis.txt"]["sources"]["Armandhanu, 2025"] == "kesaksian.pdf"
    assert by_file["kesaksian.pdf"]["backing"] == ["Armandhanu, 2025"]  # the cited PDF backs its own work
    assert "anjing pelacak" in by_file["kesaksian.pdf"]["text"]
    pram = find_citation(small_corpus, "Tidak semua kasus ketenagakerjaan WNI di Kamboja merupakan perdagangan orang")
    assert pram["cite"] == ["Pramudyani, 2024"]  # the reference entry comes from the corpus's reference list
    assert pram["references"]["Pramudyani, 2024"].startswith("Pramudyani, Y.D.")


def test_answer_hook_shows_supporting_source_passages(small_corpus):
    from assistant.answer.sources import supporting_sources

    result = {"question": "Apakah semua kasus ketenagakerjaan WNI di Kamboja adalah perdagangan orang?",
              "citations": [{"n": 1, "file": "thesis.txt", "cites": ["Pramudyani, 2024"]}]}
    support = supporting_sources(small_corpus, result, per_source=1)
    assert [s["key"] for s in support] == ["Pramudyani, 2024"]
    assert support[0]["file"] == "Pramudyani 2024.pdf" and support[0]["for"] == 1
    assert "KBRI" in support[0]["passages"][0]["text"]
