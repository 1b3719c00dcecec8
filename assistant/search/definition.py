"""Definitions: the term a question asks the meaning of, and whether a sentence defines it.

"Apa yang dimaksud dengan “rumah aman”?", "Bagaimana UU ini mendefinisikan Organisasi Internasional?",
"What is meant by controlled delivery?", "How does Organ define OCB?" ask for the sentence that says what
the term is ("Rumah aman adalah …", "“Controlled delivery” shall mean …"), not for any sentence naming it.
"""
from __future__ import annotations

import re

from .keywords import tokenize

# the term runs to the question's end, a clause, or a phrase saying where or by whom it is defined
_SOURCE = (r"menurut|sebagaimana|oleh|according\s+to|under|as\s+(?:used|defined|quoted|stated|understood)"
           r"|(?:dalam|di\s+dalam|pada|in|within)\s+(?:the\s+|this\s+|that\s+|its\s+)?(?:\w+\s+)?"
           r"(?:ini|tersebut|itu|uu|undang-undang|pasal|ayat|bab|konvensi|protokol|peraturan|perda|penelitian|artikel"
           r"|laporan|putusan|kajian|studi|article|section|chapter|convention|protocol|law|act|regulation|study"
           r"|paper|report|research|text|document|dokumen)\b")
_END = rf"(?=\s*[?,.;:]|\s*$|\s+(?:{_SOURCE}))"
_TERM = (r"(?:(?:a|an|the)\s+)?(?:(?:the\s+)?(?:term|word|istilah|kata)\s+)?[\"“'‘*]?"
         r"(?P<term>[^\s?,.;:()\"“”'‘’*][^?,.;:()\"“”‘’*]{0,60}?)[\"”'’*]?(?:\s*\((?P<alt>[^)]{2,60})\))?")
_ASKS = [
    re.compile(r"\bwhat\s+(?:does|do|did)\s+[^?]{1,60}?\s+mean\s+by\s+" + _TERM + _END, re.I),
    re.compile(r"\b(?:(?:apa|siapa)(?:kah)?\s+(?:yang\s+)?dimaksud(?:kan)?\s+(?:dengan\s+)?"
               r"|(?:pengertian|definisi|arti(?!\s+penting)|makna)\s+(?:dari\s+)?"
               r"|mendefinisikan\s+"
               r"|(?:what\s+is|what's)\s+meant\s+by\s+"
               r"|\bdefine[sd]?\s+as\s+"
               r"|(?<!what\s)(?<!which\s)\bdefines?\s+"
               r"|(?:definition|meaning)\s+of\s+)" + _TERM + _END, re.I),
    re.compile(r"\bhow\s+(?:is|are|was|were)\s+" + _TERM + r"\s+defined\b", re.I),
    re.compile(r"\bwhat\s+does\s+" + _TERM + r"\s+mean\b", re.I),
]
_LONG_TERM = 4  # words: a longer span is cut at its first function word ("MBR untuk sektor air minum …" → MBR)
# what follows a term its definition starts with, anywhere in a sentence …
_COPULA = (r"(?:adalah|ialah|yaitu|yakni|merupakan|berarti|diartikan|didefinisikan|means?|shall\s+mean|refers?\s+to"
           r"|represents?|denotes?|is\s+defined|is\s+understood)")
# … and, when the term opens the sentence bare or with "a" (a kind, not "the victim is a 15-year-old …"),
# "is a …" or a colon ("Exploitation: …")
_OPENING_COPULA = r"(?:(?:is|are)\s+(?:a|an|the|any|one)\b|:)"


def defined_terms(question: str) -> tuple[str, ...]:
    """The term (and its translation in brackets) whose meaning the question asks; () when it asks none (or
    only a pronoun's: "What does it mean?")."""
    match = next((m for pattern in _ASKS if (m := pattern.search(question))), None)
    if not match:
        return ()
    terms = []
    for term in (match.group("term"), match.group("alt")):
        term = " ".join((term or "").split())
        if len(term.split()) > _LONG_TERM:
            words = term.split()
            cut = next((i for i, w in enumerate(words) if i and not tokenize(w)), len(words))
            term = " ".join(words[:cut])
        if term and tokenize(term) and len(term.split()) <= 6:
            terms.append(term)
    return tuple(terms)


# "… is known as kayayie", "… disebut eksploitasi": a sentence that names the term for what it describes
_NAMED_AS = (r"(?<!so-)(?:known\s+as|called|termed|referred\s+to\s+as|disebut(?:\s+dengan)?|dikenal\s+(?:sebagai|dengan)"
             r"|dinamakan|diistilahkan)")
# "This word refers to …", "Istilah ini berarti …": a sentence defining the term the one before named
_THIS_TERM = re.compile(r"^\W*(?:(?:this|that|the\s+said)\s+(?:word|term|concept|practice|phrase|notion)\s+"
                        r"(?:refers?|means?|denotes?|describes?)"
                        r"|(?:istilah|kata|konsep|praktik|praktek|frasa)\s+(?:ini|tersebut|itu)\s+"
                        r"(?:merujuk|berarti|mengacu|menggambarkan))\b", re.I)


def _name(term: str) -> str:
    """The term as a pattern: whole words, its plural too ("exclusion errors")."""
    return rf"(?<![\w-]){re.escape(term)}(?:s|es)?(?![\w-])"


def defines_after(terms: tuple[str, ...], sentence: str, previous: str) -> bool:
    """The sentence says what the term the previous sentence named is ("… is known as kayayie." | "This
    word refers to …")."""
    return bool(_THIS_TERM.match(sentence)) and any(
        re.search(rf"\b{_NAMED_AS}\s+[*_\"“']*{_name(term)}", previous, re.I) for term in terms)


def _inside_longer(term: str, before: str) -> bool:
    """A term in capitals right after another word in capitals is part of a longer one: "Pelindungan Pekerja
    Migran Indonesia adalah …" defines no "Pekerja Migran Indonesia"."""
    return term[:1].isupper() and bool(re.search(r"\b[A-Z][\w-]*\s+$", before))


def defines(terms: tuple[str, ...], sentence: str) -> bool:
    """The sentence says what one of the terms is: the term (or its plural), then (past a quote mark, a
    bracket) a copula ("X adalah", "“X” shall mean", "X, yaitu", "errors represent"; "X is a …", "X:" when
    it opens the sentence), "definisi X … adalah", "mendefinisikan X sebagai", "defines X as", or names it
    for what it describes ("… is known as X")."""
    for term in terms:
        name = _name(term)
        after = rf"[\"”'’*]?(?:\s*\([^)]{{0,60}}\))?\s*,?\s*(?:(?:which|yang)\b[^,.;]{{0,60}},\s*)?"
        copulas = re.finditer(rf"{name}{after}{_COPULA}", sentence, re.I)
        if any(not _inside_longer(term, sentence[:m.start()]) for m in copulas) or \
                re.match(rf"^\W{{0,3}}(?:\(?\w{{1,3}}[.)]\s*)?(?:(?:a|an)\s+)?[\"“'‘*]*{name}{after}{_OPENING_COPULA}",
                         sentence, re.I) or \
                re.search(rf"\b(?:definisi|pengertian|definition\s+of)\s+{name}[^.;]{{0,40}}?\b(?:adalah|ialah|is)\b",
                          sentence, re.I) or \
                re.search(rf"\b(?:mendefinisikan|defines?|defined)\s+[*_\"“]*{name}[*_\"”]*\s+(?:sebagai|as)\b", sentence, re.I) or \
                re.search(rf"\b{_NAMED_AS}\s+[*_\"“']*{name}", sentence, re.I):
            return True
    return False
