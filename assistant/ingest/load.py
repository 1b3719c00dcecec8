"""Load: read one file of the corpus into a `Document` of pages of text.

Formats: .txt/.md (encoding detected; Markdown front matter, attributes and inline notes read by
`markdown`), .pdf (pypdfium2 text cleaned by `pdftext`, page labels and metadata; pages without a usable
text layer read by OCR, `ocr`), .docx (python-docx; headings become Markdown-style "# Heading" lines).
Every failure is a `LoadError` whose message names the file and the reason.
"""
from __future__ import annotations

import errno
import re
from pathlib import Path

from ..footnotes import strip_marks
from ..records import Document, Note, Page
from .ocr import OcrOptions
from .tables import rows_text
from .titles import choose_title, name_title

SUPPORTED = {".txt", ".md", ".pdf", ".docx"}


class LoadError(Exception):
    """A file that cannot be ingested; str() is one line naming the file and the reason."""

    def __init__(self, path: Path | str, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{path}: {reason}")


def _os_reason(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symlink loop (too many levels of symbolic links)"
    if exc.errno == errno.ENOENT:
        return "broken symlink or missing file"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied (cannot read the file)"
    if exc.errno == errno.EISDIR:
        return "is a directory"
    return f"cannot read file ({exc.strerror or exc})"


def check_file(path: Path | str, max_mb: float = 50.0) -> int:
    """Cheap checks before reading: supported type, reachable, non-empty, under the size limit,
    readable. Returns the size in bytes or raises LoadError."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise LoadError(path, f"unsupported file type '{suffix or '(none)'}' (supported: {', '.join(sorted(SUPPORTED))})")
    try:
        size = path.stat().st_size
        if size > max_mb * 1024 * 1024:
            raise LoadError(path, f"file is {size / 1048576:.1f} MB, over the {max_mb:g} MB limit (max_file_mb)")
        with open(path, "rb") as fh:
            fh.read(1)
    except OSError as exc:
        raise LoadError(path, _os_reason(exc)) from exc
    if size == 0:
        raise LoadError(path, "empty file (0 bytes)")
    return size


def read_bytes(path: Path | str) -> bytes:
    """The file's bytes, or LoadError with the reason."""
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise LoadError(path, _os_reason(exc)) from exc


def load_document(path: Path | str, max_mb: float = 50.0, ocr: OcrOptions | None = None) -> Document:
    """Read `path` into a Document, or raise LoadError naming the file and the reason. `ocr`: where
    OCR results are cached and who hears of OCR'd pages (PDFs only)."""
    path = Path(path)
    check_file(path, max_mb)
    suffix = path.suffix.lower()
    try:
        if suffix in (".txt", ".md"):
            doc, printed = _load_text(path)
        elif suffix == ".pdf":
            doc, printed = _load_pdf(path, ocr)
        else:
            doc, printed = _load_docx(path)
    except OSError as exc:
        raise LoadError(path, _os_reason(exc)) from exc
    choose_title(doc, printed)
    return doc


def _sniff(head: bytes) -> str:
    """': looks like a <kind> (wrong extension?)' when the first bytes give the type away."""
    kinds = {b"%PDF": "PDF", b"PK\x03\x04": "ZIP/DOCX", b"\x89PNG": "PNG image", b"\xff\xd8\xff": "JPEG image",
             b"{\\rtf": "RTF", b"\xd0\xcf\x11\xe0": "legacy Office file (.doc)"}
    for magic, kind in kinds.items():
        if head.lstrip()[:len(magic)] == magic:
            return f": looks like a {kind} (wrong extension?)"
    return ""


def _load_text(path: Path) -> tuple[Document, str]:
    """The document and the title its front matter gives (Markdown)."""
    raw = read_bytes(path)
    if b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise LoadError(path, f"binary data in a text file{_sniff(raw[:16]) or ' (wrong extension?)'}")
    if _sniff(raw[:16]):
        raise LoadError(path, f"not text{_sniff(raw[:16])}")
    warnings = []
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(raw).best()
        if best is None:
            raise LoadError(path, "not UTF-8 and the text encoding could not be detected") from None
        text = str(best)
        warnings.append(f"{path.name}: not UTF-8, decoded as {best.encoding}")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise LoadError(path, "no text in file (only whitespace)")
    from .textpages import split_pages

    meta: dict = {}
    if path.suffix.lower() == ".md":
        from .markdown import read_markdown

        text, meta = read_markdown(text)
    return Document(path=path, title=name_title(path), pages=split_pages(text), meta=meta,
                    warnings=warnings), meta.get("title", "")


def _load_pdf(path: Path, ocr_options: OcrOptions | None = None) -> tuple[Document, str]:
    """The document and the title its first page prints."""
    import pypdfium2 as pdfium

    from . import ocr, pdfparts, pdftext

    with open(path, "rb") as fh:
        head = fh.read(1024)
    if b"%PDF" not in head:
        raise LoadError(path, f"not a PDF (no %PDF header){_sniff(head)}")
    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise LoadError(path, "encrypted PDF: a password is needed to open it") from exc
        raise LoadError(path, f"corrupt or unreadable PDF ({exc})") from exc
    try:
        raw_pages = [pdftext.page_lines(pdf[i].get_textpage()) for i in range(len(pdf))]
        labels, meta = _pdf_labels_and_meta(pdf)
        scanned = ocr.read_pages(pdf, raw_pages, path, ocr_options)  # pages without usable text, in place
        height = pdf[0].get_height() if len(pdf) else 0.0
    except pdfium.PdfiumError as exc:
        raise LoadError(path, f"corrupt PDF: a page cannot be read ({exc})") from exc
    finally:
        pdf.close()
    if not any(raw_pages):
        raise LoadError(path, f"no text layer in {len(raw_pages)} page(s): scanned/image-only PDF, "
                              + scanned.why_no_text())
    warnings = scanned.warnings(path.name)
    lines, printed = pdftext.strip_headers_footers(raw_pages)
    labels = labels or pdftext.printed_labels(printed)
    body, levels = pdftext.heading_levels(lines)
    notes, last = [], 0
    for i, page in enumerate(lines):
        lines[i], found = pdfparts.split_notes(page, body, last)
        notes.append(found)
        last = int(found[-1].number) if found else last
    title, authors = "", []
    for page in [page for page in lines if page][:2]:  # a cover without a title (a journal issue's): the next page
        title, authors = pdfparts.title_block(page, body, height)
        if title:
            break
    if authors:
        meta["authors"] = authors
    vocab = pdftext.vocabulary([line.text for page in lines for line in page])
    bold = pdftext.bold_level(lines, body, levels)
    texts = pdftext.join_across_pages(["\n\n".join(pdftext.paragraphs(page, vocab, levels, bold)) for page in lines],
                                      vocab)
    made_by = f"{meta.pop('creator', '')} {meta.pop('producer', '')}"
    texts = [pdftext.tex_accents(text, made_by) for text in texts]
    pages, empty, bad = [], [], {"glued": [], "garbled": []}
    for i, text in enumerate(texts):
        if not raw_pages[i]:
            empty.append(i + 1)
        elif pdftext.run_together(text) or pdftext.garbled(text):
            bad["glued" if pdftext.run_together(text) else "garbled"].append(i + 1)
            continue
        pages.append(Page(i + 1, text, labels[i] if labels else None, notes[i]))
    n_text = len(raw_pages) - len(empty)
    why = {"glued": "words run together without spaces",
           "garbled": "text is garbled (fonts without a Unicode mapping)"}
    for kind, numbers in bad.items():
        if numbers and len(numbers) * 2 > n_text:
            raise LoadError(path, f"{why[kind]} on {len(numbers)} of {n_text} text page(s): the PDF's text layer "
                                  "is unusable, " + (f"and OCR cannot read it: {scanned.unavailable}" if scanned.unavailable
                                                     else "and so is what OCR read (re-export the PDF)"))
        if numbers:
            warnings.append(f"{path.name}: skipped {_pages(numbers)}: {why[kind]}")
    if not pages:
        raise LoadError(path, f"no usable text on any of {len(raw_pages)} page(s)")
    if scanned.needed:
        meta["ocr"] = {"pages": scanned.confidence, "failed": scanned.failed, "summary": scanned.summary()}
    return Document(path=path, title=name_title(path), pages=pages, meta=meta, warnings=warnings), title


def _pages(numbers: list[int]) -> str:
    shown = ", ".join(map(str, numbers[:10])) + (" …" if len(numbers) > 10 else "")
    return f"page{'s' if len(numbers) > 1 else ''} {shown}"


def _pdf_labels_and_meta(pdf) -> tuple[list[str] | None, dict]:
    """Printed page labels and title/author/subject/creation date of an open pypdfium2 document.
    (pdfium reads them in ~20 ms where pypdf's page_labels walks the page tree: ~0.25 s/260 pages.)"""
    meta: dict = {}
    try:
        info = pdf.get_metadata_dict()
    except Exception:  # noqa: BLE001 - malformed metadata is not fatal
        info = {}
    for key, name in (("title", "Title"), ("author", "Author"), ("subject", "Subject"), ("creation_date", "CreationDate"),
                      ("producer", "Producer"), ("creator", "Creator")):
        value = " ".join(str(info.get(name) or "").split())
        if value:
            meta[key] = _pdf_date(value) if key == "creation_date" else value
    try:
        found = [pdf.get_page_label(i) for i in range(len(pdf))]
    except Exception:  # noqa: BLE001 - labels are an optional extra
        return None, meta
    if all(found) and any(label != str(i + 1) for i, label in enumerate(found)):
        return found, meta
    return None, meta


def _pdf_date(value: str) -> str:
    """PDF date "D:20230204115901-00'00'" → "2023-02-04 11:59:01+00:00" (as pypdf prints it)."""
    m = re.match(r"D?:?(\d{4})(\d\d)?(\d\d)?(\d\d)?(\d\d)?(\d\d)?(?:([+-])(\d\d)'?(\d\d)?)?", value)
    if not m:
        return value
    y, mo, d, h, mi, sec, sign, tz_h, tz_m = m.groups()
    zone = f"{sign}{tz_h}:{tz_m or '00'}" if sign and (tz_h, tz_m or "00") != ("00", "00") else "+00:00"
    return f"{y}-{mo or '01'}-{d or '01'} {h or '00'}:{mi or '00'}:{sec or '00'}{zone}"


def open_docx(path: Path | str):
    """The python-docx Document of `path`, or LoadError: not a ZIP package, or corrupt."""
    import docx

    with open(path, "rb") as fh:
        head = fh.read(16)
    if not head.startswith(b"PK"):
        raise LoadError(path, f"not a DOCX (not a ZIP package){_sniff(head)}")
    try:
        return docx.Document(str(path))
    except Exception as exc:  # noqa: BLE001 - python-docx raises many types for bad zips
        raise LoadError(path, f"corrupt or unreadable DOCX ({exc.__class__.__name__}: {exc})") from exc


def docx_heading_level(paragraph) -> int | None:
    """1-6 for a DOCX paragraph styled as a heading ("Heading 2" → 2) or the title, else None."""
    style = (paragraph.style.name or "").lower() if paragraph.style is not None else ""
    m = re.match(r"heading (\d)", style)
    return min(6, int(m.group(1))) if m else 1 if style == "title" else None


def _load_docx(path: Path) -> tuple[Document, str]:
    """The document and the text of its Title style."""
    document = open_docx(path)
    blocks, printed = [], ""
    numbers = _footnote_numbers(document)
    for item in document.iter_inner_content():
        if hasattr(item, "rows"):  # a table: one line per row, with its header (tables.rows_text)
            rows = [list(dict.fromkeys(" ".join(c.text.split()) for c in row.cells if c.text.strip())) for row in item.rows]
            blocks.append("\n".join(rows_text([r for r in rows if r])))
            continue
        text = _marked_text(item, numbers).strip()
        level = docx_heading_level(item)
        if text and level and not printed and (item.style.name or "").lower() == "title":
            printed = " ".join(strip_marks(text).split())
        if text and level:
            blocks.append("#" * level + " " + " ".join(text.split()))
        elif text:
            blocks.append("\uff03" + text[1:] if re.match(r"#{1,6}\s", text) else text)
    blocks = [b for b in blocks if b.strip()]
    if not blocks:
        raise LoadError(path, "no text in document")
    props = document.core_properties
    meta = {k: v for k, v in {"title": props.title, "author": props.author}.items() if v}
    page = Page(None, "\n\n".join(blocks), notes=_docx_footnotes(document))
    return Document(path=path, title=name_title(path), pages=[page], meta=meta), printed


def _footnote_numbers(document) -> dict[str, int]:
    """Each footnote's id → its number, in the order the text refers to them, as Word prints them."""
    from docx.oxml.ns import qn

    order = [ref.get(qn("w:id")) for ref in document.element.body.iter(qn("w:footnoteReference"))]
    return {i: n for n, i in enumerate(dict.fromkeys(order), 1)}


def _marked_text(paragraph, numbers: dict[str, int]) -> str:
    """A paragraph's text with its footnote references as marks ("… mampu.[^2]", `footnotes.MARK`)."""
    from docx.oxml.ns import qn

    reference = qn("w:footnoteReference")
    if not numbers or next(paragraph._p.iter(reference), None) is None:
        return paragraph.text
    out = []
    for run in paragraph.iter_inner_content():  # runs and hyperlinks, in order
        out.append(run.text)
        out += [f"[^{numbers[r.get(qn('w:id'))]}]" for r in run._element.iter(reference) if r.get(qn("w:id")) in numbers]
    return "".join(out)


def _docx_footnotes(document) -> list[Note]:
    """The footnotes of a DOCX (word/footnotes.xml, which python-docx does not read), numbered in the order the
    text refers to them, as Word prints them."""
    from docx.oxml.ns import qn

    part = next((p for p in document.part.package.iter_parts() if str(p.partname) == "/word/footnotes.xml"), None)
    if part is None:
        return []
    from lxml import etree

    root = etree.fromstring(part.blob)
    texts = {note.get(qn("w:id")): " ".join("".join(t.text or "" for t in note.iter(qn("w:t"))).split())
             for note in root.iter(qn("w:footnote"))}
    return [Note(str(n), texts[i]) for i, n in _footnote_numbers(document).items() if texts.get(i)]
