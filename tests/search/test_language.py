"""Question language: names must not pull English questions to Indonesian."""
import pytest

from assistant.search.language import detect_language, strip_names


@pytest.mark.parametrize("question,lang", [
    ("Who did Retno Marsudi meet?", "en"),
    ("Who did Retno Marsudi meet on 2 August 2022?", "en"),
    ("What is bilateral politics according to Rudy (2002)?", "en"),
    ("Siapa yang ditemui Retno Marsudi?", "id"),
    ("Apa kepanjangan ACTIP?", "id"),
    ("Kapan AMMTC Ke-17 dilaksanakan?", "id"),
    ("Which Indonesian law governs trafficking in persons?", "en"),
    ("Bagaimana dampak kerja sama Indonesia-Kamboja?", "id"),
])
def test_detects_question_language(question, lang):
    assert detect_language(question) == lang


def test_strip_names_keeps_sentence_initial_word():
    assert strip_names("Who did Retno Marsudi meet?") == "Who did meet ?"


def test_loan_terms_of_the_corpus_do_not_make_a_question_english():
    loans = frozenset({"human trafficking", "transnational organized crime"})
    assert detect_language("Apa definisi human trafficking?", loans) == "id"
    assert detect_language("Apa itu transnational organized crime?", loans) == "id"
    assert detect_language("What is human trafficking?", loans) == "en"
