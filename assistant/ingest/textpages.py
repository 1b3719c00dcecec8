"""Pages of a plain-text file: the page breaks a transcription keeps as lines, and its running lines.

Text copied out of paged documents (a statute from a legal database, a PDF saved as text, a court
decision from its directory) keeps each page's foot line ("www.example.com 13", "13 / 43", "- 13 -",
"Halaman 13 dari 50") and running lines ("www.example.com", a watermark printed several times at each
page's top, a disclaimer). Such a line is told by its repetition, not its words: the same line, digits
aside, at least three times (a line without a number five), far apart (a page of text between them;
copies a few lines apart are one block), short, or, in a text with page marks, a long notice; when it
carries a number, one of its numbers grows. A form feed is a page break too. The text is cut into pages there (the
page's printed number, when the marker gives one, is its label) and the repeated lines are dropped.
Structural headings ("Pasal 5", "Article 5", "BAB II") repeat with growing numbers too, but close
together and in the words of a heading: they are never taken for page marks.
"""
from __future__ import annotations

import re
from collections import defaultdict

from ..records import Note, Page

_NUMBER = re.compile(r"\d+")
_MIN_REPEATS = 3
_MAX_CHARS = 70  # a page mark (a line with a number) is short
_MAX_BARE_CHARS = 250  # a running line without a number may be a long notice ("Disclaimer … informasi yang")
_BLOCK = 300  # occurrences this few characters apart are one block of a page's furniture (a watermark printed 5 times)
_MIN_BARE = 5  # a running line without a number: a title line may repeat a few times, a header more
_MIN_GAP = 700  # mean characters between two occurrences: a page apart, not a list or heading apart
# the words of structural headings, which number consecutive parts, not pages
_HEADING = re.compile(r"^\s*(?:pasal|article|bab|chapter|bagian|paragraf|section|ayat|huruf|angka|part|lampiran|"
                      r"annex|appendix|tabel|table|gambar|figure)\b", re.I)


def _shape(line: str) -> str:
    return _NUMBER.sub("#", " ".join(line.split()).lower())


def running_lines(lines: list[str]) -> tuple[dict[int, int], set[int]]:
    """({index of a page-end mark: its page number}, indexes of all running lines to drop): see the module doc."""
    where: dict[str, list[int]] = defaultdict(list)
    for i, line in enumerate(lines):
        text = line.strip()
        limit = _MAX_CHARS if _NUMBER.search(text) else _MAX_BARE_CHARS
        # (a short line ending a sentence is the text's own: "Cukup jelas."; a long notice repeated page
        # after page is not)
        if text and len(text) <= limit and not _HEADING.match(text.lstrip("#*> ")) \
                and not (len(text) <= _MAX_CHARS and text.endswith((".", ";", ",", ":"))):
            where[_shape(text)].append(i)
    offsets = _offsets(lines)
    marks: dict[int, int] = {}
    drop: set[int] = set()
    notices: set[int] = set()
    for shape, found in where.items():
        # a page mark is one line a page; a running line may be printed several times in a row: one block
        blocks = found if "#" in shape else \
            [i for n, i in enumerate(found) if n == 0 or offsets[i] - offsets[found[n - 1]] > _BLOCK]
        if len(blocks) < _MIN_REPEATS:
            continue
        gap = (offsets[blocks[-1]] - offsets[blocks[0]]) / (len(blocks) - 1)
        if gap < _MIN_GAP or not any(ch.isalnum() for ch in lines[found[0]]):
            continue
        numbers = _page_numbers([lines[i] for i in found]) if "#" in shape else None
        if numbers:
            marks.update(zip(found, numbers))
            drop.update(found)
        elif "#" not in shape and len(blocks) >= _MIN_BARE:
            (notices if len(lines[found[0]].strip()) > _MAX_CHARS else drop).update(found)
    if marks:  # a long line repeated page after page is a notice only where the text has page marks
        drop.update(notices)
    return marks, drop


def _offsets(lines: list[str]) -> list[int]:
    out, total = [], 0
    for line in lines:
        out.append(total)
        total += len(line) + 1
    return out


def _page_numbers(lines: list[str]) -> list[int] | None:
    """The page numbers a running line's occurrences give: the first of its numbers that goes up, mostly one
    at a time ("13 / 43" → 13; "Telp : 021-384 3348 Halaman 13" → 13); None when none does."""
    columns = list(zip(*(map(int, _NUMBER.findall(line)) for line in lines)))
    for numbers in columns:
        steps = [b - a for a, b in zip(numbers, numbers[1:])]
        if steps and sum(1 for s in steps if 0 < s <= 3) >= 0.8 * len(steps):
            return list(numbers)
    return None


_NOTE_DEFINITION = re.compile(r"^\[\^(\d{1,3})\]:[ \t]*(.*)$")


def _with_notes(text: str) -> tuple[str, list[Note]]:
    """The text without its Markdown footnote definitions ("[^12]: Lihat …", indented lines going on), and
    those notes."""
    if "[^" not in text:
        return text, []
    kept: list[str] = []
    notes: list[Note] = []
    in_note = False
    for line in text.split("\n"):
        m = _NOTE_DEFINITION.match(line)
        if m:
            notes.append(Note(m.group(1), m.group(2).strip()))
        elif in_note and line[:1] in (" ", "\t") and line.strip():
            notes[-1] = Note(notes[-1].number, f"{notes[-1].text} {line.strip()}")
        else:
            kept.append(line)
        in_note = bool(m) or in_note and line[:1] in (" ", "\t") and bool(line.strip())
    return "\n".join(kept), notes


def split_pages(text: str) -> list[Page]:
    """The text as pages (one page, numbered None, when it has no page marks), running lines dropped."""
    lines = text.split("\n")
    marks, drop = running_lines(lines)
    if not drop and "\f" not in text:
        body, notes = _with_notes(text)
        return [Page(None, body, None, notes)]
    pages: list[Page] = []
    current: list[str] = []
    numbered = bool(marks) or "\f" in text

    def close(label: str | None) -> None:
        body = "\n".join(current).strip("\n")
        if body.strip():
            number = len(pages) + 1 if numbered else None
            body, notes = _with_notes(body)
            pages.append(Page(number, body, label if numbered else None, notes))
        current.clear()

    for i, line in enumerate(lines):
        if i in marks:
            close(str(marks[i]))
        elif i in drop:
            continue
        elif "\f" in line:
            before, _, after = line.partition("\f")
            current.append(before)
            close(None)
            current.append(after)
        else:
            current.append(line)
    close(None)
    return pages or [Page(None, text)]
