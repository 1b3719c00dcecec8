"""The real documents of ../shared/zoo (statutes, treaties, journal articles; never committed), read as what
they are: each named by its printed title, each statute's Pasal all there and no passage across two of them.
Skipped when ../shared is absent."""
import re

import pytest

from conftest import SHARED

ZOO = SHARED / "zoo" / "docs"
pytestmark = pytest.mark.skipif(not ZOO.is_dir(), reason="needs ../shared/zoo (real documents, not in the repository)")

TITLES = {  # as each document prints it (SOURCE.md), case aside
    "uu-21-2007.txt": "UU No. 21 Tahun 2007", "uu-37-1999.txt": "UU No. 37 Tahun 1999",
    "uu-18-2017.txt": "UU No. 18 Tahun 2017", "uu-12-2017.txt": "UU No. 12 Tahun 2017",
    "uu-14-2009.txt": "UU No. 14 Tahun 2009",
    "perda-diy-6-2025.pdf": "Perda Daerah Istimewa Yogyakarta No. 6 Tahun 2025",
    "palermo-protocol.md": "Protocol to Prevent, Suppress and Punish trafficking in Persons, especially Women and "
                           "Children, supplementing the United Nations Convention against Transnational Organized Crime",
    "untoc.md": "United Nations Convention against Transnational Organized Crime",
    "purwanti-2016.pdf": "Pengaruh Iklim Organisasi dan Tipe Kepribadian terhadap Stres Kerja dan Perilaku Kewargaan "
                         "(Studi pada Karyawan Klinik Laboratorium Prodia Cabang Menteng, Jakarta)",
    "ramadhani-satusehat.pdf": "Analisis Faktor Penghambat dalam Pengembangan Sistem untuk Kebutuhan Integrasi Data "
                               "Kesehatan Puskesmas ke SATUSEHAT oleh Dinas Kesehatan Kota Yogyakarta",
    "ahmad-ir-2021.pdf": "Penerapan Information Retrieval pada Search Engine",
}
STATUTES = ["uu-21-2007.txt", "uu-37-1999.txt", "uu-18-2017.txt", "uu-12-2017.txt", "uu-14-2009.txt",
            "perda-diy-6-2025.pdf"]


def _chunks(name):
    from assistant.ingest.chunk import chunk_document
    from assistant.ingest.load import load_document

    doc = load_document(ZOO / name)
    return doc, chunk_document(doc, name)


@pytest.mark.parametrize("name", sorted(TITLES))
def test_each_document_is_named_by_its_printed_title(name):
    from assistant.ingest.load import load_document

    assert load_document(ZOO / name).title.casefold() == TITLES[name].casefold()


def _printed_pasal(name: str) -> set[str]:
    """The Pasal headings of the statute's body as its own text has them (before its Penjelasan)."""
    text = (SHARED / "zoo" / "text" / name.replace(".pdf", ".txt")) if name.endswith(".pdf") else ZOO / name
    body = re.split(r"^\s*PENJELASAN\s*$", text.read_text(encoding="utf-8-sig"), maxsplit=1, flags=re.M)[0]
    return set(re.findall(r"^\s*Pasal\s+(\d+[A-Z]?)\s*$", body, flags=re.M))


@pytest.mark.parametrize("name", STATUTES)
def test_each_statutes_pasal_are_all_there_and_no_passage_spans_two(name):
    doc, chunks = _chunks(name)
    body = {m for c in chunks if not c.section.startswith("Penjelasan")
            for m in re.findall(r"\bPasal (\d+[A-Z]?)$", c.section.split(" › ")[-1])}
    assert body == _printed_pasal(name)
    assert doc.meta["kind"] == "statute"
    for c in chunks:
        assert len(re.findall(r"\bPasal \d+", c.section)) <= 1
        assert not any(re.fullmatch(r"Pasal \d+[A-Z]?", s.text.strip()) for s in c.sentences)


@pytest.mark.parametrize("name", ["palermo-protocol.md", "untoc.md"])
def test_treaty_articles_are_sections(name):
    doc, chunks = _chunks(name)
    articles = {m for c in chunks for m in re.findall(r"\bArticle (\d+)", c.section)}
    text = (ZOO / name).read_text(encoding="utf-8")
    assert articles == set(re.findall(r"^#+\s*Article\s+(\d+)\s*$", text, flags=re.M))
    assert doc.meta["kind"] == "treaty"
