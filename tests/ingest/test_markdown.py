"""Markdown as Pandoc, Jekyll and R Markdown write it: front matter, heading attributes, div fences and
inline notes, read through load_document and chunking as any Markdown."""
from __future__ import annotations

from assistant.ingest.chunk import NOTES, chunk_document
from assistant.ingest.load import load_document
from assistant.ingest.markdown import read_markdown

PANDOC = """---
title: Establishing a Measurement Framework
author:
  - Kristoffer Bjärkefur
  - Luíza Andrade
date: 2021-05-01
categories: [handbook]
---

# Establishing a measurement framework {#measurement}

The *minimum detectable effect*^[The **minimum detectable effect** (MDE) is the effect size that an
impact evaluation is able to estimate for a given level of significance; see [the wiki](https://x.org).]
is the smallest effect a design can find.

::: {.summary}
#### BOX 3.1 SUMMARY {-}

The data map has three parts[^1].
:::

[^1]: Bjärkefur and Andrade (2021) describe them.
"""


def test_front_matter_gives_title_authors_year_and_leaves_the_text():
    text, meta = read_markdown(PANDOC)
    assert meta == {"title": "Establishing a Measurement Framework",
                    "authors": ["Kristoffer Bjärkefur", "Luíza Andrade"], "year": "2021"}
    assert "categories" not in text and not text.startswith("---")


def test_attributes_and_div_fences_go_what_they_mark_stays():
    text, _ = read_markdown(PANDOC)
    assert "# Establishing a measurement framework\n" in text and "{#measurement}" not in text
    assert "#### BOX 3.1 SUMMARY\n" in text and "{-}" not in text
    assert ":::" not in text and "The data map has three parts[^1]." in text


def test_an_inline_note_becomes_a_numbered_note_after_the_others():
    text, _ = read_markdown(PANDOC)
    assert "The *minimum detectable effect*[^2]\nis the smallest effect" in text  # (the line break kept)
    assert text.rstrip().endswith("[^2]: The **minimum detectable effect** (MDE) is the effect size that an impact "
                                  "evaluation is able to estimate for a given level of significance; see "
                                  "[the wiki](https://x.org).")


def test_text_without_any_of_it_is_left_as_it_is():
    plain = "Catatan: ini bukan metadata.\nTeks berikutnya.\n\n# Judul\n"
    assert read_markdown(plain) == (plain, {})
    assert read_markdown("---\nnot: [valid\n---\nBody\n")[1] == {}  # malformed YAML: read as text


def test_multimarkdown_metadata_lines():
    text, meta = read_markdown("Title: Indonesia\nTemplate: case\n\nThe US embassy worked closely.\n")
    assert meta == {"title": "Indonesia"} and text.strip() == "The US embassy worked closely."


def test_a_loaded_markdown_document_takes_its_front_matter_and_notes(tmp_path):
    path = tmp_path / "handbook-chapter.md"
    path.write_text(PANDOC, encoding="utf-8")
    doc = load_document(path)
    assert doc.title == "Establishing a Measurement Framework" and doc.meta["year"] == "2021"
    assert [n.number for n in doc.pages[0].notes] == ["1", "2"]
    chunks = chunk_document(doc, path.name)
    body = " ".join(c.text for c in chunks if NOTES not in c.section)
    assert "minimum detectable effect" in body and "impact evaluation is able" not in body
    assert "[^" not in body and "{#" not in body  # marks never reach a passage
    notes = " ".join(c.text for c in chunks if NOTES in c.section)
    assert "impact evaluation is able to estimate" in notes  # the note is a passage of its own
    assert any("Bjärkefur" in (c.cites or [""])[0] for c in chunks if "three parts" in c.text)


def test_code_and_braces_that_are_no_attributes_stay():
    text, _ = read_markdown("# The set {1, 2, 3}\n\nA regex `^[A-Z]+$` and\n\n```\nr\"^[a-z]\"\n```\n\nText^[a note].\n")
    assert text.startswith("# The set {1, 2, 3}\n") and "`^[A-Z]+$`" in text and 'r"^[a-z]"' in text
    assert "Text[^1]." in text and text.rstrip().endswith("[^1]: a note")
    assert read_markdown("Unclosed ^[ note\n") == ("Unclosed ^[ note\n", {})


def test_quarto_authors_and_an_impossible_year():
    _, meta = read_markdown("---\ntitle: T\nauthor:\n  - name: Budi Santoso\n    affiliation: UGM\ndate: 0001-01-01\n---\nB\n")
    assert meta == {"title": "T", "authors": ["Budi Santoso"]}
