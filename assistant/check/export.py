"""Write what a check asked for: the Markdown report and the commented DOCX."""
from __future__ import annotations

from pathlib import Path

from .comments import commented_docx
from .draft import Draft
from .report import markdown


def write_outputs(draft: Draft, results: list[dict], md: Path | None = None, docx: Path | None = None,
                  lang: str | None = None) -> list[Path]:
    """Write the Markdown report and/or the commented DOCX; the paths written (OSError when one cannot be)."""
    written = []
    if md:
        Path(md).write_text(markdown(results, draft.path.name if draft.path else "", lang), encoding="utf-8")
        written.append(Path(md))
    if docx:
        commented_docx(draft, results, docx, lang)
        written.append(Path(docx))
    return written
