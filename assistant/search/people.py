"""People's names in a sentence, told from words by the dictionaries: two capitalised words side by side,
one of them no word of the lexicons ("Retno Marsudi", "Budi Gunawan", "Neth Savouen"), neither a word
naming an institution ("Kepolisian Kamboja", "Imigrasi Republik Indonesia"), not after a word that says
a place comes ("di Phnom Penh"). The word lists are shared with the study views' names (study/names.py)."""
from __future__ import annotations

import re
from functools import lru_cache

from .keywords import is_root, stem, stopwords
from .lexicon import indonesian_words, translations

# Words of institutions' names, and the words before a person's or a place's name.
ORG_WORDS = frozenset("""badan kementerian komisi direktorat lembaga dinas pusat organisasi kepolisian pemerintah
kedutaan imigrasi kantor dewan majelis partai universitas perusahaan ministry department office organization
organisation bureau agency council commission institute nations united bank foundation association center centre
university police government court party company convention protocol integrity""".split())
PERSON_BEFORE = frozenset("""menurut oleh menteri presiden bapak ibu pak bu dr mr mrs ms prof kepala ketua direktur
according by minister president sir""".split())
PLACE_BEFORE = frozenset("di ke dari menuju kota negara provinsi in at to from city".split())
_CAPITALISED = re.compile(r"(?<![\w-])[A-Z][a-z][\w’'-]*")


# An Indonesian word's affixes, which a name seldom has ("Pelindungan", "Kepolisian", "Ditjen"; not "Gunawan").
_AFFIXED = re.compile(r"^(?:(?:pe|per|ke|se|me|di|ber|ter)\w{3,}(?:an|kan|i)|(?:me|di|ber|ter)\w{4,})$")


@lru_cache(maxsize=50_000)
def is_word(word: str) -> bool:
    """A word of the English or Indonesian dictionaries, as written or, with an Indonesian word's
    affixes, as its root ("Pelindungan" is "lindung"; "Gunawan" is not stemmed to "guna"). Not WordNet's
    table: it translates names too ("john" → John, "washington" → Washington)."""
    low = word.lower().strip("-’'")
    return bool(translations(low, False)) or low in indonesian_words(False) or is_root(low) or bool(
        _AFFIXED.match(low) and is_root(stem(low)))


def names_person(text: str) -> bool:
    """`text` holds two capitalised words side by side that read as a person's name (see the module;
    a name made of dictionary words only, "Budi Gunawan", is missed): no function word ("The Debian"),
    no word with a capital inside ("NetworkManager")."""
    words = list(_CAPITALISED.finditer(text))
    never = ORG_WORDS | stopwords()
    for a, b in zip(words, words[1:]):
        if text[a.end():b.start()].strip(" \u00a0\t\n"):
            continue  # not side by side
        pair = [w.lower().strip("-’'") for w in (a.group(), b.group())]
        if set(pair) & never or any(re.search(r"[a-z][A-Z]", w) for w in (a.group(), b.group())):
            continue
        before = re.findall(r"\w+", text[max(0, a.start() - 12):a.start()].lower())
        if before and before[-1] in PLACE_BEFORE:
            continue
        if not is_word(pair[0]) or not is_word(pair[1]):
            return True
    return False
