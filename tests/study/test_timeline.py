"""The timeline of the real thesis, scored with the shared scorer against its gold set."""
import pytest

from studyfix import gold, scorer, views  # noqa: F401 - fixtures

from assistant.study.timeline import between

pytestmark = pytest.mark.slow


def test_timeline_meets_the_scorer_targets(views, scorer, gold):
    summary, rows = scorer.score_timeline(gold("timeline_dev.jsonl"), {"events": views["timeline"]}, "thesis")
    assert summary["recall"] == 1.0, rows
    assert summary["precision"] >= 0.90, summary["false_events"]
    assert summary["sourced"] == 1.0 and summary["sorted"] is True


def test_no_event_is_only_a_citation_year(views):
    for e in views["timeline"]:
        assert e["written"] in e["text"]
        assert f"({e['written']})" not in e["text"] and f", {e['written']})" not in e["text"], e


def test_the_same_law_told_three_times_is_one_event_with_its_sources(views):
    law = [e for e in views["timeline"] if e["date"] == "2007"]
    assert len(law) == 1 and len(law[0]["sources"]) == 2
    assert all("21" in s["text"] for s in law[0]["sources"])


def test_filter_by_years_document_and_actor(views):
    events = views["timeline"]
    assert {e["date"][:4] for e in between(events, 2022, 2022)} == {"2022"}
    assert all(int((e["end"] or e["date"])[:4]) >= 2023 for e in between(events, 2023))
    assert between(events, doc="no-such-document") == []
    met = between(events, actor="Neth Savouen")
    assert [e["date"] for e in met] == ["2022-08-02"]
