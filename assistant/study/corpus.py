"""The index read as study material: each sentence once, in document order, with where it stands."""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from ..records import Chunk
from ..search.index import Index

# Sections whose sentences are references, not prose (a bibliography lists years, not events).
_BACK_MATTER = re.compile(r"daftar pustaka|referensi|references|bibliograph|kepustakaan|works cited", re.I)


@dataclass(frozen=True)
class Mention:
    """One sentence of the corpus and its source. `row` indexes the index's sentence vectors."""

    text: str
    cites: tuple[str, ...]
    doc: str
    file: str
    page: int | None
    page_label: str | None
    section: str
    order: int
    row: int | None

    def source(self) -> dict:
        """The JSON source of an item made from this sentence."""
        return {"doc": self.doc, "file": self.file, "page": self.page, "page_label": self.page_label,
                "section": self.section, "text": self.text}


def mentions(index: Index) -> list[Mention]:
    """Every distinct sentence of every document (chunk overlaps counted once), bibliography left out."""
    return chunk_mentions(index.chunks, index.sentence_row)


def chunk_mentions(chunks: list[Chunk], rows: dict[str, int] | None = None) -> list[Mention]:
    """`mentions` of chunks not (yet) in an index; `rows` maps a sentence to its vector row."""
    seen: set[tuple[str, str, str]] = set()
    out: list[Mention] = []
    for chunk in chunks:
        if _BACK_MATTER.search(chunk.section):
            continue
        for sent in chunk.sentences:
            key = (chunk.file, chunk.section, sent.text)
            if key in seen:
                continue
            seen.add(key)
            out.append(Mention(sent.text, tuple(sent.cites), chunk.doc, chunk.file, chunk.page, chunk.page_label,
                               chunk.section, len(out), (rows or {}).get(sent.text)))
    return out


def vectors(index: Index, items: list[Mention]) -> np.ndarray:
    """The vectors of `items`, each sentence in its place (zeros where a sentence has none)."""
    vectors = index.context_vectors
    dim = vectors.shape[1] if vectors.ndim == 2 else 0
    out = np.zeros((len(items), dim), dtype=np.float32)
    for i, m in enumerate(items):
        if m.row is not None and m.row < len(vectors):
            out[i] = vectors[m.row]
    return out


def plain(text: str) -> str:
    """Text without Markdown emphasis markers."""
    text = re.sub(r"\\([$_#])", r"\1", text)
    return re.sub(r"\*+([^*]+)\*+", r"\1", text).replace("*", "")


def passage(index: Index, source: dict) -> dict | None:
    """The passage (chunk) that holds a study item's source sentence: {"text", "sentence"} as stored."""
    for chunk in index.chunks:
        if chunk.file != source.get("file") or chunk.section != source.get("section"):
            continue
        for sent in chunk.sentences:
            if plain(sent.text) == source.get("text"):
                return {"text": chunk.text, "sentence": sent.text}
    return None
