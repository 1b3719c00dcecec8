"""Retrieval ranking: on a hand-made index (no model), what the fused score rewards; with the real embedder, a
named statute searched with what is asked of it."""
import numpy as np
import pytest

from assistant.records import Chunk, Sentence
from assistant.search.index import Index
from assistant.search.query import analyse
from assistant.search.retrieve import Retriever


PROSE = ["Alpha beta gamma delta.", "Epsilon zeta eta theta.", "Iota kappa lambda mu."]
ROWS = ["Nu xi omicron pi.", "Rho sigma tau upsilon.", "Phi chi psi omega."]
OTHER = ["Un deux trois quatre."]


def _unit(*v):
    v = np.asarray(v, dtype=np.float32)
    return v / np.linalg.norm(v)


# each sentence embedded alone: the prose is middling throughout, one table row answers
SENTENCES = dict(zip(PROSE + ROWS + OTHER, [_unit(0.5, 0.86, 0)] * 3 + [_unit(0.1, 0, 1), _unit(0.99, 0, 0.1),
                                                                       _unit(0.1, 1, 0), _unit(0, 0.3, 1)]))


class _Embedder:
    id = "toy"

    def __init__(self):
        self.embedded: list[str] = []

    def embed_queries(self, texts):
        return np.array([[1.0, 0.0, 0.0]], dtype=np.float32)

    def embed_passages(self, texts):
        self.embedded += texts
        return np.vstack([SENTENCES[t] for t in texts])


def _index(sentence_vectors: bool, copies: int = 1) -> Index:
    texts = [PROSE, ROWS, OTHER] * copies
    chunks = [Chunk(str(i), "doc", "doc.pdf", 1, "1", "S", " ".join(s), [Sentence(t, []) for t in s])
              for i, s in enumerate(texts)]
    # the prose passage is closer to the question as a whole; one row of the table answers it
    passages = np.vstack([_unit(0.8, 0.6, 0), _unit(0.7, 0, 0.71), _unit(0, 0.3, 1)] * copies)
    known = list(SENTENCES) if sentence_vectors else []  # else: embedded where questions go
    vectors = np.vstack([SENTENCES[t] for t in known]) if known else np.zeros((0, 3), dtype=np.float32)
    return Index.build(chunks, passages, known, vectors, {"dim": 3, "embedder": "toy"})


def _ranked(index: Index, sentence_weight: float, embedder: _Embedder | None = None, k: int = 3) -> list[str]:
    embedder = embedder or _Embedder()
    retriever = Retriever(index, embedder)
    retriever.sentence_weight = sentence_weight
    query = analyse("Which row answers?", embedder, language="en")
    return [h.chunk.id for h in retriever.search(query, k=k)]


def test_a_passage_whose_one_sentence_answers_outranks_a_closer_whole():
    assert _ranked(_index(True), 0.0) == ["0", "1", "2"]
    assert _ranked(_index(True), 0.5) == ["1", "0", "2"]


def test_sentences_without_vectors_are_embedded_by_the_search_that_needs_them():
    embedder = _Embedder()
    index = _index(False)
    assert _ranked(index, 0.5, embedder) == ["1", "0", "2"]  # the same ranking as with every vector there
    assert sorted(embedder.embedded) == sorted(SENTENCES) and index.missing_sentences() == []
    assert _ranked(index, 0.5, embedder) == ["1", "0", "2"] and len(embedder.embedded) == len(SENTENCES)


def test_only_the_best_passages_and_those_returned_get_sentence_vectors():
    embedder = _Embedder()
    index = _index(False, copies=2)  # 6 passages, 7 distinct sentences
    retriever = Retriever(index, embedder)
    retriever.sentence_candidates = 3  # both proses and a table
    query = analyse("Which row answers?", embedder, language="en")
    hits = retriever.search(query, k=1)
    assert hits[0].chunk.text == " ".join(ROWS)
    ensured = {r for r, c in enumerate(index.chunks) if all(s.text in index.sentence_row for s in c.sentences)}
    # the three best fused passages, and no passage of the third kind
    assert not any(index.chunks[r].text == " ".join(OTHER) for r in ensured)
    assert set(embedder.embedded) == set(PROSE + ROWS)


# a statute's passages all share its name: its heading restates it, its Pasal 1 defines its title's words
LAW = ["UNDANG-UNDANG REPUBLIK INDONESIA NOMOR 37 TAHUN 1999 TENTANG HUBUNGAN LUAR NEGERI. Dalam memasuki era "
       "globalisasi, hubungan luar negeri Indonesia makin penting.",
       "Dalam Undang-undang ini yang dimaksud dengan: 1. Hubungan Luar Negeri adalah setiap kegiatan yang menyangkut "
       "aspek regional dan internasional yang dilakukan oleh Pemerintah.",
       "Presiden menetapkan kebijakan masalah pengungsi dari luar negeri dengan memperhatikan pertimbangan Menteri.",
       "Disahkan di Jakarta pada tanggal 14 September 1999. PRESIDEN REPUBLIK INDONESIA, ttd. BACHARUDDIN JUSUF HABIBIE."]


def test_a_named_statute_is_searched_with_what_is_asked_of_it(engine):
    """"Kapan UU Nomor 37 Tahun 1999 tentang Hubungan Luar Negeri disahkan …?": the law's name matches its heading
    and its definitions best; what is asked of the law ("Kapan undang-undang ini disahkan?") finds its signing."""
    embedder = engine.retriever.embedder  # the real multilingual-e5-small
    chunks = [Chunk(str(i), "UU No. 37 Tahun 1999", "uu-37-1999.txt", 1, str(i), f"Pasal {i + 1}", t, [Sentence(t, [])])
              for i, t in enumerate(LAW)]
    meta = {"dim": 384, "embedder": embedder.id,
            "documents": {"uu-37-1999.txt": {"title": "UU No. 37 Tahun 1999", "kind": "statute", "number": "37",
                                             "year": "1999"}}}
    vectors = embedder.embed_passages(LAW)
    retriever = Retriever(Index.build(chunks, vectors, LAW, vectors, meta), embedder)
    for question in ("Kapan UU Nomor 37 Tahun 1999 tentang Hubungan Luar Negeri disahkan dan oleh presiden siapa?",
                     "On what date was Law No. 37 of 1999 on Foreign Relations signed?"):
        query = retriever.query(question)
        assert query.within_vector is not None
        hits = retriever.search(query, k=4)
        assert "HABIBIE" in hits[0].chunk.text and hits[0].within, (question, [h.chunk.text[:40] for h in hits])
    # a question naming no statute is searched as it is
    assert retriever.query("Siapa presiden yang menandatangani?").within_vector is None


def test_a_statutes_passages_keep_their_standing_against_the_rest():
    """Ordered by what is asked of the statute, in the places the whole question gave its passages."""
    from assistant.search.retrieve import on_scale_of

    whole = {1: 0.90, 2: 0.80, 3: 0.85}  # (3: another document's passage, between the statute's two)
    assert on_scale_of({1: 0.70, 2: 0.84}, whole) == {2: 0.90, 1: 0.80}
