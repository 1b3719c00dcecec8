"""Citations: find the in-text citations of a text and key each to "Surname, Year".

Handles parenthetical `(Bambar, 2022)`, `(Mangatur dkk, 2023)`, `(Smith et al., 2020)`,
`(A, 2020; B, 2021a)`, `(Kara, 2009a, 2009b)`, `(Lazarus, Chiang, & Button, 2025)`, institutions
`(FBI, 2025)`, `(Kementerian Luar Negeri, 2023)`, page suffixes `(Rana, 2018, p. 4)`, prefixes
`(lihat Bales, 2014)`, `n.d.`; narrative `Rudy (2002)`, `Kevin Bales (2014)`, `Albayumi, dkk (2022)`,
`Bales (2014, hlm. 5)`; secondary `Saputra dalam Munatama & Zhaidah (2023)`,
`Saputra (2019) dalam Munatama (2023)`, `(Zelinska, as cited in Kyslyi et al., 2021)`: keyed to
the work read (Munatama, Kyslyi), the original author kept in `via`.
`attribute()` spreads each citation over the sentences it supports.
"""
from __future__ import annotations

import re
from .records import Citation

YEAR = r"(?:(?:1[89]|20)\d{2}[a-z]?|n\.\s?d\.|t\.\s?t\.)"
_YEARS = rf"{YEAR}(?:\s*,\s*{YEAR})*"
_PAGES = r"(?:\s*[,:]\s*(?:p{1,2}\.|hlm\.|hal\.|h\.)?\s*[\divxlc\-–]+)"
_NAME = r"(?:[A-Z]\.|[A-Z][\w'’\-]*|d[aei]\s+[A-Z][\w'’\-]*|van\s+[A-Z][\w'’\-]*)"
_JOIN = r"(?:\s*,\s*|\s+)(?:(?:&|dan|and)\s+)?"
ET_AL = r"et\.?,?\s*al"  # "et al", also as typed: "et.al", "et.,al"
_ETAL = rf"(?:\s*,?\s*(?:dkk\.?|{ET_AL}\.?|and others))"
_NAMES = rf"{_NAME}(?:{_JOIN}{_NAME})*{_ETAL}?"
_PAREN = re.compile(r"\(([^()]{2,300}?)\)")
_PART = re.compile(rf"^(?P<authors>.+?)\s*,?\s*(?P<years>{_YEARS}){_PAGES}?\s*$")
_NARRATIVE_INNER = re.compile(rf"^(?P<years>{_YEARS}){_PAGES}?$")
_PREFIX = re.compile(r"^(?:lihat|see|e\.g\.,?|cf\.|misalnya|contoh|baca)\s+", re.I)
_NARRATIVE_TAIL = re.compile(rf"(?<![\w'’.])(?P<names>{_NAMES})\s*,?\s*$")
_SEC_WORD = r"(?:dalam|in|(?:as\s+)?cited\s+in|dikutip\s+(?:dari|dalam))"
_SECONDARY = re.compile(rf"(?P<orig>{_NAMES})(?:\s*\({YEAR}\))?\s*,?\s+{_SEC_WORD}\s*$")
_INSIDE_SECONDARY = re.compile(rf"\s*,?\s+{_SEC_WORD}\s+")
_LEADING_SECONDARY = re.compile(r"^(?:as\s+)?cited\s+in\s+|^dikutip\s+(?:dari|dalam)\s+", re.I)
# Capitalised words that open sentences and are not names.
_OPENERS = {
    "menurut", "kemudian", "dalam", "sedangkan", "sementara", "selain", "namun", "penelitian",
    "hal", "berdasarkan", "seperti", "oleh", "dari", "pada", "di", "dan", "lalu", "adapun",
    "according", "in", "as", "the", "and", "however", "also", "by", "see", "lihat", "itu",
    "sebagaimana", "tulisan", "buku", "artikel", "jurnal", "laporan", "studi", "riset", "hasil",
}
# Words that make a "Name (Year)" a title of a law or treaty, not an author.
NOT_AUTHORS = {
    "konvensi", "protokol", "deklarasi", "perjanjian", "undang-undang", "uu", "peraturan", "tahun",
    "convention", "protocol", "declaration", "act", "law", "treaty", "year", "no", "nomor",
}
# Words that make a multi-word author an institution, keyed by its full name.
_INSTITUTION = {
    "kementerian", "badan", "komisi", "direktorat", "lembaga", "dinas", "pusat", "organisasi",
    "kepolisian", "pemerintah", "kedutaan", "ministry", "department", "office", "organization",
    "organisation", "bureau", "agency", "council", "commission", "institute", "international",
    "nations", "united", "bank", "foundation", "association", "center", "centre", "university",
    "universitas", "news", "times", "post", "watch", "fund", "program", "programme",
}
# A sentence that reports someone else ("Menurut Ghada Waly, …"), ending a narrative stretch.
_OTHER_VOICE = re.compile(r"^\W*(?:(?:sementara itu|sedangkan|namun)\W+)?(?:menurut|according to)\s", re.I)
# A sentence citing a work beside the document's own study ("penelitian ini", "this study", "we") compares
# the two: the sentences after it are not that work's ("Hasil penelitian ini tidak mendukung penelitian …
# Nasurdin dan Ramayah (2009) … Temuan penelitian yang diperoleh …"). Uncited, "penelitian ini" may be the work
# just cited (a literature review's "Dalam Priyono (2020) … Penelitian ini menyoroti …").
_OWN_STUDY = re.compile(
    r"\b(?:(?:penelitian|studi|kajian|riset|tulisan|artikel|makalah|skripsi|tesis|temuan|hasil) ini"
    r"|this (?:study|research|paper|article|thesis|finding|result)s?|the present (?:study|research|paper)"
    r"|we|our|kami)\b", re.I)
_PARTICLES = {"van", "de", "der", "den", "da", "di", "du", "von", "le", "la"}
_ALLOWED_LOWER = {"dkk", "dkk.", "dan", "and", "et", "et.", "et.al", "et.al.", "al", "al.", "&", "dalam", "in"} | _PARTICLES


_SUFFIX = frozenset({"jr", "sr", "ii", "iii", "iv", "phd"})


def name_surname(author: str) -> str:
    """A person's family name as papers cite it, from a name as a title page prints it: its last word
    ("NURAINI AHMAD" → "Ahmad", "Ahmad Jr" → "Ahmad"), the first of "Surname, I. N."; '' for what is no
    name (a degree split off a name line, "S.Kom.", "Ph.D", or initials alone)."""
    head, _, rest = author.partition(",")
    words = re.findall(r"[^\W\d_][\w'’-]*", head)
    if rest and len(words) == 1 and len(words[0]) > 1:  # "Ramadhani, A. A."
        words = words[:1]
    words = [w for w in words if w.lower().rstrip(".") not in _SUFFIX]
    if not words or ("." in author and all(len(w) <= 4 for w in words)) or all(len(w) == 1 for w in words):
        return ""
    last = words[-1]
    return last.capitalize() if last.isupper() and len(last) > 1 else last


def first_author_surname(authors: str) -> str:
    """The first author's surname: "Mangatur dkk" → Mangatur, "Kevin Bales" → Bales,
    "Ngo Thi Minh Huong & Vu" → Ngo (names of three or more words are family-name first),
    "Kementerian Luar Negeri" → the institution's full name."""
    first = re.split(rf"\s*(?:,|&|\band\b|\bdan\b|\bdkk\b|\b{ET_AL}\b)\s*", authors.strip(), maxsplit=1)[0]
    if len(first.split()) >= 2 and {w.lower().strip(".,") for w in first.split()} & _INSTITUTION:
        return " ".join(first.split())
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
    """The key of a work: "Surname, Year"."""
    return f"{first_author_surname(authors)}, {year}"


def key_surname(key: str) -> str:
    """The surname of a work's key, lower case: "Arisandy, 2022" → "arisandy"."""
    return key.rsplit(",", 1)[0].lower()


def _plausible_authors(authors: str) -> bool:
    if not authors or not (authors[0].isupper() or authors[0] in "'’" or authors.split()[0] in _PARTICLES):
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


def _years(years: str) -> list[str]:
    return [re.sub(r"\s+", "", y) for y in re.findall(YEAR, years)]


def parse_citations(text: str) -> list[Citation]:
    """All in-text citations of `text`, in order of appearance."""
    found: list[Citation] = []
    for m in _PAREN.finditer(text):
        inner = m.group(1).strip()
        narrative = _NARRATIVE_INNER.match(inner)
        if narrative:
            found.extend(_narrative(text, m, _years(narrative.group("years"))))
            continue
        for part in re.split(r"\s*;\s*", inner):
            found.extend(_parenthetical(part.strip(), m, text))
    return _drop_read_through(found)


def _parenthetical(part: str, m: re.Match, text: str) -> list[Citation]:
    """Citations of one `;`-separated part of a parenthesis: "Kara, 2009a, 2009b" gives two."""
    pm = _PART.match(_PREFIX.sub("", part))
    if not pm:
        return []
    authors = pm.group("authors").strip().rstrip(",").strip()
    via = None
    lead = _LEADING_SECONDARY.match(authors)
    if lead:  # "Zelinska (as cited in Kyslyi et al., 2021)": the original author stands before
        authors = authors[lead.end():]
        tail = _NARRATIVE_TAIL.search(text[max(0, m.start() - 120):m.start()])
        via = _strip_openers(tail.group("names")) if tail else None
    split = _INSIDE_SECONDARY.split(authors, maxsplit=1)
    if len(split) == 2:
        via = re.sub(rf"\s*,?\s*{YEAR}\s*$", "", split[0]).strip(" ,") or None
        authors = split[1].strip()
    if not _plausible_authors(authors):
        return []
    return [Citation(make_key(authors, y), f"({part})", authors, y, "parenthetical", m.start(), m.end(), via)
            for y in _years(pm.group("years"))]


def _narrative(text: str, m: re.Match, years: list[str]) -> list[Citation]:
    """`Name (Year)`: the names stand right before the parenthesis."""
    before = text[max(0, m.start() - 120):m.start()]
    tail = _NARRATIVE_TAIL.search(before)
    if not tail:
        return []
    names = _after_closed_list(_strip_openers(tail.group("names")))
    if any(w.lower().strip(".,") in NOT_AUTHORS for w in tail.group("names").split()):
        return []
    if not names or not _plausible_authors(names):
        return []
    start = m.start() - len(before) + tail.start() + tail.group("names").find(names)
    via = None
    window = text[max(0, start - 100):start]
    sec = _SECONDARY.search(window)
    if sec:
        via = _strip_openers(sec.group("orig")) or None
        if via:
            start -= len(window) - sec.start() - sec.group(0).find(via)
    written = text[start:m.end()]
    return [Citation(make_key(names, y), written, names, y, "narrative", start, m.end(), via) for y in years]


# An author list closes at its last "and"/"dan"/"&": a comma after the name that follows starts a new
# clause ("Drawing on Plano and Olton, Malik (2022) …" is Malik's; "Lazarus, Chiang, & Button (2025)" stays whole).
_CLOSED_LIST = re.compile(r"^.*(?:\s(?:and|dan)\s|\s?&\s?)[^,]*,\s*(?=[A-Z])")


def _after_closed_list(names: str) -> str:
    m = _CLOSED_LIST.match(names)
    return names[m.end():] if m else names


def _drop_read_through(found: list[Citation]) -> list[Citation]:
    """Drop the original work inside a secondary citation ("Saputra (2019) dalam …"): cite the one read."""
    secondary = [c for c in found if c.via and c.kind == "narrative"]
    return [c for c in found if not any(s.start <= c.start and c.end < s.end for s in secondary)]


def of_own_study(sentence: str) -> bool:
    """Whether a sentence speaks of the document's own study ("penelitian ini", "this study", "we"): citing a
    work, it compares the two (see `attribute`)."""
    return bool(_OWN_STUDY.search(sentence))


def citation_keys(text: str) -> list[str]:
    """Unique citation keys of `text`, in order of appearance."""
    return list(dict.fromkeys(c.key for c in parse_citations(text)))


def attribute(sentences: list[str], notes: list[list[str]] | None = None) -> list[list[str]]:
    """For the sentences of one paragraph, the keys of the works that back each sentence.

    A parenthetical citation backs its own sentence and the uncited ones before it (back to
    the previous cited sentence); the paragraph's last one also backs up to two uncited
    sentences after it (none that names a later year than the work's). A narrative citation backs its sentence and the uncited ones after it, until the
    next citation or a sentence giving another voice ("Menurut X, …"); one that compares the document's own study
    with the work it cites ("Hasil penelitian ini tidak mendukung … X (2009)") opens none. A sentence always keeps
    the citations it contains. `notes`: for each sentence, the works its footnotes name (footnotes.py),
    which back it as a parenthetical citation does.
    """
    own = [parse_citations(s) for s in sentences]
    noted = notes or [[] for _ in sentences]
    backing: list[list[str]] = [[c.key for c in cits] + keys for cits, keys in zip(own, noted)]
    last_paren = -1
    for i, cits in enumerate(own):
        parens = [c.key for c in cits if c.kind == "parenthetical"] + noted[i]
        if parens:
            for j in range(i - 1, last_paren, -1):
                if own[j] or noted[j]:  # a sentence with its own (narrative) citation opens a new stretch
                    break
                backing[j].extend(parens)
            last_paren = i
    if last_paren >= 0 and not any(own[last_paren + 1:]):
        closing = [c for c in own[last_paren] if c.kind == "parenthetical"]
        for j in range(last_paren + 1, min(last_paren + 1 + _TRAILING, len(sentences))):
            if _later_year(sentences[j], closing):  # a 2023 source cannot report 2024 events
                break
            backing[j].extend(c.key for c in closing)
    current: list[str] = []
    for i, cits in enumerate(own):
        narr = [c.key for c in cits if c.kind == "narrative"]
        if narr and not of_own_study(sentences[i]):
            current = narr
        elif cits or _OTHER_VOICE.match(sentences[i]):
            current = []
        elif current:
            backing[i].extend(current)
    return [list(dict.fromkeys(keys)) for keys in backing]


_TRAILING = 2


def _later_year(sentence: str, cits: list[Citation]) -> bool:
    years = [int(y) for y in re.findall(r"\b(?:19|20)\d{2}\b", sentence)]
    cited = [int(c.year[:4]) for c in cits if c.year[:4].isdigit()]
    return bool(years and cited and max(years) > max(cited))


def without_citations(text: str) -> str:
    """The text with its in-text citations cut out: a year in "(Pangastuti dkk, 2019)" dates a
    source, it says nothing about 2019."""
    for c in reversed(parse_citations(text)):
        text = text[: c.start] + " " + text[c.end:]
    return text


def mentioned_keys(question: str, keys: list[str]) -> list[str]:
    """The cited works (among `keys`) a question names by first-author surname, e.g.
    "according to Rudy (2002)" or "listed by Zayzda and colleagues"; a year given must match."""
    words = set(re.findall(r"[\w'’]+", question.casefold()))
    years = set(re.findall(r"\b(?:1[89]|20)\d{2}\b", question))
    found = []
    for key in keys:
        surname, _, year = key.rpartition(", ")
        names = surname.casefold().split()
        if names and all(n in words for n in names) and (not years or year[:4] in years):
            found.append(key)
    return found
