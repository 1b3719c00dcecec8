"""Which document a question names: by a statute's number and year ("UU 21/2007", or "the 2007 law"), by its title's
words (those few other titles share, matched across English and Indonesian: "the ASEAN trafficking
convention" names the law ratifying it), by an author's surname ("penelitian Purwanti"), or by an acronym of its title ("UNTOC" for "United Nations
Convention against Transnational Organized Crime"). A question names a document when one scores
clearly above the others; the retriever then ranks that document's passages higher.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from ..citations import name_surname
from .index import Index
from .keywords import cognate, tokenize
from .legal import LAW_ABBREVIATIONS
from .lexicon import english_lemma
from .query import DOCUMENT_NOUN, Query

CODED_ACRONYM = r"[A-Z]+(?:\d+[A-Z]+)+\d*"  # letters and digits: "BP2MI", "P2TP2A" (answer/scope.py reads names so)
_ACRONYM = re.compile(rf"\b(?:[A-Z]{{3,8}}\d*|{CODED_ACRONYM})\b")  # (with digits: "COVID19" too)
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+(?:['’][A-Za-z]+)?\b")
_SMALL = {"of", "the", "and", "in", "on", "for", "to", "a", "an", "against", "dan", "di", "ke", "dari", "yang",
          "untuk", "tentang", "pada", "dalam", "atas", "terhadap", "oleh", "with", "by"}


_LAW = re.compile(r"\b(law|act|statute|regulation|uu|undang-undang|peraturan)\b", re.I)
# "this convention", "undang-undang ini", "Protokol tersebut": a document named by its head noun
THIS = re.compile(r"\b(?:this|the said|that)\s+([A-Za-z-]+)|\b([A-Za-z-]+)\s+(?:ini|tersebut|itu)\b", re.I)
# "the Palermo Protocol", "Konvensi Wina": a treaty called by a name (the place it was signed) its own text holds
_KIND = r"Protocol|Convention|Agreement|Declaration|Statute|Treaty|Charter|Protokol|Konvensi|Persetujuan|Deklarasi|Statuta|Piagam"
_PROPER_NAME = re.compile(r"(?<=[\w,;)]\s)([A-Z][a-z]{2,})\b")  # a capitalised word inside a sentence
_TREATY_NOUNS = {"protocol": "protokol", "convention": "konvensi", "agreement": "persetujuan", "declaration": "deklarasi",
                 "treaty": "perjanjian", "charter": "piagam", "statute": "statuta"}
_KIND_NOUNS = {"paper": ("study", "penelitian"), "statute": ("law", "undang-undang"), "treaty": ("treaty", "perjanjian")}
# the nouns that call a document of one kind and never the thesis ("artikel ini", "this paper", "undang-undang ini";
# not "penelitian ini", "this study", which may be the thesis): with one document of that kind indexed, that one
CALLS_KIND = {**dict.fromkeys(("article", "paper", "journal", "artikel", "jurnal", "makalah"), "paper"),
               **dict.fromkeys(("law", "act", "statute", "regulation", "undang-undang", "uu", "perda", "peraturan"), "statute"),
               **dict.fromkeys(("treaty", "convention", "protocol", "konvensi", "protokol", "perjanjian"), "treaty")}


def _kind_nouns(kind: str, title: str) -> tuple[str, str]:
    """What a document of this kind and title is called: a treaty by its title's kind ("Protocol to Prevent …":
    protocol, protokol), a paper a study, a statute a law; anything else a document."""
    treaty = next((w.lower() for w in re.findall(r"[A-Za-z]+", title) if w.lower() in _TREATY_NOUNS), "") \
        if kind == "treaty" else ""
    return (treaty, _TREATY_NOUNS[treaty]) if treaty else _KIND_NOUNS.get(kind, ("document", "dokumen"))


_LOWER_WORD = re.compile(r"\b[a-z]{3,}\b")
# a name of several capitalised words, small words between ("United Nations Convention against Transnational
# Organized Crime"): what an acronym may spell
NAME_RUN = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:(?:of|for|and|the|on|in|against|dan|untuk|atas)\s+)*[A-Z][\w'’-]*)*")
_CALLED = re.compile(rf"(?<!^)\b([A-Z][a-z]{{2,}})\s+({_KIND})\b|\b({_KIND})\s+([A-Z][a-z]{{2,}})\b")


@dataclass
class DocumentNames:
    """The name words of each document of an index (title, full title, file name), weighted by how few
    titles share them; words most documents use in their text are topic words, not names."""

    names: dict[str, set[str]]
    initials: dict[str, str]
    idf: dict[str, float]
    statutes: dict[tuple[str, str], str]
    heads: dict[str, set[str]]  # the first words of each title: its head noun ("Protocol", "Convention")
    authors: dict[str, set[str]]  # each paper's authors' surnames, lower case ("menurut Purwanti"), but
    # those the index's documents also cite (then "Ahmad (2019)" is a cited work)
    names_in_text: dict[str, set[str]] = field(default_factory=dict)  # each document's proper names ("palermo"), but
    # the surnames of the works it cites ("penelitian Nasurdin" is another study)
    words: dict[str, set[str]] = field(default_factory=dict)  # each document's keywords (as cognate keys)
    acronyms: dict[str, set[str]] = field(default_factory=dict)  # the acronyms each document writes
    spelled: dict[str, set[str]] = field(default_factory=dict)  # the initials of its names of several words
    stems: dict[str, set[str]] = field(default_factory=dict)  # its keywords as stems ("interpol" is no "internasional")
    kind_nouns: dict[str, tuple[str, str]] = field(default_factory=dict)  # what it is called, in English and Indonesian
    kinds: dict[str, str] = field(default_factory=dict)  # each document's kind ("paper", "statute", "treaty", …)

    @classmethod
    def of(cls, index: Index) -> "DocumentNames":
        documents = index.meta.get("documents") or {}
        files = sorted({c.file for c in index.chunks})
        names, initials, heads, authors = {}, {}, {}, {}
        kind_nouns: dict[str, tuple[str, str]] = {}
        in_text: dict[str, set[str]] = {}
        proper: dict[str, set[str]] = {}  # the capitalised words of each document's text …
        in_lower_case: dict[str, set[str]] = {}  # … and the words it writes in lower case (those are no names)
        acronyms: dict[str, set[str]] = {}
        spelled: dict[str, set[str]] = {}
        stems: dict[str, set[str]] = {}
        for c in index.chunks:
            text = f"{c.section}\n{c.text}"  # (a heading, "BAB III", is the document's too)
            stemmed = {*tokenize(text, cognates=False), *tokenize(text.replace("-", " "), cognates=False)}  # ("Secretary-General")
            stems.setdefault(c.file, set()).update(stemmed)
            in_text.setdefault(c.file, set()).update(map(cognate, stemmed))  # (as `tokenize` keys them)
            acronyms.setdefault(c.file, set()).update(_ACRONYM.findall(text))
            spelled.setdefault(c.file, set()).update("".join(w[0].upper() for w in run.split())
                                                     for run in NAME_RUN.findall(text) if 2 <= len(run.split()) <= 8)
            proper.setdefault(c.file, set()).update(m.group(1).lower() for m in _PROPER_NAME.finditer(c.text))
            in_lower_case.setdefault(c.file, set()).update(_LOWER_WORD.findall(c.text))
        for f in files:  # (an English document's words as lemmas too: "carriers" holds "Carrier")
            if index.language(f) == "en":
                stems[f] = stems.get(f, set()) | {english_lemma(t) for t in stems.get(f, ())}
            meta = documents.get(f, {})
            title = " ".join(str(meta.get(k) or "") for k in ("title", "full_title"))
            names[f] = {t for t in tokenize(title) if not t[:1].isdigit()}  # (not the file name: a user's own label)
            authors[f] = {name_surname(a).lower() for a in meta.get("authors") or []} - {""} \
                if meta.get("kind") == "paper" else set()
            kind_nouns[f] = _kind_nouns(meta.get("kind") or "", title)
            heads[f] = {t for k in ("title", "full_title") for t in tokenize(" ".join(str(meta.get(k) or "").split()[:3]))}
            words = [w for w in re.findall(r"[^\W\d_]+", str(meta.get("full_title") or meta.get("title") or ""))]
            if "tentang" in (lowered := [w.lower() for w in words]):  # a regulation's subject: what its acronym
                words = words[lowered.index("tentang") + 1:]  # spells ("TPPO"), not "Undang-Undang Republik …"
            initials[f] = "".join(w[0].upper() for w in words)
        n = len(files)
        df: dict[str, int] = {}
        for tokens in names.values():
            for t in tokens:
                df[t] = df.get(t, 0) + 1
        common = {t for t in df if sum(t in words for words in in_text.values()) > 0.5 * n}
        idf = {t: 0.0 if t in common else math.log((n + 1) / (d + 0.5)) for t, d in df.items()}
        cited = index.cited_surnames  # "Ahmad, 2019"
        return cls(names, initials, idf, index.statutes, heads, {f: a - cited for f, a in authors.items()},
                   {f: proper.get(f, set()) - in_lower_case.get(f, set()) - cited for f in files}, in_text, acronyms, spelled, stems,
                   kind_nouns, {f: str(documents.get(f, {}).get("kind") or "") for f in files})

    def scores(self, query: Query) -> dict[str, float]:
        """Each document's name score for the question: the weights of the name words it uses, a named
        statute or a title acronym counting as a whole name."""
        out: dict[str, float] = {}
        tokens = [t for t in dict.fromkeys(query.tokens) if not t[:1].isdigit()]
        for f, names in self.names.items():
            matched = [self.idf.get(t, 0.0) for t in tokens if query.keys.get(t, frozenset({t})) & names]
            out[f] = sum(matched) if sum(1 for w in matched if w > 0) >= 2 else 0.0  # one shared word names nothing
        this = [m.group(1) or m.group(2) for m in THIS.finditer(query.text)]  # "this convention", "artikel ini"
        for word in this:
            noun = tokenize(word)
            for f, heads in self.heads.items():
                if noun and noun[0] in heads:
                    out[f] = out.get(f, 0.0) + 2.5
        for word in _kinds_called(query, this):  # "artikel ini", "according to the convention": the one of its kind
            of_kind = [f for f, kind in self.kinds.items() if kind == CALLS_KIND[word]]
            if len(of_kind) == 1:
                out[of_kind[0]] = out.get(of_kind[0], 0.0) + 2.5
        for m in _CALLED.finditer(query.text):
            name, noun = (m.group(1) or m.group(4)).lower(), tokenize(m.group(2) or m.group(3))
            called = [f for f, heads in self.heads.items()  # a proper name of its text ("Palermo", not "Optional")
                      if noun and noun[0] in heads and name in self.names_in_text.get(f, ())]
            for f in called:  # (shared by several treaties, each in part)
                out[f] = out.get(f, 0.0) + 2.5 / len(called)
        for word in dict.fromkeys(m.group().lower() for m in _CAPITALISED.finditer(query.text) if m.start() > 0):
            wrote = [f for f, names in self.authors.items() if word in names]
            for f in wrote:  # a surname names its paper (shared by several, each in part)
                out[f] = out.get(f, 0.0) + 2.5 / len(wrote)
        for statute in query.statutes:
            if statute in self.statutes:
                out[self.statutes[statute]] = out.get(self.statutes[statute], 0.0) + 10.0
        if _LAW.search(query.text):  # "the 2007 anti-trafficking law": a statute of that year
            for (_, year), f in self.statutes.items():
                if year in query.years or re.search(rf"\b{year}\b", query.text):
                    out[f] = out.get(f, 0.0) + 2.5
        for acronym in dict.fromkeys(_ACRONYM.findall(query.text)):
            # a title that spells it with fewest other words is its name; a longer title quoting that
            # one's full name ("… Supplementing the United Nations Convention …") counts in proportion
            cover = {f: len(acronym) / len(initials) for f, initials in self.initials.items() if spells(acronym, initials)}
            for f, share in cover.items():
                out[f] = out.get(f, 0.0) + 3.0 * share / max(cover.values())
        return out

    def said_of_named(self, query: Query) -> str | None:
        """The question with the words naming the document it names said as "this study", "konvensi ini": what it
        asks of that document, whose passages all share its name (retrieve.py); None when it names none, or names
        it only by words of its title that no document noun, acronym, surname or called name marks as a name
        ("information retrieval" may be the title's and the topic asked). A statute named by number is said so
        by `legal.as_this_law`."""
        file = self.named(query)
        if file is None or query.statutes:
            return None
        words = list(_WORD.finditer(query.text))
        called = {m.group(1) or m.group(4) for m in _CALLED.finditer(query.text)}
        marks = [self._marks(w.group(), file, query, called) for w in words]
        marks = [m if not (m == "noun" and re.match(r"\s+\d", query.text[w.end():])) else ""  # ("Article 3": a part)
                 for w, m in zip(words, marks)]
        out, end = [], 0
        for start, stop in _runs(query.text, words, marks):
            run = marks[start:stop]
            if any(m in _STRONG for m in run) or ("name" in run or "year" in run) and "noun" in run:
                nouns = [words[n].group() for n in range(start, stop) if marks[n] == "noun"]
                out += [query.text[end:words[start].start()], self._this(file, nouns[-1] if nouns else "", query.language)]
                end = words[stop - 1].end()
        return "".join(out + [query.text[end:]]) if out else None

    def _marks(self, word: str, file: str, query: Query, called: set[str]) -> str:
        """What a word of the question is to naming `file`: "acronym", "author", "called", "year", "name" (a word of
        its title), "noun" (a document noun), "small" (the, of, 's), or "" (none)."""
        bare = re.sub(r"['’]s$", "", word)
        if bare in called and bare.lower() in self.names_in_text.get(file, ()):
            return "called"
        if _ACRONYM.fullmatch(bare) and spells(bare, self.initials.get(file, "")):
            return "acronym"
        if bare[:1].isupper() and bare.lower() in self.authors.get(file, ()):
            return "author"
        if re.fullmatch(r"(?:1[89]|20)\d{2}", bare) and any(f == file and y == bare for (_, y), f in self.statutes.items()):
            return "year"
        if re.fullmatch(DOCUMENT_NOUN, bare, re.I):
            return "noun"
        if bare.lower() in _SMALL or bare.lower() in _ARTICLES or bare.lower() in _DEMONSTRATIVES:
            return "small"
        if bare[:1].isupper() and bare.lower() in self.names_in_text.get(file, ()):  # a proper name of its text
            return "name"
        tokens = tokenize(bare)
        if tokens and any(self.idf.get(t, 0.0) > 0 and query.keys.get(t, frozenset({t})) & self.names.get(file, set())
                          for t in tokens):
            return "name"
        return ""

    def _this(self, file: str, noun: str, language: str) -> str:
        """"this study" / "penelitian ini": the document noun the question used (spelled out: "UU" is "undang-undang"),
        or one for the document's kind."""
        noun = noun.lower()
        if noun in LAW_ABBREVIATIONS:
            noun = LAW_ABBREVIATIONS[noun] if language == "id" else ""
        noun = noun or self.kind_nouns.get(file, ("document", "dokumen"))[language == "id"]
        return f"{noun} ini" if language == "id" else f"this {noun}"

    def named(self, query: Query, least: float = 2.5, margin: float = 1.5) -> str | None:
        """The document the question names: the best name score, at least `least` and `margin` times the next."""
        ranked = sorted(self.scores(query).items(), key=lambda kv: -kv[1])
        if not ranked or ranked[0][1] < least:
            return None
        if len(ranked) > 1 and ranked[0][1] < margin * ranked[1][1]:
            return None
        return ranked[0][0]


_WORD = re.compile(r"[\w'’]+")
_STRONG = ("acronym", "author", "called")  # what names a document by itself (a year or a title's word, with a noun)
# the small words inside a document's name ("Convention against …", "UU tentang …"), not those around it ("Restitusi
# dalam perda ini")
_ARTICLES = ("the", "this", "that")  # kept before a name: "the SATUSEHAT study" is said "this study"
_DEMONSTRATIVES = ("ini", "tersebut", "itu")  # kept after one: "penelitian Purwanti ini"
_JOINING = frozenset({"of", "on", "against", "to", "for", "and", "tentang", "dan", "untuk", "terhadap", "atas",
                      *_ARTICLES, *_DEMONSTRATIVES})


def _kinds_called(query: Query, this: list[str]) -> set[str]:
    """The nouns calling a kind of document the question uses as a document (`this`: "artikel ini", "this paper",
    "the said law") or as its source ("according to the convention", "menurut Konvensi", "does the regulation
    set"), not as a part ("under Article 12")."""
    words = {w.lower() for w in this}
    start = query.text.find(query.asks_source) if query.asks_source else -1
    if start >= 0:
        words |= {m.group().lower() for m in re.finditer(r"[A-Za-z-]+", query.asks_source)
                  if not re.match(r"\s*\(?\d", query.text[start + m.end():])}
    return words & CALLS_KIND.keys()


def _runs(text: str, words: list[re.Match], marks: list[str]) -> list[tuple[int, int]]:
    """The runs of marked words (apart by spaces or a hyphen only), each as (first, past last): small words
    trimmed from its ends, but an article before it ("the", "this") and a demonstrative after ("ini")."""
    runs, i = [], 0
    while i < len(words):
        if not marks[i]:
            i += 1
            continue
        j = i + 1
        while j < len(words) and marks[j] and text[words[j - 1].end():words[j].start()].strip() in ("", "-") \
                and (marks[j] != "small" or words[j].group().lower() in _JOINING):
            j += 1
        start, stop = i, j
        while start < stop and marks[start] == "small" and not (
                words[start].group().lower() in _ARTICLES and marks[start + 1:stop][:1] != ["small"]):
            start += 1
        while stop > start and marks[stop - 1] == "small" and words[stop - 1].group().lower() not in _DEMONSTRATIVES:
            stop -= 1
        if start < stop:
            runs.append((start, stop))
        i = j
    return runs


def singular(name: str) -> str:
    """A name's singular: "MoUs" is "MoU", "NGOs" is "NGO"; any other word as it is."""
    return name[:-1] if re.search(r"[A-Z]s$", name) else name


def spells(acronym: str, initials: str) -> bool:
    """The acronym's letters are, in order, initials of the title's words from one that starts it, skipping
    at most as many words as it has letters ("UNTOC": United Nations Convention against Transnational
    Organized Crime); a letter's count after it repeats it ("P3MI": Perusahaan Penempatan Pekerja Migran Indonesia)."""
    acronym = re.sub(r"([A-Z])([2-9])", lambda m: m.group(1) * int(m.group(2)), acronym)
    for start, first in enumerate(initials):
        if first != acronym[0]:
            continue
        it = iter(initials[start:start + 2 * len(acronym)])
        if all(ch in it for ch in acronym):
            return True
    return False
