"""Dates in a sentence: full dates, month + year, years an event word dates, and ranges, in
Indonesian and English. Citations' publication years, version, page and section numbers are not dates."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..citations import parse_citations

# Each month: its Indonesian name, its English name (the same word where they agree), then other
# spellings and abbreviations; the quiz swaps a month for another of the same language by position.
MONTHS = {
    1: "januari january jan", 2: "februari february pebruari feb peb", 3: "maret march mar",
    4: "april april apr", 5: "mei may", 6: "juni june jun", 7: "juli july jul",
    8: "agustus august agu agt ags aug", 9: "september september sept sep", 10: "oktober october okt oct",
    11: "november november nopember nov", 12: "desember december des dec",
}
_MONTH = {name: n for n, names in MONTHS.items() for name in names.split()}
_M = r"(?P<{}>" + "|".join(sorted(_MONTH, key=len, reverse=True)) + r")\.?"
_Y = r"(?P<{}>(?:1[5-9]|20)\d{{2}})"
_D = r"(?P<{}>[0-3]?\d)"
# A year must not run on into a longer number, a version (2.0), a decimal or a hyphenated code.
_END = r"(?![\d])(?![.,:/]\d)(?!-\w*[a-zA-Z])(?!\s*(?:%|persen|percent|orang|kasus|jiwa|people|cases|bit|byte|KB|MB|GB))"
# Words that make the year after them a date ("pada tahun 2015", "sejak 2022", "in 2015").
_CUE = (r"(?:tahun|thn\.?|th\.|pada|sejak|hingga|sampai|tanggal|per|awal|akhir|pertengahan|periode|selama|"
        r"semenjak|mulai|menjelang|in|since|until|till|by|during|from|through|before|after|early|late|mid|year|"
        r"between|antara|dari|sebelum|sesudah|setelah)")
_RANGE_JOIN = r"\s*(?:-|–|—|/|s\.?d\.?|sampai(?:\s+dengan)?|hingga|to|until|and|dan)\s*"

_PATTERNS = [
    ("iso", re.compile(rf"(?<![\d.\-/]){_Y.format('y')}-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-3]\d)(?![\d])")),
    ("dmy", re.compile(rf"(?<![\d.,]){_D.format('d')}\s+{_M.format('mon')}\s+{_Y.format('y')}{_END}", re.I)),
    ("mdy", re.compile(rf"\b{_M.format('mon')}\s+{_D.format('d')},\s+{_Y.format('y')}{_END}", re.I)),
    ("my_range", re.compile(rf"\b{_M.format('mon')}\s+{_Y.format('y')}{_RANGE_JOIN}{_M.format('mon2')}\s+"
                            rf"{_Y.format('y2')}{_END}", re.I)),
    ("my", re.compile(rf"\b{_M.format('mon')}\s+{_Y.format('y')}{_END}", re.I)),
    ("range", re.compile(rf"\b{_CUE}\s+{_Y.format('y')}{_RANGE_JOIN}{_Y.format('y2')}{_END}", re.I)),
    ("range", re.compile(rf"(?<![\w.\-/]){_Y.format('y')}\s*[-–—]\s*{_Y.format('y2')}{_END}")),
    ("year", re.compile(rf"\b{_CUE}\s+(?:(?:tahun|year|the\s+year)\s+)?{_Y.format('y')}{_END}", re.I)),
]
# A quantity word before a number makes it a count ("lebih dari 2000 bahasa", "more than 2000 packages").
_COUNT_BEFORE = re.compile(r"(?:lebih\s+dari|kurang\s+dari|more\s+than|less\s+than|fewer\s+than|hampir|nearly|"
                           r"approximately|kira-kira|sebanyak|as\s+many\s+as)\s+$", re.I)
# Capitalised only: these month names are also common words ("may", "mar", "des" …).
_AMBIGUOUS = {"may", "mar", "jan", "jun", "jul", "des", "dec", "sep", "per", "agu", "ags", "agt", "peb"}


@dataclass(frozen=True)
class Date:
    date: str  # "YYYY", "YYYY-MM" or "YYYY-MM-DD"
    end: str | None
    precision: str  # "year" | "month" | "day"
    start: int
    stop: int


def find_dates(text: str) -> list[Date]:
    """The dates `text` states, in order; the spans of its citations are skipped."""
    taken = [(c.start, c.end) for c in parse_citations(text)]
    taken += [m.span() for m in re.finditer(r"\((?:[^()]*\d{4}[a-z]?)(?:,\s*(?:p|hlm|hal)\.?\s*[\d\-–]+)?\)", text)
              if _citation_like(m.group(0))]
    found: list[Date] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            span = (m.start("y") if kind in ("range", "year") else m.start(), m.end())
            if any(a < span[1] and span[0] < b for a, b in taken) or _COUNT_BEFORE.search(text[:m.start("y")]):
                continue
            date = _make(kind, m)
            if date:
                found.append(Date(date[0], date[1], date[2], *span))
                taken.append(span)
    return sorted(found, key=lambda d: d.start)


def _citation_like(paren: str) -> bool:
    """"(2014)" or "(Tempo, 2024)": a publication year in parentheses."""
    inner = paren[1:-1].strip()
    return bool(re.fullmatch(r"(?:[^()\d]{0,80},\s*)?(?:1[5-9]|20)\d{2}[a-z]?(?:,.*)?", inner))


def _month(m: re.Match, group: str) -> int | None:
    name = m.group(group)
    if name.lower() in _AMBIGUOUS and not name[0].isupper():
        return None
    return _MONTH.get(name.lower().rstrip("."))


def _make(kind: str, m: re.Match) -> tuple[str, str | None, str] | None:
    y = m.group("y")
    if kind == "iso":
        return f"{y}-{m.group('m')}-{m.group('d')}", None, "day"
    if kind in ("dmy", "mdy"):
        month, day = _month(m, "mon"), int(m.group("d"))
        if not month or not 1 <= day <= 31:
            return None
        return f"{y}-{month:02d}-{day:02d}", None, "day"
    if kind == "my_range":
        a, b = _month(m, "mon"), _month(m, "mon2")
        if not a or not b:
            return None
        start, end = f"{y}-{a:02d}", f"{m.group('y2')}-{b:02d}"
        return (start, end, "month") if end > start else None
    if kind == "my":
        month = _month(m, "mon")
        return (f"{y}-{month:02d}", None, "month") if month else None
    if kind == "range":
        y2 = m.group("y2")
        return (y, y2, "year") if int(y) < int(y2) <= int(y) + 100 else None
    return y, None, "year"
