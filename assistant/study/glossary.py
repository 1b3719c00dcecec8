"""Glossary: acronyms with the expansion the text gives, and defined terms with each definition
kept apart with who gives it ("menurut Rudy (2002), politik bilateral merupakan …")."""
from __future__ import annotations

import re

from .acronyms import acronyms
from .corpus import Mention, plain

_COPULA = r"(?:adalah|merupakan|ialah|didefinisikan\s+sebagai|diartikan\s+sebagai|dimaknai\s+sebagai|meliputi|mencakup|is\s+defined\s+as|refers\s+to|means|is|are)"
_STRICT_COPULA = r"(?:adalah|merupakan|ialah|didefinisikan\s+sebagai|diartikan\s+sebagai|dimaknai\s+sebagai|is\s+defined\s+as|refers\s+to)"
_VIEW = r"(?:mendefinisikan|mengartikan|memandang|melihat|menyebut|memaknai|defines?|views?|describes?|sees?)"
_ACCORDING = re.compile(r"(?:^|\W)(?:menurut|according\s+to)\s+", re.I)
_OPENER = re.compile(r"^(?:sementara\s+itu|sedangkan|adapun|di\s+mana|dimana|jadi|secara\s+umum|namun|kemudian|"
                     r"selain\s+itu|dengan\s+demikian|in\s+short|thus|here|also)\W+", re.I)
_AS = re.compile(r"\s(?:sebagai|as)\s")
_CITED = re.compile(r"^(?P<by>.{2,80}?\((?:[^()]*\d{4}[a-z]?[^()]*)\))\s*,?\s*")
# Words that make a phrase an anaphor or a clause, not a term.
_NOT_TERM = set("""ini itu tersebut tsb yang nya mereka kami kita ia dia hal beliau penulis penelitian tujuan
this that these those it its they we he she which who there here one""".split())
_NOT_DEF = re.compile(r"^(?:salah\s+satu|one\s+of|contoh|bagian|sebagai\s+berikut)", re.I)


def glossary(items: list[Mention]) -> list[dict]:
    """Terms sorted by name: {"term", "expansion", "aliases", "definitions": [{"text", "by", "cites", …}],
    "source": where an acronym's expansion is stated}."""
    groups = _Groups()
    expansions: dict[str, str] = {}
    stated: dict[str, Mention] = {}
    for m in items:
        for sf, lf in acronyms(m.text):
            expansions.setdefault(sf, lf)
            stated.setdefault(sf, m)
            groups.join(sf, lf)
    for a, b in _synonyms(items):
        groups.join(a, b)
    found = [(term, by, m) for m in items for term, by in _definitions(m)]
    known = {groups.find(t) for t, _, _ in found if t} | {groups.find(sf) for sf in expansions}
    names = sorted((n for k in known for n in groups.members(k)), key=len, reverse=True)
    entries: dict[str, dict] = {}
    for term, by, m in found:
        term = _attach(term, names) if term else _opening(m.text, by, names)
        if not term:
            continue
        key = groups.find(term)
        entry = entries.setdefault(key, {"definitions": []})
        if any(d["text"] == plain(m.text) for d in entry["definitions"]):
            continue
        entry["definitions"].append({"text": plain(m.text), "by": by or _by_cites(m), "cites": list(m.cites),
                                     **{k: v for k, v in m.source().items() if k != "text"}})
    for sf in expansions:
        entries.setdefault(groups.find(sf), {"definitions": []})
    out = []
    for key, entry in entries.items():
        names = groups.members(key)
        acronym = next((n for n in names if n in expansions), None)
        aliases = [n for n in names if n != acronym and n.lower() != (expansions.get(acronym) or "").lower()]
        term = acronym or " / ".join(aliases)
        out.append({"term": term, "expansion": expansions.get(acronym) if acronym else None,
                    "aliases": aliases if acronym else aliases[1:], "definitions": entry["definitions"],
                    "source": {**stated[acronym].source(), "text": plain(stated[acronym].text),
                               "cites": list(stated[acronym].cites)} if acronym else None})
    return sorted(out, key=lambda e: e["term"].lower())


def _definitions(m: Mention) -> list[tuple[str, str | None]]:
    """(term, by) for each definition `m` gives; `by` None when the sentence names no definer."""
    text = plain(m.text).strip()
    found = []
    acc = _ACCORDING.search(text)
    if acc and acc.start() < 40:
        by, rest = _split_by(text[acc.end():])
        if by:
            # no term of its own: one the glossary knows may open the clause (resolved by `_opening`)
            found.append((_term_before(rest, _COPULA) or _term_viewed(rest), by))
    view = re.search(rf"^(?P<by>.{{2,80}}?)\s+(?:juga\s+|pun\s+)?{_VIEW}\s+(?P<rest>.+)$", _OPENER.sub("", text))
    if not found and view and _AS.search(view.group("rest")) and _is_definer(view.group("by")):
        found.append((_term_viewed(view.group("rest")), _ACCORDING.sub("", view.group("by")).strip(" ,")))
    if not found:
        term = _term_before(_OPENER.sub("", text), _STRICT_COPULA)
        if term:
            found.append((term, None))
    return found


def _split_by(rest: str) -> tuple[str | None, str]:
    """The definer after "menurut" and the clause that follows it."""
    cited = _CITED.match(rest)
    if cited:
        return cited.group("by").strip(), rest[cited.end():]
    verb = re.search(rf"\s{_VIEW}\s", rest)
    comma = rest.find(",")
    if verb and (comma < 0 or verb.start() < comma):
        return _trim_by(rest[:verb.start()]), rest[verb.end():]
    if 0 < comma <= 120:
        return _trim_by(rest[:comma]), rest[comma + 1:]
    run = re.match(r"(?:[A-Z][\w'’.\-]*\s+(?:(?:dan|and|&)\s+)?)+", rest)
    return (run.group(0).strip(), rest[run.end():]) if run else (None, rest)


def _trim_by(by: str) -> str:
    return re.split(r"\s+(?:yang|tentang|which|that)\s+", by.strip(), maxsplit=1)[0].strip(" ,")


def _is_definer(by: str) -> bool:
    """A name or a cited work, not a clause: "Shelley", "Zelinska dalam Kyslyi dkk, (2021)"."""
    by = _ACCORDING.sub("", by).strip()
    return bool(by) and by[0].isupper() and (len(by.split()) <= 4 or bool(re.search(r"\(\d{4}", by)))


def _clean_term(words: list[str]) -> str | None:
    words = [w.strip(",;:\"“”'”’") for w in words if w.lower() not in ("menurutnya", "katanya")]
    while words and not words[0][:1].isalnum():
        words.pop(0)
    if any(re.search(r"[^\w\-'’]", w) for w in words) or words and not words[0][0].isalpha():
        return None
    while words and words[0].lower() in ("sebuah", "suatu", "the", "a", "an", "istilah", "konsep", "term"):
        words.pop(0)
    if not 1 <= len(words) <= 5 or any(not w or w.lower() in _NOT_TERM or re.search(r"\d", w) for w in words):
        return None
    from ..search.keywords import stopwords

    if words[0].lower() in stopwords() or words[-1].lower() in stopwords() or len(" ".join(words)) < 3:
        return None
    return " ".join(words)


def _term_before(clause: str, copula: str) -> str | None:
    m = re.match(rf"^(?P<term>[^,;:()]{{2,60}}?)\s+{copula}\s+(?P<def>.{{12,}})", clause.strip(), re.I)
    if not m or _NOT_DEF.match(m.group("def")):
        return None
    return _clean_term(m.group("term").split())


def _term_viewed(clause: str) -> str | None:
    """"perdagangan manusia tak hanya sebagai …": the phrase before "sebagai" or a known-term opening."""
    m = re.match(r"^(?P<term>[^,;:()]{2,60}?)\s+(?:sebagai|as)\s", clause.strip())
    if m:
        return _clean_term(m.group("term").split())
    return None


def _attach(term: str, names: list[str]) -> str:
    """A phrase opening with, or a few words wider than, a known term belongs to that term."""
    low = term.lower()
    for name in names:
        n = name.lower()
        if n != low and (low.startswith(n + " ") or low.endswith(" " + n)) and len(low.split()) - len(n.split()) <= 3:
            return name
    return term


def _opening(text: str, by: str | None, names: list[str]) -> str | None:
    """The known term that opens the clause after the definer ("…, Perdagangan manusia bukan hanya …")."""
    if not by:
        return None
    clause = plain(text)[plain(text).find(by) + len(by):].lstrip(" ,").lower()
    clause = re.sub(rf"^(?:(?:juga|pun|also)\s+)?(?:{_VIEW}\s+)?", "", clause)
    return next((n for n in names if clause.startswith(n.lower() + " ")), None)


def _by_cites(m: Mention) -> str | None:
    """The first cited work as written ("Rudy (2002)") when the sentence names no definer."""
    if not m.cites:
        return None
    surname, _, year = m.cites[0].rpartition(", ")
    return f"{surname} ({year})"


def _synonyms(items: list[Mention]) -> list[tuple[str, str]]:
    """"Human trafficking atau perdagangan manusia": a foreign (italicised) term and its translation,
    the translation taken with as many words as the foreign term."""
    loans = {plain(x).strip().lower() for m in items for x in re.findall(r"\*([^*\n]{3,60})\*", m.text)}
    pairs = []
    for m in items:
        text = plain(m.text)
        for hit in re.finditer(r"\s+(?:atau|or)\s+", text):
            left = re.findall(r"[\w\-]+", text[:hit.start()])[-5:]
            right = re.findall(r"[\w\-]+", text[hit.end():])[:5]
            for n in range(4, 0, -1):
                a, b = " ".join(left[-n:]), " ".join(right[:n])
                if len(left) >= n and a.lower() in loans and len(right) >= n:
                    pairs.append((a, _phrase(right, n)))
                    break
                if len(right) >= n and b.lower() in loans and len(left) >= n:
                    pairs.append((b, _phrase(left[::-1], n, reverse=True)))
                    break
    return [(a, b) for a, b in pairs if b and a.lower() != b.lower() and not b.isupper()]


def _phrase(words: list[str], n: int, reverse: bool = False) -> str | None:
    chosen = words[:n][::-1] if reverse else words[:n]
    return _clean_term(chosen)


class _Groups:
    """Union-find over term names, case-insensitive; the first spelling seen is kept."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.spelling: dict[str, str] = {}

    def find(self, name: str) -> str:
        key = name.lower()
        self.spelling.setdefault(key, name)
        self.parent.setdefault(key, key)
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def join(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra

    def members(self, root: str) -> list[str]:
        return [self.spelling[k] for k in self.parent if self.find(k) == root]
