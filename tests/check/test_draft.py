"""Reading a draft: .txt, .md, .docx (headings left out, each DOCX paragraph's place kept), pasted text,
and one clear message naming the file and the reason for bad input."""
from __future__ import annotations

import docx
import pytest

from assistant.check.draft import DraftError, draft_from_text, read_draft


def _docx(path, paragraphs, heading="Bab II"):
    document = docx.Document()
    document.add_heading(heading, 1)
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(path))
    return path


def test_docx_body_paragraphs_keep_their_place(tmp_path):
    path = _docx(tmp_path / "draft.docx", ["Kalimat pertama (Rudy, 2002).", "", "Kalimat kedua."])
    draft = read_draft(path)
    assert [(p.text, p.index) for p in draft.paragraphs] == [("Kalimat pertama (Rudy, 2002).", 1), ("Kalimat kedua.", 3)]
    assert draft.is_docx and draft.path == path


def test_text_and_markdown_drafts_join_wrapped_lines_and_skip_headings(tmp_path):
    md = tmp_path / "draft.md"
    md.write_text("# Bab II\n\nKerja sama bilateral\nmerupakan hubungan dua negara (Rudy, 2002).\n\nBagian berikut.\n",
                  encoding="utf-8")
    assert [p.text for p in read_draft(md).paragraphs] == [
        "Kerja sama bilateral merupakan hubungan dua negara (Rudy, 2002).", "Bagian berikut."]
    txt = tmp_path / "draft.txt"
    txt.write_bytes("Korban dijanjikan gaji Rp 12–15 juta.".encode("cp1252", errors="replace"))
    assert read_draft(txt).paragraphs[0].text.startswith("Korban dijanjikan")
    assert not read_draft(txt).is_docx


def test_pasted_text_is_a_draft():
    draft = draft_from_text("Satu (Rudy, 2002). Dua.\n\n## Judul\n\nTiga.")
    assert [p.text for p in draft.paragraphs] == ["Satu (Rudy, 2002). Dua.", "Tiga."] and draft.path is None


@pytest.mark.parametrize("name, content, reason", [
    ("draft.pdf", b"%PDF-1.4", "unsupported draft type '.pdf'"),
    ("draft", b"text", "unsupported draft type '(none)'"),
    ("draft.docx", b"not a zip at all", "not a DOCX"),
    ("draft.docx", b"PK\x03\x04broken zip", "corrupt or unreadable DOCX"),
    ("draft.txt", b"", "empty file"),
    ("draft.md", b"# Only a heading\n", "no body text"),
])
def test_bad_input_names_the_file_and_the_reason(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(DraftError) as caught:
        read_draft(path)
    message = str(caught.value)
    assert message.startswith(str(path)) and reason in message and "\n" not in message


def test_missing_file(tmp_path):
    with pytest.raises(DraftError, match="missing file"):
        read_draft(tmp_path / "nope.docx")
