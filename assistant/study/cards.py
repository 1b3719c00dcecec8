"""Flashcards from the timeline, the glossary and the key facts (figures, names) of the corpus.
Every answer is a span of its source sentence; no two cards ask the same; a cloze hides a name,
a number or a date, never a stopword."""
from __future__ import annotations

import hashlib
import re

from ..citations import parse_citations
from ..records import SECTION_SEP
from .corpus import Mention, plain
from .names import names
from .timeline import is_prose

_UNIT = (r"(?:%|persen|percent|juta|ribu|miliar|triliun|million|billion|thousand|orang|kasus|jiwa|WNI|jam|hari|"
         r"tahun|bulan|people|cases|hours|days|years|months)")
_FIGURE = re.compile(rf"(?<![\w.,\-/])(?:\\?\$\s?)?\d+(?:[.,]\d+)*(?:\s*{_UNIT})(?![\w\-])"
                     rf"|(?<![\w.,\-/])\d{{1,3}}(?:\.\d{{3}})+(?![\w\-]|[.,]\d)", re.I)
PROMPTS = {
    "id": {"when": "Kapan? {text}", "expand": "Apa kepanjangan {sf}?", "short": "Apa singkatan dari {lf}?",
           "define_by": "Menurut {by}, apa itu {term}?", "define": "Apa itu {term}?"},
    "en": {"when": "When? {text}", "expand": "What does {sf} stand for?", "short": "What is the acronym for {lf}?",
           "define_by": "According to {by}, what is {term}?", "define": "What is {term}?"},
}
_COPULA = re.compile(r"\s(?:adalah|merupakan|ialah|meliputi|mencakup|sebagai|is\s+defined\s+as|refers\s+to|means|"
                     r"is|are|as)\s+(?P<def>.{12,})$", re.I)


def cards(events: list[dict], terms: list[dict], items: list[Mention], lang: dict[str, str] | None = None,
          facts_per_section: int = 3) -> list[dict]:
    """All cards, in the order: timeline, glossary, key facts; unique by front. `lang` maps a file to
    "id" or "en", the language of its questions (default Indonesian)."""
    out: dict[str, dict] = {}

    def prompt(name: str, source: dict, **values: str) -> str:
        return PROMPTS.get((lang or {}).get(source.get("file") or "", "id"), PROMPTS["id"])[name].format(**values)

    def add(kind: str, front: str, back: str, source: dict, cites: list[str], tag: str, about: str | None = None) -> None:
        key = " ".join(front.lower().split())
        if key in out or not back.strip():
            return
        tags = [tag, _slug(source.get("doc") or ""), _slug((source.get("section") or "").split(SECTION_SEP)[0])]
        out[key] = {"id": hashlib.sha1(f"{kind}\x00{front}".encode()).hexdigest()[:16], "kind": kind,
                    "front": front, "back": back, "source": source, "cites": cites, "tags": [t for t in tags if t], "about": about}

    for e in events:
        if e["written"] in e["text"]:
            add("qa", prompt("when", e, text=e["text"].replace(e["written"], "____", 1)), e["written"],
                _source(e), e["cites"], "timeline")
    for t in terms:
        if t["expansion"] and t["source"]:
            src, cites = _source(t["source"]), t["source"]["cites"]
            add("qa", prompt("expand", src, sf=t["term"]), t["expansion"], src, cites, "acronym", t["term"])
            add("qa", prompt("short", src, lf=t["expansion"]), t["term"], src, cites, "acronym", t["term"])
        name = t["term"].split(" / ")[0]
        for d in t["definitions"]:
            meaning = definition_clause(d["text"], name)
            if meaning:
                front = prompt("define_by" if d["by"] else "define", d, by=d["by"] or "", term=name)
                add("qa", front, meaning, _source(d), d["cites"], "definition", name)
    for m, answer in facts(items, facts_per_section):
        text = plain(m.text)
        add("cloze", text.replace(answer, "{{c1::" + answer + "}}", 1), answer, m.source() | {"text": text},
            list(m.cites), "fact")
    return list(out.values())


def facts(items: list[Mention], per_section: int) -> list[tuple[Mention, str]]:
    """Up to `per_section` key facts a section states, figures first, then cited names; a name is
    asked once; list items and headings-like lines are left out. In reading order."""
    by_section: dict[str, list[tuple[int, int, Mention, str]]] = {}
    for i, m in enumerate(items):
        if _LIST_LINE.match(m.text) or len(m.text.split()) < 6 or not is_prose(m.text):
            continue
        answer, figure = key_fact(m.text)
        if answer and answer in plain(m.text):
            by_section.setdefault(m.section, []).append((0 if figure else 1 if m.cites else 2, i, m, answer))
    chosen, asked = [], set()
    for found in by_section.values():
        picked = []
        for rank, i, m, answer in sorted(found, key=lambda f: (f[0], f[1])):
            if len(picked) < per_section and answer.lower() not in asked:
                picked.append((i, m, answer))
                asked.add(answer.lower())
        chosen += picked
    return [(m, a) for _, m, a in sorted(chosen, key=lambda c: c[0])]


_LIST_LINE = re.compile(r"^\s*(?:[-•*–]|\d{1,2}[.)]|[a-zA-Z][.)]|BAB\b|CHAPTER\b)", re.I)


def definition_clause(text: str, term: str) -> str | None:
    """What a definition sentence says the term is: the words after its copula (at most 40)."""
    at = text.lower().find(term.lower())
    m = _COPULA.search(text[at + len(term):] if at >= 0 else text)
    if not m:
        return None
    words = m.group("def").split()
    return " ".join(words[:40]).rstrip(" ,;")


def key_fact(text: str) -> tuple[str | None, bool]:
    """The span a fact card hides and whether it is a figure: a figure with its unit, else the most
    specific name (outside citations, not opening the sentence)."""
    masked = text
    for c in parse_citations(text):
        masked = masked[:c.start] + " " * (c.end - c.start) + masked[c.end:]
    masked = plain(masked)
    figures = [m.group(0).strip() for m in _FIGURE.finditer(masked) if not _YEAR_AFTER.match(masked, m.end())]
    if figures:
        return max(figures, key=len), True
    opening = masked.split(maxsplit=1)[0] if masked.strip() else ""
    found = [n for n in names(masked) if plain(text).count(n) == 1 and not n.startswith(opening)
             and (" " in n and not re.match(r"^[A-Z]\.", n) or n.isupper() and len(n) >= 3)]
    return (max(found, key=len), False) if found else (None, False)


_YEAR_AFTER = re.compile(r"\s*(?:1[5-9]|20)\d{2}\b")


def _source(item: dict) -> dict:
    return {k: item.get(k) for k in ("doc", "file", "page", "page_label", "section", "text")}


def _slug(text: str) -> str:
    return re.sub(r"[^\w]+", "_", text).strip("_")[:40]
