"""Chunk: structure-aware splitting of a Document into passages.

Steps: paragraphs (blank-line separated) → rejoin paragraphs broken at old page boundaries →
detect headings (BAB I, "A. Latar Belakang", "1. Konsep …", Markdown `#`) for the section path →
sentences (sentencex) with the works each one is backed by → chunks of whole sentences.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from sentencex import segment

from ..citations import attribute
from ..records import Chunk, Document, Sentence, is_command_line

ROMAN = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
_CHAPTER = re.compile(r"^(BAB|CHAPTER|Bab|Chapter)\s+([IVX]+|\d{1,2})$")
_LETTER = re.compile(r"^([A-H])\.\s+(\S.{0,90})$")
_NUMBER = re.compile(r"^(\d{1,2})\.\s+(\S.{0,80})$")
_MD = re.compile(r"^(#{1,6})\s+(.+)$")
_FUNCTION_WORDS = {"dan", "di", "ke", "dari", "yang", "untuk", "dalam", "of", "and", "the", "in", "on", "for", "to", "a"}
_END = tuple('.?!:;"”)')


@dataclass
class Paragraph:
    text: str
    page: int | None
    page_label: str | None
    section: list[str]


SECTION_SEP = " › "


def _heading(text: str) -> tuple[int, str] | None:
    """(level, title) if the paragraph is a heading: 1 chapter, 2 lettered, 3 numbered."""
    line = " ".join(text.split())
    if "\n" in text.strip() or len(line) > 100:
        return None
    m = _MD.match(line)
    if m:
        return len(m.group(1)), m.group(2).strip()
    m = _CHAPTER.match(line)
    if m:
        num = m.group(2)
        roman = ROMAN[int(num)] if num.isdigit() and int(num) < len(ROMAN) else num
        return 1, f"BAB {roman}"
    for level, pattern in ((2, _LETTER), (3, _NUMBER)):
        m = pattern.match(line)
        if m and _looks_like_title(m.group(2), strict=level == 3):
            return level, line
    return None


def _looks_like_title(title: str, strict: bool) -> bool:
    if title.endswith(_END + (",",)) or len(title.split()) > 9:
        return False
    words = [w for w in re.findall(r"[\w'’\-]+", title) if w.lower() not in _FUNCTION_WORDS]
    if not words or not words[0][0].isupper():
        return False
    capital = sum(w[0].isupper() for w in words) / len(words)
    return capital >= (0.6 if strict else 0.4)


def paragraphs(doc: Document) -> list[Paragraph]:
    """Paragraphs with their section path; broken paragraphs are rejoined across blank lines
    and pages; headings become section path entries, not paragraphs."""
    out: list[Paragraph] = []
    path: dict[int, str] = {}
    chapter_title_pending = False
    for page in doc.pages:
        for raw in re.split(r"\n\s*\n", page.text):
            text = _unwrap(raw)
            if not text or len(_CONTENTS_ENTRY.findall(text)) >= 2:
                continue  # nothing, or a table of contents ("1.3.1 Penyesuaian MC . . . . . 17")
            head = _heading(raw)
            if head:
                level, title = head
                path = {k: v for k, v in path.items() if k < level}
                path[level] = title
                chapter_title_pending = level == 1 and title.startswith("BAB")
                continue
            if chapter_title_pending and text.isupper() and len(text) < 80:
                chapter_title_pending = False  # "PENDAHULUAN" after "BAB 1": part of the heading
                continue
            chapter_title_pending = False
            section = [path[k] for k in sorted(path)]
            if out and out[-1].section == section:
                if _continues(out[-1].text, text):
                    out[-1].text = _join(out[-1].text, text)
                    continue
                last = out[-1].text.rsplit("\n", 1)[-1]
                if _is_list_item(text) and (out[-1].text.endswith(":") or _is_list_item(last)):
                    # a list stays with the sentence that introduces it; a term's "– description" joins the term
                    out[-1].text += (" " if _is_term(last) and _DASH_ITEM.match(text) else "\n") + text
                    continue
            out.append(Paragraph(text, page.number, page.label, section))
    return out


# a list marker split off its item ("1.", "a)"), or a symbol ending in ? or ! that the segmenter took for a
# sentence end ("$?", "$!" in a table of shell parameters)
_MARKER_ONLY = re.compile(r"^(?:\(?\d{1,2}[.)]|[a-zA-Z][.)]|[-•*–]|[^\w\s]{1,2}[?!])$")
_LIST_ITEM = re.compile(r"^(?:[-•*–]|\d{1,2}[.)]|[a-z][.)])\s+")
_CONTENTS_ENTRY = re.compile(r"(?:\.\s?){5,}\s*(?:\d{1,4}|[ivxlc]{1,6})\b")
_DASH_ITEM = re.compile(r"^[-–—]\s+")


def _unwrap(raw: str) -> str:
    """Lines of one paragraph joined with spaces; list items and command lines keep their own line."""
    out, prev = "", ""
    for line in raw.split("\n"):
        line = " ".join(line.split())
        if not line:
            continue
        own = _is_list_item(line) or is_command_line(line) or is_command_line(prev)
        out += ("\n" if out and own else (" " if out else "")) + line
        prev = line
    return out


def _is_list_item(text: str) -> bool:
    return bool(_LIST_ITEM.match(text))


def _is_term(line: str) -> bool:
    """A list item that only names a term ("• ”Enhances”"): a few words, no sentence punctuation."""
    return _is_list_item(line) and len(line.split()) <= 6 and not line.rstrip("”\"’' ").endswith(tuple(".?!:;,"))


def _continues(prev: str, nxt: str) -> bool:
    """A paragraph broken mid-sentence: no closing punctuation, and the next one starts in lower
    case, or the previous one ends on a function word ("… penelitiannya tentang"). A list item
    (or table row) starts anew."""
    if prev.rstrip().endswith(_END) or _is_list_item(nxt) or is_command_line(prev.rsplit("\n", 1)[-1]) \
            or is_command_line(nxt):
        return False
    last = prev.rsplit(None, 1)[-1].lower() if prev.strip() else ""
    return nxt[:1].islower() or prev.endswith("-") or last in _function_words()


def _function_words() -> frozenset[str]:
    from ..search.keywords import stopwords

    return stopwords()


def _join(prev: str, nxt: str) -> str:
    return prev + nxt if prev.endswith("-") and not prev.endswith(" -") else prev + " " + nxt


def split_sentences(text: str) -> list[str]:
    """Sentences of a paragraph (sentencex, Indonesian rules; fine for English too)."""
    out: list[str] = []
    for line in text.split("\n"):  # list items are sentences of their own
        pending = ""
        for sent in (s.strip() for s in segment("id", line)):
            if not sent:
                continue
            if _MARKER_ONLY.match(sent):  # "1." split off its item: keep them together
                pending += sent + " "
                continue
            out.append(pending + sent)
            pending = ""
        if pending.strip():
            out.append(pending.strip())
    return out


def chunk_document(doc: Document, file: str, chunk_words: int = 220, overlap: int = 1) -> list[Chunk]:
    """Chunks of whole sentences, at most about `chunk_words` words, never across sections.
    Consecutive chunks of one paragraph share `overlap` sentences."""
    chunks: list[Chunk] = []
    groups: list[tuple[Paragraph, list[Sentence]]] = []
    for para in paragraphs(doc):
        sents = split_sentences(para.text)
        groups.append((para, [Sentence(s, c) for s, c in zip(sents, attribute(sents))]))

    current: list[Sentence] = []
    head: Paragraph | None = None

    def flush() -> None:
        if current and head is not None:
            text = " ".join(s.text for s in current)
            digest = hashlib.sha1(f"{file}\x00{head.section}\x00{text}".encode()).hexdigest()[:16]
            chunks.append(Chunk(digest, doc.title, file, head.page, head.page_label,
                                SECTION_SEP.join(head.section), text, list(current)))

    for para, sents in groups:
        same_section = head is not None and head.section == para.section
        words = sum(len(s.text.split()) for s in current)
        para_words = sum(len(s.text.split()) for s in sents)
        if not same_section or words + para_words > chunk_words:
            flush()
            current, head = [], para
        for sent in sents:
            n = len(sent.text.split())
            if current and sum(len(s.text.split()) for s in current) + n > chunk_words:
                flush()
                keep = current[-overlap:] if overlap and len(current) > overlap else []
                current = list(keep)
                head = para
            current.append(sent)
    flush()
    return chunks
