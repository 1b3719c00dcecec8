"""A statute's ayat read with its elucidation: the Penjelasan of the ayat or huruf a quote comes from.

A body ayat often names what its Penjelasan says ("… melibatkan organisasi profesi di bidang kebidanan";
the Penjelasan: "Yang dimaksud dengan “organisasi profesi” … yaitu Ikatan Bidan Indonesia."), so the
quote of an ayat is followed by its Penjelasan when the search found it too, and it says more than
"Cukup jelas".
"""
from __future__ import annotations

import re

from ..records import SECTION_SEP, Sentence
from ..search.legal import is_explanation, part_numbers
from ..search.retrieve import Hit

_AYAT = re.compile(r"^\((\d{1,3})\)\s")
_HURUF = re.compile(r"^([a-z])\.\s")
# where a Penjelasan passage is: "… › Pasal 16 › Ayat (3)", "… › Pasal 35 › Huruf b",
# "… › Pasal 10 › Ayat (1) › Huruf d"
_SEP = re.escape(SECTION_SEP)
_PLACE = re.compile(rf"\bPasal\s+(\d{{1,3}}[A-Z]?)(?:{_SEP}Ayat\s\((\d{{1,3}})\))?(?:{_SEP}Huruf\s([a-z]))?$")
_SAYS_NOTHING = re.compile(r"^(?:(?:Ayat\s+\(\d+\)|Huruf\s+[a-z])\s+)*cukup\s+jelas\b", re.I)


def place(hit: Hit, sentence: Sentence) -> tuple[str, str | None, str | None] | None:
    """The Pasal, ayat and huruf a body sentence of a statute states ("(3) …" in Pasal 16: ("16", "3",
    None); "d. …" after "(1)" in Pasal 10: ("10", "1", "d")); None outside a Pasal or in a Penjelasan."""
    if is_explanation(hit.chunk.section) or not (numbers := part_numbers(hit.chunk.section)):
        return None
    if ayat := _AYAT.match(sentence.text):
        return numbers[-1], ayat.group(1), None
    if not (huruf := _HURUF.match(sentence.text)):
        return None
    sentences = [s.text for s in hit.chunk.sentences]
    before = sentences[: sentences.index(sentence.text)] if sentence.text in sentences else []
    listed_in = next((m.group(1) for text in reversed(before) if (m := _AYAT.match(text))), None)
    return numbers[-1], listed_in, huruf.group(1)


def elucidation(hit: Hit, sentence: Sentence, hits: list[Hit]) -> tuple[Hit, Sentence] | None:
    """The first sentence of the Penjelasan of the sentence's ayat or huruf, among the passages found
    (None when none was found, or it says only "Cukup jelas")."""
    where = place(hit, sentence)
    if where is None:
        return None
    for other in hits:
        if other.chunk.file != hit.chunk.file or not is_explanation(other.chunk.section):
            continue
        found = _PLACE.search(other.chunk.section)
        if not found or found.groups() != where or not other.chunk.sentences:
            continue
        first = other.chunk.sentences[0]
        return None if _SAYS_NOTHING.match(first.text) else (other, first)
    return None
