"""A document's title, from what the document itself prints, in this order: a statute's own heading
(its citation form "UU No. 21 Tahun 2007", the full title kept beside it), DOCX's Title style, the
first page's most prominent text (PDF), the first Markdown heading in the document's own words (a
translated title heading over the text is skipped), the first line of a text file when it reads as a
title; then the PDF metadata title, only when it is a real one (never "Microsoft Word - …", a file
name or a template placeholder); the file name last.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..footnotes import strip_marks
from ..records import Document
from .structure import legal_heading, statute_heading, title_case

_PLACEHOLDER = re.compile(r"^(untitled|title|judul|document\d*|dokumen\d*|presentation\d*|slide \d+|"
                          r"no title|tanpa judul|microsoft word|word document|pdf|template|\W*)$", re.I)
_PRODUCER = re.compile(r"^(microsoft (word|powerpoint|excel)|libreoffice|openoffice|google docs)\b|\s-\s.*\.(docx?|pptx?|odt)$"
                       r"|\.(docx?|pdf|odt|rtf|txt|tex|pptx?)$", re.I)
def real_title(value: str | None, path: Path) -> str | None:
    """`value` when it is a real title: not empty, no producer's name or file name, no placeholder."""
    value = " ".join(str(value or "").split())
    if not value or _PLACEHOLDER.match(value) or _PRODUCER.search(value):
        return None
    stem = path.stem.lower()
    if value.lower() in (stem, path.name.lower()) or re.fullmatch(r"[\w\-. ]+", value) and "_" in value:
        return None
    return value


def name_title(path: Path) -> str:
    return re.sub(r"[_]+", " ", path.stem).strip()


def own_words(heading: str, body: str) -> bool:
    """Most of the heading's words occur in the body: it is written in the document's language."""
    words = re.findall(r"[^\W\d_]{3,}", heading.lower())
    if not words:
        return False
    vocabulary = set(re.findall(r"[^\W\d_]{3,}", body.lower()))
    return sum(w in vocabulary for w in words) >= 0.5 * len(words)


def first_heading(text: str) -> str:
    """The first Markdown heading ("# T", "##T") of the opening text that is in the document's own words (a
    translated title over it is skipped), else the first one."""
    body = text[:20000]
    headings = []
    for m in re.finditer(r"^#{1,6}\s*(\S[^\n]{2,200})$", text[:3000], re.M):
        if legal_heading(m.group(1)) is not None:
            break  # "Article 1" names a part, and the headings after it are the parts' titles
        headings.append(m)
    for m in headings:
        if own_words(m.group(1), body.replace(m.group(0), " ")):
            return m.group(1).strip(" #")
    return headings[0].group(1).strip(" #") if headings else ""


_SPACED = re.compile(r"\b(?:[A-Z] ){3,}[A-Z]\b")  # a word set in spaced letters: "P U T U S A N"
_NUMBERED = re.compile(r"^(?:nomor|no\.?|number)\s*:?\s*\d", re.I)


def first_line(text: str) -> str:
    """The first line of a text when it reads as a title: short, no sentence end, not a part heading; a word
    set in spaced letters is one word, and a lone word over its number ("PUTUSAN" | "Nomor 133/…") takes it."""
    lines = [_SPACED.sub(lambda m: m.group().replace(" ", ""), line.strip()) for line in text.split("\n") if line.strip()]
    line = lines[0] if lines else ""
    if len(line.split()) == 1 and len(lines) > 1 and _NUMBERED.match(lines[1]):
        line = f"{line} {lines[1]}"
    if not line or len(line.split()) > 20 or line.endswith((".", ",", ";", ":")) or line.startswith("#"):
        return ""
    if re.match(r"^(bab|chapter|pasal|article|bagian|part)\s+[\divxlc]+\b", line, re.I) or not re.search(r"[^\W\d]", line):
        return ""
    return line


def choose_title(doc: Document, printed: str = "") -> None:
    """Set `doc.title` (and meta title, full_title, statute number/year) from the best source there is.
    `printed`: the title the format itself marks (a PDF's first-page title block, DOCX's Title style)."""
    opening = strip_marks("\n".join(page.text for page in doc.pages[:2]))
    statute = statute_heading(opening)
    meta_title = real_title(doc.meta.get("title"), doc.path)
    if statute:
        doc.meta.update(statute)
        doc.title = statute["short_title"]
        doc.meta["full_title"] = statute["title"]
        doc.meta["title"] = doc.title
        doc.meta.pop("authors", None)  # under a statute's heading come its subject lines ("TENTANG …"), no authors
        return
    suffix = doc.path.suffix.lower()
    found = printed or (first_heading(opening) if suffix in (".md", ".txt") else "") \
        or (first_line(opening) if suffix == ".txt" else "") or meta_title or name_title(doc.path)
    doc.title = title_case(" ".join(found.split()))
    if doc.title != name_title(doc.path):
        doc.meta["title"] = doc.title
    else:
        doc.meta.pop("title", None)
