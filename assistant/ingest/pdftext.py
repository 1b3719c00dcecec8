"""PDF text clean-up: pypdfium2 lines with their geometry → paragraphs of clean text.

Steps, on the whole document: repeated running headers/footers and bare page numbers are
dropped; lines are joined into paragraphs (breaks at vertical gaps, short last lines, font-size
changes, bullets and first-line indents); line-end hyphenation is rejoined ("pertum-/buhan" →
"pertumbuhan") but real hyphens stay ("berbeda-/beda", "Indonesia-/Kamboja"); larger-font
short lines become Markdown-style "# Heading" paragraphs, which chunk.py turns into sections;
a table row (a line whose text runs stand apart in columns) becomes a "• " item of its own.
"""
from __future__ import annotations

import ctypes
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from ..footnotes import strip_marks
from .structure import legal_heading

# pdfium marks a hyphen it found at a line end with U+FFFE (or U+0002); U+00AD is a soft hyphen
_HYPHEN_MARKS = "\ufffe\x02\xad"
CELL = " \u241f "  # between the cells of a table row until _with_headers writes the row ("␟", never in a text;
# spaced, so a row's cells count as words as they did when apart by " | ")
# a spacing accent set before its letter inside a word, as TeX's PDFs give it ("V´elez", "Casta˜neda", "Mart´ınez")
_ACCENT = re.compile(r"(?<=[^\W\d_])([´˜¨ˆˇ])([aeiouyıAEIOUnNcCsSzZrR])(?=[^\W\d_])")
_COMBINING = {"´": "\u0301", "˜": "\u0303", "¨": "\u0308", "ˆ": "\u0302", "ˇ": "\u030c"}
_TEX = re.compile(r"\b(?:pdf|xe|lua)?(?:la)?tex\b|dvipdfm", re.I)
_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st"}
_BULLET = re.compile(r"^([•◦▪‣●○■□➢►✓\-–—*]\s|\(?\d{1,2}[.)]\s|\(?[a-z][.)]\s)")
_PAGE_NUMBER = re.compile(r"^[\s\-–—|]*((page|halaman|hal\.?)\s*)?(\d{1,4}|[ivxlcdm]{1,7})"
                          r"(\s*(/|of|dari)\s*\d{1,4})?[\s\-–—|]*$", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_MARKED_WORD = re.compile(f"\\w*[{_HYPHEN_MARKS}]\\w*")
_SUFFIXES = ("nya", "kan", "an", "i", "lah", "kah")


@dataclass
class Line:
    """One text line of a page; geometry in PDF points (y grows upwards), None if unknown."""

    text: str
    x0: float | None = None
    x1: float | None = None
    y: float | None = None  # baseline
    size: float | None = None
    row: bool = False  # a table row: its text runs stand apart in columns (see _is_row)
    weight: int | None = None  # font weight (700 bold), None if unknown


def page_lines(textpage) -> list[Line]:
    """Lines of a pypdfium2 text page, with the position and font size of each line. pdfium
    sometimes glues two visual lines at a hyphen mark: those are split back apart."""
    text = textpage.get_text_range()
    if len(text) != textpage.count_chars():  # char indices do not map 1:1 to string offsets
        return [Line(s.strip()) for s in re.split(r"[\r\n]+", text) if s.strip()]
    lines: list[Line] = []
    for m in re.finditer(r"[^\r\n]+", text):
        start = m.start()
        for piece in re.split(f"(?<=[{_HYPHEN_MARKS}])", m.group()):
            line = _line(textpage, piece, start) if piece.strip() else None
            start += len(piece)
            if line is None:
                continue
            prev = lines[-1] if lines and lines[-1].text.endswith(tuple(_HYPHEN_MARKS)) else None
            if prev is not None and abs(prev.y - line.y) < 0.5 * (line.size or 10):  # same visual line
                lines[-1] = Line(prev.text + line.text, prev.x0, line.x1, prev.y, prev.size, prev.row or line.row,
                                 prev.weight)
            else:
                lines.append(line)
    return lines


def _line(textpage, s: str, offset: int) -> Line:
    import pypdfium2.raw as raw

    x, y = ctypes.c_double(), ctypes.c_double()
    first = offset + len(s) - len(s.lstrip())
    last = offset + len(s.rstrip()) - 1
    raw.FPDFText_GetCharOrigin(textpage.raw, first, ctypes.byref(x), ctypes.byref(y))
    left = textpage.get_charbox(first)[0]
    right = textpage.get_charbox(last)[2]
    size = font_size(textpage, (first + last) // 2)
    weight = raw.FPDFText_GetFontWeight(textpage.raw, (first + last) // 2)
    text = s.strip()
    starts = _row_cells(textpage, first, last)
    cells = _cells(text, starts) if starts else []
    if len(cells) > 1 and all(cells):
        text = CELL.join(cells)  # a row keeps its cells apart (until _with_headers)
    elif _MARKER_CANDIDATE.search(text):
        text = _with_note_marks(textpage, text, first, size, y.value)
    return Line(text, left, right, y.value, size or None, starts is not None, weight if weight > 0 else None)


# digits right after a word or its punctuation ("Daerah24", "Ramadhani1", "kerja.3"): maybe a raised note marker
_MARKER_CANDIDATE = re.compile(r"(?<=[^\W\d_]|[.,;:)”\"’'])\d{1,3}(?:,\d{1,3})*(?=[\s,.;:)]|$)")


def _with_note_marks(textpage, text: str, first: int, size: float, baseline: float) -> str:
    """The line with its note markers as marks ("Daerah[^24]", `footnotes.MARK`): digits after a word drawn
    smaller than the line's text, or raised above its baseline (footnote and affiliation marks), which
    would otherwise glue onto words."""
    import pypdfium2.raw as raw

    x, y = ctypes.c_double(), ctypes.c_double()
    keep = []
    last = 0
    for m in _MARKER_CANDIDATE.finditer(text):
        digit = first + m.start()
        raw.FPDFText_GetCharOrigin(textpage.raw, digit, ctypes.byref(x), ctypes.byref(y))
        smaller = font_size(textpage, digit) <= 0.85 * (size or 0)
        raised = y.value - baseline >= 0.2 * (size or 10)
        if smaller or raised:  # kept as the note's mark ("kerja.[^3]"), which chunking reads and takes out; not
            # after a unit or a formula's letters ("m²", "CO₂"), which it drops
            unit = re.search(r"(?<![^\W\d_])[^\W\d_]{1,2}$", text[:m.start()])
            keep.append(text[last:m.start()] + ("" if unit else "".join(f"[^{n}]" for n in m.group(0).split(","))))
            last = m.end()
    if not keep:
        return text
    return "".join(keep) + text[last:]


def font_size(textpage, index: int) -> float:
    """The size a glyph is drawn at, in points: the font size times the scale of its text matrix
    (Word's PDFs set size 1 and scale the matrix to 12)."""
    import pypdfium2.raw as raw

    size = raw.FPDFText_GetFontSize(textpage.raw, index)
    matrix = raw.FS_MATRIX()
    if raw.FPDFText_GetMatrix(textpage.raw, index, ctypes.byref(matrix)):
        scale = math.sqrt(abs(matrix.a * matrix.d - matrix.b * matrix.c))
        if scale > 0:
            size *= scale
    return size


def _row_cells(textpage, first: int, last: int) -> list[int] | None:
    """Where a table row's cells start (character offsets in the line), or None when the line is no row:
    pdfium's text runs on the line stand apart by two or more gaps wider than 1.5 font sizes (cells in
    columns); a dot leader's gaps ("Bab 1 . . . . 3") do not count. Runs closer than that are one cell."""
    import pypdfium2.raw as raw

    count = raw.FPDFText_CountRects(textpage.raw, first, last - first + 1)
    if count < 3:
        return None
    size = font_size(textpage, first) or 10  # of a glyph: a space's may be 1
    box = [ctypes.c_double() for _ in range(4)]  # left, top, right, bottom (raw calls: the wrapper's cost per rect)
    rects = []
    for i in range(count):
        raw.FPDFText_GetRect(textpage.raw, i, *(ctypes.byref(v) for v in box))
        rects.append((box[0].value, box[3].value, box[2].value, box[1].value))
    wide = [b[0] - a[2] > 1.5 * size and b[2] - b[0] > size / 2 for a, b in zip(rects, rects[1:])]
    if sum(wide) < 2:
        return None
    starts = [0]
    for rect, apart in zip(rects[1:], wide):
        if apart:  # the character at the left edge of the run that opens a cell
            index = raw.FPDFText_GetCharIndexAtPos(textpage.raw, rect[0] + 0.5, (rect[1] + rect[3]) / 2, 2.0, 2.0)
            if index <= first or index > last:
                return []  # a row whose cells cannot be placed: kept whole
            starts.append(index - first)
    return starts


def _cells(text: str, starts: list[int]) -> list[str]:
    """The line's text cut at its cells' starts."""
    return [" ".join(text[a:b].split()) for a, b in zip(starts, [*starts[1:], len(text)])]


def _norm(text: str) -> str:
    """A line with numbers (arabic or roman) blanked, to spot running headers and footers."""
    return re.sub(r"\b[ivxlc]{1,6}\b|\d+", "#", " ".join(text.lower().split()))


def strip_headers_footers(pages: list[list[Line]]) -> tuple[list[list[Line]], list[int | None]]:
    """Drop running headers/footers (a top or bottom line repeated, digits aside, on at least
    40% of pages and 2 of them) and bare page numbers. Returns the pages and, per page, the
    printed arabic page number found on it (None if none)."""
    edge = lambda lines: lines[:2] + lines[-2:] if len(lines) > 4 else list(lines)  # noqa: E731
    seen = Counter()
    for lines in pages:
        seen.update({_norm(line.text) for line in edge(lines)})
    need = max(2, math.ceil(0.4 * len(pages)))
    repeated = {key for key, n in seen.items() if n >= need}
    out, printed = [], []
    for lines in pages:
        ends = {id(line) for line in edge(lines)}
        numbers = [m.group(3) for line in edge(lines) if (m := _PAGE_NUMBER.match(line.text)) and m.group(3).isdigit()]
        printed.append(int(numbers[0]) if len(numbers) == 1 else None)
        out.append([line for line in lines if id(line) not in ends or _part_heading(line.text)
                    or not (_norm(line.text) in repeated or _PAGE_NUMBER.match(line.text))])
    for i, page in enumerate(out[:-1]):  # a catchword: the next page's first words at this one's foot
        if not page or not _ELLIPSIS_END.match(page[-1].text):
            continue
        starts = [" ".join(line.text for line in lines[:4]) for lines in
                  (out[i + 1], [line for line in pages[i + 1] if not _PAGE_NUMBER.match(line.text)])]
        if any(_catchword(page[-1].text, start) for start in starts):
            page.pop()
    return out, printed


def _part_heading(text: str) -> bool:
    """A Pasal/Article/Ayat heading: opening a page ("Pasal 2" over "Ayat (1)"), it repeats, digits aside, on
    many pages, yet is no running line."""
    heading = legal_heading(text)
    return heading is not None and heading.level >= 4


_ELLIPSIS_END = re.compile(r"^(.*?)\s*(?:…|\.{3})\s*$")


def _catchword(line: str, next_page: str) -> bool:
    """A page's last line that ends in an ellipsis and repeats how the next page begins ("Pasal 2 …",
    "(2) Larangan …": Indonesian statutes print the next page's first words at each page's foot)."""
    m = _ELLIPSIS_END.match(line)
    words = " ".join(m.group(1).split()) if m else ""
    start = " ".join(next_page.split())
    return bool(words) and start.startswith(words) and not start[len(words):len(words) + 1].isalnum()  # not "Pasal 20"


def printed_labels(printed: list[int | None]) -> list[str] | None:
    """Page labels from printed page numbers, when they follow the physical pages at a fixed
    offset on most numbered pages (e.g. an article printed as pages 45-60); else None."""
    offsets = Counter(n - i for i, n in enumerate(printed, 1) if n is not None)
    if not offsets:
        return None
    offset, hits = offsets.most_common(1)[0]
    if offset == 0 or hits < 2 or hits < 0.6 * sum(offsets.values()) or 1 + offset < 1:
        return None
    return [str(i + offset) for i in range(1, len(printed) + 1)]


def vocabulary(texts: list[str]) -> tuple[set[str], set[str]]:
    """Lower-cased words seen whole, and hyphenated compounds seen, in the document's lines
    (in order); pieces of words split at a line-end hyphen are left out."""
    whole, hyphenated = set(), set()
    kept: list[str] = []
    split_before = False
    for line in texts:
        text = _MARKED_WORD.sub(" ", line) if any(m in line for m in _HYPHEN_MARKS) else line
        if split_before:
            text = re.sub(r"^\s*\w+", " ", text)
        split_before = line.rstrip()[-1:] in "-" + _HYPHEN_MARKS and line.rstrip()[-2:-1].isalnum()
        if text.rstrip().endswith("-"):
            text = re.sub(r"[\w-]+-\s*$", " ", text)
        kept.append(text)
    for word in set(re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", "\n".join(kept).lower())):
        parts = word.split("-")
        if len(parts) == 1:
            whole.add(word)
        else:  # "fonts-crosextra-caladea" → "fonts-crosextra", "crosextra-caladea"
            hyphenated.update(f"{x}-{y}" for x, y in zip(parts, parts[1:]))
    return whole, hyphenated


def _reduplication(left: str, right: str) -> bool:
    """Indonesian reduplication: anak-anak, berbeda-beda, sebaik-baiknya, bentuk-bentuknya, sayur-mayur."""
    a, b = left.lower(), right.lower()
    stems = {b} | {b[: -len(s)] for s in _SUFFIXES if b.endswith(s) and len(b) - len(s) >= 3}
    if any(len(s) >= 3 and (a.endswith(s) or s.startswith(a) and len(a) >= 3) for s in stems):
        return True
    return len(a) >= 4 and len(b) >= 4 and a[-3:] == b[-3:] and abs(len(a) - len(b)) <= 1


def join_hyphenated(left: str, right: str, vocab: tuple[set[str], set[str]]) -> str:
    """Join two pieces split at a line-end hyphen: drop the hyphen for a syllable break,
    keep it for reduplication, compounds seen with a hyphen, capitals and digits."""
    lw = _WORD.findall(left[-40:])
    rw = _WORD.match(right)
    if not lw or not rw or not left[-1:].isalpha():
        return left + "-" + right
    a, b = lw[-1], rw.group()
    whole, hyphenated = vocab
    if f"{a}-{b}".lower() in hyphenated and (a + b).lower() not in whole:
        return left + "-" + right
    if (a + b).lower() in whole:
        return left + right
    if b[:1].isupper() or _reduplication(a, b) or re.search(r"\w-\w+$", left):
        return left + "-" + right  # "...-xorg-" | "video": a hyphenated name goes on
    if min(len(a), len(b)) >= 3 and a.lower() in whole and b.lower() in whole:
        return left + "-" + right  # two words the document uses on their own: "time-consuming"
    return left + right


def tex_accents(text: str, producer: str) -> str:
    """The text with TeX's spacing accents set on their letters ("V´elez" → Vélez), when `producer` (the PDF's
    Creator and Producer) is TeX; other PDFs use "´" as an apostrophe too ("Jum´at", "Indonesia´s")."""
    if not _TEX.search(producer):
        return text
    return _ACCENT.sub(lambda m: unicodedata.normalize("NFC", m.group(2).replace("ı", "i") + _COMBINING[m.group(1)]), text)


def _fix_inline(text: str, vocab: tuple[set[str], set[str]]) -> str:
    """Resolve the hyphen marks pdfium leaves inside a line, and expand ligatures. A soft
    hyphen inside a line is invisible: it goes."""
    for lig, plain in _LIGATURES.items():
        text = text.replace(lig, plain)
    text = text.replace("\xa0", " ").replace("\xad", "")
    if any(m in text for m in _HYPHEN_MARKS):
        parts = re.split(f"[{_HYPHEN_MARKS}]\\s*", text)
        out = parts[0]
        for part in parts[1:]:
            out = join_hyphenated(out, part, vocab) if out and part else out + part
        text = out
    return text


def _median(values: list[float]) -> float:
    values = sorted(values)
    return values[len(values) // 2] if values else 0.0


def _breaks(lines: list[Line], heading_sizes: frozenset[float] = frozenset()) -> list[bool]:
    """breaks[i]: a paragraph ends after lines[i]; lines of a heading size break only at a gap."""
    n = len(lines)
    if n and lines[0].y is None:  # no geometry: break after short lines that end a sentence
        typical = _median([len(line.text) for line in lines])
        return [line.text.endswith((".", "!", "?", ":")) and len(line.text) < 0.8 * typical for line in lines]
    pitches = [a.y - b.y for a, b in zip(lines, lines[1:]) if a.y - b.y > 0 and _same_size(a, b)]
    pitch = _median(pitches) if len(pitches) >= 3 else 1.25 * (_median([line.size or 10 for line in lines]) or 10)
    out = []
    columns: dict[int, tuple[float, float]] = {}
    reach = 0.25 * max(100.0, _median([line.x1 - line.x0 for line in lines]))  # lines this close share a column
    for i, a in enumerate(lines):
        if i == n - 1:
            out.append(True)
            continue
        b = lines[i + 1]
        key = round(a.x0)
        if key not in columns:  # right edge and width of the column a's line stands in
            column = [line for line in lines if abs(line.x0 - a.x0) < reach]
            right = sorted(line.x1 for line in column)[int(0.9 * (len(column) - 1))]
            columns[key] = right, max(1.0, right - min(line.x0 for line in column))
        right, width = columns[key]
        size = a.size or 10
        gap = a.y - b.y
        c = lines[i + 2] if i + 2 < n else None
        indent = b.x0 > a.x0 + size and (c is None or c.x0 < b.x0 - size / 2) and a.x1 >= right - 0.12 * width
        hyphen = a.text[-1:] in "-" + _HYPHEN_MARKS and a.text[-2:-1].isalpha()  # the word goes on
        short = a.x1 < right - 0.12 * width and not hyphen
        # each table row is an item of its own; a row's cell wrapped onto the next line stays with it
        row = b.row or a.row and b.x0 < a.x0 + 2 * size
        if heading_sizes and a.size and _same_size(a, b) and round(a.size * 2) / 2 in heading_sizes:
            out.append(gap <= 0 or gap > 1.6 * size)  # a heading's lines, centred or not, go on while close
            continue
        out.append(gap <= 0 or gap > 1.3 * pitch + 0.5 or not _same_size(a, b) or short
                   or bool(_BULLET.match(b.text)) or indent or row)
    return out


def _same_size(a: Line, b: Line) -> bool:
    return not a.size or not b.size or abs(a.size - b.size) <= 0.08 * max(a.size, b.size)


def heading_levels(pages: list[list[Line]]) -> tuple[float, dict[float, int]]:
    """Body font size (most text) and heading sizes → level 1..4: sizes at least 12% larger than
    the body, seen on two or more short lines, and carrying under a fifth of the text."""
    chars: Counter = Counter()
    short: Counter = Counter()
    for lines in pages:
        for line in lines:
            if line.size:
                key = round(line.size * 2) / 2
                chars[key] += len(line.text)
                short[key] += len(line.text.split()) <= 15 and any(ch.isalpha() for ch in line.text)
    if not chars:
        return 0.0, {}
    body = chars.most_common(1)[0][0]
    total = sum(chars.values())
    bigger = sorted((s for s, n in chars.items() if s >= 1.12 * body and n < 0.2 * total and short[s] >= 2),
                    reverse=True)
    return body, {s: i + 1 for i, s in enumerate(bigger[:4])}


def bold_level(pages: list[list[Line]], body: float, levels: dict[float, int]) -> int | None:
    """The heading level of short bold lines at the body size, when bold is rare in the body text (an
    article whose headings are bold, not larger); None otherwise."""
    chars = bold = 0
    for lines in pages:
        for line in lines:
            if line.size and _same_size(line, Line("", size=body)):
                chars += len(line.text)
                bold += len(line.text) if (line.weight or 0) >= 600 else 0
    if not chars or bold > 0.15 * chars:
        return None
    return max(levels.values(), default=0) + 1


def paragraphs(lines: list[Line], vocab: tuple[set[str], set[str]], levels: dict[float, int],
               bold: int | None = None) -> list[str]:
    """The page as paragraphs (blank-line separated by the caller); headings as '# Title' (a short bold
    paragraph at the body size too, at level `bold`, when given)."""
    out: list[str] = []
    current: list[Line] = []
    for line, brk in zip(lines, _breaks(lines, frozenset(levels))):
        current.append(line)
        if brk:
            out.append(_paragraph(current, vocab, levels, bold))
            current = []
    return _with_headers([p for p in out if p])


def _with_headers(paragraphs: list[str]) -> list[str]:
    """Each run of table rows (cells apart by CELL) rewritten in reading order with its header (tables.rows_text);
    a "|" of the text itself ("ps aux | grep ssh") is left as it is."""
    from .tables import rows_text

    out: list[str] = []
    i = 0
    while i < len(paragraphs):
        j, rows = i, []
        while j < len(paragraphs):
            if paragraphs[j].startswith("• ") and CELL in paragraphs[j]:
                rows.append(paragraphs[j][2:].split(CELL))
            elif rows and paragraphs[j][:1].islower():  # a cell's text wrapped onto the next line
                rows[-1][-1] += " " + paragraphs[j]
            else:
                break
            j += 1
        if rows:
            out.extend("• " + text for text in rows_text(rows))  # (one row has no header: its cells in order)
            i = j
        else:
            out.append(paragraphs[i].replace(CELL, " "))
            i += 1
    return out


def _paragraph(lines: list[Line], vocab: tuple[set[str], set[str]], levels: dict[float, int],
               bold: int | None = None) -> str:
    text = ""
    for line in lines:
        piece = line.text[:-1] + "-" if line.text[-1] in _HYPHEN_MARKS else line.text
        piece = _fix_inline(piece, vocab)
        if not text:
            text = piece
        elif text.endswith("-") and text[-2:-1].isalpha():
            text = join_hyphenated(text[:-1], piece, vocab)
        else:
            text = f"{text} {piece}"
    text = " ".join(text.split())
    size = lines[0].size
    level = levels.get(round(size * 2) / 2) if size else None
    if level and len(lines) <= 4 and len(text.split()) <= 40 and not strip_marks(text).endswith((".", ",", ";")):
        return "#" * level + " " + text
    if bold and len(lines) <= 2 and all((line.weight or 0) >= 600 and not line.row for line in lines) \
            and len(text.split()) <= 12 and not text.endswith((".", ",", ";", ":")) and text[:1].isupper() | text[:1].isdigit():
        return "#" * min(bold, 6) + " " + text
    if lines[0].row and not _BULLET.match(text):
        return "• " + text
    return "\uff03" + text[1:] if re.match(r"#{1,6}\s", text) else text  # a literal '#' is not a heading


def join_across_pages(texts: list[str], vocab: tuple[set[str], set[str]]) -> list[str]:
    """A word hyphenated across a page break ("pertum-" | "buhan ...") is completed on the
    page where it starts and removed from the next page."""
    texts = list(texts)
    for i in range(len(texts) - 1):
        m = re.search(r"(\w+)-$", texts[i][-60:]) if texts[i].endswith("-") else None
        n = re.match(r"\s*(\w+)[ \t]*", texts[i + 1])
        if m and n and n.group(1)[:1].islower():
            texts[i] = join_hyphenated(texts[i][:-1], n.group(1), vocab)
            texts[i + 1] = texts[i + 1][n.end():]
    return texts


def run_together(text: str) -> bool:
    """True when words are glued together ("Berikutadalahbeberapametode"): a third or more of
    the letters sit in 'words' of 20+ letters (real words that long are rare, URLs aside)."""
    words = [w for w in text.split() if "/" not in w and "." not in w[:-1] and "_" not in w]
    letters = sum(len(w) for w in words)
    if letters < 80:
        return False
    glued = sum(len(w) for w in words if len(w) >= 20 and sum(ch.isalpha() for ch in w) >= 0.8 * len(w))
    return glued >= letters / 3


# U+FFFD, private use, and the control characters str.isspace() does not count as space
_UNMAPPED = re.compile("[\ufffd\ue000-\uf8ff\x00-\x08\x0e-\x1b]")


def garbled(text: str) -> bool:
    """True when a fifth or more of the non-space characters are U+FFFD, private-use or control
    characters: glyphs the PDF gives no Unicode for."""
    n = len("".join(text.split()))  # non-space characters, counted in C
    if n < 40:
        return False
    return len(_UNMAPPED.findall(text)) >= n / 5
