"""References: which questions lean on the conversation, and which stand alone (history must never
bend a complete question)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.converse.references import leaning
from conftest import DEV, ROOT

FOLLOW_UPS = {
    # pronouns and "-nya" with nothing before them to stand for
    "Siapa yang menandatanganinya?": "nya",
    "Bagaimana mereka dijebak?": "pronoun",
    "What usually facilitates it, according to that author?": "work",
    "When did Indonesia sign it?": "pronoun",  # an object pronoun: not the subject of its own clause
    "Apa tujuannya?": "nya",
    "What did she say about it?": "person",
    # demonstratives whose noun the question has not said before
    "Kapan tindakan itu bisa dihukum secara pidana?": "phrase",
    "When and where was this convention formed?": "phrase",
    "Menurut penulis tersebut, apa penyebabnya?": "work",
    "What about that?": "pronoun",
    # an attribution to what was said before
    "What does the success of cooperation depend on, in its view?": "attribution",
}

COMPLETE = [
    "Siapa yang ditemui Retno Marsudi pada 2 Agustus 2022?",
    "What is Ghada Waly's role and what did she say about conflict areas?",  # "she" = Ghada Waly
    "Apa yang membuat potensi human trafficking di Indonesia tinggi, dan berapa jumlah penduduknya?",
    "Kapan Menlu Retno bertemu Sar Kheng dan apa yang diinginkan Retno dalam pertemuan itu?",  # bertemu … pertemuan itu
    "Who did Retno Marsudi meet in Phnom Penh, and what was agreed at the end of that meeting?",
    "Jenis data apa yang digunakan dalam penelitian ini?",  # the document itself
    "What are the research questions of this study?",
    "Berapa harga emas hari ini?",  # now, not an earlier turn
    "What is the claim that poverty drives trafficking?",  # "that" the conjunction
    "Which apps are used to post job vacancies that lure Indonesians to Cambodia?",  # "that" the relative
    "How can I restrict su so that only members of the root group can use it?",
    "Is it true that the MoU was signed in 2022?",  # "it" standing for nothing
    "Apa itu perdagangan orang?",  # "apa itu": what is
    "Faktor apa saja yang menyebabkan terjadinya kerja sama bilateral?",  # "-nya" linking a noun
    "Apa saja hambatan ACTIP dalam pelaksanaannya?",  # its own antecedent
    "Modul kernel tidak dimuat saat boot. Perintah apa yang memperbaikinya?",
    "Apa saja bentuk kerja sama yang biasanya dilakukan?",  # an adverb in "-nya"
    "What did the thesis say about trafficking in 2023?",
]


@pytest.mark.parametrize("question,kind", FOLLOW_UPS.items())
def test_a_follow_up_leans_on_the_conversation(question, kind):
    lean = leaning(question)
    assert lean is not None, question
    assert kind in {r.kind for r in lean.references}


@pytest.mark.parametrize("question", COMPLETE)
def test_a_complete_question_leans_on_nothing(question):
    assert leaning(question) is None


@pytest.mark.parametrize("question,fragment", [
    ("Dan pada tahun 2023?", "pada tahun 2023?"),
    ("And with Thailand?", "with Thailand?"),
    ("Bagaimana dengan Thailand?", "Thailand?"),
    ("And the main obstacle?", "the main obstacle?"),
    ("Kapan?", "Kapan?"),
])
def test_an_ellipsis_keeps_what_follows_its_opener(question, fragment):
    lean = leaning(question)
    assert lean is not None and lean.ellipsis == fragment and lean.kind == "ellipsis"


@pytest.mark.parametrize("question", ["And what did it cover?", "Dan berapa jumlah korban pada tahun 2023?",
                                      "Definisi human trafficking?"])
def test_a_question_after_and_is_no_ellipsis(question):
    lean = leaning(question)
    assert lean is None or lean.ellipsis is None


def test_a_back_reference_names_the_turn_and_what_it_wants():
    lean = leaning("Going back to the first person I asked about: what kinds of places did she say are prone to crime?")
    assert lean.back.turn == 0 and lean.back.wants == "person" and lean.back.drop
    assert [r.kind for r in lean.references] == ["person"]
    lean = leaning("Back to the first study: what does it depend on?")
    assert lean.back.turn == 0 and lean.back.wants == "work"
    lean = leaning("Kembali ke pertanyaan sebelumnya, apa tujuannya?")
    assert lean.back.turn is None and lean.back.drop  # the last turn
    assert leaning("What about the first one?").back.turn == 0
    assert leaning("Siapa presiden pertama Amerika Serikat?") is None  # "pertama" alone sends nowhere
    assert leaning("What was the first study to define trafficking?") is None


def _questions() -> list[str]:
    sets = sorted((ROOT / "tests" / "data").glob("*_eval.jsonl")) + [ROOT / "tests" / "data" / "calibration.jsonl"]
    sets += [DEV] if DEV.exists() else []
    return [json.loads(line)["question"] for path in sets for line in Path(path).read_text("utf-8").splitlines()
            if line.strip()]


def test_no_question_of_the_other_sets_leans_on_anything():
    """Every question of the project's question sets (thesis, Debian manuals, calibration) is complete:
    asked after any conversation it must be read exactly as asked alone."""
    questions = _questions()
    assert len(questions) >= 180
    leaning_ones = [q for q in questions if leaning(q) is not None]
    assert leaning_ones == []
