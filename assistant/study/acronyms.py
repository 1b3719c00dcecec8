"""Acronyms and the expansions the text gives: "TPPO atau tindak pidana perdagangan orang",
"Badan … Indonesia (BP2MI)", "ACTIP (ASEAN Convention …)"; matched letter by letter
(Schwartz & Hearst 2003), so "nota kesepakatan (MoU)" — a translation — is not taken."""
from __future__ import annotations

import re

from .corpus import plain

_SF = r"[A-Z][A-Za-z0-9&\-]*[A-Z0-9]"
_OR = r"\s+(?:atau|or|yaitu|i\.e\.,?|alias|singkatan\s+dari|stands\s+for)\s+"
_AFTER = re.compile(rf"(?<![\w\-])(?P<sf>{_SF})(?:\)|\s*\()?{_OR}(?P<lf>\*[^*]+\*|[^,.;:()\n]+)")
_PAREN_SF = re.compile(rf"(?P<lf>[^()]+?)\s*\((?P<sf>{_SF})\)")
_SF_PAREN = re.compile(rf"(?<![\w\-])(?P<sf>{_SF})\s*\((?P<lf>[^()]{{4,160}})\)")
_BEFORE_OR = re.compile(rf"(?P<lf>[^,.;:()]+?){_OR}(?P<sf>{_SF})(?![\w\-])")


def acronyms(text: str) -> list[tuple[str, str]]:
    """(acronym, expansion) pairs stated in `text`."""
    found: list[tuple[str, str]] = []
    for m in _AFTER.finditer(text):
        lf = m.group("lf")
        found.append((m.group("sf"), _first_fit(m.group("sf"), plain(lf) if lf.startswith("*") else lf,
                                                whole=lf.startswith("*"))))
    for pattern in (_PAREN_SF, _BEFORE_OR):
        for m in pattern.finditer(text):
            found.append((m.group("sf"), _last_fit(m.group("sf"), plain(m.group("lf")))))
    for m in _SF_PAREN.finditer(text):
        found.append((m.group("sf"), _first_fit(m.group("sf"), plain(m.group("lf")), whole=True)))
    return [(sf, lf) for sf, lf in found if lf and _is_acronym(sf) and _spelled(sf, lf)]


def _spelled(sf: str, lf: str) -> bool:
    """Not the acronym itself again, and at least half its letters open words of the expansion, in
    order ("expression" does not expand ERE; "Multilingualisasi" does expand M17N)."""
    words = re.findall(r"[A-Za-z][\w'’]*", lf)
    if any(w.lower() == sf.lower() or sf.lower() in w.lower().split("/") for w in lf.split()):
        return False
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
