"""Chunking by the kind of document: a statute's parts as sections (no passage spans two Pasal, ayat as
sentences), a treaty's Articles, a paper's abstract, keywords, footnotes and reference list."""
from pathlib import Path

from assistant.ingest.chunk import chunk_document, paragraphs
from assistant.ingest.load import load_document
from assistant.records import Document, Note, Page
from pdfmaker import paper_pdf

STATUTE = """UNDANG-UNDANG REPUBLIK INDONESIA
NOMOR 9 TAHUN 2030
TENTANG
PELINDUNGAN WARGA DI LUAR NEGERI
Menimbang: a. bahwa setiap warga berhak atas pelindungan di mana pun ia berada;
Mengingat: Pasal 20 dan Pasal 21 Undang-Undang Dasar Negara Republik Indonesia Tahun 1945;
BAB I
KETENTUAN UMUM
Pasal 1
Dalam Undang-Undang ini yang dimaksud dengan:
1. Warga adalah setiap orang yang berkewarganegaraan Indonesia dan berada di luar negeri.
2. Perwakilan adalah kedutaan besar dan konsulat Republik Indonesia di negara penerima.
Pasal 2
(1) Perwakilan wajib memberikan pelindungan kepada Warga yang menghadapi masalah hukum paling lama 3 (tiga) hari
setelah diberitahukan.
(2) Pelindungan sebagaimana dimaksud pada ayat (1) meliputi bantuan hukum dan pemulangan.
BAB II
KERJA SAMA
Pasal 3
Pemerintah melakukan kerja sama bilateral dengan negara penerima untuk mencegah perdagangan orang.
Disahkan di Jakarta pada tanggal 1 Maret 2030
PRESIDEN REPUBLIK INDONESIA,
ttd.
DR. H. BUDI SANTOSO
Diundangkan di Jakarta pada tanggal 2 Maret 2030
LEMBARAN NEGARA REPUBLIK INDONESIA TAHUN 2030 NOMOR 9
LAMPIRAN
Daftar negara penerima pekerja yang menjadi mitra kerja sama pelindungan.
PENJELASAN
ATAS
UNDANG-UNDANG REPUBLIK INDONESIA NOMOR 9 TAHUN 2030
I. UMUM
Pelindungan warga di luar negeri merupakan amanat konstitusi yang dilaksanakan oleh Perwakilan.
II. PASAL DEMI PASAL
Pasal 1
Cukup jelas.
Pasal 2
Ayat (1)
Yang dimaksud dengan "masalah hukum" adalah perkara pidana, perdata, atau keimigrasian.
Ayat (2)
Cukup jelas.
"""


def test_statute_parts_are_sections_and_no_passage_spans_two_pasal(tmp_path):
    (tmp_path / "uu.txt").write_text(STATUTE, encoding="utf-8")
    doc = load_document(tmp_path / "uu.txt")
    assert doc.title == "UU No. 9 Tahun 2030"
    assert doc.meta["full_title"] == "Undang-Undang Republik Indonesia Nomor 9 Tahun 2030 tentang Pelindungan Warga " \
                                     "di Luar Negeri"
    chunks = chunk_document(doc, "uu.txt", chunk_words=400)
    sections = [c.section for c in chunks]
    assert "BAB I Ketentuan Umum › Pasal 1" in sections and "BAB II Kerja Sama › Pasal 3" in sections
    assert "Penjelasan › II. Pasal demi pasal › Pasal 2 › Ayat (1)" in sections
    assert {"Menimbang", "Mengingat", "Pengesahan", "Penjelasan › I. Umum"} <= set(sections)
    assert doc.meta["kind"] == "statute"
    for c in chunks:  # a chunk is within one Pasal
        assert len({s for s in c.section.split(" › ") if s.startswith("Pasal")}) <= 1
        assert "Pasal 3" not in c.text or c.section.endswith("Pasal 3") or "Pasal 21" in c.text
    pasal2 = next(c for c in chunks if c.section == "BAB I Ketentuan Umum › Pasal 2")
    assert [s.text[:4] for s in pasal2.sentences] == ["(1) ", "(2) "]  # each ayat a sentence, the broken line rejoined
    assert "paling lama 3 (tiga) hari setelah diberitahukan" in pasal2.sentences[0].text
    pasal1 = next(c for c in chunks if c.section == "BAB I Ketentuan Umum › Pasal 1")
    assert [s.text[:2] for s in pasal1.sentences] == ["Da", "1.", "2."]
    # the closing block's statements whole: who enacted it when, not "ttd." and "DR." cut apart
    enacted = next(c for c in chunks if c.section == "Pengesahan")
    assert [s.text for s in enacted.sentences] == [
        "Disahkan di Jakarta pada tanggal 1 Maret 2030 PRESIDEN REPUBLIK INDONESIA, ttd. DR. H. BUDI SANTOSO",
        "Diundangkan di Jakarta pada tanggal 2 Maret 2030", "LEMBARAN NEGARA REPUBLIK INDONESIA TAHUN 2030 NOMOR 9"]
    assert any(c.text.startswith("Daftar negara penerima") for c in chunks)  # a Lampiran after it is its own
    # and the heading over the Penjelasan ("… ATAS UNDANG-UNDANG … NOMOR 9 TAHUN 2030") is no passage
    assert not any("NOMOR 9 TAHUN 2030" in c.text for c in chunks if c.section.startswith("Penjelasan"))


def test_treaty_articles_take_their_title_line(tmp_path):
    text = ("##Verdrag inzake samenwerking tegen mensenhandel\n\n####Convention on Cooperation against Trafficking\n\n"
            "### Article 1\n\n####Purpose\n\nThe purpose of this Convention is to promote cooperation.\n\n"
            "### Article 2\n\n####Use of terms\n\nFor the purposes of this Convention:\n\n"
            "(a) \"Victim\" shall mean any natural person who is subject to trafficking;\n\n"
            "(b) \"Child\" shall mean any person under eighteen years of age.\n\n"
            "### Article 3\n\n####Depositary\n\nThe Secretary-General shall be the depositary of this Convention.\n")
    (tmp_path / "treaty.md").write_text(text, encoding="utf-8")
    doc = load_document(tmp_path / "treaty.md")
    assert doc.title == "Convention on Cooperation against Trafficking"  # the heading in the text's own words
    chunks = chunk_document(doc, "treaty.md")
    assert [c.section for c in chunks] == ["Article 1 Purpose", "Article 2 Use of terms", "Article 3 Depositary"]
    assert doc.meta["kind"] == "treaty"
    assert [s.text[:3] for s in chunks[1].sentences] == ["For", "(a)", "(b)"]


def test_paper_abstract_keywords_and_reference_list():
    text = ("Abstrak: Penelitian ini mengkaji kerja sama bilateral dalam penanganan perdagangan orang di kawasan.\n\n"
            "Kata kunci: kerja sama bilateral, perdagangan orang, pekerja migran\n\n"
            "# Pendahuluan\n\nPerdagangan orang merupakan kejahatan lintas negara yang terorganisasi (Bales, 2014).\n\n"
            "# Daftar Pustaka\n\nBales, K. (2014). Disposable People. Berkeley: University of California Press.\n\n"
            "Smith, J. (2020). Migration and Crime. Journal of Migration, 3(2), 1-10.\n")
    doc = Document(path=Path("artikel.md"), title="Artikel", pages=[Page(None, text)])
    paras = paragraphs(doc)
    assert [p.section for p in paras] == [["Abstrak"], ["Kata kunci"], ["Pendahuluan"]]
    assert [(r["key"], r["title"]) for r in doc.meta["references"]] == [("Bales, 2014", "Disposable People"),
                                                                        ("Smith, 2020", "Migration and Crime")]
    assert doc.meta["kind"] == "paper"
    assert not any("Disposable People" in p.text for p in paras)  # no reference entry is a body paragraph


def test_footnotes_are_paragraphs_of_their_own_section(tmp_path):
    doc = load_document(paper_pdf(tmp_path / "artikel.pdf"))
    paras = paragraphs(doc)
    notes = [p for p in paras if p.section and p.section[-1] == "Catatan kaki / Footnotes"]
    assert [p.page for p in notes] == [1, 2]
    assert notes[0].text.split("\n")[0].startswith("1. Lihat laporan tahunan")
    assert not any("Lihat laporan" in p.text for p in paras if p not in notes)


def test_a_sentence_marked_with_a_note_cites_the_work_the_note_names(tmp_path):
    notes = ("Lihat Sari Wulandari, 2021, Laporan tahunan lembaga pendamping korban", "Ibid",
             "Pasal 2 ayat (3)", "Budi Santoso dan Ani Lestari, Pekerja Migran (Pustaka Hukum, 2019)")
    doc = load_document(paper_pdf(tmp_path / "artikel.pdf", notes=notes))
    chunks = chunk_document(doc, "artikel.pdf")
    body = [(c.page, s.cites) for c in chunks for s in c.sentences if s.text.startswith("Paragraf")]
    # page 1 marks notes 1 and 2 ("Ibid": note 1's work); page 2 notes 3 (no work) and 4
    assert body == [(1, ["Wulandari, 2021"]), (2, ["Santoso, 2019"])]
    assert not any("[^" in c.text for c in chunks)  # the marks are read, not quoted
    refs = {r["key"]: r["text"] for r in doc.meta["references"]}
    assert refs["Santoso, 2019"].startswith("Budi Santoso dan Ani Lestari, Pekerja Migran")


def test_a_page_note_keeps_its_number_in_a_text_document():
    doc = Document(path=Path("x.txt"), title="x", pages=[Page(1, "Isi halaman pertama yang cukup panjang untuk "
                                                                  "dianggap sebagai teks isi dokumen ini.",
                                                             notes=[Note("7", "Ibid, hal. 6.")])])
    assert paragraphs(doc)[-1].text == "7. Ibid, hal. 6."


def test_a_docx_footnote_cites_the_work_it_names(tmp_path):
    from docxmaker import docx_with_footnotes

    path = docx_with_footnotes(tmp_path / "artikel.docx", [
        ("Pemerintah daerah membentuk gugus tugas pencegahan perdagangan orang di setiap kabupaten.",
         ["Lihat Sari Wulandari, 2021, Laporan tahunan"]),
        ("Gugus tugas melapor kepada gubernur setiap tahun tentang pelaksanaan tugasnya.", ["Ibid, hal. 4"])])
    doc = load_document(path)
    body = [(s.text, s.cites) for c in chunk_document(doc, "artikel.docx") for s in c.sentences
            if not s.text[:1].isdigit()]
    assert body == [("Pemerintah daerah membentuk gugus tugas pencegahan perdagangan orang di setiap kabupaten.",
                     ["Wulandari, 2021"]),
                    ("Gugus tugas melapor kepada gubernur setiap tahun tentang pelaksanaan tugasnya.",
                     ["Wulandari, 2021"])]


def test_markdown_footnotes_are_notes_and_cite_the_work_they_name(tmp_path):
    path = tmp_path / "catatan.md"
    path.write_text("# Kerja Sama Daerah\n\nPemerintah daerah membentuk gugus tugas di setiap kabupaten.[^1] "
                    "Gugus tugas melapor kepada gubernur setiap tahun.[^2]\n\n"
                    "[^1]: Lihat Sari Wulandari, 2021, Laporan tahunan\n    lembaga pendamping korban.\n[^2]: Ibid.\n")
    doc = load_document(path)
    assert [(n.number, n.text) for n in doc.pages[0].notes] == [
        ("1", "Lihat Sari Wulandari, 2021, Laporan tahunan lembaga pendamping korban."), ("2", "Ibid.")]
    body = [(s.text, s.cites) for c in chunk_document(doc, "catatan.md") for s in c.sentences
            if c.section.endswith("Kerja Sama Daerah")]
    assert body == [("Pemerintah daerah membentuk gugus tugas di setiap kabupaten.", ["Wulandari, 2021"]),
                    ("Gugus tugas melapor kepada gubernur setiap tahun.", ["Wulandari, 2021"])]


def test_a_footnote_on_a_docx_title_stays_out_of_it(tmp_path):
    import docx
    from docxmaker import docx_with_footnotes

    path = docx_with_footnotes(tmp_path / "judul.docx", [("Isi dokumen yang cukup panjang untuk dibaca di sini.",
                                                          ["Lihat Sari Wulandari, 2021, Laporan"])])
    d = docx.Document(str(path))
    title = d.paragraphs[0].insert_paragraph_before("Perlindungan Pekerja Migran", style="Title")
    title._p.append(d.paragraphs[1]._p[-1].__copy__())  # the body's footnote reference, on the title too
    d.save(str(path))
    assert load_document(path).title == "Perlindungan Pekerja Migran"
