"""Retrieval ranking on a hand-made index (no model): what the fused score rewards."""
import numpy as np

from assistant.records import Chunk, Sentence
from assistant.search.index import Index
from assistant.search.query import analyse
from assistant.search.retrieve import Retriever


class _Embedder:
    id = "toy"

    def embed_queries(self, texts):
        return np.array([[1.0, 0.0, 0.0]], dtype=np.float32)


def _unit(*v):
    v = np.asarray(v, dtype=np.float32)
    return v / np.linalg.norm(v)


def _index(sentence_vectors: bool) -> Index:
    prose = ["Alpha beta gamma delta.", "Epsilon zeta eta theta.", "Iota kappa lambda mu."]
    rows = ["Nu xi omicron pi.", "Rho sigma tau upsilon.", "Phi chi psi omega."]
    other = ["Un deux trois quatre."]
    chunks = [Chunk(str(i), "doc", "doc.pdf", 1, "1", "S", " ".join(s), [Sentence(t, []) for t in s])
              for i, s in enumerate((prose, rows, other))]
    # the prose passage is closer to the question as a whole; one row of the table answers it
    passages = np.vstack([_unit(0.8, 0.6, 0), _unit(0.7, 0, 0.71), _unit(0, 0.3, 1)])
    texts = prose + rows + other
    vectors = np.vstack([_unit(0.5, 0.86, 0)] * 3 + [_unit(0.1, 0, 1), _unit(0.99, 0, 0.1), _unit(0.1, 1, 0)]
                        + [_unit(0, 0.3, 1)])
    if not sentence_vectors:  # ingest's first phase: passages only
        texts, vectors = [], np.zeros((0, 3), dtype=np.float32)
    return Index.build(chunks, passages, texts, vectors, {"dim": 3, "embedder": "toy"})


def _ranked(index: Index, sentence_weight: float) -> list[str]:
    retriever = Retriever(index, _Embedder())
    retriever.sentence_weight = sentence_weight
    query = analyse("Which row answers?", _Embedder(), language="en")
    return [h.chunk.id for h in retriever.search(query, k=3)]


def test_a_passage_whose_one_sentence_answers_outranks_a_closer_whole():
    assert _ranked(_index(True), 0.0) == ["0", "1", "2"]
    assert _ranked(_index(True), 0.5) == ["1", "0", "2"]


def test_without_sentence_vectors_the_passage_scores_stand():
    assert _ranked(_index(False), 0.5) == ["0", "1", "2"]
