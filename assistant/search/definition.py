"""Definitions: the term a question asks the meaning of, and whether a sentence defines it.

"Apa yang dimaksud dengan “rumah aman”?", "Bagaimana UU ini mendefinisikan Organisasi Internasional?",
"What is meant by controlled delivery?", "How does Organ define OCB?" ask for the sentence that says what
the term is ("Rumah aman adalah …", "“Controlled delivery” shall mean …"), not for any sentence naming it.
"""
from __future__ import annotations

import re

# the term runs to the first word that says where or by whom, a clause, or the question's end
_END = (r"(?=\s*[?,.;:]|\s*$|\s+(?:menurut|dalam|di|pada|untuk|sebagaimana|oleh|bagi|yang|dan|serta|"
        r"according|in|under|as|by|for|and|within|from)\b)")
_TERM = r"(?:(?:a|an|the)\s+)?[\"“'‘]?(?P<term>[^\s?,.;:()\"“”'‘’][^?,.;:()\"“”]{0,60}?)[\"”'’]?(?:\s*\((?P<alt>[^)]{2,60})\))?"
_ASKS = re.compile(
    r"\b(?:(?:apa|siapa)(?:kah)?\s+(?:yang\s+)?dimaksud(?:kan)?\s+(?:dengan\s+)?"
    r"|(?:pengertian|definisi|arti(?!\s+penting)|makna)\s+(?:dari\s+)?"
    r"|mendefinisikan\s+"
    r"|(?:what\s+is|what's)\s+meant\s+by\s+"
    r"|defin(?:e|es|ed)\s+"
    r"|(?:definition|meaning)\s+of\s+(?:the\s+term\s+)?)"
    + _TERM + _END, re.I)
_WHAT_DOES = re.compile(r"\bwhat\s+does\s+" + _TERM + r"\s+mean\b", re.I)
# what follows a term its definition starts with
_COPULA = (r"(?:adalah|ialah|yaitu|yakni|merupakan|berarti|diartikan|didefinisikan|means?|shall\s+mean|refers?\s+to"
           r"|represents?|denotes?|is\s+defined|is\s+understood|(?:is|are)\s+(?:a|an|the|any|one)\b|:)")


def defined_terms(question: str) -> tuple[str, ...]:
    """The term (and its translation in brackets) whose meaning the question asks; () when it asks none."""
    match = _ASKS.search(question) or _WHAT_DOES.search(question)
    if not match:
        return ()
    terms = [t.strip() for t in (match.group("term"), match.group("alt")) if t and t.strip()]
    return tuple(t for t in terms if len(t.split()) <= 6)


# "… is known as kayayie", "… disebut eksploitasi": a sentence that names the term for what it describes
_NAMED_AS = r"(?:known\s+as|called|termed|referred\s+to\s+as|disebut(?:\s+dengan)?|dikenal\s+(?:sebagai|dengan)|dinamakan|diistilahkan)"
# "This word refers to …", "Istilah ini berarti …": a sentence defining the term the one before named
_THIS_TERM = re.compile(r"^\W*(?:(?:this|the|that)\s+(?:word|term|concept|practice|phrase|notion)\s+(?:refers?|means?|is|denotes?|describes?)"
                        r"|(?:istilah|kata|konsep|praktik|praktek|frasa)\s+(?:ini|tersebut|itu)\s+"
                        r"(?:merujuk|berarti|adalah|mengacu|merupakan|menggambarkan))\b", re.I)


def defines_after(terms: tuple[str, ...], sentence: str, previous: str) -> bool:
    """The sentence says what the term the previous sentence named is ("… is known as kayayie." | "This
    word refers to …")."""
    return bool(_THIS_TERM.match(sentence)) and any(
        re.search(rf"(?<![\w-]){re.escape(term)}(?![\w-])", previous, re.I) for term in terms)


def defines(terms: tuple[str, ...], sentence: str) -> bool:
    """The sentence says what one of the terms is: the term (or its plural), then (past a quote mark, a
    bracket) a copula ("X adalah", "“X” shall mean", "X, yaitu", "errors represent"), "definisi X … adalah", or
    "mendefinisikan X sebagai", "defines X as", or names it for what it describes ("… is known as X")."""
    for term in terms:
        name = rf"(?<![\w-]){re.escape(term)}(?:s|es)?(?![\w-])"
        if re.search(rf"{name}[\"”'’]?(?:\s*\([^)]{{0,60}}\))?\s*,?\s*{_COPULA}", sentence, re.I) or \
                re.search(rf"\b(?:definisi|pengertian|definition\s+of)\s+{name}[^.;]{{0,40}}?\b(?:adalah|ialah|is)\b",
                          sentence, re.I) or \
                re.search(rf"\b(?:mendefinisikan|defines?|defined)\s+[*_\"“]*{name}[*_\"”]*\s+(?:sebagai|as)\b", sentence, re.I) or \
                re.search(rf"\b{_NAMED_AS}\s+[*_\"“']*{name}", sentence, re.I):
            return True
    return False
