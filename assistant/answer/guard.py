"""The faithfulness guard (no LLM inside): every sentence of a generated answer must carry [n]
markers naming given passages, and every number, date, month, acronym, quoted span and name it
states must be found in the passages it cites. Failing sentences are dropped with their reason."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import sentencex

from ..search.keywords import tokenize
from ..search.lexicon import word_keys
from ..search.query import YEAR, Query
from . import facts

MARKER = re.compile(r"\[(\d+)\]")


@dataclass
class GuardResult:
    """What survives: the kept text, how many sentences were checked, the dropped ones with their
    reasons, and why the kept text no longer answers the question (None when it does)."""

    kept: str
    checked: int
    dropped: list[dict] = field(default_factory=list)
    unanswered: str | None = None

    @property
    def verdict(self) -> str:
        return "pass" if not self.dropped and not self.unanswered else "fail"

    def as_dict(self) -> dict:
        return {"checked": self.checked, "dropped": self.dropped}


class _Passage:
    """A passage's facts."""

    def __init__(self, text: str):
        self.text = " ".join(text.replace("*", "").split())
        self.lower = self.text.lower()
        self.tokens = set(tokenize(self.text))
        self.numbers = facts.numbers(self.text, both_readings=True)
        self.dates = facts.dates(self.text)
        self.months = facts.months(self.text)
        self.acronyms = facts.acronyms(self.text)


@dataclass(frozen=True)
class MissingFact:
    """A fact a sentence states that its passages do not hold: its kind (number, date, month, acronym,
    quote, name) and how the sentence gives it."""

    kind: str
    value: str

    def __str__(self) -> str:
        shown = self.value if self.kind in ("date", "month") else f"“{self.value}”" if self.kind == "quote" \
            else f"'{self.value}'"
        return f"{self.kind} {shown} is not in the cited passages"


def split_sentences(answer: str, language: str = "en") -> list[str]:
    """The answer's sentences; a run of markers standing alone ("… Penh. [1]") joins the one before."""
    out: list[str] = []
    for part in sentencex.segment(language, answer.strip()):
        part = part.strip()
        if not part:
            continue
        if out and not MARKER.sub("", part).strip(" .!?"):
            out[-1] = f"{out[-1]} {part}"
        else:
            out.append(part)
    return out


def _unsupported(sentence: str, cited: list[_Passage], given: str, known: frozenset[str],
                 context: list[_Passage] | tuple = ()) -> str | None:
    """Why the cited passages do not support the sentence, or None (see `_missing`)."""
    missing = _missing(sentence, cited, given, known, context)
    return str(missing) if missing else None


def _missing(sentence: str, cited: list[_Passage], given: str, known: frozenset[str],
             context: list[_Passage] | tuple = ()) -> MissingFact | None:
    """The first fact of the sentence the cited passages do not hold, or None; names may also come from
    the question (`given`, lower-cased): it is the premise, not a claim of the answer. Acronyms and names
    may also come from `context` (the text around the passages: a place named once, then "the region")."""
    text = MARKER.sub(" ", sentence)
    named = [*cited, *context]
    for n in facts.numbers(text):
        if min(n.values) <= 1 and not n.text[0].isdigit():
            continue  # "one of", "satu": a pronoun more often than a count
        if not any(n.values & p.values and (p.percent or not n.percent) for c in cited for p in c.numbers):
            return MissingFact("number", f"{n.text}{'%' if n.percent else ''}")
    for day, month in facts.dates(text) - set().union(*(c.dates for c in cited)):
        return MissingFact("date", f"{day}/{month}")
    for month in facts.months(text) - set().union(*(c.months for c in cited)):
        return MissingFact("month", str(month))
    for acronym in facts.acronyms(text) - set().union(*(c.acronyms for c in named)):
        if len(acronym) >= 4 and any(re.search(rf"(?<!\w){re.escape(acronym.lower())}(?!\w)", c.lower) for c in named):
            continue  # "COVID" written "covid-19"
        return MissingFact("acronym", acronym)
    for span in facts.quoted(text):
        if not any(" ".join(span.lower().split()) in c.lower for c in cited):
            return MissingFact("quote", span)
    for name in facts.names(text, known):
        if name.lower() not in given and not any(facts.keys(name) & c.tokens or name.lower() in c.lower for c in named):
            return MissingFact("name", name)
    return None


def _keys(text: str) -> set[str]:
    """Content keys of an answer's sentence with the Indonesian keys of its English words."""
    found = set(tokenize(MARKER.sub(" ", text)))
    for alternatives in word_keys(text).values():
        found |= alternatives
    return found


def _unanswered(query: Query, kept: str) -> str | None:
    """Why the kept text no longer holds what the question asks for (a date, a number), or None."""
    if not kept:
        return "no sentence survived the check"
    text = MARKER.sub(" ", kept)
    if "date" in query.asks and not (YEAR.search(text) or facts.months(text)):
        return "the question asks when, and no date is left"
    if "number" in query.asks and not facts.numbers(text):
        return "the question asks how many, and no number is left"
    return None


def unsupported_fact(sentence: str, passages: list[str], given: str = "", context: list[str] = ()) -> MissingFact | None:
    """The first fact `sentence` states that `passages` do not hold (a number, date, month, acronym,
    quote or name), or None; `given` may name what is taken as known, `context` (the text around the
    passages) may hold its acronyms and names."""
    parsed, around = [_Passage(p) for p in passages], [_Passage(p) for p in context]
    return _missing(sentence, parsed, given.lower(), known_names(parsed + around), around)


def known_names(parsed: list[_Passage]) -> frozenset[str]:
    """The passages' capitalised words that are not stopwords (names a sentence may repeat)."""
    stopwords = facts.stopwords()
    return frozenset(w.lower() for p in parsed for w in facts.capitalised(p.text) if w.lower() not in stopwords)


def check(query: Query, passages: list[str], answer: str, language: str = "en") -> GuardResult:
    """Check an answer to the analysed question `query` whose [n] markers number `passages` from 1;
    `language` is the answer's (for splitting it into sentences)."""
    parsed = [_Passage(p) for p in passages]
    known = known_names(parsed)
    topic = set(query.topic)
    on_topic = any(topic & p.tokens for p in parsed)  # a vague question ("Summarise it") sets no topic
    kept, dropped = [], []
    sentences = split_sentences(answer, language)
    for sentence in sentences:
        marks = [int(m) for m in MARKER.findall(sentence)]
        wrong = [m for m in marks if not 1 <= m <= len(passages)]
        if not marks:
            reason = "no [n] marker"
        elif wrong:
            reason = f"marker [{wrong[0]}] names no given passage"
        else:
            cited = [parsed[m - 1] for m in dict.fromkeys(marks)]
            reason = _unsupported(sentence, cited, query.text.lower(), known)
            own = _keys(sentence)
            if reason is None and on_topic and not own & topic:
                reason = "does not address the question"
            topic |= own if reason is None else set()
        if reason:
            dropped.append({"sentence": sentence, "reason": reason})
        else:
            kept.append(sentence)
    text = " ".join(kept)
    return GuardResult(text, len(sentences), dropped, _unanswered(query, text))
