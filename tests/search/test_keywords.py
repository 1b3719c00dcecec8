"""Keyword side: tokens, stems and cognate keys."""
from assistant.search.keywords import _stem, tokenize


def test_forms_of_a_word_share_one_key():
    # Sastrawi alone stems "disepakati" to "pakat" but "kesepakatan" to "sepakat"
    assert tokenize("disepakati") == tokenize("menyepakati") == tokenize("kesepakatan") == tokenize("sepakat")
    # … while a real se- prefix still comes off
    assert [_stem(w) for w in ("sebagian", "setelah", "secepatnya")] == ["bagi", "telah", "cepat"]
    assert tokenize("menghambat hambatan") == [tokenize("hambat")[0]] * 2
    # a short English word and its plural ("the ninetieth day" answers "how many days")
    assert tokenize("day") == tokenize("days") and tokenize("eggs") == tokenize("egg") == ["egg"]
    assert tokenize("acts") == ["act"]  # (before: "akt", its spelling respelled)


def test_english_and_indonesian_cognates_meet():
    assert tokenize("corruption") == tokenize("korupsi")
    assert tokenize("qualitative") == tokenize("kualitatif")


def test_web_and_mail_addresses_are_no_words():
    assert tokenize("Osamu Aoki <osamu@debian.org>, lihat https://www.debian.org/doc") == ["osamu", "aoki", "lihat"]
    assert "debia" in tokenize("Debian Reference")


def test_frequency_counts_the_passages_holding_a_token():
    import numpy as np

    from assistant.search.keywords import KeywordIndex, tokenize

    index = KeywordIndex.build(["The crime was reported.", "Crime and crime again.", "Nothing here."])
    token = tokenize("crime")[0]
    assert index.frequency(token) == 2 and index.frequency("zzz") == 0
    assert index.frequency(token, np.array([True, False, True])) == 1
