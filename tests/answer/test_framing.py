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
