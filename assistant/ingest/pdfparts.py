"""Parts of a PDF page besides its body text, told by layout: the footnotes at a page's foot, and
the title block (title, authors) at the top of the first page.

Footnotes: the lines at the foot of a page drawn smaller than the body text, the first of them
opening with its number ("64 Ibid, hal 6"); each number starts a note, the lines after it continue
it. Pages that are all small text (a reference list, a table) have no footnotes.
Title: the most prominent lines near the top of the first page (the largest size; at body size, the
first bold lines), as one block of consecutive lines; the names right under it are the authors.
"""
from __future__ import annotations

import re

from ..footnotes import strip_marks
from ..records import Note
from .pdftext import Line

_NOTE_START = re.compile(r"^(\d{1,3})\s*[.)]?\s*(?=\S)(.*)$")
_SMALL = 0.93  # a footnote's size, at most this share of the body's (10.5 pt under 11.5 pt)
_CONTACT = re.compile(r"@|\b(e-?mail|universit|fakultas|faculty|department|departemen|program studi|sekolah|"
                      r"institut|jurusan|school|college|pascasarjana|lecturer|dosen|correspond)", re.I)


def split_notes(lines: list[Line], body: float, last: int = 0) -> tuple[list[Line], list[Note]]:
    """The page's lines without its footnotes, and the footnotes (number, text), in order. `last`: the
    number of the document's previous footnote; notes go on from it (or start again at 1)."""
    if not body or not lines or any(line.size is None for line in lines):
        return lines, []
    start = len(lines)
    while start > 0 and lines[start - 1].size <= _SMALL * body:
        start -= 1
    foot = _numbers_joined(lines[start:])
    # the small block must open with a number, sit below the body, and leave most of the page as body
    while foot and not _NOTE_START.match(foot[0].text):
        foot, start = foot[1:], start + 1
    if not foot or start == 0 or len(foot) * 2 > len(lines) or foot[0].y >= lines[start - 1].y:
        return lines, []
    if int(_NOTE_START.match(foot[0].text).group(1)) not in (1, last + 1, last + 2):
        return lines, []  # a number out of the sequence: a listing or a table's last rows, not a note
    notes: list[Note] = []
    for line in foot:
        m = _NOTE_START.match(line.text)
        if m and (not notes or int(m.group(1)) == int(notes[-1].number) + 1):
            notes.append(Note(m.group(1), m.group(2).strip()))
        elif notes:
            notes[-1] = Note(notes[-1].number, _join(notes[-1].text, line.text))
    return lines[:start], notes


def _numbers_joined(foot: list[Line]) -> list[Line]:
    """A note number raised above its line comes as a line of its own: put it before the text it numbers."""
    out: list[Line] = []
    for line in foot:
        if out and out[-1].text.isdigit() and len(out[-1].text) <= 3 and abs(out[-1].y - line.y) < (line.size or 10):
            number = out.pop()
            line = Line(f"{number.text} {line.text}", min(number.x0, line.x0), line.x1, line.y, line.size, line.row,
                        line.weight)
        out.append(line)
    return out


def _join(text: str, more: str) -> str:
    if text.endswith("-") and not text.endswith(" -") and more[:1].islower():
        return text[:-1] + more
    return f"{text} {more}"


def title_block(lines: list[Line], body: float, height: float) -> tuple[str, list[str]]:
    """(title, authors) of a first page: its most prominent lines in the top half, and the name lines
    right under them; ("", []) when nothing stands out or what does is no title (fewer than two words)."""
    top = [line for line in lines if line.y is not None and line.size and line.y > 0.45 * height]
    if not top:
        return "", []

    def bold(line: Line) -> bool:
        return (line.weight or 400) >= 600

    largest = max(line.size for line in top)
    best_bold = any(bold(line) for line in top if line.size >= 0.92 * largest)
    if largest < 1.12 * body and not best_bold:
        return "", []

    def prominent(line: Line) -> bool:  # as large as the largest (OCR'd sizes vary a few per cent), as bold
        return line.size >= 0.92 * largest and bold(line) == best_bold

    start = next(i for i, line in enumerate(top) if prominent(line))
    block = [top[start]]
    for line in top[start + 1:]:
        gap = block[-1].y - line.y
        if not prominent(line) or gap > 1.8 * line.size or gap < 0:
            break
        block.append(line)
    title = strip_marks(" ".join(" ".join(line.text for line in block).split()))
    if len(re.findall(r"[^\W\d_]{3,}", title)) < 2 or len(title) > 300:
        return "", []  # a logo, a journal's number ("ISSN : 1907-2430"): no title
    authors = []
    rest = top[start + len(block):]
    while rest and prominent(rest[0]) and not _names(strip_marks(rest[0].text)):  # the title again, translated
        rest = rest[1:]
    for line in rest:
        text = strip_marks(line.text).strip(" ,")
        if not text:
            continue
        if _CONTACT.search(text) or not _names(text):
            break
        authors.extend(a for a in re.split(r"\s*(?:,|;|\band\b|\bdan\b|&)\s*", text) if a)
    return title, authors


# the labels of a paper's parts ("Abstrak", "Keywords"): a heading under the authors, no author
PART_LABELS = {"abstrak": "Abstrak", "abstraksi": "Abstraksi", "abstract": "Abstract", "kata kunci": "Kata kunci",
               "keywords": "Keywords", "key words": "Keywords", "intisari": "Intisari", "ringkasan": "Ringkasan",
               "summary": "Summary"}


def _names(text: str) -> bool:
    """A line of person names: capitalised words (or all capitals), separated by commas or "dan"/"and",
    no digits, no sentence punctuation, not a part's label ("Abstraksi")."""
    text = text.strip(" ,")
    if not text or re.search(r"\d|[.:;?!]\s|[.:;?!]$", text) or _CONTACT.search(text):
        return False
    first = text.lower().split()
    if first[0] in PART_LABELS or " ".join(first[:2]) in PART_LABELS:
        return False
    parts = [p for p in re.split(r"\s*(?:,|&|\band\b|\bdan\b)\s*", text) if p]
    if not parts:
        return False
    words = [w for p in parts for w in p.split()]
    capitalised = sum(1 for w in words if w[:1].isupper())
    return all(1 <= len(p.split()) <= 5 for p in parts) and capitalised >= 0.8 * len(words) and \
        (len(parts) >= 2 or len(words) <= 5)
