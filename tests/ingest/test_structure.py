"""Statute and treaty headings by the conventions of the genre; a statute's citation form."""
import pytest

from assistant.ingest.structure import (AYAT, BAGIAN, HURUF, PART, PASAL, PENJELASAN, is_legal, legal_heading,
                                        statute_heading, title_line)


@pytest.mark.parametrize("line, level, title, needs_title", [
    ("BAB II", PART, "BAB II", True),
    ("BAB III KETENTUAN PIDANA", PART, "BAB III Ketentuan Pidana", False),
    ("Bagian Kedua", BAGIAN, "Bagian Kedua", True),
    ("Pasal 12A", PASAL, "Pasal 12A", False),
    ("### Article  3", PASAL, "Article 3", True),
    ("###II", PART, "Chapter II", True),
    ("PENJELASAN", PENJELASAN, "Penjelasan", False),
    ("II. PASAL DEMI PASAL", PART, "II. Pasal demi pasal", False),
    ("Ayat (2)", AYAT, "Ayat (2)", False),
    ("Huruf c", HURUF, "Huruf c", False),
])
def test_legal_headings(line, level, title, needs_title):
    head = legal_heading(line)
    assert (head.level, head.title, head.needs_title) == (level, title, needs_title)


def test_preamble_keeps_its_text_and_references_in_text_are_no_headings():
    head = legal_heading("Menimbang : a. bahwa setiap orang berhak atas pelindungan;")
    assert head.title == "Menimbang" and head.rest.startswith("a. bahwa")
    assert legal_heading("Pasal 2 ayat (1) berlaku juga bagi korporasi.") is None
    assert legal_heading("(1) Setiap orang yang melakukan perekrutan …") is None
    assert title_line("KETENTUAN UMUM") == "Ketentuan Umum" and title_line("(1) Setiap orang;") is None


def test_is_legal_needs_three_articles():
    assert is_legal("Pasal 1\nisi\nPasal 2\nisi\nPasal 3\nisi")
    assert not is_legal("Menurut Pasal 1 dan Pasal 2 undang-undang itu …\nPasal 3")


@pytest.mark.parametrize("heading, short", [
    ("UNDANG-UNDANG REPUBLIK INDONESIA\nNOMOR 21 TAHUN 2007\nTENTANG\nPEMBERANTASAN TINDAK PIDANA PERDAGANGAN ORANG\n"
     "DENGAN RAHMAT TUHAN YANG MAHA ESA", "UU No. 21 Tahun 2007"),
    ("PERATURAN PEMERINTAH REPUBLIK INDONESIA NOMOR 61 TAHUN 2013 TENTANG PENGELOLAAN LIMBAH", "PP No. 61 Tahun 2013"),
    ("GUBERNUR JAWA TENGAH\nPERATURAN DAERAH PROVINSI JAWA TENGAH\nNOMOR 3 TAHUN 2019\nTENTANG\nKETERTIBAN UMUM",
     "Perda Provinsi Jawa Tengah No. 3 Tahun 2019"),
    ("PERATURAN MENTERI KESEHATAN REPUBLIK INDONESIA NOMOR 24 TAHUN 2022 TENTANG REKAM MEDIS",
     "Peraturan Menteri Kesehatan No. 24 Tahun 2022"),
])
def test_statute_heading_short_title(heading, short):
    found = statute_heading(heading)
    assert found["short_title"] == short
    assert found["title"].lower().startswith(heading.split("\n")[0].lower()[:10]) or "Nomor" in found["title"]


def test_full_title_ends_before_the_preamble():
    found = statute_heading("UNDANG-UNDANG REPUBLIK INDONESIA NOMOR 21 TAHUN 2007 TENTANG PEMBERANTASAN TINDAK "
                            "PIDANA PERDAGANGAN ORANG DENGAN RAHMAT TUHAN YANG MAHA ESA PRESIDEN REPUBLIK INDONESIA,")
    assert found["title"] == ("Undang-Undang Republik Indonesia Nomor 21 Tahun 2007 tentang Pemberantasan Tindak "
                              "Pidana Perdagangan Orang")
    assert statute_heading("Sebuah artikel tentang undang-undang.") is None


def test_the_enactment_block_reads_as_its_statements():
    from assistant.ingest.structure import enactment_sentences

    assert enactment_sentences("Diundangkan di Jakarta pada tanggal 19 April 2007 MENTERI, ttd. HAMID "
                               "LEMBARAN NEGARA REPUBLIK INDONESIA TAHUN 2007 NOMOR 58 "
                               "TAMBAHAN LEMBARAN NEGARA REPUBLIK INDONESIA NOMOR 4720") == [
        "Diundangkan di Jakarta pada tanggal 19 April 2007 MENTERI, ttd. HAMID",
        "LEMBARAN NEGARA REPUBLIK INDONESIA TAHUN 2007 NOMOR 58",
        "TAMBAHAN LEMBARAN NEGARA REPUBLIK INDONESIA NOMOR 4720"]  # not "TAMBAHAN" | "LEMBARAN NEGARA …"
