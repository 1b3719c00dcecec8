"""Language: is the question Indonesian ("id") or English ("en")?

lingua (restricted to the two languages) decides, after names and acronyms are set aside:
on short questions, Indonesian names ("Retno Marsudi") otherwise pull English questions to "id".
"""
from __future__ import annotations

import re
from functools import lru_cache

_TOKEN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d+|\S")


@lru_cache(maxsize=2)
def _detector(low_accuracy: bool = False):
    from lingua import Language, LanguageDetectorBuilder

    builder = LanguageDetectorBuilder.from_languages(Language.ENGLISH, Language.INDONESIAN)
    # low accuracy mode loads only the trigram models: ~0.05 s instead of ~1 s on a cold start
    return (builder.with_low_accuracy_mode() if low_accuracy else builder).build()


def strip_names(text: str) -> str:
    """The text without capitalised words that are not sentence-initial, acronyms and numbers."""
    kept = []
    start = True
    for tok in _TOKEN.findall(text):
        if tok in ".?!":
            start = True
            kept.append(tok)
            continue
        is_word = tok[0].isalpha()
        if is_word and not start and (tok[0].isupper() or tok.isupper()):
            continue
        if tok.isdigit():
            continue
        if is_word:
            start = False
        kept.append(tok)
    return " ".join(kept)


def detect_language(text: str, loan_terms: frozenset[str] = frozenset()) -> str:
    """"id" or "en" for a question; Indonesian when the evidence is even. `loan_terms` are
    foreign terms the corpus itself uses inside Indonesian text ("human trafficking"): they
    say nothing about the question's language and are set aside too."""
    from lingua import Language

    for term in sorted(loan_terms, key=len, reverse=True):
        if term in text.lower():
            text = re.sub(re.escape(term), " ", text, flags=re.I)
    core = strip_names(text)
    probe = core if len(core.split()) >= 2 else text
    # the fast detector decides when it is sure; otherwise the full models load and decide
    for low in (True, False):
        values = {c.language: c.value for c in _detector(low).compute_language_confidence_values(probe)}
        en = values.get(Language.ENGLISH, 0.0)
        if low and 0.05 < en < 0.95:
            continue
        return "en" if en > values.get(Language.INDONESIAN, 0.0) else "id"
    return "id"
