"""Framing: the words before an answer's quotes name the document(s) they come from.

"Menurut tesis:" / "According to the thesis:" is kept for the thesis (the corpus file that
`Settings.thesis` matches); any other document is named by its title: the PDF/DOCX metadata title
recorded at ingest, else its first heading, else its file name ("Menurut *Referensi Debian*:").
"""
from __future__ import annotations

import fnmatch
from pathlib import PurePath

from ..search.documents import title_of
from ..search.index import Index

LEAD = {"en": "According to {names}:", "id": "Menurut {names}:"}
THESIS = {"en": "the thesis", "id": "tesis"}
AND = {"en": " and ", "id": " dan "}


def is_thesis(file: str, pattern: str) -> bool:
    """`file` (corpus-relative) is the thesis: its name or path matches the glob `pattern`."""
    return bool(pattern) and (fnmatch.fnmatch(PurePath(file).name, pattern) or fnmatch.fnmatch(file, pattern))


def lead(language: str, files: list[str], index: Index, thesis: str) -> str:
    """The framing for quotes from `files` (in order of first quote), e.g. "Menurut tesis dan *X*:"."""
    names = list(dict.fromkeys(THESIS[language] if is_thesis(f, thesis) else f"*{title_of(f, index)}*"
                               for f in files))
    return LEAD[language].format(names=AND[language].join(names))
