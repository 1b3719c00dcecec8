"""Structure of statutes and treaties: their headings by the drafting conventions of the genre.

Indonesian legislation (UU 12/2011's drafting rules) is built of BAB, Bagian, Paragraf and Pasal, with
ayat "(1)", huruf "a." and angka "1." inside a Pasal; its preamble has Menimbang, Mengingat and
Menetapkan; its Penjelasan has "I. UMUM", "II. PASAL DEMI PASAL" and, per Pasal, "Ayat (1)",
"Huruf a". Treaties have Chapters (or a bare roman numeral) and Articles, each with a title line.
A document is legal when at least three lines are Pasal or Article headings. `legal_heading` gives a
line's level and title, `short_title` the citation form of a statute's own heading
("UNDANG-UNDANG REPUBLIK INDONESIA NOMOR 21 TAHUN 2007 TENTANG …" → "UU No. 21 Tahun 2007").
"""
from __future__ import annotations

import re
from typing import NamedTuple

from ..search.legal import ENACTMENT  # a statute's closing block: where, when and by whom it was enacted and promulgated

# levels of the section path (a smaller number is a larger part)
PENJELASAN, PART, BAGIAN, PARAGRAF, PASAL, AYAT, HURUF = 0, 1, 2, 3, 4, 5, 6
EXPLANATION = "Penjelasan"  # the section of a statute's elucidation

_MD = r"(?:#{1,6}\s*)?"
_ROMAN = r"[IVXLC]+"
_ORDINAL = r"(?:Kesatu|Pertama|Ke[a-z]+|\d+)"
_PATTERNS: list[tuple[int, re.Pattern, str]] = [
    (PENJELASAN, re.compile(rf"^{_MD}(PENJELASAN)(?:\s+ATAS\b.*)?\s*$"), EXPLANATION),
    (PART, re.compile(rf"^{_MD}(?:BAB|Bab)\s+({_ROMAN}|\d{{1,2}})\b\.?\s*(.*)$"), "BAB {0}"),
    (PART, re.compile(rf"^{_MD}LAMPIRAN\b()\s*(.{{0,80}})$"), "Lampiran"),  # an annex after the enactment
    (PART, re.compile(rf"^{_MD}(?:CHAPTER|Chapter|PART|Part)\s+({_ROMAN}|\d{{1,2}})\b\.?\s*(.*)$"), "Chapter {0}"),
    (PART, re.compile(rf"^{_MD}({_ROMAN})\.?\s*$"), "Chapter {0}"),  # "### II" over a chapter's title line
    (PART, re.compile(rf"^{_MD}({_ROMAN})\.\s+(UMUM|PASAL DEMI PASAL|[A-Z][A-Z ]{{2,40}})\s*$"), "{0}. {1}"),
    (BAGIAN, re.compile(rf"^{_MD}(?:Bagian|BAGIAN)\s+({_ORDINAL})\b\s*(.*)$"), "Bagian {0}"),
    (PARAGRAF, re.compile(rf"^{_MD}(?:Paragraf|PARAGRAF)\s+({_ORDINAL})\b\s*(.*)$"), "Paragraf {0}"),
    (PASAL, re.compile(rf"^{_MD}(?:Pasal|PASAL)\s+(\d{{1,3}}[A-Z]?)\s*$"), "Pasal {0}"),
    (PASAL, re.compile(rf"^{_MD}(?:Article|ARTICLE)\s+(\d{{1,3}}(?:\s?bis|\s?ter)?)\s*$"), "Article {0}"),
    (AYAT, re.compile(rf"^{_MD}(?:Ayat|AYAT)\s+\((\d{{1,2}}[a-z]?)\)\s*$"), "Ayat ({0})"),
    (HURUF, re.compile(rf"^{_MD}(?:Huruf|HURUF)\s+([a-z]{{1,2}})\s*$"), "Huruf {0}"),
    (HURUF, re.compile(rf"^{_MD}(?:Angka|ANGKA)\s+(\d{{1,2}})\s*$"), "Angka {0}"),
]
# preamble parts; what follows the colon on their line is body text
_PREAMBLE = re.compile(r"^(Menimbang|Mengingat|Memperhatikan|Menetapkan|MEMUTUSKAN)\s*:?\s*(.*)$", re.I)
# where the enactment and signatures start (a part of its own, not the last Pasal's text)
_ENACTED = re.compile(r"^(Disahkan|Ditetapkan|Diundangkan)\s+(di|Di|DI)\b")
_GAZETTE = r"(?:LEMBARAN|BERITA)\s+(?:NEGARA|DAERAH)"
_ENACTMENT_PARTS = re.compile(rf"(?<!TAMBAHAN)\s+(?=(?:Disahkan|Ditetapkan|Diundangkan)\s+(?:di|Di|DI)\b|{_GAZETTE}|TAMBAHAN\s+{_GAZETTE})")
GAZETTE_ENTRY = re.compile(rf"\b{_GAZETTE}\b.*\bNOMOR\s+\d+", re.I)  # "LEMBARAN NEGARA … TAHUN 2007 NOMOR 58"


def enactment_sentences(text: str) -> list[str]:
    """A Pengesahan block as its statements ("Disahkan di Jakarta, pada tanggal 19 April 2007 PRESIDEN …, ttd.
    NAMA"; "Diundangkan di …"; "LEMBARAN NEGARA … NOMOR 58"): the sentence splitter cuts it at every "Ttd." and
    "DR.", leaving the date, the office and the name apart."""
    return [part for part in _ENACTMENT_PARTS.split(" ".join(text.split())) if part]
_LEGAL_LINE = re.compile(rf"^{_MD}(?:Pasal|PASAL|Article|ARTICLE)\s+\d{{1,3}}[A-Z]?\s*$", re.M)


class Heading(NamedTuple):
    level: int
    title: str
    rest: str  # text after the heading on the same line (body), "" if none
    needs_title: bool  # a BAB/Bagian/Paragraf/Chapter/Article whose title is the next line


def is_legal(text: str) -> bool:
    """At least three Pasal or Article headings: a statute or a treaty."""
    return len(_LEGAL_LINE.findall(text)) >= 3


def legal_heading(line: str) -> Heading | None:
    """The heading a line of a statute or treaty is, or None."""
    line = " ".join(line.split())
    if not line or len(line) > 120:
        return None
    m = _PREAMBLE.match(line)
    if m:
        return Heading(PART, m.group(1).capitalize() if m.group(1).isupper() else m.group(1), m.group(2), False)
    if _ENACTED.match(line):
        return Heading(PART, ENACTMENT, line, False)
    for level, pattern, form in _PATTERNS:
        m = pattern.match(line)
        if not m:
            continue
        groups = [g for g in m.groups()]
        if form == "{0}. {1}":
            return Heading(level, f"{groups[0]}. {groups[1].capitalize()}", "", False)
        title = form.format(*groups)
        inline = groups[1].strip() if len(groups) > 1 and groups[1] else ""
        if inline and level in (PART, BAGIAN, PARAGRAF):
            return Heading(level, f"{title} {_case(inline)}", "", False)
        return Heading(level, title, "", level in (PART, BAGIAN, PARAGRAF) or title.startswith("Article"))
    return None


def title_line(line: str) -> str | None:
    """The title line under a BAB, Bagian or Article ("KETENTUAN UMUM", "Use of terms"), or None."""
    line = " ".join(line.lstrip("#").split())
    if not line or len(line) > 160 or line.endswith((".", ";", ",", ":")) or legal_heading(line):
        return None
    if re.match(r"^(\(?\d{1,2}[.)]|\(?[a-z][.)])\s", line):
        return None
    return _case(line)


def _case(title: str) -> str:
    """An all-caps title in title case ("KETENTUAN UMUM" → "Ketentuan Umum"); others as written."""
    return title.title() if title.isupper() else title


_SMALL_WORDS = {"dan", "di", "ke", "dari", "yang", "untuk", "pada", "dengan", "dalam", "atau", "terhadap", "oleh",
                "of", "the", "and", "in", "on", "for", "to", "a", "an", "by", "with", "at", "from", "as", "or"}


def title_case(title: str) -> str:
    """An all-capitals title as a title ("PENGARUH IKLIM ORGANISASI DAN …" → "Pengaruh Iklim Organisasi dan …");
    others as printed."""
    letters = [ch for ch in title if ch.isalpha()]
    if not letters or sum(ch.isupper() for ch in letters) < 0.6 * len(letters):
        return title
    words = [w.lower() if w.isupper() or not any(ch.isalpha() for ch in w) else w for w in title.split()]
    return " ".join(w if i and w in _SMALL_WORDS or not w.islower() else
                    "-".join(re.sub(r"^(\W*)(\w)", lambda m: m[1] + m[2].upper(), p) for p in w.split("-"))
                    for i, w in enumerate(words))



_KINDS = [  # the type of regulation as its heading names it → its abbreviation ("" : the type's own words)
    ("PERATURAN PEMERINTAH PENGGANTI UNDANG-UNDANG", "Perppu"), ("UNDANG-UNDANG DASAR", "UUD"),
    ("UNDANG-UNDANG", "UU"), ("PERATURAN PEMERINTAH", "PP"), ("PERATURAN PRESIDEN", "Perpres"),
    ("KEPUTUSAN PRESIDEN", "Keppres"), ("INSTRUKSI PRESIDEN", "Inpres"), ("PERATURAN DAERAH", "Perda"),
    ("PERATURAN MENTERI", ""), ("PERATURAN GUBERNUR", ""), ("PERATURAN BUPATI", ""), ("PERATURAN WALI ?KOTA", ""),
    ("PERATURAN BADAN", ""), ("KEPUTUSAN MENTERI", ""),
]
_STATUTE = re.compile(r"(?P<kind>" + "|".join(k for k, _ in _KINDS) + r")(?P<who>(?: (?!NOMOR\b)[A-Z]+){0,8}?)\s+"
                      r"NOMOR\s+(?P<number>[\dA-Z./-]+)\s+TAHUN\s+(?P<year>\d{4})"
                      r"(?:\s+TENTANG\s+(?P<about>[^a-z]{3,700}?)(?=\s+\S*[a-z]|$))?")


def statute_heading(text: str) -> dict | None:
    """A statute's own heading in its opening text: {"short_title", "title", "number", "year", "type"}."""
    head = " ".join(text[:1500].split())
    m = _STATUTE.search(head)  # the heading is in capitals; its subject ends at the first word in lower case
    if not m:
        return None
    span = head[m.start():m.end()]
    kind = m.group("kind")
    abbr = next(a for pattern, a in _KINDS if re.fullmatch(pattern, kind))
    who = re.sub(r"\s*\bREPUBLIK INDONESIA$", "", m.group("who").strip())
    if not abbr:  # "Peraturan Menteri Kesehatan"
        abbr = f"{kind.title()} {who.title()}".strip()
    elif who and abbr == "Perda":  # the region: "Perda Daerah Istimewa Yogyakarta"
        abbr = f"Perda {who.title()}"
    about = m.group("about")
    if about:  # the subject ends where the preamble starts
        about = re.split(r"\s+(?:DENGAN RAHMAT|MENIMBANG|PRESIDEN REPUBLIK|GUBERNUR|BUPATI|WALI ?KOTA|MENTERI)\b",
                         about.upper())[0].strip()
    full = re.sub(r"\s+TENTANG\s*$", "", head[m.start():m.start("about")], flags=re.I) if about else span
    return {"short_title": f"{abbr} No. {m.group('number')} Tahun {m.group('year')}",
            "title": title_case(" ".join(full.split())) + (f" tentang {title_case(about)}" if about else ""),
            "number": m.group("number"), "year": m.group("year"), "type": abbr}
