"""The framing names each quoted document as itself: the thesis as "tesis", others by title."""
import pytest

from pdfmaker import make_pdf

GARDEN = [["# Merawat Tomat",
           "Tanaman tomat perlu disiram dua kali sehari pada musim kemarau",
           "agar buahnya tidak pecah dan daunnya tetap segar.",
           "",
           "Pupuk kompos diberikan setiap dua minggu sekali di sekitar batang."]]


@pytest.fixture(scope="module")
def corpus_index(tmp_path_factory):
    """A real index of three small documents: a titled PDF, an untitled note, and a 'thesis'."""
    from assistant.ingest.build import ingest
    from assistant.search.index import Index
    from assistant.settings import Settings

    base = tmp_path_factory.mktemp("framing")
    corpus = base / "corpus"
    corpus.mkdir()
    make_pdf(corpus / "kebun.pdf", GARDEN, title="Panduan Kebun Rumah")
    (corpus / "catatan_lapangan.txt").write_text(
        "Kucing peliharaan tidur sekitar enam belas jam setiap hari di rumah yang tenang.\n", encoding="utf-8")
    (corpus / "thesis.txt").write_text(
        "Penelitian ini membahas kerja sama dua negara dalam menanggulangi penipuan daring.\n", encoding="utf-8")
    settings = Settings(corpus_dir=corpus, index_dir=base / "index")
    assert ingest(settings, progress=False, log=lambda *_: None).exit_code == 0
    return settings, Index.load(settings.index_dir)


def test_titles_come_from_the_printed_page_then_file_name(corpus_index):
    from assistant.answer.framing import title_of

    _, index = corpus_index
    assert title_of("kebun.pdf", index) == "Merawat Tomat"  # its first page's largest text, before its metadata
    assert title_of("catatan_lapangan.txt", index) == "catatan lapangan"


def test_the_thesis_keeps_its_framing_and_two_documents_are_both_named(corpus_index):
    from assistant.answer.framing import lead

    _, index = corpus_index
    assert lead("id", ["thesis.txt"], index, "thesis.*") == "Menurut tesis:"
    assert lead("en", ["thesis.txt", "thesis.txt"], index, "thesis.*") == "According to the thesis:"
    assert lead("id", ["kebun.pdf"], index, "thesis.*") == "Menurut *Merawat Tomat*:"
    assert lead("en", ["thesis.txt", "kebun.pdf"], index, "thesis.*") == \
        "According to the thesis and *Merawat Tomat*:"
    # which file is the thesis is a setting, not a name in the code
    assert lead("id", ["thesis.txt"], index, "kebun.pdf") == "Menurut *thesis*:"
    assert lead("id", ["kebun.pdf"], index, "kebun.pdf") == "Menurut tesis:"


def test_an_answer_from_another_document_is_not_framed_as_the_thesis(corpus_index):
    from assistant.engine import Assistant

    settings, _ = corpus_index
    assistant = Assistant(settings)
    result = assistant.ask("Berapa kali sehari tanaman tomat perlu disiram pada musim kemarau?")
    assert result["answerable"], result["answer"]
    assert result["answer"].startswith("Menurut *Merawat Tomat*: “"), result["answer"]
    english = assistant.ask("How many hours a day does a pet cat sleep?")
    assert english["answer"].startswith("According to *catatan lapangan*: “"), english["answer"]


class _Meta:
    """Just the index's document metadata: all `name_of` reads."""

    def __init__(self, documents: dict):
        self.meta = {"documents": documents}


LONG = "Analisis Faktor Penghambat dalam Pengembangan Sistem untuk Kebutuhan Integrasi Data Kesehatan Puskesmas"


def test_a_paper_with_a_long_title_is_named_by_its_authors_as_papers_cite_one_another():
    from assistant.answer.framing import lead

    index = _Meta({"a.pdf": {"title": LONG, "kind": "paper", "authors": ["Ananda Ayu Ramadhani", "B Pramono", "C Dwi"]},
                   "b.pdf": {"title": LONG, "kind": "paper", "authors": ["DEWI PURWANTI", "Ph.D", "Mafizatun Nurhayati"],
                             "year": "2016"},
                   "d.pdf": {"title": LONG, "kind": "paper", "authors": ["Ananda Ramadhani", "S.Kom.", "M.Kom"]},
                   "c.pdf": {"title": "Merawat Tomat di Musim Kemarau", "kind": "paper", "authors": ["Sri Wahyuni"]}})
    assert lead("id", ["a.pdf"], index, "thesis.*") == "Menurut Ramadhani dkk.:"
    assert lead("en", ["a.pdf"], index, "thesis.*") == "According to Ramadhani et al.:"
    assert lead("id", ["b.pdf"], index, "thesis.*") == "Menurut Purwanti & Nurhayati (2016):"  # a degree is no author
    assert lead("en", ["d.pdf"], index, "thesis.*") == "According to Ramadhani:"
    assert lead("id", ["b.pdf", "a.pdf"], index, "thesis.*") == "Menurut Purwanti & Nurhayati (2016) dan Ramadhani dkk.:"
    assert lead("id", ["c.pdf"], index, "thesis.*") == "Menurut *Merawat Tomat di Musim Kemarau*:"  # short: its title


def test_a_long_title_without_authors_is_named_by_its_main_title_or_first_words():
    from assistant.answer.framing import lead, short_title

    index = _Meta({"p.md": {"title": "Protocol to Prevent, Suppress and Punish trafficking in Persons, especially "
                                     "Women and Children, supplementing the Convention", "kind": "treaty"},
                   "s.pdf": {"title": LONG, "kind": "statute", "authors": ["TENTANG"]}})
    assert lead("en", ["p.md"], index, "thesis.*") == "According to *Protocol to Prevent, Suppress and Punish …*:"
    assert lead("id", ["s.pdf"], index, "thesis.*") == "Menurut *Analisis Faktor Penghambat dalam Pengembangan Sistem …*:"
    assert short_title("Collective reputation in agriculture: Lessons from the Fukushima nuclear accident") == \
        "Collective reputation in agriculture"
    assert short_title("UU No. 21 Tahun 2007") == "UU No. 21 Tahun 2007"
    assert short_title("The Role of International Criminal Law in Southeast Asian Trafficking Cases") == \
        "The Role of International Criminal Law …"  # a short word that carries meaning stays
    assert short_title("Kebijakan Perlindungan Pekerja Migran bagi Kabupaten Sleman dan Kota Yogyakarta") == \
        "Kebijakan Perlindungan Pekerja Migran bagi Kabupaten …"


def test_an_authors_surname_as_a_title_page_prints_the_name():
    from assistant.citations import name_surname

    assert [name_surname(a) for a in ("NURAINI AHMAD", "Ahmad Jr", "Ramadhani, A. A.", "Nishrin A Qowamuna")] == \
        ["Ahmad", "Ahmad", "Ramadhani", "Qowamuna"]
    assert [name_surname(a) for a in ("S.Kom.", "M.Kom", "Ph.D", "A. A.", "")] == ["", "", "", "", ""]
