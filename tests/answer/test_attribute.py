"""Post-hoc attribution: an unmarked generated sentence gets [n] only when exactly one given passage
holds all its facts and most of its content words; other sentences and existing markers stay as written."""
import pytest

from assistant.answer.attribute import attribute

MEETING = ("Pada 2 Agustus 2022, Menteri Luar Negeri Indonesia Retno Marsudi melakukan pertemuan dengan Kepala "
           "Kepolisian Kamboja Neth Savouen di Phnom Penh, Kamboja.")
FESTIVAL = "Festival Budaya Lembah Hijau diadakan pada 12 Mei 2021 di Desa Sukamaju dan dihadiri 3.000 pengunjung."
MEETING_2023 = "Pada 2 Agustus 2023, Retno Marsudi kembali bertemu Neth Savouen di Phnom Penh."


@pytest.mark.parametrize("sentence, marked", [
    ("Retno Marsudi met Neth Savouen in Phnom Penh on 2 August 2022.", "[1]"),  # English facts, Indonesian passage
    ("Festival Budaya Lembah Hijau dihadiri 3.000 pengunjung.", "[2]"),
    ("The festival had 3,000 visitors.", "[2]"),
    ("Retno Marsudi met Hun Manet in Phnom Penh.", None),  # a name no passage holds
    ("The festival was held on 12 May 2022.", None),  # a year no passage holds
    ("The weather was pleasant and everyone enjoyed the music.", None),  # no fact, weak overlap
])
def test_an_unmarked_sentence_is_marked_only_by_the_one_passage_that_holds_it(sentence, marked):
    text, added = attribute("What happened?", [MEETING, FESTIVAL], sentence)
    if marked:
        assert text == sentence[:-1] + f" {marked}." and added == 1
    else:
        assert text == sentence and added == 0


def test_a_sentence_without_facts_needs_most_of_its_words_in_the_passage():
    weak = "The weather was pleasant and everyone enjoyed the music at the festival."
    assert attribute("How was it?", [FESTIVAL], weak) == (weak, 0)
    assert attribute("How was it?", [FESTIVAL], "The festival was held in Desa Sukamaju.")[1] == 1


def test_a_sentence_two_passages_support_stays_unmarked():
    sentence = "Retno Marsudi met Neth Savouen in Phnom Penh."
    assert attribute("Who met?", [MEETING, MEETING_2023], sentence) == (sentence, 0)
    assert attribute("Who met?", [MEETING, MEETING_2023], "They met on 2 August 2023.")[1] == 1


def test_existing_markers_even_wrong_ones_are_not_repaired():
    answer = "Retno Marsudi met Neth Savouen on 2 August 2022 [5]. The festival had 3,000 visitors [1]."
    assert attribute("What happened?", [MEETING, FESTIVAL], answer) == (answer, 0)


def test_attributed_markers_are_counted_in_the_guard_record():
    from assistant.answer.generate import finish
    from assistant.answer.guard import check
    from assistant.search.query import analyse

    question = "Who did Retno Marsudi meet on 2 August 2022?"
    draft = "Retno Marsudi met Neth Savouen in Phnom Penh on 2 August 2022. She also met Hun Manet."
    passages = [{"n": 1, "text": MEETING}]
    marked, added = attribute(question, [MEETING], draft)
    base = {"question": question, "language": "en", "answer": f"According to the thesis: “{MEETING}” [1]",
            "answerable": True, "citations": passages, "retrieved": passages, "mode": "extractive"}
    result = finish(base, passages, draft, check(analyse(question, None), [MEETING], marked), 60, added)
    assert result["mode"] == "generated" and result["draft"] == draft
    assert result["answer"] == "Retno Marsudi met Neth Savouen in Phnom Penh on 2 August 2022 [1]."
    assert result["guard"]["attributed"] == 1 and result["guard"]["dropped"][0]["reason"] == "no [n] marker"
