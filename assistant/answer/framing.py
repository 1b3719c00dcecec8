"""Framing: the words before an answer's quotes name the document(s) they come from.

"Menurut tesis:" / "According to the thesis:" is kept for the thesis (the corpus file that
`Settings.thesis` matches); a paper whose authors ingest found is named the way papers cite one
another when its title is long ("Menurut Purwanti & Nurhayati:", "According to Ramadhani et al.
(2024):"); any other document by its title ("Menurut *Referensi Debian*:"), a long one by its main
title or first words ("*Protocol to Prevent, Suppress and Punish …*"): the framing names the source in
a few words, the citations below give it whole.
"""
from __future__ import annotations

import fnmatch
import re
from pathlib import PurePath

from ..citations import name_surname
from ..search.documents import title_of
from ..search.index import Index

LEAD = {"en": "According to {names}:", "id": "Menurut {names}:"}
THESIS = {"en": "the thesis", "id": "tesis"}
AND = {"en": " and ", "id": " dan "}
ET_AL = {"en": "et al.", "id": "dkk."}
TITLE_WORDS = 8  # a title longer than this is named by its first words
# the words a shortened title does not end on
_FUNCTION_WORDS = frozenset({"a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "by", "with", "from",
                             "into", "as", "between", "against", "about", "its", "their", "di", "ke", "dari", "dan",
                             "atau", "yang", "untuk", "dalam", "pada", "dengan", "tentang", "terhadap", "bagi",
                             "atas", "oleh", "sebagai", "antara", "serta", "ini", "itu"})


def is_thesis(file: str, pattern: str) -> bool:
    """`file` (corpus-relative) is the thesis: its name or path matches the glob `pattern`."""
    return bool(pattern) and (fnmatch.fnmatch(PurePath(file).name, pattern) or fnmatch.fnmatch(file, pattern))


def lead(language: str, files: list[str], index: Index, thesis: str) -> str:
    """The framing for quotes from `files` (in order of first quote), e.g. "Menurut tesis dan *X*:"."""
    names = list(dict.fromkeys(document_name(f, index, language, thesis) for f in files))
    return LEAD[language].format(names=AND[language].join(names))


def document_name(file: str, index: Index, language: str, thesis: str) -> str:
    """How an answer names a document: "tesis" / "the thesis" for the thesis, else `name_of`."""
    return THESIS[language] if is_thesis(file, thesis) else name_of(file, index, language)


def name_of(file: str, index: Index, language: str) -> str:
    """How an answer names a document: its title in italics; a paper with a long title by its authors,
    any other long title by its first words."""
    meta = (index.meta.get("documents") or {}).get(file, {})
    title = title_of(file, index)
    authors = [name for name in map(name_surname, meta.get("authors") or []) if name]
    if authors and meta.get("kind") == "paper" and len(title.split()) > TITLE_WORDS:
        # (two authors joined by "&", as APA does: "dan/and" joins the documents of one answer)
        named = authors[0] if len(authors) == 1 else \
            f"{authors[0]} & {authors[1]}" if len(authors) == 2 else f"{authors[0]} {ET_AL[language]}"
        return f"{named} ({meta['year']})" if meta.get("year") else named
    return f"*{short_title(title)}*"


def short_title(title: str, limit: int = TITLE_WORDS) -> str:
    """`title` itself up to `limit` words; a longer one cut to its first words, ending on a content word, and "…"."""
    words = title.split()
    if len(words) <= limit:
        return title
    main = re.split(r"\s*[:(]\s*", title, maxsplit=1)[0].split()  # "Title: Subtitle", "Title (Gloss)"
    if 2 <= len(main) <= limit:
        return " ".join(main)
    head = words[: limit - 2]
    while len(head) > 2 and head[-1].casefold().strip(",;:") in _FUNCTION_WORDS:
        head.pop()
    head[-1] = head[-1].rstrip(",;:")
    return " ".join(head) + " …"
