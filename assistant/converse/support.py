"""Support: does what a follow-up asks in its own words stand in the passages found for it?

A rewritten follow-up carries its antecedent's words, which the passages hold by construction (they
answered the turn before), so the usual signs of an answerable question — the question's words in
the passages, a close sentence — say less. What the follow-up adds itself ("Siapa *presiden* yang
*mengesahkan* undang-undang itu?") must be there too, in some form (a stem, an affixed form, for an
English word a translation); else the passages only repeat the topic and the question is a near miss.
"""
from __future__ import annotations

import re

from ..search.colloquial import standard
from ..search.keywords import tokenize
from ..search.lexicon import word_keys
from ..search.mentions import singular
from .references import leaning
from .tokens import is_anchor, is_content, same_word, tokens
from .words import ASKING, DOCUMENT_NOUNS, HONORIFICS, ORDINAL_WORDS


_ITSELF = re.compile(rf"\b(?:{'|'.join(sorted(DOCUMENT_NOUNS))})\s+(?:ini|tersebut)\b|\b(?:this|the)\s+"
                     rf"(?:{'|'.join(sorted(DOCUMENT_NOUNS))})\b", re.I)


def own_words(question: str, names_only: bool = False) -> list[str]:
    """The words a follow-up says itself: those carrying meaning outside its references (a "-nya"
    word's host is its own), its back-reference and the opener of an ellipsis, not its ordinals (a text's
    list seldom says "ketujuh": "Yg ketiga?", "apa faktor ketujuh …?"), words asking how the answer is put
    (ASKING), nor how it addresses a person ("Bu Retno": HONORIFICS), nor the document's name for itself
    ("menurut tesis ini"); with `names_only`, its names and acronyms alone (what stays the same in another
    language)."""
    itself = [m.span() for m in _ITSELF.finditer(question)]  # "menurut tesis ini", "this study"
    lean = leaning(question)
    if lean is None:
        spans: list[tuple[int, int]] = []
    else:
        spans = [(r.start, r.end) for r in lean.references if r.kind != "nya"]
        if lean.back is not None:
            spans.append((lean.back.start, lean.back.end))
    return list(dict.fromkeys(t.text for t in tokens(question) if (is_anchor(t) if names_only else is_content(t)
                                                                    or is_anchor(t))
                              and not t.text[0].isdigit() and t.low not in ORDINAL_WORDS
                              and t.low not in ASKING and t.low not in HONORIFICS
                              and not any(a <= t.start < b for a, b in itself)
                              and not any(a <= t.start < b for a, b in spans)))


def own_tokens(question: str, language: str) -> frozenset[str]:
    """The keyword tokens of a follow-up's own words (an everyday Indonesian word as the standard one)."""
    return frozenset(t for word in own_words(question) for t in tokenize(standard(word) if language == "id" else word))


def unsupported(question: str, passages: list[str], names_only: bool = False, language: str = "id") -> list[str]:
    """The follow-up's own words (`names_only`: its names) that no passage holds in any form (an English
    word: nor a translation; an everyday Indonesian word: nor its standard form)."""
    words = own_words(question, names_only)
    if not words:
        return []
    text = " ".join(passages).replace("%", " persen percent ")  # a sign says the word ("60%": persen)
    held = set(tokenize(text)) | set(tokenize(text, cognates=False))
    keys = word_keys(question)
    long_words: set[str] | None = None
    missing = []
    for word in words:
        said = standard(word) if language == "id" else word  # (an everyday word as the standard one: "ketemu")
        said = singular(said)  # a name's plural ("MoUs", "NGOs"): the name
        own = set(tokenize(said)) | set(tokenize(said, cognates=False))
        if not own or said.islower() and said.endswith("nya") and not tokenize(said[:-3]):  # (not "Kenya")
            continue  # a word that asks nothing ("gimana": "bagaimana"; "kerja samanya": "sama")
        if own & held or any(keys.get(k, frozenset()) & held for k in own):
            continue
        if len(word) >= 6:  # an affixed form the stemmer does not undo ("menandatangani"/"penandatanganan")
            if long_words is None:
                long_words = {t.low for t in tokens(text) if t.is_word and len(t.text) >= 6}
            middle = word.lower()[len(word) // 2 - 2:len(word) // 2 + 2]
            if any(middle in other and same_word(word, other) for other in long_words):
                continue
        missing.append(word)
    return missing
