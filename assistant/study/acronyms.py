"""Acronyms and the expansions the text gives: "TPPO atau tindak pidana perdagangan orang",
"Badan … Indonesia (BP2MI)", "ACTIP (ASEAN Convention …)"; matched letter by letter
(Schwartz & Hearst 2003), so "nota kesepakatan (MoU)" — a translation — is not taken. An acronym
its author mistyped is taken too when the expansion's initials are its letters reordered or one
letter off ("UN Office on Drugs and Crime (UNDOC)": `_distance`)."""
from __future__ import annotations

import re
from itertools import product

from rapidfuzz.distance import Levenshtein

from ..search.keywords import stopwords
from .corpus import plain

_SF = r"[A-Z][A-Za-z0-9&\-]*[A-Z0-9]"
_OR = r"\s+(?:atau|or|yaitu|i\.e\.,?|alias|singkatan\s+dari|stands\s+for)\s+"
_AFTER = re.compile(rf"(?<![\w\-])(?P<sf>{_SF})(?:\)|\s*\()?{_OR}(?P<lf>\*[^*]+\*|[^,.;:()\n]+)")
_PAREN_SF = re.compile(rf"(?P<lf>[^()]+?)\s*\((?P<sf>{_SF})\)")
_SF_PAREN = re.compile(rf"(?<![\w\-])(?P<sf>{_SF})\s*\((?P<lf>[^()]{{4,160}})\)")
_BEFORE_OR = re.compile(rf"(?P<lf>[^,.;:()]+?){_OR}(?P<sf>{_SF})(?![\w\-])")
_QUOTES = "\"'“”‘’„«»"
_NAME_WORD = re.compile(r"[^\W\d_][\w'’\-]*")  # a word of a name: letters (hyphens, apostrophes), no digits


def acronyms(text: str) -> list[tuple[str, str]]:
    """(acronym, expansion) pairs stated in `text`."""
    found: list[tuple[str, str | None]] = []
    for m in _AFTER.finditer(text):
        lf = m.group("lf")
        found.append((m.group("sf"), _fit(m.group("sf"), plain(lf) if lf.startswith("*") else lf,
                                          closing=False, whole=lf.startswith("*"))))
    for pattern in (_PAREN_SF, _BEFORE_OR):
        for m in pattern.finditer(text):
            found.append((m.group("sf"), _fit(m.group("sf"), plain(m.group("lf")), closing=True)))
    for m in _SF_PAREN.finditer(text):
        found.append((m.group("sf"), _fit(m.group("sf"), plain(m.group("lf")), closing=False, whole=True)))
    return [(sf, lf) for sf, lf in found if lf and _is_acronym(sf)]


def _fit(sf: str, lf: str, closing: bool, whole: bool = False) -> str | None:
    """The expansion of `sf` in `lf` (the words after it, or before it when `closing`): spelled letter
    by letter, else mistyped (`_distance`)."""
    exact = _last_fit(sf, lf) if closing else _first_fit(sf, lf, whole)
    if exact and _spelled(sf, exact):
        return exact
    words = lf.split()
    if closing:
        runs = [" ".join(words[-n:]) for n in range(1, min(len(words), len(_letters(sf)) + 5) + 1)]
    else:
        runs = [" ".join(words[:n]) for n in range(1, min(len(words), 2 * len(_letters(sf)) + 2) + 1)]
        if whole and len(words) <= 2 * len(_letters(sf)) + 3:
            runs.append(" ".join(words))  # all of an italic or bracketed span
    return next((run for run in _nearest(sf, runs) if not _repeats(sf, run)), None)


def _repeats(sf: str, lf: str) -> bool:
    """The expansion holds the acronym itself again."""
    return any(w.lower() == sf.lower() or sf.lower() in w.lower().split("/") for w in lf.split())


def _spelled(sf: str, lf: str) -> bool:
    """Not the acronym itself again, and at least half its letters open words of the expansion, in
    order ("expression" does not expand ERE; "Multilingualisasi" does expand M17N)."""
    if _repeats(sf, lf):
        return False
    words = re.findall(r"[A-Za-z][\w'’]*", lf)
    letters, k = _letters(sf), 0
    for w in words:
        if k < len(letters) and w[0].lower() == letters[k]:
            k += 1
    return 2 * k >= len(letters)


def _is_acronym(sf: str) -> bool:
    return sum(c.isupper() for c in sf) >= 2 and len(sf) <= 12


def _letters(sf: str) -> str:
    return "".join(c for c in sf.lower() if c.isalpha())


def matches(sf: str, lf: str) -> bool:
    """Schwartz-Hearst: every letter of `sf`, right to left, found in `lf`, the first at a word start."""
    letters, text = _letters(sf), lf.lower()
    i = len(text) - 1
    for k in range(len(letters) - 1, -1, -1):
        c = letters[k]
        while i >= 0 and (text[i] != c or (k == 0 and i > 0 and text[i - 1].isalnum())):
            i -= 1
        if i < 0:
            return False
        i -= 1
    return True


def _distance(sf: str, lf: str) -> int | None:
    """0 when the initials of `lf` (`_initials`) are the letters of `sf` reordered, 1 when one letter is
    added, dropped or changed, else None; only for acronyms of three letters or more, expanded by two
    words or more that hold no digits or symbols, the initials starting with the acronym's first letter."""
    letters = _letters(sf)
    words = [w.strip(_QUOTES) for w in lf.split()]
    if len(letters) < 3 or not all(_NAME_WORD.fullmatch(w) for w in words):
        return None
    found = [0 if sorted(i) == sorted(letters) else 1 for i in _initials(words)
             if i[:1] == letters[:1] and (sorted(i) == sorted(letters) or Levenshtein.distance(i, letters) == 1)]
    return min(found, default=None)


def _initials(words: list[str]) -> set[str]:
    """The letters words give an acronym: each word's first letter, none for a lower-case stopword
    ("on", "dan"), the first or every letter of a short upper-case word ("UN" gives "u" or "un");
    empty unless two words or more give letters."""
    stop = stopwords()
    options = [(w[0].lower(), w.lower()) if w.isupper() and 1 < len(w) <= 3 else (w[0].lower(),)
               for w in words if w and not (w[0].islower() and w.lower() in stop)]
    return {"".join(parts) for parts in product(*options)} if 2 <= len(options) <= 12 else set()


def _nearest(sf: str, runs: list[str]) -> list[str]:
    """The runs that expand `sf` mistyped, fewest letters off first, then shortest; quotes trimmed."""
    scored = sorted((d, len(run), run) for run in runs if (d := _distance(sf, run)) is not None)
    return [run.strip(_QUOTES) for *_, run in scored]


def _first_fit(sf: str, lf: str, whole: bool) -> str | None:
    """The shortest run of words opening `lf` that spells `sf` (all of an italic span if it does)."""
    words = lf.split()
    if whole and matches(sf, lf) and len(words) <= 2 * len(_letters(sf)) + 3:
        return " ".join(words)
    for n in range(1, min(len(words), 2 * len(_letters(sf)) + 2) + 1):
        cand = " ".join(words[:n])
        if matches(sf, cand) and words[0][0].lower() == _letters(sf)[:1]:
            return cand
    return None


def _last_fit(sf: str, lf: str) -> str | None:
    """The shortest run of words closing `lf` that spells `sf`, starting with its first letter."""
    words = lf.split()
    for n in range(1, min(len(words), len(_letters(sf)) + 5) + 1):
        cand = words[-n:]
        if cand[0][0].lower() == _letters(sf)[:1] and matches(sf, " ".join(cand)):
            return " ".join(cand)
    return None
