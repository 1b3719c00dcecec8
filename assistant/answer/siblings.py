"""A near miss on one of several names the text lists together: the question asks about one ("Berapa pangsa
pasar mesin pencari Bing?"), the quotes give the fact for another the text lists beside it ("Google, Bing, dan
mesin pencari lainnya"; the quote: "Google memiliki pangsa pasar 92 persen"), and never name the one asked."""
from __future__ import annotations

import re

_WORD = r"[A-Z][\w'’-]*[^\W_]"  # a capitalised word ("Bing", "L'Hoiry", "BP2MI")
_NAME = re.compile(rf"{_WORD}(?:\s+{_WORD})*")  # … or a run of them ("Phnom Penh")
_CONJUNCTION = r"\b(?:dan|and|atau|or|serta)\b|&"
_JOIN = rf"\s*(?:,|;|/|{_CONJUNCTION})\s*(?:,?\s*(?:{_CONJUNCTION})\s+)?"
_LIST = re.compile(rf"\b{_NAME.pattern}(?:{_JOIN}{_NAME.pattern})+")  # "Google, Bing", "Malaysia dan Kamboja"
# … a list has a conjunction, between its names or after them ("Google, Bing, dan mesin pencari lainnya"); names
# parted by a comma alone may be two clauses ("… of this Convention, States Parties shall …")
_HAS_CONJUNCTION = re.compile(_CONJUNCTION)
_CONJUNCTION_AFTER = re.compile(rf",?\s*(?:{_CONJUNCTION})\s")
_OPENING = re.compile(r"^\W*")


def listed_sibling(question: str, quoted: str, passages: list[str]) -> tuple[str, str] | None:
    """(asked, given): a name the question asks about (a capitalised word or run, not its first word) that
    the quotes never name, while they name another the passages list beside it (as a name: capitalised) and the
    question does not name; None otherwise. A follow-up's `question` is what was typed: the names it took from the chat
    were the earlier turns' to answer."""
    asked = _names(question)
    said = quoted.casefold()
    unsaid = [name for name in asked if not _said(name, said)]
    if not unsaid:
        return None
    lists = [_NAME.findall(listed.group(0)) for text in passages for listed in _LIST.finditer(text)
             if _HAS_CONJUNCTION.search(listed.group(0)) or _CONJUNCTION_AFTER.match(text, listed.end())]
    for name in unsaid:
        for names in lists:
            if name not in names:
                continue
            given = next((n for n in names if n != name and _said(n, quoted, as_name=True)
                          and not any(_said(n, a.casefold()) or _said(a, n.casefold()) for a in asked)), None)
            if given:
                return name, given
    return None


def _names(question: str) -> list[str]:
    """The capitalised words and runs of a question, its first word aside ("Menurut StatCounter Global Stats"
    is "StatCounter Global Stats")."""
    opening = _OPENING.match(question).end()
    out = []
    for m in _NAME.finditer(question):
        name = m.group(0) if m.start() > opening else m.group(0).partition(" ")[2]
        if name:
            out.append(name)
    return list(dict.fromkeys(out))


def _said(name: str, text: str, as_name: bool = False) -> bool:
    """`text` (case-folded) holds the name as whole words; `as_name`: `text` as written holds it as written (a
    name given, not words of a title the quotes write in lower case: "… perdagangan orang terutama perempuan …")."""
    pattern = rf"(?<![\w'’-]){re.escape(name if as_name else name.casefold())}(?![\w'’-])"
    return re.search(pattern, text) is not None


# the two bounds of a quantity, as a question asks one ("the maximum age", "usia maksimal", "for how long at most")
# and as a text states one ("berusia minimal 18 tahun", "paling lama 1 tahun", "not less than four years"); a
# superlative ("paling banyak digunakan", "the highest value") asks no bound
_ASKED_BOUND = {
    "upper": re.compile(r"\b(?:maksimum|maksimal|maximum|maximal|at\s+most|paling\s+lama|upper\s+limit|batas\s+atas"
                        r"|no\s+more\s+than)\b", re.I),
    "lower": re.compile(r"\b(?:minimum|minimal|at\s+least|paling\s+sedikit|paling\s+singkat|lower\s+limit"
                        r"|batas\s+bawah|sekurang-kurangnya)\b", re.I),
}
_STATED_BOUND = {
    "upper": re.compile(rf"{_ASKED_BOUND['upper'].pattern}|\b(?:paling\s+banyak|paling\s+tinggi|setinggi-tingginya"
                        r"|sebanyak-banyaknya|selama-lamanya|not\s+more\s+than|not\s+exceeding|tidak\s+lebih\s+dari)\b",
                        re.I),
    "lower": re.compile(rf"{_ASKED_BOUND['lower'].pattern}|\b(?:paling\s+rendah|serendah-rendahnya|no\s+less\s+than"
                        r"|not\s+less\s+than|tidak\s+kurang\s+dari)\b", re.I),
}


def other_bound(question: str, quoted: str) -> tuple[str, str] | None:
    """A near miss on a bound: the question asks one bound of a quantity (an upper one: "the maximum age") and
    the quotes state only the other ("berusia minimal 18 tahun"): (asked, given) as written; None otherwise, and
    when the question asks both ("minimum dan maksimum")."""
    asked = {side: m for side, pattern in _ASKED_BOUND.items() if (m := pattern.search(question))}
    if len(asked) != 1:
        return None
    side, match = next(iter(asked.items()))
    other = "lower" if side == "upper" else "upper"
    given = _STATED_BOUND[other].search(quoted)
    if given and not _STATED_BOUND[side].search(quoted):
        return match.group(0), given.group(0)
    return None
