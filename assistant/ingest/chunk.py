"""Chunk: structure-aware splitting of a Document into passages.

Steps: paragraphs (blank-line separated) → rejoin paragraphs broken at old page boundaries →
detect headings (BAB I, "A. Latar Belakang", "1. Konsep …", Markdown `#`) for the section path →
sentences (sentencex) with the works each one is backed by → chunks of whole sentences.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import asdict, dataclass

from sentencex import segment

from ..citations import ET_AL, attribute
from ..footnotes import MARK, marks, note_keys, note_references, strip_marks
from ..records import SECTION_SEP, Chunk, Document, Sentence, is_command_line
from ..references import is_reference_heading, parse_entries, strip_heading
from .pdfparts import PART_LABELS
from .structure import (ENACTMENT, EXPLANATION, GAZETTE_ENTRY, HURUF, enactment_sentences, is_legal, legal_heading,
                        title_line)


ROMAN = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
_CHAPTER = re.compile(r"^(BAB|CHAPTER|Bab|Chapter)\s+([IVX]+|\d{1,2})$")
_LETTER = re.compile(r"^([A-H])\.\s+(\S.{0,90})$")
_NUMBER = re.compile(r"^(\d{1,2})\.\s+(\S.{0,80})$")
_MD = re.compile(r"^(#{1,6})(?:\s+|(?=[A-Z0-9]))(\S.*)$")  # "## Title", and "##Title" as some converters write it
_FUNCTION_WORDS = {"dan", "di", "ke", "dari", "yang", "untuk", "dalam", "of", "and", "the", "in", "on", "for", "to", "a"}
_END = tuple('.?!:;"”)')
# words a sentence goes on after, which no title ends with
_DANGLING = {"yaitu", "yakni", "adalah", "ialah", "merupakan", "sebagai", "yang", "dan", "atau", "dengan", "untuk",
             "bahwa", "namely", "that", "which", "is", "are", "was", "were", "the", "of", "and", "or", "with", "to"}
# a paragraph opened by its part's label (PART_LABELS): "Abstrak: …", "Keywords: …" (a one-letter slip such as
# "Astract" too)
_LABEL = re.compile(r"^\W*([A-Za-z]+(?: [A-Za-z]+)?)\s*[:.—–-]\s+\S")
NOTES = "Catatan kaki / Footnotes"  # the section of a page's footnotes, found in either language


@dataclass
class Paragraph:
    text: str
    page: int | None
    page_label: str | None
    section: list[str]




_MARKUP = re.compile(r"^\s*<[!/?]?[a-zA-Z][^<>]*>\s*$")


def _heading(text: str, numbered: bool = True) -> tuple[int, str] | None:
    """(level, title) if the paragraph is a heading: 1 chapter, 2 lettered, 3 numbered (these two only when
    `numbered`: in a statute "1. …" is a definition, not a heading)."""
    line = " ".join(text.split())
    if "\n" in text.strip():
        return None
    m = _MD.match(line)
    if m and len(line) <= 300:
        return len(m.group(1)), m.group(2).strip(" #")
    if len(line) > 100:
        return None
    m = _CHAPTER.match(line)
    if m:
        num = m.group(2)
        roman = ROMAN[int(num)] if num.isdigit() and int(num) < len(ROMAN) else num
        return 1, f"BAB {roman}"
    for level, pattern in ((2, _LETTER), (3, _NUMBER)) if numbered else ():
        m = pattern.match(line)
        if m and _looks_like_title(m.group(2), strict=level == 3):
            return level, line
    return None


def _numbered(level_title: tuple[int, str]) -> bool:
    """A heading that numbers a part (BAB I, A. …, 1. …, Article 3): not the title over a document."""
    title = level_title[1]
    return bool(re.match(r"^(BAB|Bab|Chapter|CHAPTER|Part|PART|Pasal|Article)\b|^[A-Z\d]{1,4}[.)]\s|^[IVXLC]+\.?$", title))


def _looks_like_title(title: str, strict: bool) -> bool:
    if title.endswith(_END + (",",)) or len(title.split()) > 9 or title.split()[-1].lower() in _DANGLING:
        return False  # "5. Variabel Money, yaitu": a sentence going on, not a title
    words = [w for w in re.findall(r"[\w'’\-]+", title) if w.lower() not in _FUNCTION_WORDS]
    if not words or not words[0][0].isupper():
        return False
    capital = sum(w[0].isupper() for w in words) / len(words)
    return capital >= (0.6 if strict else 0.4)


def _label(text: str) -> str | None:
    """The part a paragraph's opening label names ("Abstrak: …" → "Abstrak"), allowing a one-letter slip."""
    m = _LABEL.match(text)
    if not m:
        return None
    word = m.group(1).lower()
    for key, name in PART_LABELS.items():
        if word == key or len(word) >= 6 and _one_off(word, key):
            return name
    return None


def _one_off(a: str, b: str) -> bool:
    """Equal but for one letter left out, added or changed."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return a == b
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def _blocks(text: str, legal: bool, unwrapped: bool) -> list[str]:
    """The page's paragraphs before joining: blank-line separated blocks, cut further where a line is a
    heading of a statute or treaty (legal documents), and, in text written a paragraph a line
    (`unwrapped`), after a line that ends a sentence."""
    out: list[str] = []
    for raw in re.split(r"\n\s*\n", text):
        glued = _GLUED_PASAL.match(raw) if legal else None
        if glued:  # "Pasal 2 Pencegahan dan …": a PDF line joined the heading to its text
            out.append(glued.group(1))
            raw = raw[glued.end():]
        current: list[str] = []
        for line in raw.split("\n"):
            bare = " ".join(line.split())
            if not bare:
                continue
            heading = legal and (legal_heading(bare) is not None or bool(_MD.match(bare)))
            if current and (heading or unwrapped and current[-1].rstrip().endswith((".", "?", "!")) and
                            not _is_list_item(bare)):
                out.append("\n".join(current))
                current = []
            current.append(line)
            if heading:
                out.append("\n".join(current))
                current = []
        if current:
            out.append("\n".join(current))
    return out


_GLUED_PASAL = re.compile(r"^\s*((?:Pasal|Article)\s+\d{1,3}[A-Z]?)\s+(?=[A-Z(])(?!Undang|UUD|Peraturan)")


def _unwrapped(doc: Document) -> bool:
    """Text written a paragraph a line, without blank lines between (a transcription): most lines are long."""
    lines = [line for page in doc.pages for line in page.text.split("\n") if line.strip()]
    blank = sum(1 for page in doc.pages for line in page.text.split("\n") if not line.strip())
    long_lines = sum(1 for line in lines if len(line) > 90)
    return bool(lines) and doc.path.suffix.lower() in (".txt", ".md") and blank < 0.2 * len(lines) \
        and long_lines >= 0.3 * len(lines)


def _title_headings(doc: Document, legal: bool) -> int:
    """How many unnumbered headings open the document as its title: those up to the one that is its title,
    and those of that level right after it (a translated title), before any text; 0 when no heading is
    the title."""
    norm = lambda text: " ".join(re.findall(r"\w+", text.casefold()))  # noqa: E731
    title, seen, count = norm(doc.title), False, 0
    blocks = _blocks(strip_marks(doc.pages[0].text) if doc.pages else "", legal, False)
    for i, raw in enumerate(blocks):
        text = _unwrap(raw)
        head = _heading(raw, numbered=not legal)
        if head is None:
            if len(text.split()) >= 12:
                break
            continue
        following = _unwrap(blocks[i + 1]) if i + 1 < len(blocks) else ""
        over_text = bool(following) and _heading(blocks[i + 1], numbered=not legal) is None and not _label(following)
        if _numbered(head) or seen and over_text and len(following.split()) >= 12:
            break  # a part's heading over its text ("Introduction")
        if not seen and over_text and norm(head[1]) == title:
            break  # the title right over the text heads it as a section too ("# Ringkasan" then its text)
        count += 1
        seen = seen or norm(head[1]) == title
    return count if seen else 0


def paragraphs(doc: Document) -> list[Paragraph]:
    """Paragraphs with their section path; broken paragraphs are rejoined across blank lines
    and pages; headings become section path entries, not paragraphs. A statute's or treaty's parts
    (BAB, Pasal, Article, Penjelasan …) are sections; the headings over a document before its text
    (its title) are not; a reference list's entries are set aside in `doc.meta["references"]`; footnotes
    are paragraphs of their own section ("… › Catatan kaki / Footnotes"); a paragraph labelled "Abstrak:",
    "Keywords:" … is in that section."""
    out: list[Paragraph] = []
    path: dict[int, str] = {}
    everything = "\n".join(page.text for page in doc.pages)
    legal = is_legal(everything)
    statute = legal and bool(doc.meta.get("number"))
    unwrapped = _unwrapped(doc)
    started = False  # body text seen
    opening = _title_headings(doc, legal)  # the headings over the text that are its title (and its translation)
    references: list[str] | None = None  # a reference list being read
    listed: list[str] = []  # the reference lists read
    reference_level = 0
    chapter_title_pending = False
    pending_title: int | None = None  # the level of a part heading waiting for its title line
    explanation_title = False  # right after "PENJELASAN": the statute's heading repeated over it
    for page in doc.pages:
        for raw in _blocks(page.text, legal, unwrapped):
            marked = _unwrap(raw)  # a body paragraph keeps its notes' marks (chunk_document reads them)
            raw = strip_marks(raw)
            text = _unwrap(raw)
            if not text or len(_CONTENTS_ENTRY.findall(text)) >= 2:
                continue  # nothing, or a table of contents ("1.3.1 Penyesuaian MC . . . . . 17")
            if pending_title is not None:
                level, pending_title = pending_title, None
                title = title_line(text)
                if title:
                    path[level] = f"{path[level]} {title}"
                    continue
            if _MARKUP.match(text):
                continue  # an HTML tag line ("<meta …/>") in a Markdown file
            legal_head = legal_heading(text) if legal else None
            if statute and not legal_head and _capitals(text) and (not path or explanation_title and len(text.split()) <= 30):
                continue  # a statute's own heading over its preamble ("UNDANG-UNDANG … NOMOR … TENTANG …"): its
                # title; and over its Penjelasan ("PENJELASAN ATAS UNDANG-UNDANG … NOMOR …"): no passage of it
            explanation_title = bool(legal_head and legal_head.title == EXPLANATION)
            head = (legal_head.level, legal_head.title) if legal_head else _heading(raw, numbered=not legal)
            if legal and head and not legal_head:
                head = (HURUF + 1, head[1])  # a plain heading inside a statute or treaty: under its parts
            if head and is_reference_heading(head[1]) or not head and is_reference_heading(text):
                references, reference_level = [], head[0] if head else 99
                continue
            rest = strip_heading(text) if references is None and not head else None
            if rest:  # "DAFTAR PUSTAKA Alexa. (2021). …": the heading run into the list's first entry
                references, reference_level = [rest], 99
                continue
            if references is not None:
                if head is None or head[0] > reference_level:
                    references.append(text)
                    continue
                listed.extend(references)
                references = None
            if head:
                level, title = head
                if not started and opening and not _numbered(head) and not legal_head:
                    opening -= 1
                    continue  # the document's title (and its translation) over its text
                path = {k: v for k, v in path.items() if k < level}
                path[level] = title
                chapter_title_pending = level == 1 and title.startswith("BAB") and not legal_head
                if legal_head:
                    if legal_head.needs_title:
                        pending_title = level
                    if legal_head.rest:
                        started = True
                        out.append(Paragraph(legal_head.rest, page.number, page.label, [path[k] for k in sorted(path)]))
                continue
            if chapter_title_pending and text.isupper() and len(text) < 80:
                chapter_title_pending = False  # "PENDAHULUAN" after "BAB 1": part of the heading
                continue
            chapter_title_pending = False
            started = started or len(text.split()) >= 12  # authors, affiliations: still the title's block
            section = [path[k] for k in sorted(path)]
            label = _label(text)
            if label:
                section = [*section, label]
            if out and out[-1].section == section:
                before = strip_marks(out[-1].text)
                # (the enactment block is one, cut by its statements, up to its gazette entry: a Lampiran after it is not)
                enacting = section[-1:] == [ENACTMENT] and not GAZETTE_ENTRY.search(before) \
                    and not text.upper().startswith("LAMPIRAN")
                if _continues(before, text) or enacting:
                    out[-1].text = _join(out[-1].text, marked)
                    continue
                last = before.rsplit("\n", 1)[-1]
                if _is_list_item(text) and (before.endswith(":") or _is_list_item(last)):
                    # a list stays with the sentence that introduces it; a term's "– description" joins the term
                    out[-1].text += (" " if _is_term(last) and _DASH_ITEM.match(text) else "\n") + marked
                    continue
            out.append(Paragraph(marked, page.number, page.label, section))
        if page.notes:
            section = [*(path[k] for k in sorted(path)), NOTES]
            out.append(Paragraph("\n".join(f"{n.number}. {n.text}" for n in page.notes), page.number, page.label,
                                 section))
    listed.extend(references or [])
    entries = parse_entries(listed) if listed else []
    listed_keys = {entry.key for entry in entries}  # (and the works its footnotes name, after the list's)
    notes = [(n.number, n.text) for page in doc.pages for n in page.notes]
    entries += [entry for entry in note_references(notes) if entry.key not in listed_keys]
    if entries:  # the reference list's entries (assistant.references), kept with the document
        doc.meta["references"] = [asdict(entry) for entry in entries]
    doc.meta["kind"] = _kind(doc, legal, out)
    return out


def _capitals(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and sum(ch.isupper() for ch in letters) >= 0.9 * len(letters)


def _kind(doc: Document, legal: bool, paras: list[Paragraph]) -> str:
    """What the document is: "statute" (its own heading names it), "treaty" (Articles), "paper" (an abstract,
    keywords or a reference list), else "document"."""
    if legal:
        return "statute" if doc.meta.get("number") else "treaty"
    labelled = {p.section[-1] for p in paras if p.section} & set(PART_LABELS.values())
    return "paper" if labelled or doc.meta.get("references") else "document"


# a list marker split off its item ("1.", "a)"), or a symbol ending in ? or ! that the segmenter took for a
# sentence end ("$?", "$!" in a table of shell parameters)
_MARKER_ONLY = re.compile(r"^(?:\(?\d{1,2}[.)]|\([a-z\d]{1,2}\)|[a-zA-Z][.)]|[-•*–]|[^\w\s]{1,2}[?!])$")
_LIST_ITEM = re.compile(r"^(?:[-•*–]|\d{1,2}[.)]|\(\d{1,2}[a-z]?\)|\([a-z]{1,2}\)|[a-z][.)])\s+")
_CONTENTS_ENTRY = re.compile(r"(?:\.\s?){5,}\s*(?:\d{1,4}|[ivxlc]{1,6})\b")
_DASH_ITEM = re.compile(r"^[-–—]\s+")


def _unwrap(raw: str) -> str:
    """Lines of one paragraph joined with spaces; list items and command lines keep their own line."""
    out, prev = "", ""
    for line in raw.split("\n"):
        line = " ".join(line.split())
        if not line:
            continue
        own = (_is_list_item(line) and not _refers_on(prev, line)) or is_command_line(line) or is_command_line(prev)
        out += ("\n" if out and own else (" " if out else "")) + line
        prev = line
    return out


def _is_list_item(text: str) -> bool:
    return bool(_LIST_ITEM.match(text))


# A word that a number goes with ("ayat (1)", "Pasal 5", "Article 3"; "Rp. 15.000", "hlm. 12", "No. 21"): a line
# or sentence starting with that number after it goes on, it is no list item. A word ends no sentence; an
# abbreviation's full stop ends none either (capitalised ones only where the plain word could end one: "no.")
_ABBREVIATIONS = r"(?:Rp|RP|No|NO|Nos|Nr|Art|Vol|Sec|Fig|Tab|Eq|Ch|Para|hlm|pp|p|vol)"
_ABBREVIATION = re.compile(rf"\b{_ABBREVIATIONS}\.$")
_REFERRING = re.compile(rf"\b(?:(?i:ayat|pasal|huruf|angka|bagian|paragraf|article|paragraph|section|subsection)"
                        rf"|{_ABBREVIATIONS}\.?)$")
_NUMBER_GOES_ON = re.compile(r"\d(?!\d?[.)]\s)")  # "15.000.000,00 …", not an item's "2. …"


def _refers_on(prev: str, nxt: str) -> bool:
    return bool(_REFERRING.search(prev.rstrip()) and re.match(r"\(?\d", nxt))


def _is_term(line: str) -> bool:
    """A list item that only names a term ("• ”Enhances”"): a few words, no sentence punctuation."""
    return _is_list_item(line) and len(line.split()) <= 6 and not line.rstrip("”\"’' ").endswith(tuple(".?!:;,"))


def _continues(prev: str, nxt: str) -> bool:
    """A paragraph broken mid-sentence: no closing punctuation, and the next one starts in lower
    case, or the previous one ends on a function word ("… penelitiannya tentang"). A list item
    (or table row) starts anew. An author cut from the year of the citation ("… Wulur et al." | "(2023)
    menyatakan …", across a page or column break) goes on too."""
    if _ET_AL.search(prev.rstrip()) and _CITED_YEAR.match(nxt):
        return True
    if _refers_on(prev, nxt):
        return True
    if prev.rstrip().endswith(_END) or _is_list_item(nxt) or is_command_line(prev.rsplit("\n", 1)[-1]) \
            or is_command_line(nxt):
        return False
    last = prev.rsplit(None, 1)[-1].lower() if prev.strip() else ""
    number = nxt[:1].isdigit() and not re.match(r"^\d{1,3}[.)]\s", nxt)  # "5 (lima) tahun" going on
    return nxt[:1].islower() or number or prev.endswith("-") or last in _function_words()


def _function_words() -> frozenset[str]:
    from ..search.keywords import stopwords

    return stopwords()


def _join(prev: str, nxt: str) -> str:
    return prev + nxt if prev.endswith("-") and not prev.endswith(" -") else prev + " " + nxt


_CITED_YEAR = re.compile(r"^\((?:1[89]|20)\d{2}[a-z]?[),;]")
_ABBREVIATED = re.compile(rf"\b(?:{ET_AL}|dkk|and colleagues|[A-Z])\.$")
_ET_AL = re.compile(rf"\b(?:{ET_AL}|dkk)\.$")


_LONG_SENTENCE = 60  # words: a "sentence" this long strings clauses together with semicolons
_CLAUSE_BREAK = re.compile(r";\s+(?=[A-Z])")


def _at_semicolons(sentence: str) -> list[str]:
    """A very long sentence cut where a semicolon is followed by a capitalised word outside brackets (a
    court's "…; Menimbang, bahwa …; Menimbang, …"), each piece four words or more; else the sentence."""
    if len(sentence.split()) <= _LONG_SENTENCE:
        return [sentence]
    pieces, start = [], 0
    for m in _CLAUSE_BREAK.finditer(sentence):
        before = sentence[start:m.start() + 1]
        if _bracket_depth(sentence[:m.start()]) == 0 and len(before.split()) >= 4:
            pieces.append(before.strip())
            start = m.end()
    rest = sentence[start:].strip()
    if pieces and len(rest.split()) < 4:
        pieces[-1] += " " + rest
    elif rest:
        pieces.append(rest)
    return pieces


def _bracket_depth(text: str) -> int:
    """How many brackets (round or square) are open at the end of `text`; a closing one with none open (a
    list marker's "1)") is ignored."""
    depth = 0
    for ch in text:
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
    return depth


# A line opening with a bracketed marker ("(1) …", "(a) …"): sentencex splits none of its sentences
# ("(1) the contractual approach (…). The fiduciary theory …" came back whole), so the rest is segmented alone.
_OPENING_MARKER = re.compile(r"^\s*\([a-zA-Z\d]{1,4}\)\s+")


def _segment(line: str) -> list[str]:
    """sentencex's sentences of one line (Indonesian rules), an opening bracketed marker kept on the first; the
    line is cut where its text without notes' marks is, a mark going with the sentence before it ("… mampu.”[^2]
    Kedua …": sentencex does not end a sentence at a mark)."""
    if "[^" not in line:
        return _segment_plain(line)
    kept, start = [], 0  # the line's characters outside its marks
    for mark in MARK.finditer(line):
        kept += range(start, mark.start())
        start = mark.end()
    kept += range(start, len(line))
    plain = "".join(line[i] for i in kept)
    pieces = _segment_plain(plain)
    if "".join(pieces) != plain:
        return _segment_plain(line)
    cuts, at = [0], 0
    for piece in pieces[:-1]:
        at += len(piece)
        cuts.append(kept[at] if at < len(kept) else len(line))
    return [line[a:b] for a, b in zip(cuts, cuts[1:] + [len(line)])]


def _segment_plain(line: str) -> list[str]:
    marker = _OPENING_MARKER.match(line)
    if not marker:
        return segment("id", line)
    sents = list(segment("id", line[marker.end():])) or [""]
    return [marker.group(0) + sents[0], *sents[1:]]


def split_sentences(text: str) -> list[str]:
    """Sentences of a paragraph (sentencex, Indonesian rules; fine for English too)."""
    out: list[str] = []
    for line in text.split("\n"):  # list items are sentences of their own
        pending, line_start = "", len(out)
        for sent in (s.strip() for s in _segment(line)):
            if not sent:
                continue
            if _MARKER_ONLY.match(sent):  # "1." split off its item: keep them together
                pending += sent + " "
                continue
            if out and not pending and _CITED_YEAR.match(sent) and _ABBREVIATED.search(out[-1]):
                out[-1] += " " + sent  # "Wulur et al." | "(2023) menyatakan …": one sentence, cut at "al."
                continue
            if len(out) > line_start and not pending and _ABBREVIATION.search(out[-1]) and _NUMBER_GOES_ON.match(sent):
                out[-1] += " " + sent  # "… paling banyak Rp." | "15.000.000,00": one sentence
                continue
            out.extend(_at_semicolons(pending + sent))
            pending = ""
        if pending.strip():
            out.append(pending.strip())
    return out


def _note_works(doc: Document) -> Callable[[str, int | None], str | None]:
    """(a note's number, the page of the paragraph marking it) → the key of the work that note names: the
    note of that number on the page or the next two (a paragraph may run on; numbering may start again), else
    None (a raised digit with no note near it, "m²", cites nothing)."""
    notes = [(page.number, n.number, n.text) for page in doc.pages for n in page.notes]
    keys = note_keys([(number, text) for _, number, text in notes])
    on_page = {(number, page): key for (page, number, _), key in zip(notes, keys) if key}
    pages = [page.number for page in doc.pages]

    def work(number: str, page: int | None) -> str | None:
        at = pages.index(page) if page in pages else len(pages)
        return next((on_page[(number, p)] for p in pages[at:at + 3] if (number, p) in on_page), None)

    return work


def chunk_document(doc: Document, file: str, chunk_words: int = 220, overlap: int = 1) -> list[Chunk]:
    """Chunks of whole sentences, at most about `chunk_words` words, never across sections.
    Consecutive chunks of one paragraph share `overlap` sentences."""
    chunks: list[Chunk] = []
    groups: list[tuple[Paragraph, list[Sentence]]] = []
    noted = _note_works(doc)
    for para in paragraphs(doc):
        sents = enactment_sentences(para.text) if para.section[-1:] == [ENACTMENT] else split_sentences(para.text)
        works = [[k for n in marks(s) if (k := noted(n, para.page))] for s in sents]  # the works its notes name
        sents = [strip_marks(s) for s in sents]
        groups.append((para, [Sentence(s, c) for s, c in zip(sents, attribute(sents, works))]))

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
