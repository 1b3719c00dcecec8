"""Post-hoc attribution of a generated answer, before the guard: a sentence the model left without an
[n] marker gets one only when exactly one given passage holds all its checkable facts (numbers, dates,
months, acronyms, quotes, names) and most of its content words. Existing markers are left as they are
(a marker naming a passage that was not given is not repaired)."""
from __future__ import annotations

import re

from ..search.keywords import tokenize
from ..search.lexicon import word_keys
from .guard import MARKER, _Passage, _unsupported, known_names, split_sentences

MIN_OVERLAP = 0.6  # share of the sentence's content words a passage must hold
_END = re.compile(r"\s*([.!?…]*)\s*$")


def overlap(sentence: str, passage: _Passage) -> float:
    """Share of the sentence's content words found in the passage (an English word counts when one of
    its Indonesian translations is there)."""
    text = MARKER.sub(" ", sentence)
    alternatives = word_keys(text)
    words = list(dict.fromkeys(tokenize(text)))
    if not words:
        return 0.0
    return sum(bool(alternatives.get(w, frozenset({w})) & passage.tokens) for w in words) / len(words)


def source_of(sentence: str, passages: list[_Passage], question: str, known: frozenset[str]) -> int | None:
    """The number (from 1) of the one passage that supports the sentence, or None."""
    found = [n for n, p in enumerate(passages, 1)
             if overlap(sentence, p) >= MIN_OVERLAP and _unsupported(sentence, [p], question.lower(), known) is None]
    return found[0] if len(found) == 1 else None


def attribute(question: str, passages: list[str], answer: str, language: str = "en") -> tuple[str, int]:
    """The answer with markers added where exactly one passage supports an unmarked sentence, and how many."""
    parsed = [_Passage(p) for p in passages]
    known = known_names(parsed)
    out, added = [], 0
    for sentence in split_sentences(answer, language):
        n = None if MARKER.search(sentence) else source_of(sentence, parsed, question, known)
        if n is not None:
            sentence = _END.sub(lambda m: f" [{n}]{m[1]}", sentence, count=1)
            added += 1
        out.append(sentence)
    return " ".join(out), added
