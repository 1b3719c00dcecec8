"""References to parts of statutes and treaties in a question, and to statutes by number and year.

"Pasal 2 ayat (1)", "Pasal 7 ayat 2 huruf c", "Article 3 (a)", "Articles 2, 3 and 4", "Penjelasan Pasal 2";
"UU Nomor 21 Tahun 2007", "UU 21/2007", "Perda DIY No. 6 Tahun 2025", "Law No. 37 of 1999". Pasal and
Article are one thing (an Indonesian question may ask about a treaty's Article as its Pasal).
A passage is in an asked part when its section path names that Pasal/Article.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from ..records import innermost_heading

_ARTICLE = re.compile(r"\b(?:pasal|articles?|art\.)\s+((?:\d{1,3}[A-Z]?)(?!\d)(?:\s*(?:,|dan|and|&|-|–|sampai|to)\s*\d{1,3}[A-Z]?(?!\d))*)"
                      r"(?:\s*(?:ayat|paragraph|para\.?)?\s*\(?(\d{1,2})\)?(?!\s*(?:tahun|year)))?"
                      r"(?:\s*(?:huruf|letter|subparagraph)\s*\(?([a-z])\)?(?!\w)|\s*\(([a-z])\)(?!\w))?", re.I)
_EXPLANATION = re.compile(r"\b(penjelasan|elucidation|explanatory|explanation)\b", re.I)
# (in its full style, up to four words of its name before the number: "Undang-Undang Negara Republik Indonesia
# Nomor 37", "Peraturan Daerah Daerah Istimewa Yogyakarta Nomor 6")
_STATUTE = re.compile(r"\b(?:uu|undang-undang|law|act|pp|perpres|perda|permen|peraturan\s+\w+(?:\s+\w+)?)\s*"
                      r"(?:(?:[^\W\d_]+\s+){1,4}?(?:no\.?|nomor|number|nr\.?)\s*|[A-Z]{2,5}\s+(?:no\.?|nomor|number|nr\.?)?\s*"
                      r"|(?:no\.?|nomor|number|nr\.?)?\s*)(\d{1,4})\s*"
                      r"(?:/|tahun|th\.?|of|year)\s*((?:19|20)\d{2})\b", re.I)


class Part(NamedTuple):
    """An asked part: Pasal/Article number, ayat/paragraph ("" if none), huruf/letter ("" if none)."""

    article: str
    paragraph: str = ""
    letter: str = ""


def asked_parts(text: str) -> tuple[Part, ...]:
    """The Pasal/Article parts a question names, in order."""
    found: list[Part] = []
    for m in _ARTICLE.finditer(text):
        numbers = re.findall(r"\d{1,3}[A-Z]?", m.group(1))
        if re.search(r"sampai|to|-|–", m.group(1)) and len(numbers) == 2 and all(n.isdigit() for n in numbers):
            numbers = [str(n) for n in range(int(numbers[0]), int(numbers[1]) + 1)][:20]
        single = len(numbers) == 1
        for n in numbers:
            letter = (m.group(3) or m.group(4) or "").lower()
            found.append(Part(n.upper(), m.group(2) or "" if single else "", letter if single else ""))
    return tuple(dict.fromkeys(found))


def without_statutes(text: str) -> str:
    """The text with the statutes it names cut out: the year of "UU No. 21 Tahun 2007" names a law, it does
    not ask about 2007."""
    return _STATUTE.sub(" ", text)


# the name a statute's number is followed by ("… Tahun 1999 tentang Hubungan Luar Negeri", "… of 2007 on the
# Eradication of …"): words in capitals, joined by lower-case small words
_TITLE_AFTER = re.compile(r"\s+(?:tentang|on|concerning)\s+(?:the\s+)?[A-Z][\w-]*"
                          r"(?:\s+(?:(?:dan|and|of|the|atas|terhadap|dalam|in)\s+)*[A-Z][\w-]*)*")


LAW_ABBREVIATIONS = {"uu": "undang-undang", "pp": "peraturan pemerintah", "perpres": "peraturan presiden",
                     "perda": "peraturan daerah", "permen": "peraturan menteri"}


def as_this_law(text: str, language: str) -> str:
    """The text with each statute it names, and the name after its number, said as "undang-undang ini",
    "peraturan daerah ini", "this law": what it asks of the law, whose passages all share its name (retrieve.py)."""
    out, end = [], 0
    for m in _STATUTE.finditer(text):
        title = _TITLE_AFTER.match(text, m.end())
        kind = " ".join(m.group().lower().split()[:2 if m.group().lower().startswith("peraturan") else 1])
        kind = LAW_ABBREVIATIONS.get(kind, kind)
        english = "law" if kind in ("undang-undang", "law", "act") else "regulation"
        out += [text[end:m.start()], f"{kind} ini" if language == "id" else f"this {english}"]
        end = title.end() if title else m.end()
    return "".join(out + [text[end:]]) if out else text


# where a law was published: "(Lembaran Negara Republik Indonesia Tahun 2009 Nomor 53", "Tambahan Lembaran Daerah
# Daerah Istimewa Yogyakarta Nomor 6", "Berita Negara … Nomor 12"
_GAZETTE = re.compile(r"\b(?:tambahan\s+)?(?:lembaran|berita)\s+(?:negara|daerah)\b(?:\s+[^\W\d_]+){0,5}?"
                      r"(?:\s+tahun\s+\d{4})?\s+nomor\s+\d+", re.I)


def without_references(text: str) -> str:
    """The text with the statutes, the gazettes that published them and the Pasal/Article parts it names cut
    out: "Menurut Pasal 1 UU Nomor 21 Tahun 2007, siapa Anak?" asks about "Anak"; the reference says where to
    look (retrieve.py)."""
    return _ARTICLE.sub(" ", _STATUTE.sub(" ", _GAZETTE.sub(" ", text)))


def asks_explanation(text: str) -> bool:
    """The question asks about a Penjelasan (elucidation)."""
    return bool(_EXPLANATION.search(text))


_ELUCIDATION = re.compile(r"\belucidation\b|\bpenjelasan\s+(?:umum|pasal|atas|undang-undang|uu|pp|peraturan|perda)\b", re.I)


def names_elucidation(text: str) -> bool:
    """The question asks about a statute's Penjelasan in words only law uses ("the general elucidation",
    "penjelasan umum"), not an everyday "explanation"/"penjelasan"."""
    return bool(_ELUCIDATION.search(text))


def named_statutes(text: str) -> tuple[tuple[str, str], ...]:
    """(number, year) of each statute the question names ("UU 21/2007" → ("21", "2007"))."""
    return tuple(dict.fromkeys((m.group(1).lstrip("0") or "0", m.group(2)) for m in _STATUTE.finditer(text)))


_SECTION_PART = re.compile(r"\b(?:Pasal|Article)\s+(\d{1,3}[A-Z]?)(?![\dA-Za-z])")


def part_numbers(section: str) -> list[str]:
    """The Pasal/Article numbers a section path is inside ("… › Pasal 2 › Ayat (1)" → ["2"])."""
    return _SECTION_PART.findall(section)


def is_explanation(section: str) -> bool:
    return section.startswith("Penjelasan")


ENACTMENT = "Pengesahan"  # the section of a statute's closing block: where, when and by whom enacted and promulgated


def is_enactment(section: str) -> bool:
    return innermost_heading(section) == ENACTMENT


_LAW_NOUN = r"(?:undang-undang|uu|perda|perpres|pp|peraturan|law|act|regulation|statute)"
_ENACTED = (r"(?:disahkan|diundangkan|ditetapkan|ditandatangani|menandatangani|mengesahkan|enacted|promulgated|signed"
            r"|signs?|passed|adopted)")
_OTHER_INSTRUMENT = (r"(?!\s+(?:[^\s?]+\s+){0,2}?(?:agreements?|mou|memorand\w*|perjanjian|nota|treat(?:y|ies)|conventions?"
                     r"|konvensi|protocols?|protokol|kesepakatan|deklarasi|declarations?)\b)")
# when, where or by whom a law was made: a verb of enacting said of the law ("Kapan Undang-Undang tentang Hubungan
# Luar Negeri disahkan?", "Perda … ditetapkan dan oleh siapa", "Which President signed the 2009 law …", "When was
# this act promulgated?"), or its gazette ("In which State Gazette was UU 14/2009 published?"); not what a law
# enacts ("sanksi yang ditetapkan dalam UU …": no when, who or where asked)
_ENACTMENT_ASKED = re.compile(
    rf"\b{_LAW_NOUN}\b(?:\s+[^\s?]+){{0,10}}?\s+(?:was\s+|were\s+|is\s+|been\s+|first\s+)?{_ENACTED}\b{_OTHER_INSTRUMENT}"
    rf"|\b{_ENACTED}\s+(?:the\s+|this\s+|that\s+)?(?:[^\s?]+\s+){{0,2}}?{_LAW_NOUN}\b"
    r"|\b(?:lembaran|berita)\s+(?:negara|daerah)\b|\b(?:state|official)\s+gazette\b", re.I)
_WHEN_WHO_WHERE = re.compile(r"\b(?:kapan|tanggal|tahun\s+berapa|siapa|di\s*mana|when|date|year|who|whom|where"
                             r"|which\s+(?:president|minister|governor|official|issue|number))\b", re.I)


def asks_enactment(text: str) -> bool:
    """The question asks when, where or by whom a law was enacted or promulgated, or where it was published: its
    closing block (`ENACTMENT`) answers."""
    return bool(_ENACTMENT_ASKED.search(text)) and bool(_WHEN_WHO_WHERE.search(text))
