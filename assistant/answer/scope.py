"""A question that asks what one document says ("Apa isi kerja sama Indonesia dan Kamboja yang diatur dalam
UU 21/2007?", "How many embassies in ASEAN states does UU 37/1999 establish?") about a name that document never
mentions is a near miss, whatever the other documents say of that name.

The document is the one picked (`--doc`, the chat's picker), else the one the question names
(search/mentions.py), else the best-ranked of the kind it points to ("menurut undang-undang ini": a statute;
"this manual": any document); the question asks what it says when it frames it as a source
(`Query.asks_source`). A name is a capitalised word or run of them, or an acronym, that the question does not
open with: not the document's own title or authors, a part ("Pasal", "Article"), a law's own name ("the
Foreign Relations Law"), a month, nor a word too common to be a keyword ("States"). It is mentioned when the
document's keywords hold each of its words, or, in a document of the other language, one of each word's
translations ("Governor" is "Gubernur"); an acronym when the document writes or spells it out ("UNTOC"), or
its translation ("PBB" is the "UN"); an English acronym the lexicon does not know is not looked for in
Indonesian text ("EMR" is written "RME").
"""
from __future__ import annotations

import re

from ..search.keywords import tokenize
from ..search.lexicon import english_words, translations, word_keys
from ..search.mentions import spells
from ..search.query import Query
from ..search.retrieve import Hit, Retriever
from .facts import months
from .framing import is_thesis

_NAME = re.compile(r"(?<!^)\b(?:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*|[A-Z]{3,}\d*)\b")
_PARTS = frozenset({"pasal", "penjelasan", "article", "bab", "ayat", "chapter", "section", "huruf", "lampiran", "annex"})
_LAW_AFTER = re.compile(r"\s*(?:law|act|convention|protocol|regulation|statute|treaty)\b", re.I)
_LAW_NOUN = re.compile(r"\b(?:law|act|convention|protocol|regulation|statute|treaty)$", re.I)


# "undang-undang ini", "this manual", "the said convention": the kind of document a question points to (None:
# any kind), which the thesis is too when the noun fits a study
_THIS = re.compile(r"\b(?:this|the\s+said)\s+([a-z-]+)|\b([a-z-]+)\s+(?:ini|tersebut)\b", re.I)
_KIND_OF_NOUN = {
    **dict.fromkeys(("law", "act", "regulation", "statute", "undang-undang", "uu", "peraturan", "perda"), "statute"),
    **dict.fromkeys(("convention", "protocol", "treaty", "konvensi", "protokol"), "treaty"),
    **dict.fromkeys(("article", "paper", "study", "research", "journal", "artikel", "penelitian", "studi", "jurnal"), "paper"),
    **dict.fromkeys(("document", "manual", "specification", "guide", "book", "report", "dokumen", "spesifikasi", "panduan",
                     "buku", "laporan"), None),
}


def asked_document(query: Query, retriever: Retriever, files: frozenset[str] | None, hits: list[Hit],
                   thesis: str) -> str | None:
    """The one document the question asks what it says: the one picked, else the one it names, else the
    best-ranked of the kind it points to ("menurut undang-undang ini": the statute whose passages answer)."""
    if not query.asks_source:
        return None
    if files is not None:
        return next(iter(files)) if len(files) == 1 else None
    named = retriever.names.named(query)
    if named:
        return named
    nouns = [(m.group(1) or m.group(2)).lower() for m in _THIS.finditer(query.text)]
    kinds = [_KIND_OF_NOUN[n] for n in nouns if n in _KIND_OF_NOUN]
    if not kinds:
        return None
    documents = retriever.index.meta.get("documents") or {}

    def fits(file: str) -> bool:
        if is_thesis(file, thesis):
            return kinds[0] in (None, "paper")
        return kinds[0] is None or (documents.get(file) or {}).get("kind") == kinds[0]

    return next((h.chunk.file for h in hits if fits(h.chunk.file)), None)


def unmentioned(query: Query, file: str, retriever: Retriever) -> list[str]:
    """The names the question asks about that `file` never mentions, in the question's order."""
    names = retriever.names
    meta = (retriever.index.meta.get("documents") or {}).get(file, {})
    title = " ".join(str(meta.get(k) or "") for k in ("title", "full_title")).casefold()
    words = names.words.get(file, set())
    across = retriever.index.language(file) != query.language
    out = []
    for match in _NAME.finditer(query.text):
        name = match.group()
        if (name.casefold() in title or name.casefold() in _PARTS or months(name) or _LAW_NOUN.search(name)
                or _LAW_AFTER.match(query.text, match.end()) or name.casefold() in names.authors.get(file, ())):
            continue
        if name.isupper():  # an acronym: written or spelled out, or in the other language, "PBB" as "UN"
            spelled = names.spelled.get(file, set())
            known = (translations(name.lower()) if query.language == "en" else english_words(name.lower())) if across else ()
            forms = [name, *(form.upper() for form in known)]
            if across and query.language == "en" and not known or any(
                    form in spelled or spells(form, names.initials.get(file, "")) or any(spells(form, run) for run in spelled)
                    for form in forms):
                continue  # (an English acronym the lexicon does not know may be written otherwise: "EMR" is "RME")
        elif not tokenize(name) or all(_held(word, words, query.language if across else None)
                                       for word in re.findall(r"[^\W\d_]+", name)):
            continue  # (a word too common to be a keyword, "States", names nothing)
        out.append(name)
    return list(dict.fromkeys(out))


def _held(word: str, words: set[str], translate_from: str | None) -> bool:
    """The document's keywords hold the word (a stopword, held anywhere), or one of its translations when
    the document is in another language than the question (`translate_from`)."""
    own = tokenize(word)
    if not own or own[0] in words:
        return True
    if translate_from == "en":
        return bool(word_keys(word.lower()).get(own[0], frozenset()) & words)
    if translate_from == "id":  # (a translation too common to be a keyword, "general", is held anywhere)
        return any(not tokenize(english) or set(tokenize(english)) & words for english in english_words(word))
    return False
