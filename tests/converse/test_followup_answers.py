"""Follow-ups answered end to end on the real thesis: the dialogue sets scored (hit@5, facts, near
misses refused), topic switches answered exactly as asked alone, and no question of the other sets
bent by a history."""
from __future__ import annotations

import json

import pytest

from conftest import ROOT, SHARED

pytestmark = pytest.mark.slow
OWN = ROOT / "tests" / "data" / "followup_own.jsonl"
SHARED_SET = SHARED / "eval" / "followup_dev.jsonl"
# The issue's targets for a set of this form (followup_dev and our own set meet them: docs/evaluation.md).
TARGETS = {"hit@5": 0.90, "facts": 0.80}
NEAR_REFUSED = 0.67
MOU = "Kapan MoU antara Indonesia dan Kamboja tentang kerja sama kepolisian ditandatangani?"


def _read(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _score(questions: list[dict], results: list[dict]) -> dict:
    from score import score  # tests/score.py

    return score(questions, results)[0]


@pytest.mark.parametrize("path", [OWN, SHARED_SET], ids=["own", "followup_dev"])
def test_dialogue_sets_meet_the_targets(engine, path):
    if not path.exists():
        pytest.skip(f"{path} not present")
    questions = _read(path)
    answers = [{"id": q["id"], **engine.ask(q["question"], history=q["history"])} for q in questions]
    summary = _score(questions, answers)
    print(path.stem, json.dumps(summary))
    for key, target in TARGETS.items():
        assert summary[key] >= target, (key, summary)
    near = [a for q, a in zip(questions, answers) if q["kind"] == "near_miss"]
    assert sum(not a["answerable"] for a in near) / len(near) >= NEAR_REFUSED
    for q, a in zip(questions, answers):
        if q["kind"] == "topic_switch":  # the same JSON as asked alone: the same top passage
            assert "searched" not in a and a == {"id": q["id"], **engine.ask(q["question"])}, q["id"]
        else:
            assert a["searched"] and a["question"] == q["question"], q["id"]


BLIND = sorted((ROOT / "tests" / "data").glob("followup_blind*.jsonl"))
# The blind dialogue sets of tests/data (docs/evaluation.md): their mean facts, a floor under the figures
# recorded there (0.853 over own and nineteen blind sets), so they do not slip back.
MEAN_FACTS = 0.83


def test_the_blind_dialogue_sets_hold_their_figures(engine):
    facts, switches = [], 0
    for path in [OWN, *BLIND]:
        questions = _read(path)
        answers = [{"id": q["id"], **engine.ask(q["question"], history=q["history"])} for q in questions]
        facts.append(_score(questions, answers)["facts"])
        for q, a in zip(questions, answers):
            if q["kind"] == "topic_switch":  # answered exactly as alone
                switches += 1
                assert a == {"id": q["id"], **engine.ask(q["question"])}, (path.name, q["id"])
    print(dict(zip([p.stem for p in [OWN, *BLIND]], facts)))
    assert len(facts) >= 12 and switches >= 30 and sum(facts) / len(facts) >= MEAN_FACTS, facts


def test_a_follow_up_asking_what_was_actually_so_may_be_answered_by_its_turn_s_sentence(engine):
    """"How many of them actually reported themselves?": "actually" asks past the turn, but the sentence that
    answered it ("… 73.724 WNI memiliki izin tinggal …, namun hanya sekitar 17.121 WNI yang aktif lapor diri")
    holds what it asks anew, and those after it do not. With "lagi" it would still be passed by."""
    history = [{"role": "user", "content": "How many Indonesians held residence permits in Cambodia in 2024 according "
                                           "to the Indonesian embassy in Phnom Penh?"}]
    assert engine.query("How many of them actually reported themselves to the embassy?", history=history).past_may_answer
    result = engine.ask("How many of them actually reported themselves to the embassy?", history=history)
    assert result["answerable"] and "17.121" in result["answer"], result["answer"]


def test_a_follow_up_asking_past_its_turn_is_answered_by_what_follows_its_answer(engine):
    """"Back to that first victim: where were they actually taken instead?": the sentence after the one
    that answered that turn, though close to the question in meaning only (its words are the turn's)."""
    history = [{"role": "user", "content": "According to Armandhanu (2025), what job was one victim offered when "
                                           "meeting a recruiter in Indonesia?"},
               {"role": "user", "content": "How many trafficking cases from Indonesia has the Indonesian police "
                                           "recorded since 2022?"}]
    result = engine.ask("Back to that first victim: where were they actually taken instead?", history=history)
    assert result["answerable"] and "Bavet" in result["answer"], result["answer"]


def test_no_question_of_the_thesis_sets_is_bent_by_a_history(engine):
    for name in ("own_eval", "holdout_eval"):
        questions = [q["question"] for q in _read(ROOT / "tests" / "data" / f"{name}.jsonl")]
        for before, question in zip([MOU, *questions], questions):
            history = [{"role": "user", "content": MOU}, {"role": "user", "content": before}]
            assert engine.ask(question, history=history) == engine.ask(question), question


def test_the_issue_s_dialogue(engine):
    history = [{"role": "user", "content": MOU}]
    first = engine.ask(MOU)
    assert first["answerable"] and "searched" not in first
    who = engine.ask("Siapa yang menandatanganinya?", history=history)
    assert who["question"] == "Siapa yang menandatanganinya?" and list(who)[:3] == ["question", "searched", "language"]
    assert who["searched"] == "Siapa yang menandatangani MoU antara Indonesia dan Kamboja tentang kerja sama kepolisian?"
    assert who["answerable"] and "Retno Marsudi" in who["answer"] and "Searched" not in who["answer"]
    history.append({"role": "assistant", "content": who["answer"]})
    history.append({"role": "user", "content": "Siapa yang menandatanganinya?"})
    switch = engine.ask("Who won the 2022 World Cup?", history=history)
    assert switch == engine.ask("Who won the 2022 World Cup?") and not switch["answerable"]


def test_a_near_miss_follow_up_says_what_the_thesis_lacks(engine):
    history = [{"role": "user", "content": "Kapan ACTIP dibentuk?"}]
    result = engine.ask("Siapa yang memimpin pembentukannya?", history=history)
    assert not result["answerable"] and result["citations"] == []
    # (who led it, a person's name, is asked: the quotes name none; else its own word "memimpin" is nowhere)
    assert result["answer"] in ("Korpus tidak menyebut nama orang tersebut: bagian dokumen yang paling dekat tidak "
                                "menyebut namanya.", "Korpus tidak menyebut apa pun tentang memimpin.")
    answered = engine.ask("Apa tujuannya?", history=history)
    assert answered["answerable"] and "perempuan dan anak" in answered["answer"]


def test_a_follow_up_is_answered_by_what_it_asks_itself_not_by_its_antecedent(engine):
    """The standalone question repeats the strategy's words, which the sentence naming it holds; the
    follow-up's own words ("progress", "two decades") pick the sentence that answers."""
    history = [{"role": "user", "content": "What international strategy did UNODC put out in 2000 to fight human trafficking?"}]
    query = engine.query("Why hasn't it made any significant progress two decades later?", history=history)
    assert query.typed and {"progr", "dekad"} <= query.own
    result = engine.ask("Why hasn't it made any significant progress two decades later?", history=history)
    assert result["answerable"] and "pengumpulan data" in result["answer"]


@pytest.mark.parametrize("question", ["Setelah itu beliau bertemu siapa lagi?", "Dua hari kemudian, beliau bertemu siapa?",
                                      "Who did she meet after that?"])
def test_a_follow_up_asking_past_its_turn_is_not_answered_with_that_turn_s_sentence(engine, question):
    """"Siapa lagi?": the sentence that answered the turn before (Neth Savouen, 2 August) is what the
    asker has; the answer is after it (Sar Kheng, two days later)."""
    history = [{"role": "user", "content": "Siapa yang ditemui Menteri Luar Negeri Retno Marsudi di Phnom Penh pada 2 Agustus 2022?"}]
    assert "Neth Savouen" in engine.ask(history[0]["content"])["answer"]
    result = engine.ask(question, history=history)
    assert result["answerable"] and "Sar Kheng" in result["answer"] and "Neth Savouen" not in result["answer"]


def test_the_turn_a_follow_up_asks_past_is_read_as_it_was_analysed(engine):
    """In a chat the turn was asked just before: its analysis is reused (bench/followup.py: ~2 ms added
    instead of ~33), and the same answer comes either way."""
    turn = "Siapa yang ditemui Menteri Luar Negeri Retno Marsudi di Phnom Penh pada 2 Agustus 2022?"
    history = [{"role": "user", "content": turn}]
    asked = engine.query(turn)
    follow_up = engine.query("Beliau bertemu siapa lagi?", history=history)
    assert follow_up.past is asked and follow_up.past.text == turn
    plain = engine.query("Beliau bertemu siapa?", history=history)
    assert plain.past is None  # not asked past its turn: nothing read again


@pytest.mark.parametrize("question", ["Apa yang disepakati di akhir pertemuan itu?",
                                      "And what did they agree at the end of it?"])
def test_what_came_at_the_end_of_a_meeting_is_told_after_the_meeting(engine, question):
    """"Di akhir pertemuan …" asks past the sentence that told of the meeting: the one after it answers."""
    history = [{"role": "user", "content": "Kapan Retno Marsudi bertemu Kepala Kepolisian Kamboja Neth Savouen?"}]
    result = engine.ask(question, history=history)
    assert result["answerable"] and "tim teknis" in result["answer"]


def test_a_follow_up_is_answered_by_the_sentence_closest_to_what_it_typed(engine):
    """"And unemployment?" after the poverty rate: the standalone question repeats the poverty question's
    words, which the poverty sentence holds; the sentence closest to what was typed gives the rate asked."""
    history = [{"role": "user", "content": "What was Indonesia's poverty rate in 2024, according to the Central "
                                           "Statistics Agency figures in the thesis?"},
               {"role": "assistant", "content": "About 8.57%, or roughly 24 million Indonesians, according to BPS."}]
    query = engine.query("And unemployment?", history=history)
    assert query.typed_vector is not None and engine.query("And unemployment?").typed_vector is None
    result = engine.ask("And unemployment?", history=history)
    assert result["answerable"] and "4,91" in result["answer"], result["answer"]


def test_a_follow_up_s_own_year_acronym_and_law_asked_must_be_in_the_quotes(engine):
    """What a follow-up types anew is what it asks: a year ("… compare with 2022?") and an acronym ("that
    AMMTC meeting") the quotes do not name, and a law asked ("through which law") none of them names, are
    no answer; an acronym spelt out by the quotes ("GFI": Global Financial Integrity) is named."""
    poverty = [{"role": "user", "content": "What were Indonesia's poverty and unemployment rates in 2024 according to "
                                           "the Central Statistics Agency (BPS)?"}]
    compared = engine.ask("How did those numbers compare with 2022?", history=poverty)
    assert not compared["answerable"] and compared["answer"] == "The corpus gives no such figure for 2022."
    meetings = [{"role": "user", "content": "After the August 2022 ministerial meetings, where did Indonesia and "
                                            "Cambodia continue their talks?"}]
    dated = engine.ask("On what exact date was that AMMTC meeting held?", history=meetings)
    assert not dated["answerable"], dated["answer"]
    actip = [{"role": "user", "content": "Is Indonesia actually a party to ACTIP?"}]
    ratified = engine.ask("In what year did Indonesia ratify it, and through which law?", history=actip)
    assert not ratified["answerable"], ratified["answer"]
    gfi = [{"role": "user", "content": "What does the Global Financial Integrity 2017 data say about transnational "
                                       "crime revenue?"}]
    spelt = engine.ask("Back to the GFI data: which activities brought in the most revenue?", history=gfi)
    assert spelt["answerable"] and "narkoba" in spelt["answer"], spelt["answer"]
