"""Citation parsing: every in-text citation of the thesis, the common variants, attribution."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.citations import attribute, citation_keys, first_author_surname, make_key, parse_citations

THESIS = Path(__file__).resolve().parent.parent / "corpus" / "thesis.txt"

# Every in-text citation of the thesis in order: (key, as written, p[arenthetical]|n[arrative], via).
# Counted by hand from the text: 35 parenthetical (incl. repeats) + 14 narrative (3 secondary).
THESIS_CITATIONS = [
    ("Bambar, 2022", "(Bambar, 2022)", "p", None),
    ("Smerchuar, 2023", "(Smerchuar dan Madhyamapurush, 2023)", "p", None),
    ("Wulandari, 2014", "(Wulandari dan Wicaksono, 2014)", "p", None),
    ("Pinatih, 2023", "(Pinatih dkk, 2023)", "p", None),
    ("Midhol, 2022", "(Midhol, 2022)", "p", None),
    ("Luthfi, 2025", "(Luthfi, 2025)", "p", None),
    ("Ariadne, 2021", "(Ariadne, 2021)", "p", None),
    ("Adrine, 2021", "(Adrine dkk, 2021)", "p", None),
    ("Valerisella, 2025", "(Valerisella dkk, 2025)", "p", None),
    ("Tempo, 2024", "(Tempo, 2024)", "p", None),
    ("Fauzan, 2025", "(Fauzan, 2025)", "p", None),
    ("Pramudyani, 2024", "(Pramudyani, 2024)", "p", None),
    ("Yanggolo, 2024", "(Yanggolo dkk, 2024)", "p", None),
    ("Armandhanu, 2025", "(Armandhanu, 2025)", "p", None),
    ("Mangatur, 2023", "(Mangatur dkk, 2023)", "p", None),
    ("Pangastuti, 2019", "(Pangastuti dkk, 2019)", "p", None),
    ("Arisandy, 2022", "(Arisandy dan Soeharto, 2022)", "p", None),
    ("Yashinta, 2022", "(Yashinta dan Haryati, 2022)", "p", None),
    ("Ginjar, 2023", "(Ginjar, 2023)", "p", None),
    ("Zayzda, 2020", "(Zayzda dkk, 2020)", "p", None),
    ("Malik, 2022", "(Malik, 2022)", "p", None),
    ("Caparini, 2022", "(Caparini, 2022)", "p", None),
    ("FBI, 2025", "(FBI, 2025)", "p", None),
    ("Shehdula, 2024", "(Shehdula & Karamuco, 2024)", "p", None),
    ("Shehdula, 2024", "(Shehdula & Karamuco, 2024)", "p", None),
    ("Kyslyi, 2021", "Zelinska dalam Kyslyi dkk, (2021)", "n", "Zelinska"),
    ("Sulisty, 2022", "Dorvedic dalam Sulisty (2022)", "n", "Dorvedic"),
    ("IRRC, 2023", "(IRRC, 2023)", "p", None),
    ("Prasetya, 2020", "Prasetya (2020)", "n", None),
    ("Bales, 2014", "Kevin Bales (2014)", "n", None),
    ("Shelley, 2010", "Lousie Shelley (2010)", "n", None),
    ("Kara, 2009", "Siddharth Kara (2009)", "n", None),
    ("L'Hoiry, 2024", "(L'Hoiry, Moretti & Antonopoulos, 2024)", "p", None),
    ("Ngo, 2023", "(Ngo Thi Minh Huong & Vu, 2023)", "p", None),
    ("Lazarus, 2025", "(Lazarus, Chiang, & Button, 2025)", "p", None),
    ("Ngo, 2023", "Ngo Thi Minh Huong & Vu (2023)", "n", None),
    ("Lee, 2024", "(Lee, 2024)", "p", None),
    ("Yulisman, 2025", "(Yulisman, 2025)", "p", None),
    ("Rana, 2018", "(Rana, 2018)", "p", None),
    ("Munatama, 2023", "Saputra dalam Munatama & Zhaidah (2023)", "n", "Saputra"),
    ("Rudy, 2002", "Rudy (2002)", "n", None),
    ("Goswami, 2022", "(Goswami, 2022)", "p", None),
    ("Wiegand, 2011", "(Wiegand & Powell, 2011)", "p", None),
    ("Munatama, 2023", "Munatama & Zhaidah (2023)", "n", None),
    ("Yashinta, 2022", "(Yashinta & Haryati, 2022)", "p", None),
    ("Priyono, 2020", "Priyono & Sudiro (2020)", "n", None),
    ("Tewuh, 2020", "Tewuh (2020)", "n", None),
    ("Albayumi, 2022", "Albayumi, dkk (2022)", "n", None),
    ("Atmasasmita, 2021", "Atmasasmita (2021)", "n", None),
]


@pytest.fixture(scope="module")
def thesis_text() -> str:
    return THESIS.read_text(encoding="utf-8")


def test_thesis_list_is_complete_by_count():
    assert sum(1 for c in THESIS_CITATIONS if c[2] == "p") == 35
    assert sum(1 for c in THESIS_CITATIONS if c[2] == "n") == 14
    assert sum(1 for c in THESIS_CITATIONS if c[3]) == 3


def test_every_thesis_citation_found_none_spurious(thesis_text):
    found = [(c.key, " ".join(c.written.split()), c.kind[0], c.via) for c in parse_citations(thesis_text)]
    assert found == THESIS_CITATIONS


def test_every_parenthesis_with_a_year_is_accounted_for(thesis_text):
    """Independent count: each "(… Year)" of the thesis is one of the expected citations."""
    parens = re.findall(r"\((?:[^()]*?, )?((?:19|20)\d\d)\)", thesis_text)
    assert len(parens) == len(THESIS_CITATIONS)


def test_written_form_is_in_the_text(thesis_text):
    flat = " ".join(thesis_text.split())
    for c in parse_citations(thesis_text):
        assert " ".join(c.written.split()) in flat
        assert thesis_text[c.start:c.end] == c.written


@pytest.mark.parametrize("text, expected", [
    ("(Bambar, 2022)", ["Bambar, 2022"]),
    ("(Mangatur dkk, 2023)", ["Mangatur, 2023"]),
    ("(Mangatur dkk., 2023)", ["Mangatur, 2023"]),
    ("(Wulandari dan Wicaksono, 2014)", ["Wulandari, 2014"]),
    ("(Shehdula & Karamuco, 2024)", ["Shehdula, 2024"]),
    ("(Lazarus, Chiang, & Button, 2025)", ["Lazarus, 2025"]),
    ("(L'Hoiry, Moretti & Antonopoulos, 2024)", ["L'Hoiry, 2024"]),
    ("(FBI, 2025)", ["FBI, 2025"]),
    ("(IRRC, 2023)", ["IRRC, 2023"]),
    ("(Kementerian Luar Negeri, 2023)", ["Kementerian Luar Negeri, 2023"]),
    ("(Smith et al., 2020)", ["Smith, 2020"]),
    ("(Smith et al. 2020)", ["Smith, 2020"]),
    ("(Smith and Jones, 2019)", ["Smith, 2019"]),
    ("(Bales, 2014; Kara, 2009)", ["Bales, 2014", "Kara, 2009"]),
    ("(UNODC, 2020; Bales, 2014a; Bales, 2014b)", ["UNODC, 2020", "Bales, 2014a", "Bales, 2014b"]),
    ("(Kara, 2009a, 2009b)", ["Kara, 2009a", "Kara, 2009b"]),
    ("(Rana, 2018, p. 4)", ["Rana, 2018"]),
    ("(Rana, 2018: 12-14)", ["Rana, 2018"]),
    ("(Rana, 2018, hlm. 7)", ["Rana, 2018"]),
    ("(lihat Bales, 2014)", ["Bales, 2014"]),
    ("(Bales, n.d.)", ["Bales, n.d."]),
    ("(van der Berg, 2019)", ["van der Berg, 2019"]),
    ("Menurut Rudy (2002) politik bilateral", ["Rudy, 2002"]),
    ("Sementara itu menurut Kevin Bales (2014)", ["Bales, 2014"]),
    ("Dalam Priyono & Sudiro (2020) dijelaskan", ["Priyono, 2020"]),
    ("Kemudian penelitian dari Albayumi, dkk (2022)", ["Albayumi, 2022"]),
    ("According to Smith et al. (2020), trafficking grew", ["Smith, 2020"]),
    ("Bales dkk. (2014a) menulis", ["Bales, 2014a"]),
    ("Bales (2014, hlm. 5) menyatakan", ["Bales, 2014"]),
    ("Bales (2014, 2016) menyatakan", ["Bales, 2014", "Bales, 2016"]),
    ("Drawing on Plano and Olton, Malik (2022) describes", ["Malik, 2022"]),  # the list closed at "and"
    ("Menurut Plano dan Olton, Malik (2022)", ["Malik, 2022"]),
])
def test_variants(text, expected):
    assert [c.key for c in parse_citations(text)] == expected


@pytest.mark.parametrize("text, key, via", [
    ("Saputra dalam Munatama & Zhaidah (2023) menyebut", "Munatama, 2023", "Saputra"),
    ("Zelinska dalam Kyslyi dkk, (2021) menyebut", "Kyslyi, 2021", "Zelinska"),
    ("Saputra (2019) dalam Munatama & Zhaidah (2023) menyebut", "Munatama, 2023", "Saputra"),
    ("(Saputra, 2019 dalam Munatama & Zhaidah, 2023)", "Munatama, 2023", "Saputra"),
    ("(Zelinska, as cited in Kyslyi et al., 2021)", "Kyslyi, 2021", "Zelinska"),
    ("Zelinska (as cited in Kyslyi et al., 2021) notes", "Kyslyi, 2021", "Zelinska"),
])
def test_secondary_cites_the_work_read(text, key, via):
    cits = parse_citations(text)
    assert [(c.key, c.via) for c in cits] == [(key, via)]


@pytest.mark.parametrize("text", [
    "UU No. 21 Tahun 2007 (2007)", "Konvensi Palermo (2000)", "pada tahun (2020) itu",
    "(UU No. 21, 2007)", "(lihat tabel 2, 2020)", "(sekitar 2020)", "(2020-2024)", "(dalam jutaan)",
    "Protokol Palermo (2000)", "(ASEAN)",
])
def test_no_spurious_citations(text):
    assert parse_citations(text) == []


def test_surnames_and_keys():
    assert first_author_surname("Ngo Thi Minh Huong & Vu") == "Ngo"
    assert first_author_surname("Kevin Bales") == "Bales"
    assert first_author_surname("Albayumi, dkk") == "Albayumi"
    assert make_key("Lazarus, Chiang, & Button", "2025") == "Lazarus, 2025"
    assert citation_keys("(Ariadne, 2021) dan (Bales, 2014). Bales (2014) lagi.") == ["Ariadne, 2021", "Bales, 2014"]


def test_parenthetical_closes_the_paragraph_it_supports():
    sents = ["Kalimat satu.", "Kalimat dua.", "Kalimat tiga (Bambar, 2022).", "Kalimat empat."]
    assert attribute(sents) == [["Bambar, 2022"], ["Bambar, 2022"], ["Bambar, 2022"], ["Bambar, 2022"]]
    sents = ["Kalimat satu (Midhol, 2022).", "Kalimat dua.", "Kalimat tiga (Bambar, 2022)."]
    assert attribute(sents) == [["Midhol, 2022"], ["Bambar, 2022"], ["Bambar, 2022"]]


def test_narrative_opens_the_paragraph_it_supports():
    sents = ["Menurut Rudy (2002) politik bilateral adalah hubungan dua negara.", "Hal itu penting.",
             "Sementara itu ada hal lain (Goswami, 2022)."]
    backing = attribute(sents)
    assert backing[0] == ["Rudy, 2002"]
    assert set(backing[1]) == {"Rudy, 2002", "Goswami, 2022"}
    assert backing[2] == ["Goswami, 2022"]


def test_thesis_chunks_carry_their_backing_works():
    from assistant.ingest.chunk import chunk_document
    from assistant.ingest.load import load_document

    chunks = chunk_document(load_document(THESIS), "thesis.txt")
    keys = {k for c in chunks for k in c.cites}
    assert keys == {c[0] for c in THESIS_CITATIONS}
    uncited_in_text = [s for c in chunks for s in c.sentences if parse_citations(s.text) and not s.cites]
    assert uncited_in_text == []


def test_mentioned_keys():
    from assistant.citations import mentioned_keys

    keys = ["Zayzda, 2020", "Rudy, 2002", "Priyono, 2020", "Ngo, 2023", "Kementerian Luar Negeri, 2023"]
    assert mentioned_keys("Which forms are listed by Zayzda and colleagues?", keys) == ["Zayzda, 2020"]
    assert mentioned_keys("What is bilateral politics according to Rudy (2002)?", keys) == ["Rudy, 2002"]
    assert mentioned_keys("What did Rudy (1999) say?", keys) == []
    assert mentioned_keys("Menurut Ngo Thi Minh Huong & Vu (2023)?", keys) == ["Ngo, 2023"]
    assert mentioned_keys("Apa kata Kementerian Luar Negeri?", keys) == ["Kementerian Luar Negeri, 2023"]
    assert mentioned_keys("Who did Retno Marsudi meet?", keys) == []


def test_another_voice_ends_a_narrative_stretch():
    sents = ["Menurut Dorvedic dalam Sulisty (2022), kejahatan transnasional adalah ancaman.",
             "Menurut Ghada Waly, wilayah konflik rentan.", "Kelompok ini memanfaatkan lembaga yang lemah (IRRC, 2023)."]
    assert attribute(sents) == [["Sulisty, 2022"], ["IRRC, 2023"], ["IRRC, 2023"]]
    sents = ["Menurut Kevin Bales (2014), perdagangan manusia adalah perbudakan.", "Menurutnya lagi, itu sistemik."]
    assert attribute(sents) == [["Bales, 2014"], ["Bales, 2014"]]


def test_trailing_sentences_after_the_last_parenthetical():
    sents = ["Pelaku memanfaatkan celah hukum (Ngo Thi Minh Huong & Vu, 2023).", "Definisinya berbeda.",
             "Hal ini mempersulit penegakan hukum.", "Penulis menilai ini penting."]
    assert attribute(sents) == [["Ngo, 2023"], ["Ngo, 2023"], ["Ngo, 2023"], []]
    sents = ["MoU ditandatangani (Ginjar, 2023).", "Pada 13 Maret 2024 terjadi pertemuan imigrasi."]
    assert attribute(sents) == [["Ginjar, 2023"], []]


def test_et_al_as_typed_in_papers():
    """"Migo et.,al (2013)", "Migo et.al (2013)": the typed forms of "et al." cite Migo, 2013."""
    for text in ("hasil penelitian Migo et.,al (2013) menemukan bahwa iklim organisasi", "Migo et.al (2013) menemukan",
                 "(Migo et.al., 2013)"):
        assert [c.key for c in parse_citations(text)] == ["Migo, 2013"], text


def test_a_sentence_comparing_the_own_study_with_a_work_opens_no_stretch():
    """What follows "this study does not support X (2018)" is the study's own finding, not X's."""
    sents = ["Hasil penelitian ini tidak mendukung penelitian Santoso (2018) yang menyatakan bahwa pupuk organik "
             "menurunkan hasil panen.", "Temuan yang diperoleh terjadi karena tanah di Sleman subur."]
    assert attribute(sents) == [["Santoso, 2018"], []]
    sents = ["Unlike Harlow (2017), we find no effect of rainfall.", "The soil explains the yields."]
    assert attribute(sents) == [["Harlow, 2017"], []]


def test_an_uncited_this_study_after_a_narrative_citation_is_the_work_cited():
    """A literature review's "Penelitian ini …" after "Dalam Priyono & Sudiro (2020) …" is Priyono's study."""
    sents = ["Dalam Priyono & Sudiro (2020), dijelaskan bahwa kerja sama bilateral sangat penting.",
             "Penelitian ini menyoroti kemiskinan sebagai faktor pendorong perdagangan manusia."]
    assert attribute(sents) == [["Priyono, 2020"], ["Priyono, 2020"]]
