"""Citations: find the in-text citations of a text and key each to "Surname, Year".

Handles parenthetical `(Bambar, 2022)`, `(Mangatur dkk, 2023)`, `(A, 2020; B, 2021a)`,
`(Lazarus, Chiang, & Button, 2025)`, institutions `(FBI, 2025)`, page suffixes
`(Rana, 2018, p. 4)`; narrative `Rudy (2002)`, `Kevin Bales (2014)`, `Albayumi, dkk (2022)`;
secondary `Saputra dalam Munatama & Zhaidah (2023)` (keyed to the work read: Munatama).
`attribute()` spreads each citation over the sentences it supports.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

YEAR = r"(?:1[89]|20)\d{2}[a-z]?"
_NAME = r"(?:[A-Z]\.|[A-Z][\w'’\-]*|d[aei]\s+[A-Z][\w'’\-]*|van\s+[A-Z][\w'’\-]*)"
_JOIN = r"(?:\s*,\s*|\s+)(?:(?:&|dan|and)\s+)?"
_ETAL = r"(?:\s*,?\s*(?:dkk\.?|et\.?\s*al\.?|and others))"
_NAMES = rf"{_NAME}(?:{_JOIN}{_NAME})*{_ETAL}?"
_PAREN = re.compile(r"\(([^()]{2,300}?)\)")
_PART = re.compile(
    rf"^(?P<authors>.+?)\s*,?\s*(?P<year>{YEAR})(?:\s*[,:]\s*(?:p{{1,2}}\.|hlm\.|hal\.|h\.)?\s*[\divxlc\-–]+)?\s*$"
)
_NARRATIVE_TAIL = re.compile(rf"(?<![\w'’.])(?P<names>{_NAMES})\s*,?\s*$")
_SECONDARY = re.compile(rf"(?P<orig>{_NAMES})\s+(?:dalam|in|cited in|dikutip dalam)\s*$")
_INSIDE_SECONDARY = re.compile(r"\s+(?:dalam|in|cited in|dikutip dalam)\s+")
# Capitalised words that open sentences and are not names.
_OPENERS = {
    "menurut", "kemudian", "dalam", "sedangkan", "sementara", "selain", "namun", "penelitian",
    "hal", "berdasarkan", "seperti", "oleh", "dari", "pada", "di", "dan", "lalu", "adapun",
    "according", "in", "as", "the", "and", "however", "also", "by", "see", "lihat", "itu",
    "sebagaimana", "tulisan", "buku", "artikel", "jurnal", "laporan", "studi", "riset", "hasil",
}
# Words that make a "Name (Year)" a title of a law or treaty, not an author.
_NOT_AUTHORS = {
    "konvensi", "protokol", "deklarasi", "perjanjian", "undang-undang", "uu", "peraturan", "tahun",
    "convention", "protocol", "declaration", "act", "law", "treaty", "year", "no", "nomor",
}
_PARTICLES = {"van", "de", "der", "den", "da", "di", "du", "von", "le", "la"}
_ALLOWED_LOWER = {"dkk", "dkk.", "dan", "and", "et", "al", "al.", "&", "dalam", "in"} | _PARTICLES


@dataclass(frozen=True)
class Citation:
    """One in-text citation. `key` is "Surname, Year"; `written` is as it stands in the text."""

    key: str
    written: str
    authors: str
    year: str
    kind: str  # "parenthetical" | "narrative"
    start: int
    end: int
    via: str | None = None  # secondary citation: the original author reported by `authors`

    @property
    def surname(self) -> str:
        return self.key.rsplit(",", 1)[0]


def first_author_surname(authors: str) -> str:
    """The first author's surname: "Mangatur dkk" → Mangatur, "Kevin Bales" → Bales,
    "Ngo Thi Minh Huong & Vu" → Ngo (names of three or more words are family-name first)."""
    first = re.split(r"\s*(?:,|&|\band\b|\bdan\b|\bdkk\b|\bet\.?\s*al\b)\s*", authors.strip(), maxsplit=1)[0]
    words = [w.strip(".") for w in first.split()]
    words = [w for w in words if len(w) > 1] or [w for w in words if w]
    if not words:
        return authors.strip()
    if len(words) == 2 and words[0].lower() not in _PARTICLES:
        return words[1]
    if len(words) >= 2 and words[0].lower() in _PARTICLES:
        return " ".join(words)
    return words[0]


def make_key(authors: str, year: str) -> str:
    return f"{first_author_surname(authors)}, {year}"


def _plausible_authors(authors: str) -> bool:
    if not authors or not (authors[0].isupper() or authors[0] in "'’"):
        return False
    if re.search(r"\d", authors) or len(authors) > 120:
        return False
    for word in re.split(r"[\s,]+", authors):
        if word and word[0].islower() and word.lower() not in _ALLOWED_LOWER:
            return False
    return True


def _strip_openers(names: str) -> str:
    words = names.split()
    while words and words[0].lower().strip(",") in _OPENERS:
        words.pop(0)
    return " ".join(words).strip(" ,")


def parse_citations(text: str) -> list[Citation]:
    """All in-text citations of `text`, in order of appearance."""
    found: list[Citation] = []
    for m in _PAREN.finditer(text):
        inner = m.group(1).strip()
        if re.fullmatch(YEAR, inner):
            cit = _narrative(text, m)
            if cit:
                found.append(cit)
            continue
        for part in re.split(r"\s*;\s*", inner):
            pm = _PART.match(part.strip())
            if not pm:
                continue
            authors = pm.group("authors").strip().rstrip(",").strip()
            via = None
            split = _INSIDE_SECONDARY.split(authors, maxsplit=1)
            if len(split) == 2:
                via, authors = split[0].strip(), split[1].strip()
            if not _plausible_authors(authors):
                continue
            found.append(Citation(make_key(authors, pm.group("year")), f"({part.strip()})", authors,
                                  pm.group("year"), "parenthetical", m.start(), m.end(), via))
    return found


def _narrative(text: str, m: re.Match) -> Citation | None:
    """`Name (Year)`: the names stand right before the parenthesis."""
    year = m.group(1).strip()
    before = text[max(0, m.start() - 120):m.start()]
    tail = _NARRATIVE_TAIL.search(before)
    if not tail:
        return None
    names = _strip_openers(tail.group("names"))
    if any(w.lower().strip(".,") in _NOT_AUTHORS for w in tail.group("names").split()):
        return None
    if not names or not _plausible_authors(names):
        return None
    start = m.start() - len(before) + tail.start() + tail.group("names").find(names)
    via = None
    sec = _SECONDARY.search(text[max(0, start - 80):start])
    if sec:
        via = _strip_openers(sec.group("orig")) or None
        if via:
            start = start - (len(text[max(0, start - 80):start]) - sec.start())
    written = text[start:m.end()]
    return Citation(make_key(names, year), written, names, year, "narrative", start, m.end(), via)


def citation_keys(text: str) -> list[str]:
    """Unique citation keys of `text`, in order of appearance."""
    return list(dict.fromkeys(c.key for c in parse_citations(text)))


def attribute(sentences: list[str]) -> list[list[str]]:
    """For the sentences of one paragraph, the keys of the works that back each sentence.

    A parenthetical citation backs its own sentence and the uncited ones before it (back to
    the previous parenthetical citation); a narrative citation backs its sentence and the
    uncited ones after it. A sentence always keeps the citations it contains.
    """
    own = [parse_citations(s) for s in sentences]
    backing: list[list[str]] = [[c.key for c in cits] for cits in own]
    last_paren = -1
    for i, cits in enumerate(own):
        parens = [c.key for c in cits if c.kind == "parenthetical"]
        if parens:
            for j in range(last_paren + 1, i):
                if not any(c.kind == "parenthetical" for c in own[j]):
                    backing[j].extend(parens)
            last_paren = i
    current: list[str] = []
    for i, cits in enumerate(own):
        narr = [c.key for c in cits if c.kind == "narrative"]
        if narr:
            current = narr
        elif any(c.kind == "parenthetical" for c in cits):
            current = []
        elif current:
            backing[i].extend(current)
    return [list(dict.fromkeys(keys)) for keys in backing]
