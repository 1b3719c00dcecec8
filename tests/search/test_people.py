"""People's names told from words by the dictionaries."""
from __future__ import annotations

import pytest

from assistant.search.people import person_named


@pytest.mark.parametrize("text", [
    "Menteri Luar Negeri Indonesia Retno Marsudi melakukan pertemuan dengan Kepala Kepolisian Kamboja.",
    "Pertemuan itu dipimpin oleh Brigjen Anton Charlyan.",
    "The delegation was led by Neth Savouen.",
])
def test_a_name_no_dictionary_holds_is_a_person(text):
    assert person_named(text)


@pytest.mark.parametrize("text", [
    "Pertemuan antara Imigrasi Republik Indonesia dengan Imigrasi Kamboja dalam Bilateral Meeting on Immigration "
    "Matters diadakan di Phnom Penh.",  # institutions of dictionary words; a place after "di"
    "Undang-undang ini menjadi dasar pembentukan Satgas TPPO yang melibatkan Polisi.",  # an acronym is no name
    "The victim was taken to an apartment in Bavet and forced to work.",  # one word
])
def test_institutions_places_and_single_words_are_no_person(text):
    assert person_named(text) is None
