"""Read a student's draft (.docx, .md, .txt, or pasted text) into its paragraphs of body text.

Headings are left out (they claim nothing). A DOCX paragraph keeps its position among the document's
body paragraphs, so the commented copy (`comments.py`) finds it again. Every failure is a
`DraftError` whose message names the file and the reason.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..ingest.chunk import paragraphs
from ..ingest.load import LoadError, check_file, docx_heading_level, load_document, open_docx
from ..records import Document, Page

DRAFT_TYPES = (".docx", ".md", ".txt")


class DraftError(Exception):
    """A draft that cannot be read; str() is one line naming the file and the reason."""

    def __init__(self, path: Path | str, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{path}: {reason}")


@dataclass
class DraftParagraph:
    """A paragraph of body text; `index` is its place among a DOCX's body paragraphs (None for text)."""

    text: str
    index: int | None = None


@dataclass
class Draft:
    paragraphs: list[DraftParagraph]
    path: Path | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def is_docx(self) -> bool:
        return self.path is not None and self.path.suffix.lower() == ".docx"


def read_draft(path: Path | str, max_mb: float = 50.0) -> Draft:
    """The draft at `path`, or DraftError (missing file, wrong type, corrupt DOCX, no text)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in DRAFT_TYPES:
        raise DraftError(path, f"unsupported draft type '{suffix or '(none)'}' (supported: {', '.join(DRAFT_TYPES)})")
    try:
        check_file(path, max_mb)
        draft = _read_docx(path) if suffix == ".docx" else _read_text(path)
    except LoadError as exc:
        raise DraftError(path, exc.reason) from None
    if not draft.paragraphs:
        raise DraftError(path, "no body text to check (only headings, or empty)")
    return draft


def draft_from_text(text: str) -> Draft:
    """A pasted draft: paragraphs separated by blank lines, Markdown headings left out."""
    doc = Document(Path("draft.txt"), "draft", [Page(None, text or "")])
    return Draft([DraftParagraph(p.text) for p in paragraphs(doc)])


def _read_text(path: Path) -> Draft:
    doc = load_document(path)
    return Draft([DraftParagraph(p.text) for p in paragraphs(doc)], path, doc.warnings)


def _read_docx(path: Path) -> Draft:
    document = open_docx(path)
    found = []
    for i, paragraph in enumerate(document.paragraphs):
        text = paragraph.text
        if text.strip() and not docx_heading_level(paragraph):
            found.append(DraftParagraph(text, i))
    tables = sum(1 for _ in document.tables)
    warnings = [f"{path.name}: {tables} table(s) not checked"] if tables else []
    return Draft(found, path, warnings)
