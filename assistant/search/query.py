"""Query: one question (or claim), analysed once.

`analyse` reads the text once into a `Query`: its language, keyword tokens, cross-lingual keys, the
cited works it names, the years and kinds of answer it asks about, and its embedding. Retrieval,
answering, abstaining and find-a-citation all read the `Query`; none of them parses the text again.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import numpy as np

from ..citations import without_citations
from .embed import Embedder
from .keywords import tokenize
from .language import detect_language
from .legal import (Part, as_this_law, asked_parts, asks_enactment, asks_explanation, named_statutes,
                    names_elucidation, without_references, without_statutes)
from .colloquial import standard
from .definition import defined_terms
from .lexicon import english_gloss, expansion_of, gloss, word_keys

YEAR = re.compile(r"\b(?:1[89]|20)\d{2}\b")
_SELF_REFERENCE = re.compile(r"\b(thesis|tesis|skripsi|the author|penulis|this (research|study)|the research|penelitian ini)\b", re.I)
# what a document says, asked of it: "menurut UU …", "according to Purwanti's study", "diatur/dicatat dalam
# UNTOC", "under the 2007 law", "in this study", "dalam perda ini", "UU 18/2017 sets …", "UNTOC itself prescribes";
# not a document a question is about ("When did Indonesia ratify the UNTOC?", "Did Indonesia sign this protocol?")
DOCUMENT_NOUN = (r"(?:law|act|convention|protocol|regulation|statute|treaty|article|paper|study|research|report|text|manual"
                  r"|guide|specification|document|book|journal|thesis|undang-undang|uu|konvensi|protokol|perda|peraturan|artikel"
                  r"|penelitian|studi|laporan|teks|panduan|spesifikasi|dokumen|buku|jurnal|tesis|skripsi)")
_NAMED_DOCUMENT = rf"(?:{DOCUMENT_NOUN}|(?-i:[A-Z]{{3,}}))"  # … or by its acronym
_THIS_DOCUMENT = re.compile(rf"\bthis\s+{DOCUMENT_NOUN}\b|\b{DOCUMENT_NOUN}\s+(?:ini|tersebut)\b", re.I)
_WORDS_BEFORE = r"(?:the\s+|this\s+|its\s+)?(?:[\w/.'’-]+\s+){0,3}?"
_SOURCE = re.compile(
    rf"\b(?:menurut|according\s+to|berdasarkan|(?:diatur|dicatat|disebut|dimuat|tercantum)\s+(?:dalam|oleh|di))\s+"
    rf"{_WORDS_BEFORE}{_NAMED_DOCUMENT}\b"
    rf"|\bunder\s+{_WORDS_BEFORE}(?:law|act|regulation|statute|convention|protocol|treaty|uu|article)\b"
    rf"|\b(?:in|of|from|by)\s+this\s+{DOCUMENT_NOUN}\b|\b(?:dalam|pada|di|oleh)\s+{DOCUMENT_NOUN}\s+(?:ini|tersebut)\b"
    rf"|\b{_NAMED_DOCUMENT}\s+(?:[\w/.-]+\s+){{0,3}}?(?:itself\s+)?(?:sets?|establish(?:es)?|deals?|prescribes?|requires?"
    r"|imposes?|says?|states?|names?)\b",
    re.I)
# the work itself, not its author: with no document named, the thesis
HOME = re.compile(r"\b(thesis|tesis|skripsi)\b", re.I)  # ("penelitian ini" may be any paper's own study)
_CAPITALISED = re.compile(r"[A-Z][\w'’\-]+")
_ACRONYM = re.compile(r"\b[A-Z]{3,}\b")
# People a question may ask the name of ("the victim's name", "nama korban").
_PERSON_NOUNS = ("victims?|persons?|people|officials?|leaders?|man|men|woman|women|girls?|boys?|recruiters?|perpetrators?"
                 "|suspects?|defendants?|witness(?:es)?|ministers?|chiefs?|heads?|authors?|agents?|officers?|judges?"
                 "|korban|pelaku|pejabat|ketua|kepala|menteri|saksi|terdakwa|perekrut|tokoh|hakim")
# The kinds of answer a question asks for (the answerer knows how a sentence that holds each looks).
ASKS = {
    "list": re.compile(r"\b(apa saja|siapa saja|mana saja|which (forms|types|factors|countries|kinds)|what (forms|types|factors|kinds)|list|bentuk|faktor|jenis)\b", re.I),
    "number": re.compile(r"\b(how many|how much|berapa|jumlah|number of)\b", re.I),
    # a count asked for in so many words (not "berapa lama", nor "the number of" inside a question)
    "count": re.compile(r"\b(how many|how much|berapa(?!\s+lama\b))\b|\b(?:what|which)\s+(?:is|was|are|were)\s+the\s+(?:\w+\s+)?"
                       r"number\s+of\b|\bnumeric(?:al)?\s+value\b|\bnilai\s+numerik\b", re.I),
    # ("when" asking, not joining a clause: "When did …", "where and when was it formed", "when may one of them …";
    # not "How much is the penalty increased when trafficking … is committed", "… when it was implemented")
    "date": re.compile(r"\b(kapan|tanggal|what date|(?:what|which) years?|tahun berapa)\b"
                       r"|\bwhen(?=\s+(?:did|does|do|was|were|is|are|will|would|can|could|may|might|should|shall|has|have"
                       r"|had|exactly|precisely|approximately|roughly)\b)|^\W*(?:(?:and|so|then|but|ok|okay)\W+)?when\b", re.I),
    # a day and month asked, which a year alone does not give
    "day": re.compile(r"\b(?:tanggal\s+(?:berapa|apa|dan\s+bulan\s+(?:berapa|apa)|(?:persis|tepat|pasti)(?:nya)?)"
                      r"|(?:what|which)\s+date|(?:exact|precise)\s+date)\b", re.I),
    # a year asked in so many words ("tahun berapa", "in what year"), which a quote without one does not give
    "year": re.compile(r"\btahun\s+(?:berapa|apa|kapan)\b|\b(?:what|which)\s+years?\b", re.I),
    # a month asked ("pada bulan apa", "bulan dan tahun berapa", "in which month")
    "month": re.compile(r"\bbulan\s+(?:apa|berapa|dan\s+tahun\s+(?:apa|berapa))\b|\b(?:what|which)\s+month\b", re.I),
    # (as a question word: first in its sentence or clause, or after a preposition, "to whom"; not the relative
    # pronoun, "a trafficking victim who is outside Indonesia")
    "person": re.compile(r"(?:^|[.!?,;:(]\s*|\b(?:and|or|but|so|then|about|to|by|with|for|from|of)\s+)"
                         r"\W*(?:who|whom|whose)\b|\bsiapa\b", re.I),
    # a person's name asked: "siapa nama …", "nama … siapa", "whose name", the name of a person ("What was the
    # victim's name?", "the name of the official"), or who led an event ("who headed the delegation"; "who leads
    # the task force" asks for an office, which a statute names); not the name of a package, a law or a place
    "name": re.compile(r"\bsiapa\s+nama\b|\bnama\b[^?]{0,40}\bsiapa\b|\bwhose\s+name\b"
                      rf"|\b(?:{_PERSON_NOUNS})['’]s?\s+(?:\([^)]*\)\s+)?names?\b|\bnames?\s+of\s+(?:the\s+|that\s+|this\s+)?"
                      rf"(?:{_PERSON_NOUNS})\b|\bnama\s+(?:{_PERSON_NOUNS})\b"
                      r"|\bwho\s+(?:headed|led|chaired)\b|\bsiapa\s+(?:yang\s+)?(?:memimpin|mengetuai)\b"
                      r"|\bwho\b[^?]*\bnamed\b",  # "Who is the head of … named in this article?"
                      re.I),
    # a place named: "which countries", "negara mana saja", "kota apa", "what province"
    "place": re.compile(r"\b(?:which|what)\s+(?:(?!(?:do|does|did|is|are|was|were|have|has|had)\b)\w+\s+){0,2}?"
                       r"(?:countr(?:y|ies)|cit(?:y|ies)|provinces?|regions?|nations?|member\s+states)\b(?!['’-])"
                       r"|\b(?:negara|kota|provinsi|wilayah|kawasan|daerah)(?:-\w+)?\s+(?:mana|apa)\b(?!\s*pun)", re.I),
    "law": re.compile(r"\b(which|what) (\w+ )?(laws?|act|regulations?|statutes?)\b|\blegal basis\b|\bdasar hukum\b"
                     r"|\b(undang-undang|uu|peraturan|regulasi)\s+(apa|mana|nomor berapa)\b", re.I),
    # a value a quote shows by its form: a penalty ("ancaman pidana", "prison sentence"), an amount of money
    # ("in rupiah", "berapa gaji"), an average ("rata-rata", "the average age"), a share ("berapa persen",
    # "what percentage", "response rate")
    "penalty": re.compile(r"\b(?:ancaman\s+pidana|sanksi|hukuman|pidana\s+(?:penjara|denda|tambahan|mati)|penalt(?:y|ies)"
                         r"|prison|imprisonment|punishments?|sanctions?)\b", re.I),
    "money": re.compile(r"\b(?:rupiah|dollars?|USD)\b|\b(?:berapa|how\s+much)\b[^?]{0,40}\b(?:gaji|upah|biaya|anggaran|dana|uang"
                       r"|denda|harga|wages?|salar(?:y|ies)|costs?|fees?|fines?|prices?|budget|funds?|money)\b"
                       r"|\b(?:what|which)\s+(?:is|was|are|were)\s+the\s+(?:\w+\s+){0,3}?(?:wages?|salar(?:y|ies))\b", re.I),
    "average": re.compile(r"\b(?:rata-rata|average|the\s+mean)\b", re.I),
    # (a rate as a noun, "the response rate"; not the verb, "how does the author rate …", nor an exchange rate)
    "share": re.compile(r"\b(?:berapa\s+persen|persentase|percentage|(?:what|which)\s+(?:share|proportion)|pangsa)\b"
                       r"|\b(?:the|a|its|their)\s+(?!exchange\b)(?:[\w-]+\s+){0,2}?rates?\b(?!\s+(?:the|it|them|this|that)\b)", re.I),
    # a file ("which configuration file", "berkas apa"), not a file system ("sistem berkas apa")
    "file": re.compile(r"\b(which|what)\s+(\w+[\s-])?files?\b(?!\s*systems?)"
                       r"|(?<!sistem\s)\b(berkas|file)\s+(\w+\s+)?(apa|mana)\b", re.I),
}


# Ordinals one to ten, counted from 0 by their place ("the last" apart); converse/words.py reads them too.
ORDINALS_ID = ("pertama", "kedua", "ketiga", "keempat", "kelima", "keenam", "ketujuh", "kedelapan", "kesembilan",
                "kesepuluh")
ORDINALS_EN = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
_ITEM_ASKED = re.compile(
    # "the third (one)", "the last factor"; not "the first time", "the last year", "the last few", "the first two"
    rf"\b(?:the|its|their)\s+({'|'.join(ORDINALS_EN)}|last)\b(?!\s+(?:time|times|years?|days?|weeks?|months?|few|"
    r"several|couple|one\s+or|of\s+all|two|three|four|five|\d+)\b)"
    # "faktor ketujuh", "yang kedua", "poin terakhir" ending their phrase; not "kedua manfaat" (both), "ketiga
    # faktor" (all three), "kedua negara", "tahun pertama", "pertama kali", "pertama-tama", "Perang Dunia Kedua"
    rf"|\b(?!(?:di|ke|dari|dengan|dan|atau|pada|untuk|tahun|kali)\s)[^\W\d_]+\s+({'|'.join(ORDINALS_ID)}|terakhir)\b"
    r"(?![-\w])(?=\s*(?:$|[?.!,;:)]|(?:apa|siapa|kapan|mana|bagaimana|gimana|berapa|mengapa|kenapa|yang|yg|adalah|"
    r"ialah|itu|ini|tersebut|tadi|dari|dalam|di|pada|menurut|dan|sih|ya|dong|bunyinya|isinya)\b))", re.I)


def item_asked(text: str) -> int | None:
    """The list item a question asks for, counted from 0 (-1: the last), if it asks for one."""
    first = len(text) - len(text.lstrip(" \t\"'“(¿¡-–—"))
    match = next((m for m in _ITEM_ASKED.finditer(text)  # (not a capitalised name: "Perang Dunia Kedua")
                  if not ((m.group(2) or "x")[0].isupper() and m.group()[0].isupper() and m.start() > first)), None)
    if not match:
        return None
    word = (match.group(1) or match.group(2)).lower()
    if word in ("last", "terakhir"):
        return -1
    return (ORDINALS_EN.index(word) if word in ORDINALS_EN else ORDINALS_ID.index(word))


# a count asked besides ("berapa persen korban tahun berapa?"): "berapa" that is no year's, day's or month's
_COUNT_IN_WORDS = re.compile(r"\b(?:how\s+many|how\s+much|jumlah|number\s+of|(?<!tahun\s)(?<!bulan\s)(?<!tanggal\s)"
                             r"(?<!sampai\s)(?<!hingga\s)(?<!nomor\s)(?<!pasal\s)(?<!ayat\s)(?<!bab\s)"
                             r"berapa(?!\s+lama))\b", re.I)
# whose words a text quotes is asked, not what they mean ("Whose definition of X …?", "Menurut siapa …")
_WHOSE_WORDS = re.compile(r"\bwhose\b|\baccording\s+to\s+whom\b|\bmenurut\s+siapa\b", re.I)
# a number that names, not counts: "Peraturan Pemerintah nomor berapa", "Pasal berapa"
_IDENTIFIER_ASKED = re.compile(r"\b(?:nomor|pasal|ayat|bab)\s+berapa\b", re.I)


# A request for a source put before the claim ("Find a citation for the claim that …", "Carikan sumber
# untuk pernyataan bahwa …"): it says what to do with the claim, not what the claim is about, so the
# search reads the claim alone (its words would otherwise weigh as keywords: "citation", "klaim").
_SOURCE_REQUEST = re.compile(
    r"^\W*(?:please\s+|tolong\s+|mohon\s+)?"
    r"(?:(?:find|give|show|suggest|name|cite)(?:\s+me)?\s+(?:an?\s+|the\s+|some\s+)?"
    r"(?:citations?|sources?|references?|works?|evidence)\s+(?:for|to\s+cite\s+for|that\s+supports?|supporting|behind)"
    r"|(?:what|which)\s+(?:citations?|sources?|references?|works?)\s+(?:supports?|backs?(?:\s+up)?|is\s+cited\s+for)"
    r"|(?:cari(?:kan)?|berikan|beri|tunjukkan|sebutkan)\s+(?:sebuah\s+)?(?:sumber|rujukan|referensi|kutipan|sitasi)"
    r"\s+(?:yang\s+mendukung|untuk|bagi|atas)"
    r"|(?:apa|mana)\s+(?:sumber|rujukan|referensi|kutipan|sitasi)\s+(?:yang\s+)?(?:mendukung|untuk))"
    # then the claim, after a colon or "(the claim) that" / "(pernyataan) bahwa": "Sebutkan sumber hukum …"
    # (a legal source) or "Name the works for which …" ask something else
    r"(?:\s*:\s*|\s+(?:(?:the|this)\s+)?(?:(?:claim|statement|assertion|idea|sentence|klaim|pernyataan|gagasan|kalimat)\s+)?"
    r"(?:that|bahwa)\s+)", re.I)


def claim_of(text: str) -> str:
    """The claim a request for a source is about ("Find a citation for the claim that X." → "X."); the
    text itself when it is no such request (or nothing of at least three words is left)."""
    match = _SOURCE_REQUEST.match(text)
    claim = text[match.end():] if match else text
    return claim[:1].upper() + claim[1:] if match and len(claim.split()) >= 3 else text


@dataclass(frozen=True)
class Query:
    """A question as every stage reads it."""

    text: str
    language: str  # "id" | "en"
    tokens: tuple[str, ...]  # keyword tokens (stemmed, cognate keys), in order, for BM25
    exact: frozenset[str]  # stemmed tokens without cognate folding, for coverage checks
    keys: dict[str, frozenset[str]]  # English question: each token's own key and its translations' keys
    expansion: tuple[str, ...]  # the translation keys an English question adds to its tokens
    named: frozenset[str]  # surnames of cited works the question names ("according to Rudy")
    about: frozenset[str]  # its tokens without the named works, statutes and Pasal: what it asks about
    years: tuple[str, ...]  # years it asks about, citations aside
    asks: tuple[str, ...]  # kinds of answer it asks for: list, number, date, day, month, person, …
    acronyms: frozenset[str]
    refers_to_document: bool  # "the thesis", "penelitian ini"
    # its tokens and the keys of its English words' translations, in either language ("human trafficking"
    # in an Indonesian question): what a sentence that addresses it shares with it (the guard's check)
    topic: frozenset[str]
    vector: np.ndarray = field(compare=False, repr=False)
    search_vector: np.ndarray | None = field(default=None, compare=False, repr=False)  # passages are searched with it
    # an Indonesian question's vector with its English gloss, for the passages of English documents
    english_vector: np.ndarray | None = field(default=None, compare=False, repr=False)
    # the question with the statutes it names said as "this law" (another document it names as "this study",
    # "konvensi ini"): the passages of those statutes are searched with it, since they all share the statute's
    # name ("Kapan UU 37/1999 disahkan?" → "Kapan undang-undang ini disahkan?")
    within_vector: np.ndarray | None = field(default=None, compare=False, repr=False)
    parts: tuple[Part, ...] = ()  # the Pasal/Article (ayat, huruf) it names
    statutes: tuple[tuple[str, str], ...] = ()  # the statutes it names, as (number, year)
    explanation: bool = False  # it asks about a Penjelasan
    elucidation: bool = False  # … in words only law uses ("the general elucidation"): any statute's, if none is named
    enactment: bool = False  # it asks when, where or by whom a law was enacted, or its gazette (its closing block)
    asks_home: bool = False  # "the thesis", "skripsi ini": the thesis, unless a document is named
    # the words naming the document asked ("menurut manual ini", "according to this paper"): they tell which
    # document, and nothing among its own passages
    itself: frozenset[str] = frozenset()
    asks_source: str = ""  # the words asking what a document says: "menurut UU …", "according to the article", "does the law set"
    meaning_of: tuple[str, ...] = ()  # the term whose meaning it asks ("apa yang dimaksud dengan X"), and its translation
    typed: str = ""  # a follow-up as typed, when `text` is the standalone question it was rewritten into
    own: frozenset[str] = frozenset()  # … the tokens of the words it says itself (not those it took from the chat)
    # … the turn it asks past ("siapa lagi?", "what else?"), standalone and analysed: not answered again
    past: Query | None = field(default=None, compare=False, repr=False)
    # … asked past by a word of contrast alone ("actually"): the sentence that answered the turn may answer too
    past_may_answer: bool = False
    # … the embedding of what was typed alone ("And unemployment?"): the sentence that answers it is close to it
    typed_vector: np.ndarray | None = field(default=None, compare=False, repr=False)
    item: int | None = None  # the item of a list it asks for ("faktor ketujuh": 6; "yang terakhir": -1)

    @property
    def is_english(self) -> bool:
        return self.language == "en"


def _with_translation(terms: tuple[str, ...], language: str,
                      english: Callable[[str], float] | None) -> tuple[str, ...]:
    """The defined terms and, for a one-word term, its word in the passages' other language ("anak" →
    "child" where English documents are indexed; "child" → "anak")."""
    words = [t for t in terms if len(t.split()) == 1]
    if language == "en":
        translated = [gloss(t) for t in words]
    else:
        translated = [english_gloss(t, english) for t in words] if english is not None else []
    return tuple(dict.fromkeys(list(terms) + [t for t in translated if t]))


def _summed(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The normalised sum of two unit vectors (a question and its gloss)."""
    both = a + b
    return (both / max(float(np.linalg.norm(both)), 1e-12)).astype(np.float32)


def analyse(text: str, embedder: Embedder | None, surnames: frozenset[str] | set[str] = frozenset(),
            loan_terms: frozenset[str] = frozenset(), language: str | None = None,
            vector: np.ndarray | None = None, english: Callable[[str], float] | None = None,
            said_of_named: Callable[[Query], str | None] | None = None) -> Query:
    """The `Query` of `text`. `surnames` are the cited authors of the index (lower case),
    `loan_terms` the foreign terms its documents italicise (set aside for language detection);
    `vector`: the claim's query embedding when it was computed already (`claim_of(text)`, e.g. in a batch);
    without either, its vector is empty (the guard alone needs none). `english`: when the index holds English
    documents, how many passages use an English word; an Indonesian question then also gets `english_vector`.
    `said_of_named`: the question said of the document it names ("this study"), when it names one of the index's
    by other than a statute's number (mentions.DocumentNames)."""
    language = language or detect_language(text, loan_terms)
    claim = claim_of(text)  # what the search reads; the whole text still decides its language
    words = standard(claim) if language == "id" else claim  # its keywords: everyday words as the standard ones
    query = _analysed(text, claim, words, language, surnames, english)
    # the question's gloss in the other language, when its passages may be in that one (docs/evaluation.md):
    # an English question's Indonesian gloss for every passage, an Indonesian one's English for English ones
    glossed = gloss(claim) if language == "en" else english_gloss(words, english) \
        if language == "id" and english is not None else None
    glossed = glossed or None  # (a question of stopwords alone has no gloss)
    # (an English question's said of "this law" with its own gloss: the statutes it names are Indonesian; not a
    # question asking which law, answered by a reference to a law as it holds one: "Which law, among the legal
    # bases of UU 14/2009, …"); a document named otherwise, said as "this study"
    asks_law = bool(ASKS["law"].search(claim))
    within = as_this_law(claim, language) if not asks_law else claim
    within = within if within != claim else None
    if within is None and said_of_named is not None and not asks_law:
        within = said_of_named(query)
    within_gloss = (gloss(within) or None) if within is not None and language == "en" else None
    texts = ([claim] if vector is None else []) + [t for t in (glossed, within, within_gloss) if t is not None]
    embedded = list(embedder.embed_queries(texts)) if embedder and texts else []  # one call: cheaper than many
    if vector is None:
        vector = embedded.pop(0) if embedded else np.zeros(0, dtype=np.float32)
    search_vector, english_vector, within_vector = vector, None, None
    if embedded and glossed is not None:  # the question and its word-for-word gloss, summed
        summed = _summed(vector, embedded.pop(0))
        search_vector, english_vector = (summed, None) if language == "en" else (vector, summed)
    if embedded and within is not None:
        within_vector = embedded.pop(0)
        if embedded and within_gloss is not None:
            within_vector = _summed(within_vector, embedded.pop(0))
    return replace(query, vector=vector, search_vector=search_vector, english_vector=english_vector,
                   within_vector=within_vector)


def _analysed(text: str, claim: str, words: str, language: str, surnames: frozenset[str] | set[str],
              english: Callable[[str], float] | None) -> Query:
    """The `Query` of `text` but its embeddings."""
    tokens = tuple(tokenize(words))
    translated = word_keys(claim)
    keys = translated if language == "en" else {}
    named = frozenset({w.lower() for w in _CAPITALISED.findall(claim)} & set(surnames))
    asked = without_references(words)  # a Pasal or statute named says where to look, not what is asked
    about = set(tokenize(asked)) if asked != words else set(tokens)  # (empty when it asks only "Pasal 2?")
    if named:  # the works a question names are matched through citations; the rest of it through words
        about = about - set(tokenize(" ".join(named))) - set(YEAR.findall(text)) or about
    asks = tuple(kind for kind, pattern in ASKS.items() if pattern.search(text))
    if ({"year", "day", "month"} & set(asks) or _IDENTIFIER_ASKED.search(text)) and not _COUNT_IN_WORDS.search(text):
        asks = tuple(kind for kind in asks if kind not in ("number", "count"))  # "tahun berapa" asks no count
    return Query(
        text=text, language=language, tokens=tokens, keys=keys,
        # (what the passages should hold: not "skripsi ini", "this study", which name the document asked)
        exact=frozenset(tokenize(_SELF_REFERENCE.sub(" ", words), cognates=False)),
        expansion=tuple(expansion_of(tokens, keys)), named=named, about=frozenset(about),
        years=tuple(dict.fromkeys(YEAR.findall(without_statutes(without_citations(text))))),
        asks=asks,
        acronyms=frozenset(_ACRONYM.findall(text)), refers_to_document=bool(_SELF_REFERENCE.search(text)),
        topic=frozenset(tokens).union(*translated.values()),
        vector=np.zeros(0, dtype=np.float32),
        parts=asked_parts(claim), statutes=named_statutes(claim),
        explanation=asks_explanation(claim), elucidation=names_elucidation(claim), enactment=asks_enactment(claim),
        asks_home=bool(HOME.search(text)),
        itself=frozenset(tokenize(" ".join(m.group() for m in _THIS_DOCUMENT.finditer(claim)))),
        asks_source=source.group() if (source := _SOURCE.search(claim)) else "",
        meaning_of=() if {"date", "count", "day"} & set(asks) or _WHOSE_WORDS.search(text)
        else _with_translation(defined_terms(claim), language, english),
        item=item_asked(claim))
