"""The documents of an index: their titles, kinds, pages and passages, and which one a name picks.

A name picks documents by their file (path, name or stem) or, failing that, by a part of their
title, case aside ("uu-21-2007", "UU No. 21 Tahun 2007", "Palermo"). `DocumentNotFound` lists them.
"""
from __future__ import annotations

from collections import Counter
from pathlib import PurePath

from .index import Index


class DocumentNotFound(ValueError):
    """No document of the index matches the name; str() says so and lists the documents."""


def title_of(file: str, index: Index) -> str:
    """A document's title as ingest found it (ingest/titles.py), else its file name without extension."""
    title = str((index.meta.get("documents") or {}).get(file, {}).get("title") or "").strip()
    return " ".join((title or PurePath(file).stem.replace("_", " ")).split())


def list_documents(index: Index) -> list[dict]:
    """Each document: {"file", "title", "kind", "pages", "passages", "authors", "year"}, in file order."""
    meta = index.meta.get("documents") or {}
    passages = Counter(c.file for c in index.chunks)
    out = []
    for file in sorted(passages):
        m = meta.get(file, {})
        pages = m.get("pages") or len({c.page for c in index.chunks if c.file == file and c.page is not None}) or None
        out.append({"file": file, "title": title_of(file, index), "kind": m.get("kind") or "document",
                    "pages": pages, "passages": passages[file], "authors": list(m.get("authors") or []),
                    "year": m.get("year") or ""})
    return out


def resolve(index: Index, name: str) -> frozenset[str]:
    """The files `name` picks (see the module doc); DocumentNotFound when none."""
    wanted = " ".join(name.split()).casefold()
    files = sorted({c.file for c in index.chunks})
    for key in (lambda f: f.casefold(), lambda f: PurePath(f).name.casefold(), lambda f: PurePath(f).stem.casefold()):
        found = [f for f in files if key(f) == wanted]
        if found:
            return frozenset(found)
    found = [f for f in files if wanted and wanted in title_of(f, index).casefold() or wanted in f.casefold()]
    if found:
        return frozenset(found)
    listing = "; ".join(f"{f} ({title_of(f, index)})" for f in files)
    raise DocumentNotFound(f"no document matches '{name}': the index holds {listing}")
