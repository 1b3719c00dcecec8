"""Names in a sentence: acronyms and runs of capitalised words (people, organisations, places)."""
from __future__ import annotations

import re

from ..search.people import ORG_WORDS as _ORG_WORDS
from ..search.people import PERSON_BEFORE as _PERSON_BEFORE
from ..search.people import PLACE_BEFORE as _PLACE_BEFORE
from .dates import _MONTH

_WORD = r"[A-Z][\w'’.\-]*"
_RUN = re.compile(rf"(?<![\w'’\-]){_WORD}(?:\s+(?:(?:dan|of|the|and|de|van|von|bin|binti)\s+)?{_WORD})*")
_ACRONYM = re.compile(r"(?<![\w\-])[A-Z][A-Z0-9]{1,9}(?![\w\-])")
# Capitalised words that are not names by themselves (sentence openers, titles, weekdays).
_NOT_NAMES = set("""pada dalam menurut sedangkan sementara namun hal ini itu di ke dari dan yang untuk dengan
sebagai kemudian selain adapun oleh karena bahwa tetapi jika selanjutnya terakhir meskipun melalui beberapa
berdasarkan dua tiga empat lima satu para salah setelah sebelum sejak tahun bab bagian gambar tabel senin selasa
rabu kamis jumat sabtu minggu the a an in on at of for to by and or but this that these those it its with as from
however also since after before when while during according if see figure table chapter section page
monday tuesday wednesday thursday friday saturday sunday""".split())


def names(text: str) -> list[str]:
    """Names and acronyms `text` mentions, in order, without the words that only open a sentence."""
    out: list[str] = []
    for m in _RUN.finditer(text):
        words = m.group(0).rstrip(".").split()
        while words and (words[0].lower() in _NOT_NAMES or words[0].lower() in _MONTH):
            words.pop(0)
        while words and (words[-1].lower() in _NOT_NAMES or words[-1].lower() in _MONTH):
            words.pop()
        name = " ".join(words)
        opens = not text[:m.start()].strip(" \t\"“”'‘’•-–(")
        if opens and len(words) == 1 and not name.isupper():
            continue  # "There", "Ketika": capitalised because they open the sentence
        if name and (len(name) > 2 or name.isupper()) and not name.isdigit():
            out.append(name)
    out += [a for a in _ACRONYM.findall(text) if a not in out]
    return list(dict.fromkeys(out))


def name_kinds(texts: list[str]) -> dict[str, str]:
    """Each name of `texts` → "org", "person", "place" or "name", by its words and the words before it."""
    votes: dict[str, dict[str, int]] = {}
    for text in texts:
        for name in names(text):
            for m in re.finditer(re.escape(name), text):
                before = re.findall(r"[\w.]+", text[max(0, m.start() - 20):m.start()].lower())
                word = before[-1].strip(".") if before else ""
                kind = "place" if word in _PLACE_BEFORE else "person" if word in _PERSON_BEFORE else None
                if kind:
                    v = votes.setdefault(name, {})
                    v[kind] = v.get(kind, 0) + 1
    out = {}
    for name in {n for t in texts for n in names(t)}:
        if name.isupper() or {w.lower() for w in name.split()} & _ORG_WORDS:
            out[name] = "org"
        elif name in votes:
            out[name] = max(votes[name], key=votes[name].get)
        else:
            out[name] = "name"
    return out
