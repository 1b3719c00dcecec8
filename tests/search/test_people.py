"""People's names told from words by the dictionaries."""
from __future__ import annotations

import pytest

from assistant.search.people import names_person


@pytest.mark.parametrize("text", [
    "Pertemuan itu dipimpin oleh Brigjen Anton Charlyan.",
    "The delegation was led by Neth Savouen.",
    "The delegation was led by Neth\u00a0Savouen.",  # a no-break space between the two
])
def test_a_name_no_dictionary_holds_is_a_person(text):
    assert names_person(text)


@pytest.mark.parametrize("text", [
    "Pertemuan antara Imigrasi Republik Indonesia dengan Imigrasi Kamboja dalam Bilateral Meeting on Immigration "
    "Matters diadakan di Phnom Penh.",  # institutions of dictionary words; a place after "di"
    "Laporan itu ditangani oleh Kepolisian Kamboja.",  # a word of an institution's name
    "Undang-undang ini menjadi dasar pembentukan Satgas TPPO yang melibatkan Polisi.",  # an acronym is no name
    "The victim was taken to an apartment in Bavet and forced to work.",  # one word
    "Use NetworkManager to set the address.",  # a capital inside a word: a program
])
def test_institutions_places_programs_and_single_words_are_no_person(text):
    assert not names_person(text)
