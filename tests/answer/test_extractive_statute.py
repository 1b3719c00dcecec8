"""Questions that name a statute, answered from it (answer/extractive.py): on a real one-statute index with the
real embedder. Every passage of a statute shares its name, so what is asked of it decides which one answers."""
import pytest

LAW = [("Penjelasan", "UNDANG-UNDANG REPUBLIK INDONESIA NOMOR 37 TAHUN 1999 TANGGAL 14 SEPTEMBER 1999 TENTANG HUBUNGAN "
        "LUAR NEGERI. Dalam memasuki era globalisasi, hubungan luar negeri Indonesia makin penting."),
       ("BAB I › Pasal 1", "Dalam Undang-undang ini yang dimaksud dengan: 1. Hubungan Luar Negeri adalah setiap kegiatan "
        "yang menyangkut aspek regional dan internasional yang dilakukan oleh Pemerintah. 2. Anak adalah seseorang yang "
        "belum berusia 18 (delapan belas) tahun. 3. Perlindungan Anak adalah segala kegiatan untuk menjamin hak Anak."),
       ("BAB VI › Pasal 27", "Presiden menetapkan kebijakan masalah pengungsi dari luar negeri dengan memperhatikan "
        "pertimbangan Menteri."),
       ("BAB X › Pasal 40", "Undang-undang ini mulai berlaku pada tanggal diundangkan."),
       ("Penjelasan", "Undang-undang tentang Hubungan Luar Negeri merupakan pelaksanaan dari ketentuan dasar yang "
        "tercantum di dalam Pembukaan dan Batang Tubuh Undang-Undang Dasar 1945 yang berkenaan dengan hubungan luar negeri. "
        "Undang-undang ini mengatur segala aspek penyelenggaraan hubungan luar negeri dan politik luar negeri."),
       ("Pengesahan", "Disahkan Di Jakarta, Pada Tanggal 23 September 1999 PRESIDEN REPUBLIK INDONESIA, Ttd. "
        "BACHARUDDIN JUSUF HABIBIE LEMBARAN NEGARA REPUBLIK INDONESIA TAHUN 1999 NOMOR 156")]


@pytest.fixture(scope="module")
def retriever(engine):
    from assistant.ingest.chunk import split_sentences
    from assistant.ingest.structure import enactment_sentences
    from assistant.records import Chunk, Sentence
    from assistant.search.index import Index
    from assistant.search.retrieve import Retriever

    embedder = engine.retriever.embedder  # the real multilingual-e5-small
    # (the closing block as the ingest reads it: its signing, its gazette)
    chunks = [Chunk(str(i), "UU No. 37 Tahun 1999", "uu-37-1999.txt", 1, str(i), section, text,
                    [Sentence(s, []) for s in (split_sentences(text) if section != "Pengesahan"
                                               else enactment_sentences(text))])
              for i, (section, text) in enumerate(LAW)]
    sentences = [s.text for c in chunks for s in c.sentences]
    meta = {"dim": 384, "embedder": embedder.id,
            "documents": {"uu-37-1999.txt": {"title": "UU No. 37 Tahun 1999", "kind": "statute", "number": "37",
                                             "year": "1999"}}}
    index = Index.build(chunks, embedder.embed_passages([c.text for c in chunks]), sentences,
                        embedder.embed_passages(sentences), meta)
    return Retriever(index, embedder)


def test_when_and_by_whom_a_named_statute_was_signed(retriever):
    """The law's full name matches its heading best; "Kapan undang-undang ini disahkan dan oleh siapa?" its
    signing, which names the President."""
    from assistant.answer.extractive import answer_question

    for question in ("Kapan UU Nomor 37 Tahun 1999 tentang Hubungan Luar Negeri disahkan dan oleh presiden siapa?",
                     "Which President signed UU 37/1999?"):
        result = answer_question(retriever.query(question), retriever)
        assert result["answerable"] and "HABIBIE" in result["answer"], result["answer"]


def test_when_a_law_named_by_its_title_was_enacted_and_where_it_was_published(retriever):
    """Its closing block, of names and dates, shares few words with the question, and the law's name is in every
    passage: the block leads its law's passages when asked of (search/legal.asks_enactment)."""
    from assistant.answer.extractive import answer_question

    for question, expected in (("Kapan Undang-Undang tentang Hubungan Luar Negeri disahkan?", "23 September 1999"),
                               ("In which State Gazette (Lembaran Negara) was this law published?", "NOMOR 156")):
        result = answer_question(retriever.query(question), retriever)
        assert result["answerable"] and expected in result["answer"], result["answer"]


def test_the_term_a_named_statute_defines(retriever):
    """"Apa definisi Anak dalam UU …?": the definition of Anak, not of "Perlindungan Anak" (a longer term), and
    not refused though "definisi" is a word the statute never writes."""
    from assistant.answer.extractive import answer_question

    result = answer_question(retriever.query("Apa definisi Anak dalam UU Nomor 37 Tahun 1999?"), retriever)
    assert result["answerable"] and "belum berusia 18" in result["answer"], result["answer"]
