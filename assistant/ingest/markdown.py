"""Markdown as Pandoc, Jekyll, R Markdown and MultiMarkdown write it, made plain for reading.

- A front matter block (`---` YAML, read by python-frontmatter; or MultiMarkdown's "Title: …" lines) is
  taken out of the text; its title, author(s) and date are the document's.
- A heading's attributes ("# Measurement {#measurement}", "## Summary {-}") and the fences of a div
  ("::: {.summary}", ":::") go; what they mark stays.
- An inline note ("… effect^[The effect size that …] is …") becomes a note of its own, numbered after
  the text's other notes: a mark `[^N]` where it stood and a definition `[^N]: …` at the end, which
  textpages.py reads as it reads any Markdown footnote (not inside code: "`^[A-Z]+$`" stays).
"""
from __future__ import annotations

import re
from datetime import date, datetime

from ..footnotes import MARK

_ATTRIBUTE = r"(?:[#.][\w:.-]+|-|[\w-]+=(?:\"[^\"\n]*\"|[^\s}]*))"
# "{#measurement}", "{-}", "{.unnumbered #sec-1 lang=id}"; not "# The set {1, 2, 3}"
_HEADING_ATTRIBUTES = re.compile(rf"^(#{{1,6}}[ \t]+\S.*?)[ \t]+\{{{_ATTRIBUTE}(?:[ \t]+{_ATTRIBUTE})*\}}[ \t]*$", re.M)
_CODE = re.compile(r"^(`{3,}|~{3,}).*?^\1[ \t]*$|(`+)[^\n]*?\2", re.M | re.S)  # fenced blocks, inline spans
_DIV_FENCE = re.compile(r"^[ \t]*:::+[^\n]*$", re.M)


def read_markdown(text: str) -> tuple[str, dict]:
    """The Markdown `text` made plain (above), and what its front matter says: {"title", "authors" (a
    list), "year"}, those it gives."""
    body, front = _front_matter(text)
    body = _HEADING_ATTRIBUTES.sub(r"\1", body)
    body = _DIV_FENCE.sub("", body)
    return _inline_notes(body), front


def _front_matter(text: str) -> tuple[str, dict]:
    if text.lstrip("\ufeff").startswith("---"):
        import frontmatter

        try:
            post = frontmatter.loads(text)
        except Exception:  # a malformed block is read as text (yaml raises its own errors)
            return text, {}
        body, meta = post.content, {str(k).lower(): v for k, v in post.metadata.items()}
    else:
        body, meta = _metadata_lines(text)
    if not meta:
        return text, {}
    out: dict = {}
    if isinstance(meta.get("title"), str) and meta["title"].strip():
        out["title"] = " ".join(meta["title"].split())
    authors = meta.get("author", meta.get("authors"))
    authors = [authors] if isinstance(authors, (str, dict)) else authors if isinstance(authors, list) else []
    authors = [a.get("name") if isinstance(a, dict) else a for a in authors]  # Quarto: [{name: …, affiliation: …}]
    if [a for a in authors if isinstance(a, str) and a.strip()]:
        out["authors"] = [a.strip() for a in authors if isinstance(a, str) and a.strip()]
    when = meta.get("date")
    year = re.search(r"\b(1[89]\d\d|20\d\d)\b", str(when.year if isinstance(when, (date, datetime)) else when or ""))
    if year:
        out["year"] = year.group(1)
    return body, out


_KEY_LINE = re.compile(r"^([A-Za-z][\w -]{0,30}):[ \t]+(\S.*)$")


def _metadata_lines(text: str) -> tuple[str, dict]:
    """MultiMarkdown's (and Pelican's) metadata: "Key: value" lines opening the text, up to a blank
    line, two of them at least and a title among them; else nothing."""
    lines = text.lstrip("\ufeff").split("\n")
    meta: dict = {}
    for i, line in enumerate(lines):
        m = _KEY_LINE.match(line)
        if not m:
            break
        meta[m.group(1).strip().lower()] = m.group(2).strip()
    else:
        i = len(lines)
    if len(meta) < 2 or "title" not in meta or (i < len(lines) and lines[i].strip()):
        return text, {}
    return "\n".join(lines[i:]), meta


def _inline_notes(text: str) -> str:
    """`^[…]` notes as numbered marks, their texts as definitions after the body."""
    if "^[" not in text:
        return text
    number = max((int(n) for n in MARK.findall(text)), default=0)
    code = [m.span() for m in _CODE.finditer(text)]
    out: list[str] = []
    notes: list[str] = []
    i = 0
    while True:
        start = text.find("^[", i)
        while start >= 0 and any(a <= start < b for a, b in code):
            start = text.find("^[", start + 2)
        end = _closing(text, start + 1) if start >= 0 else -1
        if start < 0 or end < 0:
            out.append(text[i:])
            break
        number += 1
        out.append(f"{text[i:start]}[^{number}]")
        notes.append(f"[^{number}]: {' '.join(text[start + 2:end].split())}")
        i = end + 1
    return "".join(out).rstrip("\n") + "\n\n" + "\n".join(notes) + "\n" if notes else text


def _closing(text: str, opening: int) -> int:
    """Where the bracket opened at `opening` closes (brackets inside, as a link's, counted), or -1."""
    depth = 0
    for j in range(opening, len(text)):
        if text[j] == "[":
            depth += 1
        elif text[j] == "]":
            depth -= 1
            if depth == 0:
                return j
    return -1
