"""Load: read one file of the corpus into a `Document` of pages of text.

Formats: .txt/.md (encoding detected), .pdf (pypdfium2 text, pypdf page labels and metadata),
.docx (python-docx; headings are kept as Markdown-style heading lines).
Every failure is a `LoadError` whose message names the file and the reason.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

SUPPORTED = {".txt", ".md", ".pdf", ".docx"}


class LoadError(Exception):
    """A file that cannot be ingested; str() is one line naming the file and the reason."""

    def __init__(self, path: Path | str, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{path}: {reason}")


@dataclass
class Page:
    """One page of text. `number` is the physical 1-based page (None for page-less text);
    `label` is the printed page label when the document defines one."""

    number: int | None
    text: str
    label: str | None = None


@dataclass
class Document:
    """A loaded file: its pages plus whatever metadata the format offers."""

    path: Path
    title: str
    pages: list[Page]
    meta: dict = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.path.name


def load_document(path: Path | str, max_mb: float = 50.0) -> Document:
    """Read `path` into a Document, or raise LoadError naming the file and the reason."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise LoadError(path, f"unsupported file type '{suffix or '(none)'}' (supported: {', '.join(sorted(SUPPORTED))})")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise LoadError(path, f"cannot read file ({exc.strerror or exc})") from exc
    if size == 0:
        raise LoadError(path, "empty file")
    if size > max_mb * 1024 * 1024:
        raise LoadError(path, f"file is {size / 1048576:.1f} MB, over the {max_mb:g} MB limit")
    try:
        if suffix in (".txt", ".md"):
            return _load_text(path)
        if suffix == ".pdf":
            return _load_pdf(path)
        return _load_docx(path)
    except LoadError:
        raise
    except PermissionError as exc:
        raise LoadError(path, "permission denied") from exc
    except OSError as exc:
        raise LoadError(path, f"cannot read file ({exc.strerror or exc})") from exc


def _title_from_name(path: Path) -> str:
    return re.sub(r"[_]+", " ", path.stem).strip()


def _load_text(path: Path) -> Document:
    raw = path.read_bytes()
    if b"\x00" in raw[:4096]:
        raise LoadError(path, "binary data in a text file (wrong extension?)")
    warnings = []
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(raw).best()
        if best is None:
            raise LoadError(path, "text encoding could not be detected")
        text = str(best)
        warnings.append(f"{path.name}: not UTF-8, decoded as {best.encoding}")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise LoadError(path, "no text in file")
    return Document(path=path, title=_title_from_name(path), pages=[Page(None, text)], warnings=warnings)


def _load_pdf(path: Path) -> Document:
    import pypdfium2 as pdfium

    head = path.read_bytes()[:1024]
    if b"%PDF" not in head:
        raise LoadError(path, "not a PDF (no %PDF header): corrupt file or wrong extension")
    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        msg = str(exc).lower()
        if "password" in msg:
            raise LoadError(path, "encrypted PDF: a password is needed to read it") from exc
        raise LoadError(path, f"corrupt or unreadable PDF ({exc})") from exc
    try:
        labels, meta = _pdf_labels_and_meta(path, len(pdf))
        pages = []
        for i in range(len(pdf)):
            textpage = pdf[i].get_textpage()
            text = textpage.get_text_bounded().replace("\r\n", "\n").replace("\r", "\n")
            pages.append(Page(i + 1, text, labels[i] if labels else None))
    finally:
        pdf.close()
    if not any(p.text.strip() for p in pages):
        raise LoadError(path, f"no text layer in {len(pages)} page(s): scanned/image-only PDF, it needs OCR")
    title = meta.get("title") or _title_from_name(path)
    return Document(path=path, title=title, pages=pages, meta=meta)


def _pdf_labels_and_meta(path: Path, n_pages: int) -> tuple[list[str] | None, dict]:
    """Printed page labels and title/author metadata via pypdf (best effort)."""
    meta: dict = {}
    labels = None
    try:
        from pypdf import PdfReader

        reader = PdfReader(str(path))
        info = reader.metadata or {}
        for key in ("title", "author", "subject", "creation_date"):
            try:
                value = getattr(info, key, None)
            except Exception:  # noqa: BLE001 - malformed metadata is not fatal
                value = None
            if value:
                meta[key] = str(value)
        found = list(reader.page_labels)
        if len(found) == n_pages and any(lab != str(i + 1) for i, lab in enumerate(found)):
            labels = found
    except Exception:  # noqa: BLE001 - labels/metadata are optional extras
        pass
    return labels, meta


def _load_docx(path: Path) -> Document:
    import docx

    try:
        document = docx.Document(str(path))
    except Exception as exc:  # noqa: BLE001 - python-docx raises many types for bad zips
        raise LoadError(path, f"corrupt or unreadable DOCX ({exc.__class__.__name__})") from exc
    lines = []
    for para in document.paragraphs:
        text = para.text.strip()
        if not text:
            continue
        style = (para.style.name or "").lower() if para.style is not None else ""
        m = re.match(r"heading (\d)", style)
        if m or style == "title":
            level = int(m.group(1)) if m else 1
            lines.append("#" * level + " " + text)
        else:
            lines.append(text)
    if not lines:
        raise LoadError(path, "no text in document")
    props = document.core_properties
    meta = {k: v for k, v in {"title": props.title, "author": props.author}.items() if v}
    return Document(path=path, title=meta.get("title") or _title_from_name(path),
                    pages=[Page(None, "\n\n".join(lines))], meta=meta)
