"""The shared records every stage passes on: a loaded `Document` of `Page`s, the `Chunk`s
(passages) made of `Sentence`s, and the in-text `Citation`s found in them. No stage logic here, besides
telling a command line, which chunking and answering both need."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

_COMMAND_LINE = re.compile(r"^[＃#$]\s+[a-z/~.]")
SECTION_SEP = " › "  # between the headings of a passage's section path ("BAB II › A. Kerangka Teori")


def innermost_heading(section: str) -> str:
    """The last heading of a section path ("A. Kerangka Teori" of "BAB II › A. Kerangka Teori")."""
    return section.rsplit(SECTION_SEP, 1)[-1]


@dataclass(frozen=True)
class Note:
    """A footnote: its printed number and its text."""

    number: str
    text: str


@dataclass
class Page:
    """One page of text. `number` is the physical 1-based page (None for page-less text);
    `label` is the printed page label when the document defines one; `notes` its footnotes."""

    number: int | None
    text: str
    label: str | None = None
    notes: list[Note] = field(default_factory=list)


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


@dataclass
class Sentence:
    text: str
    cites: list[str]

    @property
    def is_command(self) -> bool:
        return is_command_line(self.text)


def is_command_line(text: str) -> bool:
    """A command after a shell prompt ("＃ poweroff -i -f", "$ ls -l"): chunking keeps it a sentence of its
    own, and an answer quotes it after the sentence it illustrates."""
    return bool(_COMMAND_LINE.match(text))


@dataclass
class Chunk:
    """A passage: whole sentences of one section, with where it stands and what it cites."""

    id: str
    doc: str
    file: str
    page: int | None
    page_label: str | None
    section: str
    text: str
    sentences: list[Sentence] = field(default_factory=list)

    @property
    def cites(self) -> list[str]:
        return list(dict.fromkeys(k for s in self.sentences for k in s.cites))

    def to_dict(self) -> dict:
        return {
            "id": self.id, "doc": self.doc, "file": self.file, "page": self.page,
            "page_label": self.page_label, "section": self.section, "text": self.text,
            "cites": self.cites,
            "sentences": [{"text": s.text, "cites": s.cites} for s in self.sentences],
        }

    @classmethod
    def from_dict(cls, d: dict) -> "Chunk":
        sentences = [Sentence(s["text"], list(s["cites"])) for s in d.get("sentences", [])]
        return cls(d["id"], d["doc"], d["file"], d.get("page"), d.get("page_label"), d["section"],
                   d["text"], sentences)


@dataclass(frozen=True)
class Citation:
    """One in-text citation. `key` is "Surname, Year"; `written` is as it stands in the text."""

    key: str
    written: str
    authors: str
    year: str
    kind: str  # "parenthetical" | "narrative"
    start: int
    end: int
    via: str | None = None  # secondary citation: the original author reported by `authors`

    @property
    def surname(self) -> str:
        return self.key.rsplit(",", 1)[0]
