"""Keyword side of the index: BM25 (bm25s) over stopword-free, Indonesian-stemmed (PySastrawi) tokens,
folded to cross-lingual cognate keys so English questions meet Indonesian text
("qualitative"/"kualitatif", "corruption"/"korupsi", "type"/"tipe")."""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import bm25s
import numpy as np

_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b(?:https?://|www\.)\S+")
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
    """Sastrawi's root of the word; where it strips a "se-" that belongs to the root
    ("disepakati", "menyepakati" → "pakat", though "sepakat" is a root too), the longer root."""
    if not word.isalpha() or len(word) <= 3:
        return word
    stem = _stemmer().stem(word) or word
    longer = "se" + stem
    if (longer in word or "ny" + longer[1:] in word) and _stemmer().delegatedStemmer.dictionary.contains(longer):
        return longer
    return stem


def stem(word: str) -> str:
    """The Indonesian root of one word (stopwords too; lower case)."""
    return _stem(word.lower())


def is_root(word: str) -> bool:
    """The word is a root in the stemmer's Indonesian dictionary."""
    return _stemmer().delegatedStemmer.dictionary.contains(word.lower())


# English derivational endings and their Indonesian loan-word forms (-tion → -si, -ity → -itas …).
_SUFFIXES = [("izations", "isasi"), ("ization", "isasi"), ("isation", "isasi"), ("ations", "asi"), ("ation", "asi"),
             ("tions", "si"), ("tion", "si"), ("sion", "si"), ("ities", "itas"), ("ity", "itas"), ("ives", "if"),
             ("ive", "if"), ("ically", "is"), ("ical", "is"), ("ics", "ik"), ("ic", "ik"), ("isms", "isme"),
             ("ism", "isme"), ("ologies", "ologi"), ("ology", "ologi"), ("graphy", "grafi"), ("ized", "isasi"),
             ("ised", "isasi"), ("ize", "isasi"), ("ise", "isasi")]
_SPELLING = [("ph", "f"), ("th", "t"), ("qu", "ku"), ("x", "ks"), ("ch", "k"), ("y", "i")]
COGNATE_LEN = 5


@lru_cache(maxsize=200_000)
def cognate(word: str) -> str:
    """A spelling key shared by an English word and its Indonesian loan form: English endings
    become Indonesian ones, c/ph/th/qu/x/y are respelled, double letters single, and the key is
    cut to COGNATE_LEN letters (conservative prefix matching)."""
    if len(word) < 4 or not word.isalpha():
        return word
    for english, indonesian in _SUFFIXES:
        if word.endswith(english) and len(word) - len(english) >= 3:
            word = word[: -len(english)] + indonesian
            break
    if word.endswith("s") and not word.endswith(("ss", "is", "us")):
        word = word[:-1]
        if len(word) < 4:  # a short word's plural keys as the word does ("days" as "day", "acts" as "act")
            return word
    for a, b in _SPELLING:
        word = word.replace(a, b)
    word = re.sub(r"c(?=[ei])", "s", word).replace("c", "k")
    return re.sub(r"(.)\1", r"\1", word)[:COGNATE_LEN]


def tokenize(text: str, cognates: bool = True) -> list[str]:
    """Lower-cased, stopword-free, stemmed tokens (as cognate keys unless `cognates` is False);
    numbers are kept ("2022", "5.000"); web and e-mail addresses are no words ("osamu@debian.org" does
    not mention Debian)."""
    words = _WORD.findall(_ADDRESS.sub(" ", text.lower().replace("*", "")))
    stop = stopwords()
    out = []
    for word in words:
        if word in stop:
            continue
        for part in word.split("-") if "-" in word else (word,):
            if part and part not in stop:
                out.append(cognate(_stem(part)) if cognates else _stem(part))
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

    def frequency(self, token: str, among: np.ndarray | None = None) -> int:
        """How many passages hold the token (of those `among` marks True, when given)."""
        column = self._bm25.vocab_dict.get(token)
        if column is None:
            return 0
        start, end = self._bm25.scores["indptr"][column:column + 2]
        rows = self._bm25.scores["indices"][start:end]
        return int(len(rows) if among is None else among[rows].sum())

    def scores(self, tokens: Iterable[str], extra: Iterable[str] = ()) -> np.ndarray:
        """BM25 score of every passage for query tokens (`tokenize`) plus `extra` ones (translations)."""
        tokens = [t for t in [*tokens, *extra] if t in self._bm25.vocab_dict]
        if not tokens or self.n == 0:
            return np.zeros(self.n, dtype=np.float32)
        return np.asarray(self._bm25.get_scores(tokens), dtype=np.float32)

    def save(self, folder: Path) -> None:
        self._bm25.save(str(folder))

    @classmethod
    def load(cls, folder: Path, n: int) -> "KeywordIndex":
        return cls(bm25s.BM25.load(str(folder)), n)
