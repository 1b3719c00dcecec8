"""write_outputs: the Markdown report and the commented DOCX a check asks for, nothing it does not ask for."""
from __future__ import annotations

import docx
import pytest

from assistant.check.draft import draft_from_text
from assistant.check.export import write_outputs
from assistant.check.sentences import draft_sentences


def _results(draft) -> list[dict]:
    return [{"text": s.text, "verdict": "needs_citation", "cited": [], "suggest": ["Armandhanu, 2025"],
             "why": "attributed", "fact": None, "evidence": [], "references": {}, "language": "en",
             "paragraph": s.paragraph, "start": s.start, "end": s.end} for s in draft_sentences(draft)]


def test_writes_what_is_asked(tmp_path):
    draft = draft_from_text("Victims were guarded by armed men and tracking dogs all day.")
    results = _results(draft)
    assert write_outputs(draft, results, md=tmp_path / "r.md") == [tmp_path / "r.md"]
    assert not (tmp_path / "r.docx").exists()
    assert "needs a citation" in (tmp_path / "r.md").read_text(encoding="utf-8")
    assert write_outputs(draft, results, docx=tmp_path / "r.docx", lang="id") == [tmp_path / "r.docx"]
    assert "perlu kutipan" in next(iter(docx.Document(str(tmp_path / "r.docx")).comments)).text


def test_an_unwritable_path_raises_oserror(tmp_path):
    draft = draft_from_text("Satu kalimat.")
    with pytest.raises(OSError):
        write_outputs(draft, _results(draft), md=tmp_path / "missing" / "r.md")
