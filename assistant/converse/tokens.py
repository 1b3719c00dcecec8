"""Tokens of a question with their places, and the word tests the follow-up rules share."""
from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from ..search.keywords import is_root, stem, stopwords, tokenize
from ..search.lexicon import english_lemma
from .words import AUXILIARIES, CLOSED, FILLERS, QUESTION_WORDS

_VERB_PREFIX = re.compile(r"^(?:me|di|be|ter)[a-z]{3,}")
_TOKEN = re.compile(r"[^\W_]+(?:[-'’/&][^\W_]+)*|[^\w\s]")
_ENDS = frozenset(".?!:;")


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    first: bool  # opens a sentence (its capital says nothing)

    @property
    def low(self) -> str:
        return self.text.lower()

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()


def tokens(text: str) -> list[Token]:
    """Words and punctuation marks of `text`, each with its span."""
    out: list[Token] = []
    first = True
    for m in _TOKEN.finditer(text):
        word = m.group()
        out.append(Token(word, m.start(), m.end(), first and word[0].isalnum()))
        if word in _ENDS:
            first = True
        elif word[0].isalnum():
            first = False
    return out


def is_content(token: Token) -> bool:
    """A word that carries meaning: no stopword, question word, auxiliary or number."""
    low = token.low
    return (token.is_word and not low.isdigit() and low not in stopwords() and low not in QUESTION_WORDS
            and low not in AUXILIARIES and low not in FILLERS)


def is_open(token: Token) -> bool:
    """A word of an open class (noun, verb, adjective …): no function word of the follow-up rules
    (stopword lists hold open words too: "research", "type", "year")."""
    return token.is_word and not token.low.isdigit() and token.low not in CLOSED


def is_anchor(token: Token) -> bool:
    """A word that names what a question is about on its own: a name or acronym (capitalised where
    no sentence starts), a year or another number."""
    text = token.text
    if not token.is_word or text in ("I", "&"):
        return False
    if text[0].isdigit():
        return True
    if text.lower() in stopwords() or text.lower() in QUESTION_WORDS:
        return False
    return (text[0].isupper() and not token.first) or (len(text) >= 2 and text.isupper())


def is_verb(token: Token) -> bool:
    """An Indonesian verb by its affix ("dijebak", "mendefinisikan", "bekerja"): a me-/di-/ber-/ter- word
    whose stem, a known root, is shorter, or an unknown word with a verb's prefix and suffix
    ("ditandatangani": the stemmer's dictionary lacks its root). (English verbs have no such mark.)"""
    low = token.low
    if not _VERB_PREFIX.match(low):
        return False
    root = stem(low)
    if root == low:
        return low.startswith(("di", "me")) and low.endswith(("i", "kan")) and not is_root(low)
    return len(root) <= len(low) - 2 and not low.startswith(root)


_IRREGULAR_PARTICIPLES = frozenset({"held", "made", "built", "written", "taken", "given", "done", "begun", "drawn",
                                    "known", "seen", "chosen", "led", "sent", "brought", "won", "kept", "met", "paid",
                                    "sold", "told", "laid", "struck"})
_NOT_PARTICIPLES = frozenset({"hatred", "hundred", "kindred", "sacred", "naked", "wicked", "rugged", "ragged",
                              "beloved", "learned", "aged"})


def is_participle(token: Token) -> bool:
    """An English past participle by its form ("established", "signed", "held"): the verb of a passive
    question ("When was ACTIP established?"), not part of what it asks about."""
    low = token.low
    return token.is_word and token.text.islower() and low not in _NOT_PARTICIPLES and (
        low in _IRREGULAR_PARTICIPLES or (len(low) > 3 and low.endswith("ed") and not low.endswith("eed")))


@lru_cache(maxsize=20_000)
def _keys(word: str) -> frozenset[str]:
    word = word.lower()
    return frozenset({*tokenize(word), english_lemma(word)}) - {""}


def same_word(a: str, b: str) -> bool:
    """`a` and `b` are forms of one word: one stem or lemma ("bertemu"/"pertemuan", "meet"/"meeting"),
    or one long stretch of letters under different affixes ("menandatangani"/"ditandatangani")."""
    a, b = a.lower(), b.lower()
    if a == b or _keys(a) & _keys(b):
        return True
    if min(len(a), len(b)) < 6:
        return False
    size = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b)).size
    return size >= max(6, 0.7 * min(len(a), len(b)))
