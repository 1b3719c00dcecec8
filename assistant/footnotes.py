"""Footnotes as citations: a note's mark in the text ("… tidak mampu”.[^2]") and the work its note names
("Lihat PSKK UGM, 2021, “Studi …”", "Said Mirza Pahlevi, ‘Data Terpadu …’ (Pusdatin, 2020)"), keyed
"Surname, Year" as in-text citations are. "Ibid." and "Id." name the note before's work, "(n 103)" and
"supra note 103" note 103's; a note that names no author and year (a statute's article, a meeting) none.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from .citations import ET_AL, NOT_AUTHORS, YEAR, first_author_surname, name_surname
from .references import Reference

MARK = re.compile(r"\[\^(\d{1,3})\]")  # a note's mark, as PDF text carries it (and Markdown writes it)
_MARK_AND_SPACE = re.compile(r"\s*\[\^\d{1,3}\]")
_SAME_AS_BEFORE = re.compile(r"^\W*(?:ibid|ibidem|id|idem)\b\.?", re.I)
_POINTS_TO = re.compile(r"\(\s*n\.?\s*(\d{1,3})\s*\)|\bsupra\s+(?:note|n\.?)\s*(\d{1,3})", re.I)
_LEAD = re.compile(r"^\W*(?:(?:but\s+)?(?:lihat|see|compare|cf\.?|bandingkan(?:\s+dengan)?)"
                   r"(?:\s+(?:juga|also|generally|misalnya))?(?:\s*,?\s*e\.g\.)?,?:?"
                   r"|e\.g\.,?|misalnya|baca|(?:sebagaimana\s+)?dikutip\s+(?:dari|dalam|oleh)|dalam)\s+", re.I)
# "Rahardjo, op. cit., hlm. 7", "Rahardjo, loc. cit.": the author's work named in an earlier note
_CITED_BEFORE = re.compile(r"^(?P<author>[^,]{2,60}?),?\s+(?:op|loc)\.?\s*cit\b", re.I)
_AUTHORS_END = re.compile(r"\s*(?:,|\(|‘|“|\")")
_ALSO_AUTHORS = re.compile(rf"\s+(?:and|dan)\s+others\b|\s+(?:{ET_AL}\.?|dkk\.?)|\s*(?:&|\band\b|\bdan\b).*$", re.I)
_ARTICLE = {"al", "el"}  # "Al Afghani": the article is part of the family name
_A_YEAR = re.compile(rf"(?<![\w/]){YEAR}(?![\w/])")  # a year standing alone ("2021", not "ARB/16/41")
_YEAR_NEXT = re.compile(rf"\s*,?\s*{_A_YEAR.pattern}")
_BRACKETS = re.compile(r"\(([^()]*)\)")


def strip_marks(text: str) -> str:
    """The text without its notes' marks."""
    return _MARK_AND_SPACE.sub("", text) if "[^" in text else text


def marks(text: str) -> list[str]:
    """The numbers of the notes `text` marks, in order."""
    return MARK.findall(text) if "[^" in text else []


def note_key(text: str) -> str | None:
    """The work a footnote names, keyed "Surname, Year": its authors (before the first comma, bracket or
    quoted title; "Lihat"/"See" aside) and the first year it gives; None when it names no person or body."""
    text = _LEAD.sub("", " ".join(text.split()))
    end = _AUTHORS_END.search(text)
    authors = text[:end.start()] if end else ""
    year = _year(text, end.start() if end else 0)
    if not authors and end:  # "‘Title’ (TNP2K 2013) <…>": the body that issued it, beside the year, whole
        issued = re.search(rf"\(([^()]{{2,60}}?)\s*,?\s*({YEAR})\)", text)
        if issued and _plausible(issued.group(1)):
            return f"{' '.join(issued.group(1).split())}, {''.join(issued.group(2).split())}"
    if not year or not authors or not _plausible(authors):
        return None
    first = _ALSO_AUTHORS.sub("", authors).strip(" ,.")
    return f"{_surname(first)}, {''.join(year.group(0).split())}" if first else None


def _year(text: str, after: int) -> re.Match | None:
    """The year a note dates its work by: the one right after the authors ("PSKK UGM, 2021, …"), else the last
    in the last brackets that hold one ("(Jakarta: Pustaka, 2002)", not the 1981 of a title), else the first."""
    if _YEAR_NEXT.match(text, after):
        return _A_YEAR.search(text, after)
    bracketed = [m for m in _BRACKETS.finditer(text) if _A_YEAR.search(m.group(1))]
    if bracketed:
        return list(_A_YEAR.finditer(text, bracketed[-1].start(), bracketed[-1].end()))[-1]
    return _A_YEAR.search(text)


def _plausible(authors: str) -> bool:
    """Names, not a sentence: at most eight words, each capitalised (or a joining word), no number, no title
    of a law or treaty ("Indigenous and Tribal Peoples Convention, 1989")."""
    words = authors.split()
    return (0 < len(words) <= 8 and not re.search(r"\b\d+\b", authors)
            and not {w.lower().strip(".,") for w in words} & NOT_AUTHORS
            and all(w[:1].isupper() or w.lower().strip(".,") in {"and", "dan", "&", "others", "et", "al", "dkk", "van",
                                                                  "de", "der", "von", "bin", "binti"} for w in words))


def _surname(author: str) -> str:
    """A note prints names given name first ("Said Mirza Pahlevi" → "Pahlevi"); a body's acronyms stay whole
    ("PSKK UGM"), as does an institution's name; "Al Afghani" keeps its article."""
    words = author.split()
    if all(w.isupper() and 1 < len(w) <= 6 for w in words) and (len(words) == 1 or all(len(w) <= 5 for w in words)):
        return author  # acronyms ("UNCTAD", "PSKK UGM"), not a name in capitals ("LORENZO COTULA" is Cotula)
    institution = first_author_surname(author)
    if " " in institution:
        return institution
    last = name_surname(author) or words[-1]
    if len(words) >= 2 and words[-2].lower() in _ARTICLE and words[-2][:1].isupper():
        return f"{words[-2]} {last}"
    return last


def note_keys(notes: Sequence[tuple[str, str]]) -> list[str | None]:
    """The key of the work each of a document's notes names ((number, text) pairs, in order), or None:
    "Ibid." takes the note before's, "(n 103)" the last note 103's."""
    out: list[str | None] = []
    latest: dict[str, str] = {}
    for number, text in notes:
        text = _LEAD.sub("", " ".join(text.split()))  # ("See id. at 5", "Lihat Ibid., hlm. 7")
        pointed, before = _POINTS_TO.search(text), _CITED_BEFORE.match(text)
        if _SAME_AS_BEFORE.match(text):
            key = out[-1] if out else None
        elif before:  # the latest work of that author
            surname = _surname(before.group("author").strip())
            key = next((k for k in reversed(out) if k and k.rpartition(", ")[0] == surname), None)
        elif pointed:  # "‘Title’ (n 103)", "Pahlevi (n 125)", "Smith, supra note 12"
            key = latest.get(pointed.group(1) or pointed.group(2)) or note_key(text)
        else:
            key = note_key(text)
        if key:
            latest[number] = key
        out.append(key)
    return out


def note_references(notes: Sequence[tuple[str, str]]) -> list[Reference]:
    """A reference for each work the notes name (the first note naming it in full, as its entry)."""
    out: dict[str, Reference] = {}
    for (_, text), key in zip(notes, note_keys(notes)):
        if key and key not in out and note_key(text) == key:
            surname, _, year = key.rpartition(", ")
            out[key] = Reference(key, [surname], year, "", "", "", "", " ".join(_LEAD.sub("", text).split()))
    return list(out.values())
