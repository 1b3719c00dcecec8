"""`assistant study …` on the command line: the JSON shapes of the issue and readable text."""
import json

import pytest

from assistant.cli import main

pytestmark = pytest.mark.slow


def run(capsys, settings, *args) -> str:
    assert main(["study", *args, "--index", str(settings.index_dir)]) == 0
    return capsys.readouterr().out


def test_json_shapes(thesis_settings, capsys):
    events = json.loads(run(capsys, thesis_settings, "timeline", "--json", "--from", "2022", "--to", "2024"))["events"]
    assert events and set(events[0]) >= {"date", "end", "precision", "text", "doc", "file", "page", "page_label",
                                          "section", "cites", "sources"}
    assert all("2022" <= e["date"][:4] <= "2024" for e in events)
    terms = json.loads(run(capsys, thesis_settings, "glossary", "--json"))["terms"]
    assert set(terms[0]) >= {"term", "expansion", "definitions"}
    cards = json.loads(run(capsys, thesis_settings, "cards", "--json"))["cards"]
    assert set(cards[0]) >= {"id", "kind", "front", "back", "source", "cites", "tags"}
    assert set(cards[0]["source"]) >= {"doc", "page", "section", "text"}
    questions = json.loads(run(capsys, thesis_settings, "quiz", "--json", "--n", "5", "--seed", "2"))["questions"]
    assert len(questions) == 5 and set(questions[0]) >= {"id", "prompt", "options", "answer", "source", "cites"}
    guide = json.loads(run(capsys, thesis_settings, "guide", "--json"))
    assert guide["documents"][0]["sections"]


def test_text_output_and_exports(thesis_settings, capsys, tmp_path):
    assert "2022-08-02" in run(capsys, thesis_settings, "timeline")
    assert "TPPO — tindak pidana perdagangan orang" in run(capsys, thesis_settings, "glossary")
    run(capsys, thesis_settings, "cards", "--anki", str(tmp_path / "deck.apkg"), "--csv", str(tmp_path / "c.csv"))
    assert (tmp_path / "deck.apkg").stat().st_size > 1000 and (tmp_path / "c.csv").exists()


def test_unwritable_export_is_one_clear_message(thesis_settings, capsys, tmp_path):
    with pytest.raises(SystemExit) as exc:
        main(["study", "cards", "--index", str(thesis_settings.index_dir), "--anki", str(tmp_path / "no" / "d.apkg")])
    assert "cannot write" in str(exc.value) and "d.apkg" in str(exc.value)
