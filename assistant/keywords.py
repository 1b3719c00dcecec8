"""Keyword side of the index: BM25 (bm25s) over Indonesian-stemmed (PySastrawi), stopword-free tokens."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import bm25s
import numpy as np

_WORD = re.compile(r"[0-9]+(?:[.,][0-9]+)*|[^\W\d_]+(?:['’-][^\W\d_]+)*", re.UNICODE)


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """Indonesian and English stopwords (stopwordsiso)."""
    import stopwordsiso

    return frozenset(stopwordsiso.stopwords(["id", "en"]))


@lru_cache(maxsize=1)
def _stemmer():
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer()


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    if not word.isalpha() or len(word) <= 3:
        return word
    return _stemmer().stem(word) or word


def tokenize(text: str) -> list[str]:
    """Lower-cased, stopword-free, stemmed tokens; numbers are kept ("2022", "5.000")."""
    words = _WORD.findall(text.lower().replace("*", ""))
    stop = stopwords()
    out = []
    for word in words:
        if word in stop:
            continue
        for part in word.split("-") if "-" in word else (word,):
            if part and part not in stop:
                out.append(_stem(part))
    return out


class KeywordIndex:
    """BM25 over token lists; `scores(query)` gives one score per passage."""

    def __init__(self, retriever: bm25s.BM25, n: int):
        self._bm25 = retriever
        self.n = n

    @classmethod
    def build(cls, texts: list[str]) -> "KeywordIndex":
        retriever = bm25s.BM25()
        tokens = [tokenize(t) or ["∅"] for t in texts]
        retriever.index(tokens, show_progress=False)
        return cls(retriever, len(texts))

    def scores(self, query: str) -> np.ndarray:
        tokens = [t for t in tokenize(query) if t in self._bm25.vocab_dict]
        if not tokens or self.n == 0:
            return np.zeros(self.n, dtype=np.float32)
        return np.asarray(self._bm25.get_scores(tokens), dtype=np.float32)

    def save(self, folder: Path) -> None:
        self._bm25.save(str(folder))

    @classmethod
    def load(cls, folder: Path, n: int) -> "KeywordIndex":
        return cls(bm25s.BM25.load(str(folder)), n)
