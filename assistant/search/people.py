"""People's names in a sentence, told from words by the dictionaries: a name is two capitalised words
side by side, one of them no word of the lexicons or the stemmer's ("Retno Marsudi", "Neth Savouen";
not "Republik Indonesia", "Immigration Matters"), and not a place ("di Phnom Penh")."""
from __future__ import annotations

import re
from functools import lru_cache

from .keywords import is_root, stem
from .lexicon import indonesian_words, translations

_CAPITALISED = re.compile(r"(?<![\w-])[A-Z][a-z][\w’'-]*")
_PLACE_BEFORE = frozenset("di ke dari menuju kota negara provinsi in at to from city".split())


@lru_cache(maxsize=50_000)
def is_word(word: str) -> bool:
    """A word of the English or Indonesian dictionaries (in any inflected form the stemmer undoes)."""
    low = word.lower().strip("-’'")
    return bool(translations(low)) or low in indonesian_words() or is_root(low) or is_root(stem(low))


def person_named(text: str) -> str | None:
    """The first person's name `text` holds (two capitalised words, one of them no dictionary word,
    not after a word that says a place comes), else None."""
    words = list(_CAPITALISED.finditer(text))
    for a, b in zip(words, words[1:]):
        if text[a.end():b.start()] != " ":
            continue
        before = re.findall(r"\w+", text[max(0, a.start() - 12):a.start()].lower())
        if before and before[-1] in _PLACE_BEFORE:
            continue
        if not is_word(a.group()) or not is_word(b.group()):
            return f"{a.group()} {b.group()}"
    return None
