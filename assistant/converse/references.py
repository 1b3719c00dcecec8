"""References: where a question leans on the conversation, and how.

A question leans on earlier turns when it holds a pronoun or demonstrative whose antecedent is not in
the question itself ("Siapa yang menandatanganinya?", "Kapan tindakan itu …", "according to that
author"), when it leaves out what it repeats ("Dan pada tahun 2023?", "And the main obstacle?"), or
when it sends the reader back ("Back to the first study: …"). A complete question — its pronouns
pointing at its own names and nouns ("What is Ghada Waly's role and what did she say …"), "this
thesis", "hari ini" — leans on nothing, and `leaning` returns None for it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..citations import parse_citations
from .tokens import Token, is_anchor, is_content, is_verb, same_word, tokens
from .words import (BACK, CLAUSE_STARTS, DEMONSTRATIVES_EN, DEMONSTRATIVES_ID, DETERMINER_LEFT, DOCUMENT_NOUNS,
                    ELLIPSIS_OPENER, GENERIC_NOUNS, NYA_ADVERB, NYA_MANNER, NYA_WORDS, ORDINALS, PERSON_NOUNS, PERSON_PRONOUNS,
                    PREPOSITIONS, PRONOUNS, QUESTION_WORDS, RECENT, SEQUENCE, TIME_NOUNS, WORK_NOUNS)

# "it" that stands for nothing: "Is it true that …", "How long does it take to …", "it is possible to …".
_DUMMY_IT = re.compile(r"\b(?:is|was|isn't|wasn't)\s+it\s+(?:true|possible|necessary|important|legal|allowed|likely|"
                       r"the\s+case|better|wise)\b|\bdoes\s+it\s+take\b|\bit\s+(?:is|was|takes|took)\b.*\b(?:to|that|"
                       r"whether|for)\b", re.I)


_BOUNDARIES = frozenset({"and", "but", "or", "when", "after", "before", "while", "because", "since", "so", "without",
                        "if", "until", "then", "that", "where", "dan", "tetapi", "namun", "ketika", "saat", "setelah",
                        "sebelum", "sejak", "karena", "sehingga", "tanpa", "jika", "kalau", "agar", "supaya", "serta",
                        "lalu", "bila", "apabila"})
_TIME_OR_PLACE = re.compile(r"\W*(?:pas|saat|waktu|ketika|tahun|bulan|pada|sebelum|sesudah|setelah|sejak|di|ke|dari|"
                            r"yang\s+(?:di|ke|dari|pada|tahun))\b", re.I)
_SUBORDINATORS = frozenset({"when", "after", "before", "while", "once", "since", "if", "until", "ketika", "saat",
                            "setelah", "sesudah", "sebelum", "sejak", "bila", "apabila", "begitu"})
_ENGLISH_VERB_FORM = re.compile(r"^[a-z]{3,}(?:ed|ing)$")  # ("recruited", "arriving"; tokens.is_verb: Indonesian)
# A pronoun in an attribution: "in its view", "according to him", "menurutnya".
_ATTRIBUTED = re.compile(r",?\s*\b(?:(?:in|from)\s+(?:its|their|his|her)\s+(?:view|opinion|words|perspective|account|"
                         r"assessment|analysis)|according\s+to\s+(?:it|them|him|her)|menurut(?:nya|\s+(?:mereka|beliau|"
                         r"dia)))\b", re.I)
_VERB_HOST = re.compile(r"^(?:me|di|ber|ter)\w{3,}")


@dataclass(frozen=True)
class Reference:
    """A span of the question that stands for something said before. `kind`: "person" (a name),
    "work" (a cited work), "nya" (the suffix of `keep`), "pronoun" (the span itself), "phrase" (a noun
    phrase with a demonstrative, kept, the antecedent added to it), "attribution" ("in its view",
    "menurutnya": said again as "according to" the antecedent)."""

    start: int
    end: int
    kind: str
    keep: str = ""


@dataclass(frozen=True)
class Back:
    """A phrase sending the question back to an earlier turn: `turn` counts from the oldest of the
    window (None: the last one), `wants` "person" or "work" when it says which, `drop` when it only
    introduces the question ("Back to the first study: …") and goes from the rewrite."""

    start: int
    end: int
    turn: int | None
    wants: str | None
    drop: bool
    says: str = ""  # the whole phrase ("back to that law"), which names what it sends back to


@dataclass(frozen=True)
class Leaning:
    """How a question leans on the conversation."""

    references: tuple[Reference, ...]
    back: Back | None
    ellipsis: str | None  # what is left of an elliptical question after its opener ("pada tahun 2023?")

    @property
    def kind(self) -> str:
        return "back" if self.back else "ellipsis" if self.ellipsis is not None else "reference"


def leaning(question: str) -> Leaning | None:
    """How `question` leans on earlier turns; None when it stands on its own."""
    toks = tokens(question)
    if not any(t.is_word for t in toks):
        return None
    back = _back(question, toks)
    ellipsis = _ellipsis(question, toks)
    refs = [] if ellipsis is not None else _references(toks, trust_inside=back is None)
    if back and back.drop:
        refs = [r for r in refs if r.start >= back.end]
    if not refs and back is None and ellipsis is None:
        return None
    return Leaning(tuple(refs), back, ellipsis)


def _references(toks: list[Token], trust_inside: bool) -> list[Reference]:
    """The pronouns, "-nya" suffixes and demonstrative phrases whose antecedent is not in the question
    (with `trust_inside` False, a back-reference has named it: every pronoun counts)."""
    found: list[Reference] = []
    text_low = " ".join(t.low for t in toks)
    text = _text(toks)
    attributions = [m.span() for m in _ATTRIBUTED.finditer(text)]
    for start, end in attributions:
        found.append(Reference(start, end, "attribution"))
    for i, tok in enumerate(toks):
        if not tok.is_word or any(a <= tok.start < b for a, b in attributions):
            continue
        low = tok.low
        if _is_there(toks, i):  # "How many points were agreed there?", "… ditandatangani di situ?": that place
            found.append(Reference(tok.start, tok.end, "place"))
            continue
        if low in PRONOUNS:
            if low == "it" and _DUMMY_IT.search(text_low) or low.endswith(("self", "selves")):
                continue  # (a reflexive stands for its own clause's subject: "reported themselves")
            person = low in PERSON_PRONOUNS
            if not (trust_inside and _has_antecedent(toks[:i], person, _possessive(toks, i))):
                found.append(Reference(tok.start, tok.end, "person" if person else "pronoun"))
        elif _is_nya(toks, i):
            host = tok.text[:-3]
            own = _phrase_before(toks, i)  # "bentuk kerja samanya": its own phrase is no antecedent
            possessive = not (_VERB_HOST.match(host.lower()) or host.lower() in PREPOSITIONS)
            if not (trust_inside and _has_antecedent(toks[:i - len(own)], False, possessive)):
                found.append(Reference(tok.start, tok.end, "nya", keep=host))
        elif low in DEMONSTRATIVES_ID:
            ref = _indonesian_demonstrative(toks, i, trust_inside)
            if ref:
                found.append(ref)
        elif low in DEMONSTRATIVES_EN:
            ref = _english_demonstrative(toks, i, trust_inside)
            if ref:
                found.append(ref)
    if trust_inside and parse_citations(text):  # "Menurut Munatama & Zhaidah (2023), faktor terakhir yang
        # disebut … kerja sama bilateral itu apa?": the work named, and "itu" closing the question's own "N yang …"
        # ("apa kelemahan perjanjian itu?", "that policy" still lean)
        starts = {t.start: k for k, t in enumerate(toks)}
        found = [r for r in found if r.kind != "phrase" or not _closes_relative(toks, starts[r.start])]
    return found


_THERE_ID = frozenset({"situ", "sana", "disitu", "disana", "kesana", "kesitu"})
_PLACED_BY = frozenset({"di", "ke", "dari", "in", "at", "from"})
_PLACE_NOUNS = frozenset({"negara", "kota", "provinsi", "wilayah", "kawasan", "daerah", "country", "countries",
                          "city", "cities", "province", "region", "where", "mana"})
_NOT_PLACE = frozenset({"is", "are", "was", "were", "be", "been", "will", "would", "may", "might", "seem", "seems",
                        "seemed", "has", "have", "had", "s"})


def _is_there(toks: list[Token], i: int) -> bool:
    """Token i stands for a place said before: "there" after a word of its clause, not "there is/are" (nor
    "is there"); "di situ", "di sana" (and "disitu", "disana")."""
    low = toks[i].low
    if low not in _THERE_ID and low != "there":
        return False
    words = [t for t in toks if t.is_word]
    at = words.index(toks[i]) if toks[i] in words else -1
    if toks[i].text[:1].isupper() and at > 0:
        return False  # a name: "di Situ Gintung"
    # the place it names itself: "Balik ke korban yang di Bavet tadi, dia digaji berapa di sana?", "Which country
    # did they go to, and what happened there?", "Di negara Kamboja, apa yang dialami WNI di sana?"
    if any(a.low in _PLACED_BY and is_anchor(b) for a, b in zip(words[:at], words[1:at])) \
            or any(t.low in _PLACE_NOUNS for t in words[:at]):
        return False
    if low in _THERE_ID:
        return low.startswith(("di", "ke")) or (at > 0 and words[at - 1].low in ("di", "ke", "dari"))
    if low != "there" or at <= 0:
        return False
    nxt = words[at + 1].low if at + 1 < len(words) else ""
    # ("Why was there a delay?", "Is there a list?": there is; "Who else was there?": that place)
    counted = any(a.low == "how" and b.low in ("many", "much") for a, b in zip(words, words[1:]))
    return (nxt not in _NOT_PLACE and not ((nxt or counted) and words[at - 1].low in _NOT_PLACE)
            and words[at - 1].low != "out")  # ("How many victims were there?": there were)


def _text(toks: list[Token]) -> str:
    """The text the tokens came from, with their places kept (spaces where it had anything else)."""
    chars = [" "] * (toks[-1].end if toks else 0)
    for t in toks:
        chars[t.start:t.end] = t.text
    return "".join(chars)


def _possessive(toks: list[Token], i: int) -> bool:
    """"its view", "their meeting"; "gaji mereka" (a pronoun after a noun, in Indonesian)."""
    low = toks[i].low
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if low in ("its", "their", "his", "her"):
        return low != "her" or (nxt is not None and is_content(nxt))
    prev = toks[i - 1] if i else None
    return low in ("mereka", "beliau", "dia") and prev is not None and is_content(prev) and not is_verb(prev)


def _has_antecedent(before: list[Token], person: bool, possessive: bool) -> bool:
    """Something before the pronoun it can stand for. A possessive ("their meeting") may stand for the
    subject of its own clause; an object ("sign it") only for what an earlier clause names (a name for
    "she", else a name, a number or two words carrying meaning), or for a phrase rich enough in its own
    clause ("Southeast Asia's weak border control makes it …")."""
    before = before[_bare_clause(before):]
    cut = max((k for k, t in enumerate(before) if t.text in ",;.:!?" or t.low in _BOUNDARIES), default=-1)
    outer, inner = (before, []) if possessive else (before[:cut + 1], before[cut + 1:])
    if person:
        return any(is_anchor(t) and not t.text[0].isdigit() for t in outer)
    if any(is_anchor(t) for t in outer) or sum(is_content(t) for t in outer) >= (2 if possessive else 1):
        return True
    return sum(is_content(t) or is_anchor(t) for t in inner) >= 3


def _bare_clause(toks: list[Token]) -> int:
    """The length of an opening clause that names nothing, a subordinator and one verb ("Setelah direkrut,
    mereka …", "Once recruited, they …"): no antecedent for what follows; 0 when there is none."""
    if not toks or toks[0].low not in _SUBORDINATORS:
        return 0
    comma = next((k for k, t in enumerate(toks) if t.text in ",;:"), None)
    if comma is None or any(is_anchor(t) for t in toks[1:comma]) or sum(is_content(t) for t in toks[1:comma]) > 1:
        return 0
    # (a verb: "Setelah direkrut,", "Once recruited,"; not a noun, "Kalau korban, apa saja hak mereka?")
    verbs = all(is_verb(t) or _ENGLISH_VERB_FORM.match(t.low) for t in toks[1:comma] if is_content(t))
    return comma + 1 if verbs else 0


def _is_nya(toks: list[Token], i: int) -> bool:
    """The word ends in a "-nya" that stands for something ("menandatanganinya", "tujuannya"): not a
    root or adverb ("hanya", "sebelumnya"), and not the "-nya" that links a noun to what follows
    ("terjadinya kejahatan")."""
    low = toks[i].low
    if not (low.endswith("nya") and len(low) >= 6 and low.isalpha()) or low in NYA_WORDS or NYA_ADVERB.match(low):
        return False
    if low in NYA_MANNER and any((is_content(t) or is_anchor(t)) and t.low not in NYA_MANNER for t in toks):
        return False  # "bagian mana persisnya dari …": how exactly; "Kapan tepatnya?": of what was said before
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    return nxt is None or not (is_content(nxt) or is_anchor(nxt))


def _phrase_before(toks: list[Token], i: int, most: int = 3) -> list[Token]:
    """The words carrying meaning right before token i, up to a verb (its noun phrase, in Indonesian order)."""
    out: list[Token] = []
    j = i - 1
    while j >= 0 and len(out) < most and (is_content(toks[j]) or is_anchor(toks[j])) and not is_verb(toks[j]):
        out.insert(0, toks[j])
        j -= 1
    return out


def _phrase_after(toks: list[Token], i: int, most: int = 3) -> list[Token]:
    out: list[Token] = []
    j = i + 1
    while j < len(toks) and len(out) < most and (is_content(toks[j]) or is_anchor(toks[j])):
        out.append(toks[j])
        j += 1
    return out


def _said_before(phrase: list[Token], before: list[Token]) -> bool:
    """A word of the phrase was said earlier in the question ("bertemu … pertemuan itu")."""
    return any(same_word(p.text, b.text) for p in phrase for b in before if is_content(b) or is_anchor(b))


def _phrase_kind(phrase: list[Token]) -> str:
    lows = {t.low for t in phrase}
    return "work" if lows & WORK_NOUNS else "person" if lows & PERSON_NOUNS else "phrase"


def _indonesian_demonstrative(toks: list[Token], i: int, trust_inside: bool) -> Reference | None:
    """"N itu/ini/tersebut" (the phrase before it) or a bare "itu" ("setelah itu", "Apa itu?")."""
    tok = toks[i]
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    prev = toks[i - 1] if i else None
    if prev is not None and prev.low == "apa" and nxt is not None and nxt.is_word:
        return None  # "Apa itu perdagangan orang?": "what is"
    if tok.low == "ini" and prev is not None and prev.low in DOCUMENT_NOUNS | TIME_NOUNS:
        return None  # "penelitian ini", "hari ini"
    phrase = _phrase_before(toks, i)
    if trust_inside and phrase and all(t.low in TIME_NOUNS or t.text[0].isdigit() for t in phrase) \
            and _closes_relative(toks, i - len(phrase)):
        return None  # "strategi yang mereka keluarkan tahun 2000 itu": the strategy this question names
    lows = {t.low for t in phrase}
    if not phrase or lows <= GENERIC_NOUNS:
        if trust_inside and not _after_sequence(toks, i) and _has_antecedent(toks[:i], False, False):
            return None
        start = prev.start if prev is not None and prev.low in GENERIC_NOUNS else tok.start  # "hal itu"
        return Reference(start, tok.end, "pronoun")
    start = phrase[0]
    if trust_inside and _said_before(phrase, toks[:i - len(phrase)]):
        return None
    kind = _phrase_kind(phrase)
    return Reference(start.start, tok.end, kind, keep=" ".join(t.text for t in phrase))


def _after_sequence(toks: list[Token], i: int) -> bool:
    """"and two days after that?", "dua hari setelah itu?": the demonstrative after a word of sequence stands
    for the event told before when the question names nothing else before it but a span of time (not "what
    did they find after the raid … after that?")."""
    if i == 0 or toks[i - 1].low not in SEQUENCE:
        return False
    return all(t.low in TIME_NOUNS or t.low.rstrip("s") in TIME_NOUNS for t in toks[:i - 1]
               if is_content(t) or is_anchor(t))


def _closes_relative(toks: list[Token], i: int) -> bool:
    """The demonstrative after token i closes a noun phrase with a "yang" clause in the same clause of
    the question ("N yang … itu"), whose noun comes before "yang"."""
    for j in range(i - 1, max(-1, i - 9), -1):
        tok = toks[j]
        if not tok.is_word or tok.low in _BOUNDARIES:
            return False
        if tok.low in ("yang", "yg"):  # (its noun just before: "faktor terakhir yang")
            return j < i and any(is_content(t) or is_anchor(t) for t in toks[max(0, j - 2):j])
    return False


def _english_demonstrative(toks: list[Token], i: int, trust_inside: bool) -> Reference | None:
    """"that author", "this agreement", a bare "that" ("What about that?"); not the conjunction or
    relative pronoun ("the claim that …", "vacancies that lure …"), "this thesis" or "this year"."""
    tok = toks[i]
    prev = toks[i - 1] if i else None
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is not None and nxt.is_word and (nxt.low in CLAUSE_STARTS or (tok.low == "those" and nxt.low in
                                                                         {"who", "which", "that"})):
        return None
    if tok.low in ("this", "these") and nxt is not None and nxt.low in DOCUMENT_NOUNS | TIME_NOUNS:
        return None  # "this research", "this year"
    if tok.low == "that" and prev is not None and prev.low in ("so", "such", "now", "given", "provided"):
        return None  # "so that …"
    if tok.low == "that" and prev is not None and prev.is_word and prev.low not in DETERMINER_LEFT | PREPOSITIONS:
        before_prev = toks[i - 2] if i >= 2 else None
        if before_prev is not None and before_prev.is_word and before_prev.low not in QUESTION_WORDS | DETERMINER_LEFT:
            return None  # "… vacancies that lure …", "… said that …" (not "two days after that")
    phrase = _phrase_after(toks, i)
    lows = {t.low for t in phrase}
    if not phrase or lows <= GENERIC_NOUNS:
        if trust_inside and not (not phrase and _after_sequence(toks, i)) and _has_antecedent(toks[:i], False, False):
            return None
        return Reference(tok.start, (phrase[-1] if phrase else tok).end, "pronoun")
    if trust_inside and _said_before(phrase, toks[:i]):
        return None
    return Reference(tok.start, phrase[-1].end, _phrase_kind(phrase), keep=" ".join(t.text for t in phrase))


_CLAUSE_MARKS = ":,?;—–-"  # ("-" alone, spaced: "Back to that law - what …"; a hyphenated word is one token)


def _back(question: str, toks: list[Token]) -> Back | None:
    """"Back to the first study:", "the first person I asked about", "pertanyaan pertama tadi"."""
    match = BACK.search(question)
    if not match:
        return None
    clause_end = next((t.start for t in toks if t.start >= match.end() and t.text in _CLAUSE_MARKS), len(question))
    clause_start = max((t.end for t in toks if t.end <= match.start() and t.text in _CLAUSE_MARKS + "."), default=0)
    window = [t for t in toks if clause_start <= t.start < clause_end and t.is_word]
    lows = [t.low for t in window]
    turn = next((ORDINALS[w] for w in lows if w in ORDINALS), None)
    if turn is None and not any(w in RECENT for w in lows):
        turn = None
    wants = "work" if set(lows) & WORK_NOUNS else "person" if set(lows) & (PERSON_NOUNS | {"who", "siapa"}) else None
    opens = not any(t.low in QUESTION_WORDS for t in toks if t.is_word and t.start < clause_start) \
        and clause_end < len(question) and question[clause_end] in ":,—–-"
    return Back(clause_start if opens else match.start(), clause_end + 1 if opens else match.end(), turn, wants, opens,
                question[match.start():clause_end])


def _ellipsis(question: str, toks: list[Token]) -> str | None:
    """What follows the opener of a question that leaves out what it repeats ("Dan pada tahun 2023?",
    "Bagaimana dengan Thailand?", "And the main obstacle?"), or a bare question word ("Kapan?")."""
    words = [t for t in toks if t.is_word]
    meaning = [t for t in words if is_content(t) or is_anchor(t)]
    pointing = any(t.low in PRONOUNS | DEMONSTRATIVES_ID | DEMONSTRATIVES_EN | _THERE_ID | {"there"} or _is_nya(toks, k)
                   for k, t in enumerate(toks) if t.is_word)
    if not meaning and not pointing and words and all(t.low in QUESTION_WORDS or not is_content(t) for t in words) \
            and any(t.low in QUESTION_WORDS for t in words) and len(words) <= 3:
        return question.strip()  # "Kapan?", "Why?", "Siapa saja?"
    match = ELLIPSIS_OPENER.match(question)
    if not match or not match.group().strip():
        return None
    rest = question[match.end():]
    rest_toks = [t for t in tokens(rest) if t.is_word]
    framed = bool(re.search(r"about|dengan|kalau|jika|untuk|kabar", match.group(), re.I))
    # "Terus pas covid gimana?", "Kalau tahun 2022 gimana ya?": how it was at a time or place the fragment opens
    # with (not "Lalu peran IOM bagaimana?", a question of its own)
    closing = re.search(r"\s+bagaimana(?:\s+(?:ya|sih|tuh|dong|nih))?\W*$", rest, re.I)
    if closing and _TIME_OR_PLACE.match(rest) \
            and not any(t.low in QUESTION_WORDS for t in tokens(rest[:closing.start()]) if t.is_word):
        rest, framed = rest[:closing.start()], True
        rest_toks = [t for t in tokens(rest) if t.is_word]
    if not rest_toks or (not framed and any(t.low in QUESTION_WORDS for t in rest_toks)):
        return None
    if sum(is_content(t) or is_anchor(t) for t in rest_toks) > 4 or len(rest_toks) > 7:
        return None
    if pointing:
        return None  # "And what did it cover?", "What about that?": a pronoun is resolved as such
    return rest.strip()
