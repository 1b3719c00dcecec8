"""The quiz from the real thesis' cards, scored with the shared scorer."""
import pytest

from studyfix import gold, scorer, views  # noqa: F401 - fixtures

from assistant.study.quiz import quiz

pytestmark = pytest.mark.slow


def test_quiz_meets_the_scorer_targets(views, scorer):
    questions = quiz(views["cards"], n=40, seed=1)
    summary, _ = scorer.score_quiz({"questions": questions})
    assert summary["n_questions"] >= 20
    assert summary["four_options"] == 1.0 and summary["answer_in_source"] == 1.0
    assert summary["distractors_absent"] == 1.0 and summary["same_type"] >= 0.95


def test_same_seed_same_quiz_and_wrong_options_of_the_same_kind(views):
    assert quiz(views["cards"], 20, 7) == quiz(views["cards"], 20, 7)
    assert quiz(views["cards"], 20, 7) != quiz(views["cards"], 20, 8)
    for q in quiz(views["cards"], 60, 3):
        if q["kind"] in ("year", "range"):
            assert all(o[:4].isdigit() for o in q["options"]), q
        if q["kind"] == "acronym":
            assert all(o.replace("2", "").isupper() for o in q["options"]), q


def test_made_up_dates_keep_the_answers_language():
    from assistant.study.quiz import _made_up

    english = _made_up("2 August 2022", "date")
    indonesian = _made_up("13 Maret 2024", "date")
    assert "2 February 2022" in english and "2 November 2022" in english and "2 April 2022" in english
    assert not any(m in o for o in english for m in ("Pebruari", "Nopember", "Apr ", "Sept ", "Maret", "Agustus"))
    assert "13 Februari 2024" in indonesian and "13 Agustus 2024" in indonesian
    assert not any(m in o for o in indonesian for m in ("January", "February", "August", "December"))
