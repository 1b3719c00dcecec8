"""Facts a sentence states, in a form that compares across Indonesian and English: numbers (with
their magnitude and percent sign, written in digits or words), day–month dates, months, acronyms,
quoted spans and capitalised names."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..search.keywords import _stemmer, stopwords, tokenize
from ..search.lexicon import translations

_MONTH_NAMES = [
    ("januari", "january", "jan"), ("februari", "february", "feb", "pebruari"), ("maret", "march", "mar"),
    ("april", "apr"), ("mei", "may"), ("juni", "june", "jun"), ("juli", "july", "jul"),
    ("agustus", "august", "aug", "agu", "agt"), ("september", "sep", "sept"), ("oktober", "october", "oct", "okt"),
    ("november", "nov", "nopember"), ("desember", "december", "dec", "des")]
MONTHS = {name: i for i, names in enumerate(_MONTH_NAMES, 1) for name in names}
# Number words of both languages: units, teens, tens (built), and magnitudes that multiply.
_UNITS = {**{w: i for i, w in enumerate("satu dua tiga empat lima enam tujuh delapan sembilan".split(), 1)},
          **{w: i for i, w in enumerate("one two three four five six seven eight nine".split(), 1)},
          **{w: i + 10 for i, w in enumerate("ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
                                             "eighteen nineteen".split())},
          **{w: 10 * i for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)},
          "sepuluh": 10, "sebelas": 11, "seratus": 100, "seribu": 1000, "sejuta": 10 ** 6}
_MAGNITUDES = {"belas": None, "puluh": 10, "ratus": 100, "hundred": 100, "ribu": 10 ** 3, "thousand": 10 ** 3,
               "juta": 10 ** 6, "million": 10 ** 6, "miliar": 10 ** 9, "milyar": 10 ** 9, "billion": 10 ** 9,
               "triliun": 10 ** 12, "trilyun": 10 ** 12, "trillion": 10 ** 12,
               "dekade": 10, "dasawarsa": 10, "decade": 10, "decades": 10}  # "dua dekade" = 20 (years)
_PERCENT = re.compile(r"\s*(?:%|persen\b|per ?cent\b)", re.I)
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?![\w])")
_WORDS = re.compile(r"\d+(?:[.,]\d+)*(?!\w)|[^\W_]+(?:['’-][^\W_]+)*|\S")
_DAY_FIRST = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\b")
_MONTH_FIRST = re.compile(r"\b([A-Za-z]+)\s+(\d{1,2})(?:st|nd|rd|th)?\b(?![.,]?\d)")
_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]*[A-Z][A-Z0-9]*\b")
_QUOTED = re.compile(r"[“\"]([^”\"]{3,}?)[”\"]")


@dataclass(frozen=True)
class Number:
    """A number as written, the values it may stand for, and whether it is a percentage."""

    text: str
    values: frozenset[float]
    percent: bool


def _readings(digits: str) -> set[float]:
    """Values "3.208", "3,208", "8,57", "5.000.000" may mean: a separator before exactly three digits
    may group thousands (Indonesian "." or English ","), any separator may be the decimal point."""
    parts = re.split(r"[.,]", digits)
    values = set()
    if all(len(p) == 3 for p in parts[1:]) and len(set(re.findall(r"[.,]", digits))) == 1:
        values.add(float("".join(parts)))
    if len(parts) == 2:
        values.add(float(f"{parts[0]}.{parts[1]}"))
    if len(parts) == 3 and digits.count(".") != digits.count(","):  # "1.234,5" or "1,234.5"
        values.add(float(re.sub(r"[.,](?=\d+$)", "#", digits).replace(".", "").replace(",", "").replace("#", ".")))
    return values or {float(parts[0])}


def numbers(text: str, both_readings: bool = False) -> list[Number]:
    """The numbers of a text, digits or words, scaled by a following magnitude ("24 juta" = 24e6).
    With `both_readings` a scaled number also keeps its bare value (for the passage side)."""
    words = _WORDS.findall(text.replace("*", ""))
    found, i = [], 0
    while i < len(words):
        word = words[i]
        low = word.lower()
        if _NUMBER.fullmatch(word):
            values, j = _readings(word), i + 1
        elif low in _UNITS:
            values, j = {float(_UNITS[low])}, i + 1
        else:
            i += 1
            continue
        scale = 1.0
        while j < len(words) and words[j].lower() in _MAGNITUDES:
            factor = _MAGNITUDES[words[j].lower()]
            if factor is None:  # "dua belas" = 12
                values = {v + 10 for v in values}
            else:
                scale *= factor
            j += 1
        while j + 1 < len(words) and words[j].lower() in _UNITS and scale == 10:  # "dua puluh tiga"
            values = {v * scale + _UNITS[words[j].lower()] for v in values}
            scale, j = 1.0, j + 1
        scaled = {round(v * scale, 6) for v in values}
        if both_readings:
            scaled |= {round(v, 6) for v in values}
        rest = " ".join(words[j:j + 2])
        found.append(Number(" ".join(words[i:j]), frozenset(scaled), bool(_PERCENT.match(" " + rest)
                                                                            if rest else False)))
        i = j
    return found


def dates(text: str) -> set[tuple[int, int]]:
    """(day, month) pairs: "2 Agustus", "2 August", "August 2"."""
    out = set()
    pairs = [(m, d) for d, m in _DAY_FIRST.findall(text)] + _MONTH_FIRST.findall(text)
    for name, d in pairs:
        if name.lower() in MONTHS and 1 <= int(d) <= 31:
            out.add((int(d), MONTHS[name.lower()]))
    return out


def months(text: str) -> set[int]:
    """The months a text names: names of four letters or more, and a capitalised "May"/"Mei"
    ("may" and "mar" are words too)."""
    return {MONTHS[w.lower()] for w in re.findall(r"[A-Za-z]+", text)
            if w.lower() in MONTHS and (len(w) >= 4 or w in ("May", "Mei"))}


def acronyms(text: str) -> set[str]:
    """Upper-case tokens of two or more letters ("ACTIP", "BNP2TKI", "RI")."""
    return set(_ACRONYM.findall(text.replace("*", "")))


def quoted(text: str) -> list[str]:
    """Spans in quotation marks."""
    return [q.strip() for q in _QUOTED.findall(text) if len(q.split()) >= 2]


@lru_cache(maxsize=20_000)
def keys(word: str) -> frozenset[str]:
    """A word's own token key(s) and those of its English→Indonesian translations."""
    own = set(tokenize(word))
    for translation in translations(word):
        own |= set(tokenize(translation))
    return frozenset(own)


@lru_cache(maxsize=20_000)
def is_name(word: str, indonesian: bool = False) -> bool:
    """A capitalised word that is not a stopword, an English dictionary word (translated to lower-case
    words only, "Foreign"; or an inflected form simplemma reduces, "Affairs") or, in an Indonesian
    sentence, an Indonesian root ("Menteri")."""
    import simplemma

    low = word.lower()
    if low in stopwords() or low in MONTHS or low in _UNITS or not word[:1].isupper() or word.isupper():
        return False
    found = translations(low)
    if found:
        return any(t[:1].isupper() for t in found)
    if simplemma.lemmatize(low, lang="en") not in (low, word):
        return False
    roots = tokenize(low, cognates=False)
    return not (indonesian and roots and _stemmer().delegatedStemmer.dictionary.contains(roots[0]))


@lru_cache(maxsize=1)
def _stopwords_by_language() -> tuple[frozenset[str], frozenset[str]]:
    import stopwordsiso

    return frozenset(stopwordsiso.stopwords("id")), frozenset(stopwordsiso.stopwords("en"))


def looks_indonesian(text: str) -> bool:
    """More Indonesian than English stopwords in the text (cheap; for one sentence)."""
    ind, eng = _stopwords_by_language()
    words = re.findall(r"[a-z]+", text.lower())
    return sum(w in ind for w in words) > sum(w in eng for w in words)


def capitalised(text: str) -> list[str]:
    """The capitalised words of a text, without a possessive ("Cambodia's" → "Cambodia")."""
    words = re.findall(r"[^\W\d_]+", re.sub(r"['’]s\b", "", text.replace("*", "")))
    return [w for w in words if w[:1].isupper() and not w.isupper()]


def names(text: str, known: frozenset[str] = frozenset()) -> list[str]:
    """The capitalised words of a text that look like (parts of) names, or that the `known` texts
    (lower-cased) capitalise ("Meson" is a dictionary word, but a name where the passages write it so)."""
    indonesian = looks_indonesian(text)
    return [w for w in capitalised(text) if is_name(w, indonesian) or w.lower() in known]
