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
from ..search.lexicon import english_lemma, english_words, translations, word_keys
from ..search.mentions import CALLS_KIND, CODED_ACRONYM, THIS, spells
from ..search.query import HOME, Query
from ..search.retrieve import Hit, Retriever
from .facts import months
from .framing import is_thesis

# a capitalised word or run of them ("Komnas HAM", "L'Hoiry", "Perserikatan Bangsa-Bangsa"), or an acronym
_NAME = re.compile(r"\b(?:[A-Z](?:['’][A-Z])?[a-z]+(?:-[A-Z]?[a-z]+)*(?:\s+[A-Z](?:['’][A-Z])?[a-z]+(?:-[A-Z]?[a-z]+)*)*"
                   rf"|[A-Z]{{3,}}\d*|{CODED_ACRONYM})\b")  # (an acronym with digits: "BP2MI", "P2TP2A")
_HYPHENED_RUN = re.compile(r"\b[A-Z]{2,}(?:-[A-Z]{2,})+\b")  # acronyms hyphened together: "TF-IDF", "UN-ESCAP"
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|\n)[\W_]*")  # (a sentence's first word is capitalised anyway)
_PARTS = frozenset({"pasal", "penjelasan", "article", "articles", "bab", "ayat", "chapter", "chapters", "section",
                    "sections", "huruf", "lampiran", "annex", "bagian", "paragraf", "paragraph", "paragraphs", "part",
                    "clause", "preamble", "pembukaan"})
_LAW_AFTER = re.compile(r"\s*(?:law|act|convention|protocol|regulation|statute|treaty|charter)\b", re.I)
_LAW_NOUN = re.compile(r"\b(?:law|act|convention|protocol|regulation|statute|treaty|charter)$"
                       r"|^(?:undang-undang|konvensi|protokol|peraturan|piagam|perjanjian)\b", re.I)
_ROMAN = re.compile(r"^[IVXLC]+$")  # "BAB III"
_DAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "senin", "selasa", "rabu",
                   "kamis", "jumat", "sabtu", "minggu"})
# the kind of document "undang-undang ini", "this manual", "the said convention" points to (None: any kind), which
# the thesis is too when the noun fits a study
_KIND_OF_NOUN = {
    **CALLS_KIND,  # "this law", "artikel ini", "the said convention"
    **dict.fromkeys(("study", "research", "penelitian", "studi"), "paper"),
    **dict.fromkeys(("document", "manual", "specification", "guide", "book", "report", "text", "dokumen", "spesifikasi",
                     "panduan", "buku", "laporan", "teks"), None),
}


def asked_document(query: Query, retriever: Retriever, files: frozenset[str] | None, hits: list[Hit],
                   thesis: str) -> str | None:
    """The one document the question asks what it says: the one picked, else the one it names (or "the thesis"),
    else the best-ranked of the kind it points to ("menurut undang-undang ini": the statute whose passages answer)."""
    if not query.asks_source:
        return None
    if files is not None:
        return next(iter(files)) if len(files) == 1 else None
    named = retriever.names.named(query)
    documents = retriever.index.meta.get("documents") or {}
    kind_of = lambda file: (documents.get(file) or {}).get("kind")  # noqa: E731
    if HOME.search(query.asks_source):  # "menurut skripsi Purwanti": that paper; "menurut tesis, … TPPO": not the
        # statute "TPPO" spells, nor the thesis itself (a reader writes its names otherwise: "Menlu")
        return named if named and kind_of(named) == "paper" else None
    if named:
        return named
    kinds = [_KIND_OF_NOUN[noun] for m in THIS.finditer(query.text)
             if (noun := (m.group(1) or m.group(2)).lower()) in _KIND_OF_NOUN]
    if not kinds:
        return None

    def fits(file: str) -> bool:
        if is_thesis(file, thesis):
            return kinds[0] in (None, "paper")
        return kinds[0] is None or kind_of(file) == kinds[0]

    return next((h.chunk.file for h in hits if fits(h.chunk.file)), None)


def unmentioned(query: Query, file: str, retriever: Retriever) -> list[str]:
    """The names the question asks about that `file` never mentions, in the question's order (none for a
    question in capitals, whose every word looks like a name)."""
    if query.text.isupper():
        return []
    names = retriever.names
    meta = (retriever.index.meta.get("documents") or {}).get(file, {})
    title = " ".join(str(meta.get(k) or "") for k in ("title", "full_title")).casefold()
    words = names.words.get(file, set())
    stems = names.stems.get(file, set())
    across = retriever.index.language(file) != query.language
    starts = {m.end() for m in _SENTENCE_START.finditer(query.text)}
    out = []
    for match in _NAME.finditer(query.text):
        name = match.group()
        if match.start() in starts:  # a sentence's first word: its first word is no name, the rest may be
            name = name.partition(" ")[2]
            if not name:
                continue
        if (name.casefold() in title or name.casefold() in _PARTS or name.casefold() in _DAYS or months(name)
                or _ROMAN.match(name) or _LAW_NOUN.search(name) or _LAW_AFTER.match(query.text, match.end())
                or name.casefold() in names.authors.get(file, ())):
            continue
        if name.isupper():  # an acronym: written or spelled out, or in the other language, "PBB" as "UN"
            spelled = names.spelled.get(file, set())
            known = (translations(name.lower()) if query.language == "en" else english_words(name.lower())) if across else ()
            forms = [name, *(form.upper() for form in known)]
            # (an English acronym the lexicon does not know may be written otherwise: "EMR" is "RME"; not a code
            # with digits, "BP2MI", nor one hyphened to another, "TF-IDF", written alike in every language)
            whole = next((m.group() for m in _HYPHENED_RUN.finditer(query.text)
                          if m.start() <= match.start() < m.end()), None)  # "TF-IDF" of "IDF"
            coded = any(c.isdigit() for c in name) or whole
            if across and query.language == "en" and not known and not coded or any(
                    form in names.acronyms.get(file, ()) or spells(form, names.initials.get(file, ""))
                    or any(spells(form, run) for run in spelled)
                    for form in forms):
                continue
            name = whole or name
        elif _mentions(_looked_for(name), words, stems, across, query.language == "en"):
            continue
        out.append(name)
    return list(dict.fromkeys(out))


def _mentions(parts: list[str], words: set[str], stems: set[str], across: bool, in_english: bool) -> bool:
    """The document holds the name's words: all of them, or across languages most of them (a translation
    may miss one: "Perserikatan" of "Perserikatan Bangsa-Bangsa" is no "United")."""
    held = sum(_held(word, words, stems, across, in_english) for word in parts)
    return held == len(parts) or across and held > len(parts) / 2


def _looked_for(name: str) -> list[str]:
    """The words of a name to look for: all of one word or of words the lexicon does not know ("Phnom Penh"),
    else those it knows ("Human" of "Human Trafficking" in an Indonesian question: the loan word it does not
    know is the known one's modifier)."""
    parts = re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?", name)
    known = [w for w in parts if any(_translations(w))]
    return known if len(parts) > 1 and known else parts


def _translations(word: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """The keys of the word's Indonesian translations (as English) and its English words (as Indonesian)."""
    own = tokenize(word)
    english = word_keys(word.lower()).get(own[0], frozenset()) - {own[0]} if own else frozenset()
    return english, english_words(word)


def _held(word: str, words: set[str], stems: set[str], across: bool, in_english: bool) -> bool:
    """The document's keywords hold the word (a stopword, held anywhere; in its own language as its stem,
    an English one as its lemma, across languages as its cognate key: "Cambodia" is "Kamboja") or one of its
    translations either way
    ("Human Trafficking" in an Indonesian question is "perdagangan orang"; "Governor" is "Gubernur"); a word the
    lexicon does not know is a name written alike in both languages ("Phnom Penh", "Baidu"): held as itself."""
    own = tokenize(word, cognates=across)
    if not own or own[0] in (words if across else stems) or in_english and not across and english_lemma(own[0]) in stems:
        return True
    english, indonesian = _translations(word)
    return bool(english & words) or any(not tokenize(e) or set(tokenize(e)) & words for e in indonesian)
