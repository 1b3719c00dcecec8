"""Split a draft into sentences, each with its place in its paragraph and the in-text citations it
carries ("(Arisandy, 2022)", "Rudy (2002)", "(Arisandy dan Soeharto, 2022; Ginjar, 2023)").

Sentences are those ingest finds (`ingest.chunk.split_sentences`); a piece the segmenter split off a
citation ("Kyslyi dkk." | "(2021) menyebut …", or a citation standing after the full stop) goes back
to the sentence it belongs to.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..citations import parse_citations, without_citations
from ..ingest.chunk import split_sentences
from ..records import Citation
from .draft import Draft


@dataclass
class DraftSentence:
    """One sentence of a draft: its text, its paragraph (index in `Draft.paragraphs`), where it
    stands in that paragraph's text, and the citations it carries."""

    text: str
    paragraph: int
    start: int
    end: int
    citations: list[Citation]

    @property
    def keys(self) -> list[str]:
        """The works it cites, "Surname, Year", in order."""
        return list(dict.fromkeys(c.key for c in self.citations))

    @property
    def claim(self) -> str:
        """The sentence without its in-text citations: what it states."""
        return " ".join(without_citations(self.text).split())


def spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a paragraph."""
    found: list[tuple[int, int]] = []
    pos = 0
    for sentence in split_sentences(text):
        m = re.compile(r"\s+".join(map(re.escape, sentence.split()))).search(text, pos)
        if m is None:  # (never expected: the segmenter only splits)
            continue
        piece = text[m.start():m.end()]
        if found and (piece.startswith("(") or not _says_anything(piece)):
            found[-1] = (found[-1][0], m.end())  # "(2021) dalam …" or "(Midhol, 2022)" after the stop
        else:
            found.append((m.start(), m.end()))
        pos = m.end()
    return found


def _says_anything(piece: str) -> bool:
    return any(ch.isalnum() for ch in without_citations(piece))


def draft_sentences(draft: Draft) -> list[DraftSentence]:
    """Every sentence of the draft, in order."""
    out = []
    for i, paragraph in enumerate(draft.paragraphs):
        for start, end in spans(paragraph.text):
            text = paragraph.text[start:end]
            out.append(DraftSentence(text, i, start, end, parse_citations(text)))
    return out


def sentence_of(text: str, paragraph: int = 0) -> DraftSentence:
    """A text taken as one sentence (a line of `check --batch`)."""
    return DraftSentence(text, paragraph, 0, len(text), parse_citations(text))
