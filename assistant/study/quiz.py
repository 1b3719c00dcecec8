"""Quiz: multiple choice from the cards, four distinct options, the wrong ones of the same kind as
the answer and taken from the corpus (other years, figures of similar size, other names,
expansions or definitions), none of them stated by the card's source sentence."""
from __future__ import annotations

import random
import re
import unicodedata

from .cards import key_fact
from .dates import MONTHS, find_dates
from .names import name_kinds, names

_CLOZE = re.compile(r"\{\{c\d+::(.*?)(?:::.*?)?\}\}")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
BLANK = "_____"


def quiz(cards: list[dict], n: int = 20, seed: int = 0) -> list[dict]:
    """Up to `n` questions from `cards`, chosen and shuffled by `seed` (same seed, same quiz)."""
    rng = random.Random(seed)
    kinds = name_kinds([c["source"]["text"] for c in cards])
    pool = _pool(cards, kinds)
    questions = []
    for card in cards:
        answer = cloze_answer(card) or card["back"]
        wrong = distractors(answer, card, pool, rng, role(card, answer, kinds))
        if len(wrong) < 3:
            continue
        options = [answer, *wrong[:3]]
        rng.shuffle(options)
        prompt = _CLOZE.sub(BLANK, card["front"])
        questions.append({"id": card["id"], "prompt": prompt, "options": options, "answer": options.index(answer),
                          "source": card["source"], "cites": card["cites"], "kind": role(card, answer, kinds)})
    rng.shuffle(questions)
    return questions[:n]


def cloze_answer(card: dict) -> str | None:
    m = _CLOZE.search(card["front"])
    return m.group(1) if m else None


def kind(answer: str) -> str:
    """"year", "date", "number" (a bare figure), "figure" (with a unit), "acronym", "name" or "text"."""
    a = answer.strip()
    if re.fullmatch(r"(?:1[5-9]|20)\d{2}(?:\s*[-–]\s*(?:1[5-9]|20)\d{2})?", a):
        return "year"
    if find_dates(f"pada {a}") and not a.isdigit():
        return "date"
    if re.fullmatch(r"[\\$\d.,%\s\-]+", a):
        return "number"
    if re.match(r"[\\$]?\s?\d", a) and len(a.split()) <= 3:
        return "figure"
    if re.fullmatch(r"[A-Z][A-Za-z0-9&\-]*[A-Z0-9]", a):
        return "acronym"
    words = a.split()
    if len(words) <= 6 and all(w[0].isupper() or w.lower() in ("dan", "and", "of", "&", "the", "de") for w in words):
        return "name"
    return "text"


def role(card: dict, answer: str, kinds: dict[str, str]) -> str:
    """The kind of an answer in its card: a glossary card's expansion, acronym or definition, a
    range of years, or `kind(answer)` with names told apart as organisations, people and places."""
    tags = card.get("tags") or []
    if "acronym" in tags:
        return "acronym" if answer == card.get("about") else "expansion"
    if "definition" in tags:
        return "definition"
    k = kind(answer)
    if k == "year" and re.search(r"\d\s*[-–]\s*\d", answer):
        return "range"
    if k in ("name", "acronym"):
        return kinds.get(answer, "org" if k == "acronym" else "name")
    return k


def _pool(cards: list[dict], kinds: dict[str, str]) -> dict[str, list[tuple[str, str | None]]]:
    """Candidate wrong options by kind, with the term they are about: every answer of every card,
    and the dates, figures and names of their sources."""
    pool: dict[str, list[tuple[str, str | None]]] = {}
    for c in cards:
        text = c["source"]["text"]
        answer = cloze_answer(c) or c["back"]
        found = [(answer, role(c, answer, kinds), c.get("about"))]
        found += [(n, kinds.get(n, "name"), None) for n in names(text) if not n.isupper() or len(n) >= 3]
        found += [(d, role({}, d, kinds), None) for d in (text[d.start:d.stop] for d in find_dates(text))]
        fact, _ = key_fact(text)
        found += [(fact, role({}, fact, kinds), None)] if fact else []
        for f, k, about in found:
            if f and all(f != g for g, _ in pool.setdefault(k, [])):
                pool[k].append((f, about))
    return pool


def distractors(answer: str, card: dict, pool: dict[str, list[tuple[str, str | None]]], rng: random.Random,
                k: str) -> list[str]:
    """Three wrong options of the answer's kind that the card's source does not state (nor, for a
    term, another definition of the same term)."""
    source = _norm(card["source"]["text"])
    about = card.get("about")
    candidates = [c for c, on in pool.get(k, []) if _similar(answer, c, k) and not (about and on == about)]
    rng.shuffle(candidates)
    candidates += _made_up(answer, k)
    out: list[str] = []
    for c in candidates:
        nc = _norm(c)
        if nc == _norm(answer) or any(nc == _norm(o) for o in out) or _states(source, nc):
            continue
        if _scorer_kind(c) != _scorer_kind(answer):
            continue
        out.append(c)
        if len(out) == 3:
            break
    return out


def _similar(answer: str, other: str, k: str) -> bool:
    """Figures of similar size with the same unit; names of about the same length; else any."""
    if k in ("number", "figure"):
        a, b = _value(answer), _value(other)
        unit_a, unit_b = _NUMBER.sub("", answer).strip(), _NUMBER.sub("", other).strip()
        return a is not None and b is not None and unit_a == unit_b and b > 0 and 0.1 <= a / b <= 10
    if k == "name":
        return abs(len(answer.split()) - len(other.split())) <= 1
    if k in ("text", "definition", "expansion"):
        return 0.4 <= len(other) / max(1, len(answer)) <= 2.5
    return True


def _value(text: str) -> float | None:
    m = _NUMBER.search(text)
    if not m:
        return None
    raw = m.group(0)
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", raw):
        raw = raw.replace(".", "")
    return float(raw.replace(",", ".")) if raw.count(",") <= 1 else None


def _made_up(answer: str, k: str) -> list[str]:
    """Nearby years, or the same figure scaled, when the corpus has too few of the answer's kind."""
    if k in ("year", "range"):
        years = [int(y) for y in re.findall(r"\d{4}", answer)]
        return ["-".join(str(y + d) for y in years) for d in (1, -1, 2, -2, 3, -3, 5, -5)]
    if k == "date":
        day = re.match(r"\d{1,2}", answer)
        for names in MONTHS.values():
            for name in names.split():
                hit = re.search(rf"\b{name}\b", answer, re.I)
                if hit and len(name) > 3:
                    language = 0 if name.lower() == names.split()[0] else 1  # the answer's month is Indonesian or English
                    others = [MONTHS[m].split()[language] for m in MONTHS]
                    return [answer[:hit.start()] + o.capitalize() + answer[hit.end():] for o in others
                            if o.lower() != name.lower()] + ([str(int(day.group(0)) % 28 + 1) + answer[day.end():]]
                                                             if day else [])
        return []
    if k in ("number", "figure"):
        m = _NUMBER.search(answer)
        value = _value(answer)
        if not m or value is None:
            return []
        thousands = "." if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", m.group(0)) else ","
        decimals = len(m.group(0).split(",")[1]) if "," in m.group(0) and thousands == "." and "." not in m.group(0) else 0
        out = []
        for factor in (0.5, 2, 1.5, 3, 0.25, 4):
            v = value * factor
            text = f"{v:,.{decimals}f}".replace(",", "\x00").replace(".", ",").replace("\x00", thousands) \
                if decimals else f"{round(v):,}".replace(",", thousands if v >= 1000 else "")
            out.append(answer[:m.start()] + text + answer[m.end():])
        return out
    return []


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "").lower().replace("\u00ad", "").replace("*", "")
    text = re.sub(r"[\u2010-\u2015]", "-", text)
    return " ".join(re.sub(r"(\w)- (\w)", r"\1\2", text).split())


def _states(source: str, option: str) -> bool:
    return bool(re.search(r"(?<!\w)" + re.escape(option) + r"(?!\w)", source))


def _scorer_kind(option: str) -> str:
    return "number" if re.fullmatch(r"[\d.,%\s-]+", _norm(option)) else "text"
