"""References: the entries of a reference list, and a document's in-text citations linked to them.

`is_reference_heading` tells the heading that opens a list (Daftar Pustaka, Referensi, References,
Bibliography, Works Cited, …). `parse_entries` splits the list into entries, whether an entry came
broken over several paragraphs (a hanging indent, a page break), several came run together in one,
or the list is numbered, and reads each entry's authors, year, title, venue, DOI and URL, in APA,
Harvard, Indonesian ("Surname, A. 2020. Judul. Kota: Penerbit.") and numbered (IEEE, Vancouver)
styles. `link` pairs each "Surname, Year" citation key with its entry, never across years.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .citations import first_author_surname, make_key


@dataclass(frozen=True)
class Reference:
    """One entry of a reference list. `key` is "Surname, Year" as `citations.make_key` builds it."""

    key: str
    authors: list[str]
    year: str  # "2020", "2009a", "n.d." (also when the entry gives none)
    title: str
    venue: str  # journal, publisher or site
    doi: str
    url: str
    text: str  # the whole entry, whitespace-normalised
    number: int | None = None  # its number in a numbered list


# --- headings ------------------------------------------------------------------------------------

_HEADING_WORDS = (r"daftar\s+(?:pustaka|rujukan|referensi|bacaan)|sumber\s+rujukan|rujukan|referensi|bibliografi"
                  r"|kepustakaan|references?(?:\s+list)?|bibliography|works\s+cited|literature\s+cited")
_NUMBERING = r"(?:#{1,6}\s*|(?:bab\s+)?(?:[IVXL]{1,5}|\d{1,2}|[A-H])(?:\.\d{1,2})*[.)]?\s+)?"
_HEADING = re.compile(rf"^\s*{_NUMBERING}[*_]*(?:{_HEADING_WORDS})[*_]*\s*:?\s*$", re.I)
_HEADING_PREFIX = re.compile(rf"^\s*{_NUMBERING}(?:{_HEADING_WORDS})\b\s*:?\s*", re.I)


def is_reference_heading(text: str) -> bool:
    """A heading that opens a reference list: "Daftar Pustaka", "VI. DAFTAR PUSTAKA", "# References"."""
    return bool(_HEADING.match(" ".join(text.split())))


def strip_heading(text: str) -> str | None:
    """What follows a reference-list heading that opens `text` ("DAFTAR PUSTAKA Alexa. (2021). …" →
    "Alexa. (2021). …"; the heading alone → ""); None when `text` does not open with one (a sentence
    such as "Referensi dari Bank Dunia menunjukkan …")."""
    text = " ".join(text.split())
    if is_reference_heading(text):
        return ""
    m = _HEADING_PREFIX.match(text)
    if not m or not text[m.start():m.end()].strip()[:1].isupper():
        return None
    rest = text[m.end():]
    return rest if _lead(rest) or _MARKER.match(rest) else None


def list_after_heading(paragraphs: list[str]) -> list[str]:
    """The paragraphs of the reference list that the last reference heading opens ([] without one)."""
    for i in range(len(paragraphs) - 1, -1, -1):
        rest = strip_heading(paragraphs[i])
        if rest is not None:
            return ([rest] if rest else []) + paragraphs[i + 1:]
    return []


# --- where an entry starts: its authors and year ----------------------------------------------------

_UP = r"[^\W\d_a-zß-ÿ]"  # an upper-case letter (any script with case)
_NAME = rf"{_UP}[\w'’\-]*\.?"  # Surname, given name, institution word, initial ("A.", "B.A")
_LINKWORD = (r"(?:&|and|dan|with|of|for|the|on|untuk|van|von|de|der|den|da|di|du|la|le|bin|binti|al-"
             r"|et\.?\s?al\.?|dkk\.?)(?![\w'’])")
_PAREN = rf"\((?:{_UP}[\w&.\- ]{{0,24}}|[Ee]ds?\.?|[Ee]ditors?|[Pp]eny\.?)\)"  # "(WHO)", "(Ed.)"
_TOKEN = rf"(?:{_NAME}|{_LINKWORD}|{_PAREN})"
_SEP = r"(?:\s*[,;]\s*|\s+|(?<=\.))"
_PARTICLE = r"(?:van|von|de|der|den|da|di|du|le|la|bin|binti|al-|ter)\s+"
_AUTHORS = rf"(?>(?:{_PARTICLE}){{0,3}}{_NAME}(?:{_SEP}{_TOKEN}){{0,30}})"  # atomic: the longest name-like run
_VANCOUVER = re.compile(rf"^((?>(?:{_PARTICLE})*{_UP}[\w'’\-]+(?:\s{_UP}[\w'’\-]+)*\s[A-Z]{{1,3}}(?:,\s*|\s+and\s+)?)+"
                        rf"(?:,?\s*et\s+al)?)\.\s")  # "Surname AB, Other CD." closed by its period
YEAR = r"(?:1[5-9]|20)\d\d[a-z]?"
_NO_DATE = r"n\.\s?d\.?|t\.\s?t\.?|tanpa\s+tahun|no\s+date"
_LEAD = re.compile(
    rf"(?P<authors>{_AUTHORS})(?P<pre>\s*[.,]?\s*)"
    rf"(?:\((?P<pyear>{YEAR}|{_NO_DATE})(?:,\s*[^()]{{1,30}})?\)|(?P<year>{YEAR}|{_NO_DATE})(?=[\s.,:;]|$))")
_INITIALS = re.compile(rf"^(?:{_UP}\.?\s?-?){{1,4}}$")
_INITIALS_LIST = re.compile(rf"{_UP}[\w'’\-]+,\s(?:{_UP}\.\s?-?){{1,4}},?\s(?:&\s|and\s|dan\s)?{_UP}[\w'’\-]+,\s{_UP}\.")
_MARKER = re.compile(r"\[(\d{1,3})\]\s*|(\d{1,3})[.)]\s+(?=\S)")
# Abbreviations whose period does not end a sentence (name parts, companies, bibliographic words).
_ABBREV = {"st", "jr", "sr", "dr", "mr", "mrs", "ms", "prof", "hj", "mc", "cv", "pt", "tbk", "ltd", "inc", "co",
           "corp", "vol", "no", "nos", "ed", "eds", "ibid", "hlm", "hal", "pp", "vs", "cf", "etc", "al", "dkk",
           "trans", "terj", "rev", "edn", "univ", "dept", "jl", "ver"}


@dataclass(frozen=True)
class _Lead:
    authors: str
    year: str
    start: int
    end: int  # just after the year
    inverted: bool  # "Surname, Given …": the first author written surname first, with a comma
    marked: bool  # a period or a comma closes the authors before the year
    paren: bool  # the year in parentheses

    @property
    def named(self) -> bool:
        """"Name. (Year)": the surest sign of an author–year entry."""
        return self.paren and self.marked and "," not in self.authors[-1:]


def _lead(text: str, pos: int = 0) -> _Lead | None:
    """The author block and year that open an entry at `pos` ("Surname, A. B., & Other, C. (2020)")."""
    m = _LEAD.match(text, pos)
    if not m:
        return None
    authors = m.group("authors").strip(" ,;")
    if authors.split()[0].lower().strip(".,") in {"and", "dan", "of", "the", "for", "on", "with"}:
        return None
    year = re.sub(r"\s+", "", (m.group("pyear") or m.group("year"))).lower()
    year = "n.d." if re.match(_NO_DATE, year, re.I) and not year.startswith("t") else year
    head = authors.split(",")[0]
    inverted = "," in authors and len(head) <= 60 and not re.search(r"[;&]", head) \
        and not any(_INITIALS.match(w) for w in head.split()) and bool(re.match(rf",\s*{_UP}", authors[len(head):]))
    marked = bool(re.search(r"[.,]", m.group("pre"))) or authors.endswith(".")
    return _Lead(authors, year, pos, m.end(), inverted, marked, bool(m.group("pyear")))


def _period_ends(text: str, i: int) -> bool:
    """The period at `i` ends a sentence: not after an initial ("A.") or an abbreviation ("Vol.", "CV.")."""
    word = re.search(r"([\w'’\-]+)$", text[max(0, i - 40):i])
    if not word:
        return True
    w = word.group(1)
    return not (len(w) == 1 and w.isupper()) and w.lower() not in _ABBREV


def _sentence_break_before(text: str, pos: int) -> bool:
    """`pos` follows the end of a sentence or entry: "Kota: Penerbit. |", "47–51. |", "2021) |", "9(4) |"."""
    before = text[max(0, pos - 300):pos].rstrip()
    if not before:
        return True
    if before[-1] in ")]”\"'’?!" or before[-1].isdigit() or re.search(r"https?://\S+$", before):
        return True
    return before[-1] == "." and _period_ends(before, len(before) - 1)


def _starts(text: str) -> list[int]:
    """Where the entries of an author–year list start: line starts and sentence ends that open an
    author block and a year (or a list of names with initials)."""
    found: list[int] = []
    reach = 0  # no entry starts inside the last lead's own author block
    for m in re.finditer(r"(?:^|(?<=\n)|(?<=\s))(?=\S)", text):
        p = m.start()
        if p < reach:
            continue
        line_start = p == 0 or text[p - 1] == "\n"
        ended = _sentence_break_before(text, p)
        if not (line_start or ended):
            continue
        lead = _lead(text, p)
        if lead:
            lead = _innermost(text, lead)
            if line_start and not found:
                ok = True
            elif line_start:  # a hanging indent broken: the line must open a name, or follow an entry's end
                ok = lead.inverted or (ended and (lead.marked or lead.paren)) \
                    or (lead.named and "\n" not in lead.authors)
            else:  # "… Title (2019)" inside an entry is no start
                ok = lead.inverted or lead.marked
            if ok:
                found.append(lead.start)
                reach = lead.end
                continue
        names = _INITIALS_LIST.match(text, p) if ended else None
        if names:  # "Surname, I.M., Other, P.I., …" without a year
            found.append(p)
            reach = names.end()
    return found


def _innermost(text: str, lead: _Lead) -> _Lead:
    """A lead that swallowed the end of the previous entry starts again inside its author block: after a
    sentence end ("Pustaka Cendikia, Bandung. Barkah, (2002)") or at a line that opens a name written
    surname first, the line before not ending in a separator ("PT. Remaja Rosdakarya⏎Lubis, M. S. (2015)")."""
    span = text[lead.start:lead.end]
    restarts = [(m.end(), False) for m in re.finditer(r"(?<=[.?!])\s+(?=\S)", span)]
    restarts += [(m.end(), True) for m in re.finditer(r"\n(?=\S)", span)
                 if not re.search(r"(?:[,;&]|\band|\bdan)\s*$", span[:m.start()])]
    for offset, at_line in sorted(restarts):
        q = lead.start + offset
        if at_line or _sentence_break_before(text, q):
            inner = _lead(text, q)
            if inner and inner.end == lead.end and not _INITIALS.match(inner.authors.split()[0].strip(",;")) \
                    and (inner.inverted or not at_line):
                return _innermost(text, inner)
    return lead


# --- splitting a list into entries ---------------------------------------------------------------

_BULLET = re.compile(r"(?:^|(?<=\s))[•●▪◦■□‣⁃∙·]\s+")


def _clean(paragraph: str) -> str:
    return " ".join(_BULLET.sub(" ", paragraph).split())


def parse_entries(paragraphs: list[str]) -> list[Reference]:
    """The entries of a reference list given as paragraphs or lines (a heading in front is dropped)."""
    lines = [c for c in (_clean(p) for p in paragraphs) if c]
    if lines:
        rest = strip_heading(lines[0])
        if rest is not None:
            lines = ([rest] if rest else []) + lines[1:]
    text = "\n".join(lines)
    if not text:
        return []
    numbered = _numbered(text)
    if numbered:
        return [r for r in (_reference(body, n) for n, body in numbered) if r]
    starts = _starts(text)
    if (not starts or starts[0] > 0) and re.search(YEAR, text[:starts[0] if starts else len(text)]):
        starts.insert(0, 0)  # an entry before the first recognised one (its authors unusual)
    ends = starts[1:] + [len(text)]
    return [r for r in (_reference(text[p:e], None) for p, e in zip(starts, ends)) if r]


def _numbered(text: str) -> list[tuple[int, str]]:
    """(number, entry) of a numbered list ("[1] …", "1. …", "1) …"), numbers in sequence; [] if not one."""
    first = _MARKER.match(text)
    if not first or int(first.group(1) or first.group(2)) != 1:
        return []
    bracket = first.group(1) is not None
    marks = [(1, 0, first.end())]
    while True:
        n = marks[-1][0] + 1
        pat = rf"\[{n}\]\s*" if bracket else rf"{n}[.)]\s+(?=\S)"
        nxt = None
        for m in re.finditer(rf"(?:^|(?<=\s)){pat}", text[marks[-1][2]:], re.M):
            p = marks[-1][2] + m.start()
            if bracket or text[p - 1] == "\n" or _sentence_break_before(text, p):
                nxt = (n, p, marks[-1][2] + m.end())
                break
        if not nxt:
            break
        marks.append(nxt)
    if len(marks) < 2:
        return []
    return [(n, text[body:marks[i + 1][1] if i + 1 < len(marks) else len(text)])
            for i, (n, _, body) in enumerate(marks)]


# --- reading one entry ---------------------------------------------------------------------------

_URL = re.compile(r"https?://\S+")
_DOI = re.compile(r"\b(10\.\d{4,9}/[^\s\"<>]+)")
_ACCESS_WORD = r"\b(?:diakses|accessed|retrieved|diunduh)\b"
_ACCESSED = re.compile(rf"\({_ACCESS_WORD}[^)]*\)|{_ACCESS_WORD}.*?(?=https?://|\.\s|$)", re.I)  # "(diakses 3 Mei 2022)"
_QUOTED = re.compile(r"^[“\"‘'](?P<t>.+?)[”\"’'](?=[\s.,;:]|$)")


def _reference(body: str, number: int | None) -> Reference | None:
    text = _mend_urls(" ".join(body.split()))
    if not text:
        return None
    lead = _lead(text)
    if lead:
        authors_block, year, rest = lead.authors, lead.year, text[lead.end:]
    else:
        authors_block, rest = _leading_authors(text)
        year = _last_year(text)
    if not lead and number is None and year == "n.d." and not _INITIALS_LIST.match(text):
        return None  # no year and no names with initials: not an entry
    authors = _split_authors(authors_block)
    title, venue = _title_venue(rest)
    url = next((u.rstrip(".,;)") for u in _URL.findall(text)), "")
    doi = _DOI.search(text)
    doi_s = doi.group(1).rstrip(".,;)") if doi else ""
    if not venue and url:
        venue = re.sub(r"^www\.", "", url.split("/")[2]) if url.count("/") >= 2 else ""
    key = make_key(_first_surname(authors[0]) if authors else title, year)
    return Reference(key, authors, year, title, venue, doi_s, url, text, number)


def _mend_urls(text: str) -> str:
    """A URL broken by a line wrap ("…/Search_Engines/ SearchEngines_01.pdf") joined again."""
    return re.sub(r"(https?://\S*[/\-_.=?&])\s+(?=[\w\-./~%?=&#]*[/_.=][\w\-./~%?=&#]*(?:\s|$))(?!\()", r"\1", text)


def _last_year(text: str) -> str:
    plain = _ACCESSED.sub(" ", _URL.sub(" ", text))
    years = re.findall(rf"(?<![\d/\-]){YEAR}(?![\d/])", plain)
    return years[-1] if years else "n.d."


def _leading_authors(text: str) -> tuple[str, str]:
    """Authors of an entry with no year after them (IEEE "A. Surname, B. Other, and C. Third, “Title,” …",
    Vancouver "Surname AB, Other CD. Title. …"): the name-like run up to the title."""
    m = re.match(_AUTHORS, text)
    if not m:
        return "", text
    block = m.group()
    vancouver = _VANCOUVER.match(text)
    if vancouver:
        return vancouver.group(1), text[vancouver.end():]
    if _INITIALS_LIST.match(text):  # "Surname, I.M., Other, P.A., Judul …": the authors end at the last initials
        last = list(re.finditer(rf"{_UP}\.(?=\s*,|\s*$)", block))
        if last:
            return block[:last[-1].end()], text[last[-1].end():].lstrip(" ,;.")
    for b in re.finditer(r"(?<=[.?!])\s+", block):  # the authors end at the first sentence end
        if _sentence_break_before(text, b.end()):
            block = block[:b.start()]
            break
    return block.strip(" ,;."), text[len(block):].lstrip(" ,;.")


def _split_authors(block: str) -> list[str]:
    """The authors of an author block, as written: "Surname, A. B., & Other, C." → two."""
    block = re.sub(r"\s*,?\s*(?:et\.?\s?al\.?|dkk\.?)$", "", block.strip(" ,;")).strip(" ,;")
    if not block:
        return []
    if not re.search(r"[,;&]", block) and re.search(r"\s(?:of|for|on|the|untuk)\s", block):
        return [block.rstrip(".")]  # an institution: "Department of Health and Human Services"
    out: list[str] = []
    for part in re.split(r"\s*;\s*|\s*,?\s+(?:&|and|dan|with)\s+|\s*,?\s*&\s*", block):
        pieces = [_unstop(p) for p in part.split(",") if p.strip(" .")]
        i = 0
        while i < len(pieces):
            if i + 1 < len(pieces) and _surname_first(pieces[i], pieces[i + 1], first=not out):
                out.append(f"{pieces[i]}, {pieces[i + 1]}")
                i += 2
            else:
                out.append(pieces[i])
                i += 1
    return out


def _unstop(name: str) -> str:
    """A name without the period that closed the author block ("Alexa." → Alexa; "Lila R." stays)."""
    name = name.strip()
    last = name.split()[-1] if name.split() else ""
    return name if _INITIALS.match(last) or last.lower().rstrip(".") in _ABBREV else name.rstrip(".").strip()


def _surname_first(piece: str, nxt: str, first: bool) -> bool:
    """"piece, nxt" is one name written surname first ("Ali, Muhammad", "Organ, D.W.")."""
    if _INITIALS.match(nxt):
        return True
    words = piece.split()
    surname_like = len(words) <= 3 and not any(_INITIALS.match(w) for w in words)
    return surname_like and len(nxt.split()) <= 3 and (first or len(words) == 1)


def _first_surname(author: str) -> str:
    """The part of the first author's name that keys the work: "Ali, Muhammad" → Ali, "Robbins Stephen P"
    → Robbins (surname first, no comma), "A. Surname" → Surname, "World Health Organization (WHO)" →
    the institution (citations.make_key's rules)."""
    author = re.sub(r"\s*\([^)]*\)", "", author).strip()
    if "," in author:
        return author.split(",")[0]
    words = author.replace(".", ". ").split()
    if first_author_surname(author) == " ".join(author.split()):
        return author.rstrip(".")  # an institution, keyed by its whole name
    if len(words) >= 2 and _INITIALS.match(words[-1]) and not _INITIALS.match(words[0]) and len(words[0]) > 1:
        return words[0]
    return author


def _title_venue(rest: str) -> tuple[str, str]:
    """Title (up to its sentence end, or in quotes) and venue (the next part, without volume and pages)."""
    rest = _ACCESSED.sub(" ", rest).lstrip(" .,:;)")
    rest = re.sub(r"^\[(?:online|daring)\]\.?\s*", "", rest, flags=re.I)
    q = _QUOTED.match(rest)
    if q:
        title, after = q.group("t"), rest[q.end():]
    else:
        end = _sentence_end(rest)
        title, after = rest[:end], rest[end:]
    title = title.strip(" ,.;:")
    title = re.sub(r",?\s*\[(?:online|daring)\]$", "", title, flags=re.I)
    after = re.sub(r"^[\s.,:;”\"’]+", "", after)
    after = re.sub(r"^(?:in|dalam)\s*:?\s+", "", after, flags=re.I)
    after = re.sub(r"^\[(?:online|daring)\]\.?\s*", "", after, flags=re.I)
    if after.lower().startswith(("http", "doi", "tersedia", "available")):
        return title, ""
    venue = after[:_sentence_end(after)]
    venue = re.split(r",?\s+(?:vol\.?|volume|no\.|pp?\.|hlm\.|hal\.)\s*\d|,?\s*\(?\d+\s*\(|,\s*\d|\s\d+\s*[:(]"
                     r"|,\s*[IVXLC]+\s*\(\d"
                     r"|\s*https?://", venue, maxsplit=1, flags=re.I)[0]
    venue = re.sub(r"\s+\d+$", "", venue.strip(" ,.;:"))
    return title, "" if re.match(r"^(?:pp?|hlm|hal)\.?\s*\d", venue, re.I) else venue


def _sentence_end(text: str) -> int:
    """Index where the first sentence of `text` ends ("?" and "!" kept in it), or its length."""
    for m in re.finditer(r"[.?!](?=\s|$)", text):
        if m.group() != ".":
            return m.end()
        if _period_ends(text, m.start()):
            return m.start()
    return len(text)


# --- linking citations to entries ----------------------------------------------------------------

def fold(text: str) -> str:
    """Lower-case ASCII words separated by single spaces (names compared without accents)."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[^0-9a-z]+", " ", re.sub(r"['’]", "", text.casefold())).split())


def _same_year(cited: str, listed: str) -> int:
    """2 the same year as written, 1 the same year but for a missing a/b suffix, 0 another year."""
    def norm(y: str) -> str:
        return "n.d." if re.match(_NO_DATE, y, re.I) else y.lower()
    a, b = norm(cited), norm(listed)
    if a == b:
        return 2
    return 1 if a[:4] == b[:4] and a[:4].isdigit() and (len(a) == 4 or len(b) == 4) else 0


def _one_edit(a: str, b: str) -> bool:
    """`a` and `b` differ by one letter changed, added, dropped, or two neighbours swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = sorted((a, b), key=len)
    i = next((k for k in range(len(short)) if short[k] != long_[k]), len(short))
    return short[i:] == long_[i + 1:]


_FUNCTION = {"of", "for", "and", "dan", "the", "on", "untuk", "di", "ke", "dari", "in"}


def _abbreviates(abbr: str, words: list[str]) -> bool:
    """`abbr` is spelt by the heads of two or more consecutive words, from the first or up to the last:
    "WHO" → World Health Organization, "Kemenkes" → Kementerian Kesehatan …, "RI" → … Republik Indonesia."""
    words = [w for w in words if w not in _FUNCTION]

    def spell(a: str, ws: list[str]) -> bool:
        if not a or not ws:
            return not a and not ws
        return any(a[:k] == ws[0][:k] and spell(a[k:], ws[1:]) for k in range(1, min(len(a), len(ws[0])) + 1))

    runs = [words[:n] for n in range(2, len(words) + 1)] + [words[n:] for n in range(1, len(words) - 1)]
    return len(abbr) >= 2 and any(spell(abbr.lower(), run) for run in runs)


def _name_score(surname: str, entry: Reference) -> int:
    """How well a cited surname names an entry's first author: 4 its key, 3 a word of its name or its
    acronym, 2 one letter off its surname or a word of its name, 0 not at all."""
    cited = fold(surname)
    if not cited or not entry.authors:
        return 0
    key = fold(entry.key.rpartition(",")[0])
    if cited == key:
        return 4
    first = re.sub(r"\s*\(([^)]*)\)", "", entry.authors[0])
    words = fold(first).split()
    acronyms = {fold(a) for a in re.findall(r"\(([^)]{2,12})\)", entry.authors[0])}
    if cited in acronyms or (set(cited.split()) <= set(words) and len(cited) > 1):
        return 3
    institution = "," not in first and len(words) >= 2
    if " " not in cited and institution and (surname.isupper() or len(cited) >= 4) and _abbreviates(cited, words):
        return 3
    if len(cited) >= 4 and any(_one_edit(cited, w) for w in {key, *words} if len(w) >= 4):
        return 2
    return 0


def link(keys: list[str], entries: list[Reference]) -> dict[str, Reference]:
    """Each citation key ("Surname, Year") linked to its entry: the same year (a missing a/b suffix
    allowed), the surname as keyed, a word of a multi-word name, an institution's acronym, or one
    letter off; ambiguous or unmatched keys stay out."""
    out: dict[str, Reference] = {}
    for key in keys:
        surname, _, year = key.rpartition(", ")
        scored = [(_name_score(surname, e), _same_year(year, e.year), i) for i, e in enumerate(entries)]
        scored = [s for s in scored if s[0] and s[1]]
        if not scored:
            continue
        best = max(s[:2] for s in scored)
        top = [i for n, y, i in scored if (n, y) == best]
        if len({entries[i].text for i in top}) == 1:
            out[key] = entries[top[0]]
    return out
