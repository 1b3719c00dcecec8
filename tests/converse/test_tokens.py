"""Tokens: places, and the word tests the rules share."""
from __future__ import annotations

import pytest

from assistant.converse.tokens import is_anchor, is_verb, same_word, tokens


def test_tokens_keep_places_and_sentence_starts():
    toks = tokens("Menurut Tempo (2024), di sektor apa? Kamboja.")
    assert [t.text for t in toks][:5] == ["Menurut", "Tempo", "(", "2024", ")"]
    assert toks[1].start == 8 and toks[1].end == 13
    by_text = {t.text: t for t in toks}
    assert by_text["Menurut"].first and by_text["Kamboja"].first and not by_text["Tempo"].first
    assert is_anchor(by_text["Tempo"]) and is_anchor(by_text["2024"]) and not is_anchor(by_text["Kamboja"])


@pytest.mark.parametrize("a,b,same", [
    ("menandatangani", "ditandatangani", True),  # the stemmer does not undo this compound
    ("bertemu", "pertemuan", True),
    ("meeting", "meet", True),
    ("internasional", "transnasional", False),
    ("perdagangan", "penanggulangan", False),
])
def test_same_word(a, b, same):
    assert same_word(a, b) is same


@pytest.mark.parametrize("word,verb", [("dijebak", True), ("mendefinisikan", True), ("bekerja", True),
                                       ("ditandatangani", True),  # its root is not in the stemmer's dictionary
                                       ("diplomasi", False), ("pertemuan", False), ("media", False)])
def test_indonesian_verbs_by_their_affix(word, verb):
    assert is_verb(tokens(word)[0]) is verb
