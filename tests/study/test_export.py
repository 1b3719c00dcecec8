"""Anki deck and CSV export of the real thesis' cards."""
import csv

import pytest

from studyfix import gold, scorer, views  # noqa: F401 - fixtures

from assistant.study.export import to_anki, to_csv

pytestmark = pytest.mark.slow


def test_anki_deck_reads_back_and_exporting_again_keeps_the_guids(views, scorer, tmp_path):
    first, second = to_anki(views["cards"], tmp_path / "a.apkg"), to_anki(views["cards"], tmp_path / "b.apkg")
    summary, _ = scorer.score_anki(str(first), {"cards": views["cards"]})
    assert summary["ok"] is True, summary
    assert _guids(first) == _guids(second) and len(_guids(first)) == len(views["cards"])


def _guids(deck) -> list[str]:
    import sqlite3
    import tempfile
    import zipfile

    with tempfile.TemporaryDirectory() as tmp, zipfile.ZipFile(deck) as z:
        db = sqlite3.connect(z.extract("collection.anki2", tmp))
        guids = sorted(g for (g,) in db.execute("select guid from notes"))
        decks = db.execute("select decks from col").fetchone()[0]
        db.close()
    assert "thesis" in decks  # the deck is named after the document
    return guids


def test_csv_has_one_row_per_card_with_its_source(views, tmp_path):
    with open(to_csv(views["cards"], tmp_path / "cards.csv"), encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == len(views["cards"])
    assert all(r["front"] and r["back"] and r["document"] and r["source"] for r in rows)
