"""What a check gives back: labels and reasons in both languages, the note on a flagged sentence, the text
and Markdown reports, and the reference list."""
from __future__ import annotations

import pytest

from assistant.check.report import (FACT_KINDS, LABELS, REASONS, check_text, comment, language_of, markdown,
                                    reason_text, references)


def result(verdict="wrong_citation", **extra) -> dict:
    base = {"text": "Kemiskinan membuat anak rentan (Pinatih dkk, 2023).", "verdict": verdict, "cited": ["Pinatih, 2023"],
            "suggest": ["Wulandari, 2014"], "why": "other_work", "fact": None, "language": "id",
            "references": {"Wulandari, 2014": "Wulandari, A. (2014). Kemiskinan dan *perdagangan* anak."},
            "evidence": [{"role": "suggested", "sentence": "Kemiskinan … dieksploitasi.", "doc": "thesis", "file": "thesis.txt",
                          "page": None, "page_label": None, "section": "BAB I › A. Latar Belakang",
                          "works": ["Wulandari, 2014"], "support": 0.95}],
            "paragraph": 0, "start": 0, "end": 10}
    return {**base, **extra}


def test_every_label_reason_and_fact_kind_exists_in_both_languages():
    for table in (LABELS, REASONS, FACT_KINDS):
        assert set(table["id"]) == set(table["en"])
    for why in REASONS["en"]:
        for lang in ("id", "en"):
            assert "{" not in reason_text(why, lang, {"kind": "number", "value": "9.000"}, ["X, 2000"])


def test_a_missing_fact_is_named_in_the_reader_s_language():
    fact = {"kind": "name", "value": "Manet"}
    assert reason_text("fact", "id", fact) == "Sumber tidak memuat nama ini: Manet."
    assert reason_text("fact", "en", fact) == "The source does not give this name: Manet."


def test_comment_names_the_verdict_the_work_to_cite_and_the_evidence():
    note = comment(result(), "en")
    assert note.splitlines()[0] == "✗ wrong citation — cite: Wulandari, 2014"
    assert "another work's do" in note and "what supports it: “Kemiskinan … dieksploitasi.” (Wulandari, 2014)" in note
    assert "BAB I › A. Latar Belakang" in note


def test_references_are_the_works_the_draft_should_cite():
    results = [result(), result("supported", cited=["Rudy, 2002"], suggest=[], references={}),
               result("unsupported", cited=["Valerisella, 2025"], suggest=[]), result("ok", cited=[], suggest=[])]
    assert references(results) == [("Rudy, 2002", None),
                                    ("Wulandari, 2014", "Wulandari, A. (2014). Kemiskinan dan *perdagangan* anak.")]


def test_markdown_report_escapes_and_lists_references():
    md = markdown([result(), result("ok", cited=[], suggest=[], why="about_itself", evidence=[])], "bab2.docx", "id")
    assert md.startswith("# Pemeriksaan draf: bab2.docx\n\n2 kalimat: 1 kutipan salah, 1 tidak perlu kutipan")
    assert "**✗ kutipan salah**" in md and "kutip: **Wulandari, 2014**" in md
    assert "\\*perdagangan\\*" in md  # the reference's asterisks stay literal
    assert "## Karya yang perlu dikutip draf ini" in md


@pytest.mark.parametrize("languages, expected", [(["en", "en", "id"], "en"), (["id", "en"], "id"), ([], "id")])
def test_report_language_follows_the_draft(languages, expected):
    assert language_of([{"language": x} for x in languages]) == expected


def test_text_report_ends_with_the_summary():
    text = check_text([result(), result("supported", why="supported", suggest=[])], "en")
    assert text.splitlines()[0].startswith("1. [wrong citation] Kemiskinan")
    assert text.splitlines()[-1] == "2 sentences: 1 supported, 1 wrong citation"
