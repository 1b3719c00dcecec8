"""The commented DOCX round trip: comments anchored on exactly the flagged sentences (runs split at
their edges, formatting kept), the reference list at the end, read back with python-docx; and
`assistant check DRAFT.docx --docx --md` end to end on the thesis index."""
from __future__ import annotations

import json
import subprocess
import sys

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from conftest import ROOT

from assistant.check.comments import AUTHOR, commented_docx, isolate
from assistant.check.draft import draft_from_text, read_draft
from assistant.check.sentences import draft_sentences


def anchored(path) -> dict[str, str]:
    """Comment id → the text its range covers, read back from the saved document."""
    document = docx.Document(str(path))
    found: dict[str, str] = {}
    for paragraph in document.paragraphs:
        open_ids: set[str] = set()
        for element in paragraph._p.iter():
            if element.tag == qn("w:commentRangeStart"):
                open_ids.add(element.get(qn("w:id")))
                found.setdefault(element.get(qn("w:id")), "")
            elif element.tag == qn("w:commentRangeEnd"):
                open_ids.discard(element.get(qn("w:id")))
            elif element.tag == qn("w:t"):
                for i in open_ids:
                    found[i] += element.text or ""
    return found


def _verdicts(draft, flagged: dict[int, str]) -> list[dict]:
    """Results for the draft's sentences: sentence i gets verdict flagged[i] (else supported)."""
    return [{"text": s.text, "verdict": flagged.get(i, "supported"), "cited": s.keys, "suggest": ["Wulandari, 2014"],
             "why": "other_work", "fact": None, "evidence": [], "language": "id", "paragraph": s.paragraph,
             "start": s.start, "end": s.end, "references": {"Wulandari, 2014": "Wulandari, A. (2014). Judul."}}
            for i, s in enumerate(draft_sentences(draft))]


@pytest.fixture
def formatted_docx(tmp_path):
    document = docx.Document()
    document.add_heading("Bab II", 1)
    p = document.add_paragraph("Asia Tenggara strategis karena ")
    p.add_run("border control").italic = True
    p.add_run(" yang lemah (Pinatih dkk, 2023). Kemiskinan membuat anak rentan (Fauzan, 2025). Bagian berikut.")
    document.add_paragraph("Paragraf kedua tanpa masalah (Rudy, 2002).")
    path = tmp_path / "draft.docx"
    document.save(str(path))
    return path


def test_comments_cover_exactly_the_flagged_sentences(formatted_docx, tmp_path):
    draft = read_draft(formatted_docx)
    results = _verdicts(draft, {0: "unsupported", 1: "wrong_citation"})
    out = tmp_path / "out.docx"
    assert commented_docx(draft, results, out, "id") == 2
    assert sorted(anchored(out).values()) == sorted([results[0]["text"], results[1]["text"]])
    document = docx.Document(str(out))
    comments = list(document.comments)
    assert [c.author for c in comments] == [AUTHOR, AUTHOR]
    assert any(c.text.startswith("✗ kutipan salah — kutip: Wulandari, 2014") for c in comments)
    body = document.paragraphs[1]
    assert body.text == draft.paragraphs[0].text  # splitting runs changed no text …
    assert [r.text for r in body.runs if r.italic] == ["border control"]  # … nor formatting
    texts = [p.text for p in document.paragraphs]
    heading = texts.index("Karya yang perlu dikutip draf ini")
    assert document.paragraphs[heading].style.name == "Heading 1"
    assert texts[heading + 1:] == ["Rudy, 2002 (entri lengkap tidak ada di korpus)",  # supported in this fake
                                   "Wulandari, A. (2014). Judul."]  # suggested for the wrong citation


def test_a_run_holding_more_than_text_is_taken_whole(tmp_path):
    document = docx.Document()
    run = document.add_paragraph().add_run("Kalimat satu. Kalimat dua.")
    run._r.append(OxmlElement("w:sym", {qn("w:font"): "Symbol", qn("w:char"): "F0B7"}))
    runs = isolate(document.paragraphs[0], 14, 26)
    assert len(runs) == 1 and runs[0].text.startswith("Kalimat satu.")  # not split: the symbol stays


def test_a_text_draft_becomes_a_commented_docx(tmp_path):
    draft = draft_from_text("Satu kalimat (Rudy, 2002). Kalimat salah (Pinatih dkk, 2023).\n\nParagraf dua.")
    out = tmp_path / "draft.docx"
    assert commented_docx(draft, _verdicts(draft, {1: "wrong_citation"}), out) == 1
    assert list(anchored(out).values()) == ["Kalimat salah (Pinatih dkk, 2023)."]
    assert [p.text for p in docx.Document(str(out)).paragraphs][:2] == [p.text for p in draft.paragraphs]


@pytest.mark.slow
def test_check_command_writes_the_commented_docx_and_the_report(thesis_settings, formatted_docx, tmp_path):
    out, md = tmp_path / "checked.docx", tmp_path / "report.md"
    proc = subprocess.run([sys.executable, "-m", "assistant.cli", "check", str(formatted_docx), "--json", "--docx", str(out),
                           "--md", str(md), "--index", str(thesis_settings.index_dir)],
                          capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert proc.returncode == 0, proc.stderr
    results = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["verdict"] for r in results[:3]] == ["supported", "wrong_citation", "ok"], results
    flagged = [r["text"] for r in results if r["verdict"] in ("wrong_citation", "needs_citation", "unsupported")]
    assert flagged and sorted(anchored(out).values()) == sorted(flagged)
    assert results[1]["suggest"][0] == "Wulandari, 2014"
    text = md.read_text(encoding="utf-8")
    assert "Wulandari, 2014" in text and "## Karya yang perlu dikutip draf ini" in text
    last = docx.Document(str(out)).paragraphs[-1].text
    assert "Wulandari, 2014" in last or "Pinatih" in last or "Rudy" in last
