"""The draft back as a DOCX (the student's own file, or a new one for a text draft) with a Word comment
anchored on every flagged sentence, and at the end the reference list of the works it should cite.

A comment covers whole runs, so the runs a sentence starts and ends in are split there (each part keeps
the run's formatting); a run holding more than text (a picture, a field, a footnote mark) is not split
and the comment takes it whole.
"""
from __future__ import annotations

import copy
from pathlib import Path

from docx.text.run import Run

from ..ingest.load import open_docx
from .draft import Draft
from .report import FLAGGED, WORDS, comment, language_of, references

AUTHOR, INITIALS = "Asisten Tesis", "AT"
_TEXT_ONLY = {"rPr", "t", "tab", "br", "cr", "noBreakHyphen", "softHyphen", "ptab"}


def commented_docx(draft: Draft, results: list[dict], out: Path | str, lang: str | None = None) -> int:
    """Write the commented draft to `out`; the number of comments."""
    import docx

    lang = lang or language_of(results)
    if draft.is_docx:
        document = open_docx(draft.path)
        paragraphs = document.paragraphs
        where = [p.index for p in draft.paragraphs]
    else:
        document = docx.Document()
        paragraphs = [document.add_paragraph(p.text) for p in draft.paragraphs]
        where = list(range(len(paragraphs)))
    n = 0
    for result in results:
        if result["verdict"] not in FLAGGED:
            continue
        runs = isolate(paragraphs[where[result["paragraph"]]], result["start"], result["end"])
        if runs:
            document.add_comment(runs, text=comment(result, lang), author=AUTHOR, initials=INITIALS)
            n += 1
    _reference_list(document, results, lang)
    document.save(str(out))
    return n


def _reference_list(document, results: list[dict], lang: str) -> None:
    refs = references(results)
    if not refs:
        return
    try:
        document.add_paragraph(WORDS[lang]["references"], style="Heading 1")
    except KeyError:  # a template without the built-in heading style
        document.add_paragraph().add_run(WORDS[lang]["references"]).bold = True
    for key, ref in refs:
        paragraph = document.add_paragraph()
        if ref:
            paragraph.add_run(ref)
        else:
            paragraph.add_run(key)
            paragraph.add_run(f" ({WORDS[lang]['no_reference']})").italic = True


def isolate(paragraph, start: int, end: int) -> list[Run]:
    """The runs that hold exactly characters `start`..`end` of the paragraph's text, splitting the runs
    at either end (a hyperlink, or a run holding more than text, is taken whole)."""
    found = []
    pos = 0
    for element in list(paragraph._p.xpath("w:r | w:hyperlink")):
        text = element.text
        first, last = pos, pos + len(text)
        pos = last
        if last <= start or first >= end or not text:
            continue
        if element.tag.endswith("}r") and _text_only(element):
            if first < start:  # the sentence starts inside this run: keep the part before it apart
                element = _split(element, start - first)
                first = start
            if last > end:  # … and ends inside it
                _split(element, end - first)
        runs = element.xpath("w:r") if element.tag.endswith("}hyperlink") else [element]
        found += [Run(r, paragraph) for r in runs]
    return found


def _text_only(r) -> bool:
    return all(child.tag.rsplit("}", 1)[-1] in _TEXT_ONLY for child in r)


def _split(r, at: int):
    """Split run element `r` at character `at`: `r` keeps the text before, a copy after it the rest;
    returns the copy."""
    text = Run(r, None).text
    tail = copy.deepcopy(r)
    r.addnext(tail)
    Run(r, None).text = text[:at]
    Run(tail, None).text = text[at:]
    return tail

