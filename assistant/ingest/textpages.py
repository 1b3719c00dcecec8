"""Pages of a plain-text file: the page breaks a transcription keeps as lines, and its running lines.

Text copied out of paged documents (a statute from a legal database, a PDF saved as text) keeps
each page's foot line ("www.example.com 13", "13 / 43", "- 13 -", "Halaman 13") and running header
("www.example.com"). Such a line is told by its repetition, not its words: the same line, digits
aside, at least three times, short, far apart (a page of text between them), and, when it carries a
number, one that grows. A form feed is a page break too. The text is cut into pages there (the
page's printed number, when the marker gives one, is its label) and the repeated lines are dropped.
Structural headings ("Pasal 5", "Article 5", "BAB II") repeat with growing numbers too, but close
together and in the words of a heading: they are never taken for page marks.
"""
from __future__ import annotations

import re
from collections import defaultdict

from ..records import Page

_NUMBER = re.compile(r"\d+")
_MIN_REPEATS = 3
_MAX_CHARS = 70
_MIN_BARE = 5  # a running line without a number: a title line may repeat a few times, a header more
_MIN_GAP = 700  # mean characters between two occurrences: a page apart, not a list or heading apart
# the words of structural headings, which number consecutive parts, not pages
_HEADING = re.compile(r"^\s*(?:pasal|article|bab|chapter|bagian|paragraf|section|ayat|huruf|angka|part|lampiran|"
                      r"annex|appendix|tabel|table|gambar|figure)\b", re.I)


def _shape(line: str) -> str:
    return _NUMBER.sub("#", " ".join(line.split()).lower())


def running_lines(lines: list[str]) -> tuple[set[int], set[int]]:
    """(indexes of page-end marks, indexes of all running lines to drop): see the module doc."""
    where: dict[str, list[int]] = defaultdict(list)
    for i, line in enumerate(lines):
        text = line.strip()
        if text and len(text) <= _MAX_CHARS and not _HEADING.match(text.lstrip("#*> ")) \
                and not text.endswith((".", ";", ",", ":")):
            where[_shape(text)].append(i)
    offsets = _offsets(lines)
    marks: set[int] = set()
    drop: set[int] = set()
    for shape, found in where.items():
        if len(found) < _MIN_REPEATS:
            continue
        gap = (offsets[found[-1]] - offsets[found[0]]) / (len(found) - 1)
        if gap < _MIN_GAP or not any(ch.isalnum() for ch in lines[found[0]]):
            continue
        if "#" in shape and _growing([_numbers(lines[i]) for i in found]):
            marks.update(found)
            drop.update(found)
        elif "#" not in shape and len(found) >= _MIN_BARE:
            drop.update(found)
    return marks, drop


def _offsets(lines: list[str]) -> list[int]:
    out, total = [], 0
    for line in lines:
        out.append(total)
        total += len(line) + 1
    return out


def _numbers(line: str) -> int:
    """The number a page mark gives: its first ("13 / 43" → 13)."""
    return int(_NUMBER.findall(line)[0])


def _growing(numbers: list[int]) -> bool:
    """Page numbers: they go up, mostly one at a time."""
    steps = [b - a for a, b in zip(numbers, numbers[1:])]
    return bool(steps) and sum(1 for s in steps if 0 < s <= 3) >= 0.8 * len(steps)


def split_pages(text: str) -> list[Page]:
    """The text as pages (one page, numbered None, when it has no page marks), running lines dropped."""
    lines = text.split("\n")
    marks, drop = running_lines(lines)
    if not drop and "\f" not in text:
        return [Page(None, text)]
    pages: list[Page] = []
    current: list[str] = []
    numbered = bool(marks) or "\f" in text

    def close(label: str | None) -> None:
        body = "\n".join(current).strip("\n")
        if body.strip():
            number = len(pages) + 1 if numbered else None
            pages.append(Page(number, body, label if numbered else None))
        current.clear()

    for i, line in enumerate(lines):
        if i in marks:
            close(str(_numbers(line)))
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
