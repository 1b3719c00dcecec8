"""Cross-lingual keywords: the Indonesian translations of an English question's words, and the English
words an Indonesian question's words translate (the same table read backwards, `english_gloss`).

The table is FreeDict English–Indonesian (CC BY-SA 3.0, from Wiktionary), built from Debian's
dict-freedict-eng-ind by scripts/build_lexicon.py, completed (when its file is present) by
translations reached through two or more of four pivot languages ("form" → bentuk), then by WordNet:
the first Indonesian lemma (Wordnet Bahasa) of each part of speech's most frequent sense (Princeton
WordNet 3.0; "abroad" → luar negeri; scripts/build_wordnet_lexicon.py). See assistant/data/README.md
for the sources and their licences. English words are looked up as written and
as their lemma (simplemma: "agreed" → "agree"). Keys are the index's own tokens (keywords.tokenize),
so "agree" reaches "menyetujui" → "tuju" and "law" reaches "undang-undang".
"""
from __future__ import annotations

import gzip
import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path

from .keywords import stem, tokenize

TABLE = Path(__file__).resolve().parent.parent / "data" / "lexicon_en_id.tsv.gz"
PIVOT_TABLE = TABLE.with_name("lexicon_pivot_en_id.tsv.gz")
WORDNET_TABLE = TABLE.with_name("lexicon_wordnet_en_id.tsv.gz")
_DERIVED = ("ment", "ion", "ation", "al", "ance", "ence")
_ENGLISH_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")


def _read(path: Path) -> dict[str, tuple[str, ...]]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return {w: tuple(ts.split("|")) for w, ts in (line.rstrip("\n").split("\t") for line in f)}


@lru_cache(maxsize=1)
def _shipped() -> tuple[tuple[dict[str, tuple[str, ...]], ...], tuple[dict[str, tuple[str, ...]], ...]]:
    """The dictionaries (eng-ind's table, then the pivot table when it is shipped) and the WordNet table
    (when it is), each read once (each optional table: see data/README.md)."""
    dictionaries = (_read(TABLE),) + ((_read(PIVOT_TABLE),) if PIVOT_TABLE.exists() else ())
    return dictionaries, (_read(WORDNET_TABLE),) if WORDNET_TABLE.exists() else ()


def _tables(wordnet: bool = True) -> tuple[dict[str, tuple[str, ...]], ...]:
    """eng-ind's table, then the pivot table and (`wordnet`) the WordNet table, those shipped."""
    dictionaries, wordnet_table = _shipped()
    return dictionaries + wordnet_table if wordnet else dictionaries


@lru_cache(maxsize=200_000)
def english_lemma(word: str) -> str:
    """The English word's lemma (simplemma: "hashes" → "hash", "running" → "run")."""
    import simplemma

    return simplemma.lemmatize(word, lang="en")


@lru_cache(maxsize=50_000)
def translations(word: str, wordnet: bool = True) -> tuple[str, ...]:
    """Indonesian translations of one English word (empty when the tables have none): eng-ind's
    for the word as written or its lemma, then the other tables' for the lemma. Without `wordnet`,
    the dictionaries' alone (what find-a-citation counts as a claim's words: a sense WordNet ranks
    first may not be the claim's)."""
    word = word.lower()
    lemma = english_lemma(word)
    found: list[str] = []
    for table, forms in zip(_tables(wordnet), ((word, lemma), (lemma, word), (lemma, word))):
        found += [t for t in next((table[f] for f in forms if f in table), ()) if t not in found]
        for suffix in _DERIVED:  # Indonesian affixes a root the way English suffixes it: agree/agreement → sepakat
            found += [t for t in table.get(lemma + suffix, ()) if t not in found]
    return tuple(found)


@lru_cache(maxsize=50_000)
def _keys(word: str, wordnet: bool = True) -> frozenset[str]:
    return frozenset(t for translation in translations(word, wordnet) for t in tokenize(translation))


def word_keys(text: str, wordnet: bool = True) -> dict[str, frozenset[str]]:
    """For each keyword of an English text, its own key and the keys of its translations:
    {"tuju", "janji", "agre"} for "agree" (`wordnet`: see `translations`)."""
    out: dict[str, frozenset[str]] = {}
    for word in _ENGLISH_WORD.findall(text):
        own = tokenize(word)
        if not own or word.isupper() or word[:1].isupper() and not text.startswith(word):
            continue  # stopwords; names and acronyms are not translated
        out[own[0]] = out.get(own[0], frozenset()) | {own[0]} | _keys(word, wordnet)
    return out


def expansion_of(tokens: Iterable[str], keys: dict[str, frozenset[str]]) -> list[str]:
    """The translation keys (`word_keys` of a text) that its `tokens` lack (for BM25)."""
    return sorted({k for found in keys.values() for k in found} - set(tokens))


BACKWARD_CHOICES = 6  # an Indonesian word is glossed as one of the first six English words it translates
_WORD_OR_NUMBER = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*|\d+")


def gloss(text: str) -> str:
    """An English question put word for word into Indonesian (each word's first translation; stopwords
    dropped, names, acronyms and numbers kept): crude, but it brings the question's meaning nearer to
    Indonesian passages for the dense search (docs/evaluation.md "Cross-lingual search")."""
    return _word_for_word(text, lambda word: next(iter(translations(word)), word))


def _word_for_word(text: str, translate: Callable[[str], str]) -> str:
    """`text` word by word through `translate`: stopwords dropped, numbers, acronyms and capitalised
    names (a sentence's first word aside) kept as written."""
    from .keywords import stopwords

    skip = stopwords()
    out: list[str] = []
    for word in _WORD_OR_NUMBER.findall(text):
        if word.lower() in skip:
            continue
        if word.isdigit() or word.isupper() or word[:1].isupper() and not text.lstrip().startswith(word):
            out.append(word)
        else:
            out.append(translate(word))
    return " ".join(out)


@lru_cache(maxsize=2)
def _backwards(wordnet: bool = True) -> dict[str, tuple[str, ...]]:
    """Each one-word Indonesian translation → the English words it translates: eng-ind's first (those
    it is the first translation of before the others), then the other tables'."""
    found: dict[str, list[tuple[int, int, str]]] = {}
    for source, table in enumerate(_tables(wordnet)):
        for english, indonesian in table.items():
            if not english.isalpha():
                continue
            for rank, word in enumerate(indonesian):
                if word.isalpha():
                    found.setdefault(word.lower(), []).append((source, rank, english))
    return {w: tuple(dict.fromkeys(e for *_, e in sorted(triples))) for w, triples in found.items()}


@lru_cache(maxsize=2)
def indonesian_words(wordnet: bool = True) -> frozenset[str]:
    """The one-word Indonesian translations the tables hold (lower case)."""
    return frozenset(_backwards(wordnet))


@lru_cache(maxsize=256)
def indonesian_word_keys(text: str, wordnet: bool = True) -> dict[str, frozenset[str]]:
    """For each keyword of an Indonesian text, its own key and the keys of the first English words it
    translates (`english_gloss`'s choices): {"reputa", "reputation"…} — what `word_keys` is for English.
    (Cached: find-a-citation asks it of one claim for each of its candidate sentences; do not change the dict.)"""
    out: dict[str, frozenset[str]] = {}
    for word in _ENGLISH_WORD.findall(text):
        own = tokenize(word)
        if not own or word.isupper() or word[:1].isupper() and not text.startswith(word):
            continue  # stopwords; names and acronyms are not translated
        out[own[0]] = out.get(own[0], frozenset()) | {own[0]} | {k for e in english_words(word, wordnet)
                                                                 for k in tokenize(e)}
    return out


def english_words(word: str, wordnet: bool = True) -> tuple[str, ...]:
    """The first English words an Indonesian word (or its root) translates (`BACKWARD_CHOICES` of them)."""
    table = _backwards(wordnet)
    return (table.get(word.lower()) or table.get(stem(word)) or ())[:BACKWARD_CHOICES]


def english_gloss(text: str, frequency: Callable[[str], float] = lambda _: 0.0) -> str:
    """An Indonesian question put word for word into English, for the dense search of English passages:
    each word (or its root) as one of the first English words it translates, the one the index's English
    passages use most for its place in the list (`frequency`: "kejahatan" is "crime" where a treaty speaks
    of crime, not "cruelty"), else the word itself; stopwords dropped, names, acronyms and numbers kept."""
    def translate(word: str) -> str:
        found = english_words(word)
        return max(found, key=lambda e: (frequency(e) / (found.index(e) + 1), -found.index(e))) if found else word

    return _word_for_word(text, translate)
