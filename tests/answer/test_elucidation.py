"""An ayat read with its Penjelasan (answer/elucidation.py): where a body sentence stands, the Penjelasan
passage of that place, and an answer quoting both on a real index with the real embedder."""
import pytest

from assistant.answer.elucidation import elucidation, place
from assistant.records import Chunk, Sentence
from assistant.search.retrieve import Hit

FILE = "perda-6-2025.pdf"
BODY = ("BAB III › Bagian Kesembilan Pengendalian Proses Pengangkatan Anak › Pasal 16",
        ["(1) Pengendalian proses pengangkatan Anak dilaksanakan paling sedikit melalui:",
         "a. sosialisasi atas peraturan perundang-undangan yang mengatur tentang prosedur pengangkatan Anak;",
         "b. pemberian pertimbangan dalam pemberian izin pengangkatan Anak.",
         "(2) Pengendalian proses pengangkatan Anak dilakukan oleh Perangkat Daerah yang menyelenggarakan urusan "
         "pemerintahan di bidang sosial.",
         "(3) Pengendalian proses pengangkatan Anak sebagaimana dimaksud pada ayat (1) dilaksanakan dengan melibatkan "
         "organisasi profesi di bidang kebidanan."])
EXPLAINED = ("Penjelasan › II. Pasal demi pasal › Pasal 16 › Ayat (3)",
             ["Yang dimaksud dengan “organisasi profesi” di bidang kebidanan yaitu Ikatan Bidan Indonesia."])
LISTED = ("Penjelasan › II. Pasal demi pasal › Pasal 16 › Ayat (1) › Huruf b",
          ["Pertimbangan diberikan oleh tim pertimbangan pengangkatan Anak Daerah."])
PLAIN = ("Penjelasan › II. Pasal demi pasal › Pasal 16 › Ayat (2)", ["Cukup jelas."])


def _hit(i: int, section: str, sentences: list[str], file: str = FILE) -> Hit:
    chunk = Chunk(str(i), "Perda DIY No. 6 Tahun 2025", file, 1, "1", section, " ".join(sentences),
                  [Sentence(s, []) for s in sentences])
    return Hit(chunk, i, 1.0, 0.8, 0.5)


def test_the_place_of_an_ayat_and_of_a_huruf_listed_in_one():
    body = _hit(0, *BODY)
    assert place(body, body.chunk.sentences[4]) == ("16", "3", None)
    assert place(body, body.chunk.sentences[2]) == ("16", "1", "b")
    explained = _hit(1, *EXPLAINED)
    assert place(explained, explained.chunk.sentences[0]) is None  # a Penjelasan is read as it is


def test_the_penjelasan_of_that_place_among_the_passages_found():
    body, explained, listed, plain = _hit(0, *BODY), _hit(1, *EXPLAINED), _hit(2, *LISTED), _hit(3, *PLAIN)
    hits = [body, plain, listed, explained]
    assert elucidation(body, body.chunk.sentences[4], hits) == (explained, explained.chunk.sentences[0])
    assert elucidation(body, body.chunk.sentences[2], hits) == (listed, listed.chunk.sentences[0])
    assert elucidation(body, body.chunk.sentences[3], hits) is None  # "Cukup jelas." explains nothing
    assert elucidation(body, body.chunk.sentences[4], [body]) is None  # not found: nothing added
    # another statute's Penjelasan of its own Pasal 16 is not this one's
    assert elucidation(body, body.chunk.sentences[4], [_hit(4, *EXPLAINED, file="uu-21-2007.txt")]) is None


@pytest.fixture(scope="module")
def retriever(engine):
    from assistant.search.index import Index
    from assistant.search.retrieve import Retriever

    embedder = engine.retriever.embedder  # the real multilingual-e5-small
    other = ("BAB III › Bagian Kesatu › Pasal 5", ["(1) Pemerintah Daerah melaksanakan Pencegahan Perdagangan Orang."])
    chunks = [_hit(i, *part).chunk for i, part in enumerate((BODY, EXPLAINED, PLAIN, other))]
    sentences = [s.text for c in chunks for s in c.sentences]
    meta = {"dim": 384, "embedder": embedder.id,
            "documents": {FILE: {"title": "Perda DIY No. 6 Tahun 2025", "kind": "statute"}}}
    index = Index.build(chunks, embedder.embed_passages([c.text for c in chunks]), sentences,
                        embedder.embed_passages(sentences), meta)
    return Retriever(index, embedder)


def test_an_ayat_is_quoted_with_its_penjelasan(retriever):
    """The ayat names "organisasi profesi di bidang kebidanan"; which one, its Penjelasan says."""
    from assistant.answer.extractive import answer_question

    result = answer_question(retriever.query(
        "Organisasi profesi di bidang kebidanan mana yang dilibatkan dalam pengendalian proses pengangkatan anak?"),
        retriever)
    assert result["answerable"] and "Ikatan Bidan Indonesia" in result["answer"], result["answer"]
    assert result["answer"].index("(3) Pengendalian") < result["answer"].index("Ikatan Bidan")
    assert "Cukup jelas" not in result["answer"]
