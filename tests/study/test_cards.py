"""Flashcards from the real thesis, scored with the shared scorer."""
import pytest

from studyfix import gold, scorer, views  # noqa: F401 - fixtures

from assistant.study.cards import definition_clause, key_fact

pytestmark = pytest.mark.slow


def test_cards_meet_the_scorer_targets(views, scorer):
    summary, _ = scorer.score_cards({"cards": views["cards"]})
    assert summary["n_cards"] >= 40
    assert summary["answer_in_source"] == 1.0 and summary["unique_fronts"] == 1.0
    assert summary["content_answers"] >= 0.95 and summary["sourced"] == 1.0


def test_cards_come_from_timeline_glossary_and_facts(views):
    fronts = {c["front"] for c in views["cards"]}
    assert "Apa kepanjangan ACTIP?" in fronts
    assert "Menurut Rudy (2002), apa itu politik bilateral?" in fronts
    assert {t for c in views["cards"] for t in c["tags"]} >= {"timeline", "acronym", "definition", "fact"}
    assert any(c["kind"] == "cloze" and "{{c1::" in c["front"] for c in views["cards"])


def test_definition_clause_and_key_fact():
    assert definition_clause("Menurut Rudy (2002) politik bilateral merupakan hubungan kerja sama dua negara.",
                             "politik bilateral") == "hubungan kerja sama dua negara."
    assert key_fact("Di mana pada tahun 2023, korban dari Indonesia sebanyak 3.208 orang.") == ("3.208 orang", True)
    assert key_fact("Kepolisian mencatat kasus (Tempo, 2024).") == (None, False)
