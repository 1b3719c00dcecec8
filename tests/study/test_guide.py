"""The chapter guide of the real thesis."""
import numpy as np
import pytest

from studyfix import gold, scorer, views  # noqa: F401 - fixtures

from assistant.study.guide import central

pytestmark = pytest.mark.slow


def test_section_tree_with_central_sentences_cites_and_length(views):
    doc = views["guide"]["documents"][0]
    chapters = {n["title"]: n for n in doc["sections"]}
    assert "BAB I" in chapters and "BAB II" in chapters
    background = next(c for c in chapters["BAB I"]["children"] if c["title"].startswith("A. Latar Belakang"))
    assert 1 <= len(background["central"]) <= 3 and background["words"] > 500 and background["cites"]
    assert chapters["BAB I"]["total_words"] >= background["words"]


def test_briefing_gives_the_research_questions_and_method(views):
    brief = views["guide"]["documents"][0]["briefing"]
    assert len(brief["question"]) == 2 and all(q.rstrip().endswith("?") for q in brief["question"])
    assert brief["aims"] and brief["method"] and brief["theory"]


def test_central_never_picks_two_alike():
    v = np.array([[1, 0], [1, 0], [0.9, 0.1], [0, 1]], dtype=np.float32)
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    picked = central(v, 3)
    assert not ({0, 1} <= set(picked))
