"""Rewrite: a follow-up question made standalone from the turns before it.

"Siapa yang menandatanganinya?" after "Kapan MoU antara Indonesia dan Kamboja tentang kerja sama
kepolisian ditandatangani?" becomes "Siapa yang menandatangani MoU antara Indonesia dan Kamboja tentang
kerja sama kepolisian?"; "Dan pada tahun 2023?" becomes the question before it with 2023 for its year;
"What usually facilitates it, according to that author?" takes the work the turn before cited. A
question that leans on nothing is not rewritten (None): history never bends a complete question.
Earlier turns are made standalone first, so a chain of follow-ups keeps its topic.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..search.colloquial import standard
from ..search.language import detect_language
from .history import user_turns
from .references import Leaning, Reference, leaning
from .tokens import Token, is_anchor, is_content, is_open, same_word, tokens
from .topic import Topic, mention, tidy, topic, without
from .words import (AUXILIARIES, BACK, BEYOND, CLOSED, CONTRAST, DAY_MONTH, ENGLISH_ORDINALS, FILLERS, GROUP_NOUNS,
                    NAME_JOINS, NEW_TOPIC, NOT_BEYOND, ORDINAL_ONLY, ORDINAL_WORDS, PLURAL_PRONOUNS, QUESTION_WORDS,
                    SEQUENCE, TIME_NOUNS)

_ENGLISH = frozenset({"what", "which", "who", "whom", "whose", "when", "where", "why", "how", "the", "and", "is",
                      "are", "did", "does", "do", "was", "were", "of", "it", "they", "that", "this"})
_POSSESSIVES = frozenset({"its", "their", "his", "her"})
_YEAR = re.compile(r"\b(?:1[89]|20)\d{2}\b")
# the openers that go on from the turn before (not "terus", "lalu": "Terus jaringan terenkripsi apa …?" turns to a new point)
_CONTINUING = frozenset({"and", "dan"})
_OPENING_CONJUNCTION = re.compile(r"^(?:and|dan|lalu|terus|then|so|also|juga|kemudian)\s+(?=\w)", re.I)
# Where a phrase opened by a function word ends ("yang memiliki izin tinggal | di Kamboja").
_CLAUSE_ENDS = frozenset({"di", "ke", "dari", "pada", "menurut", "dalam", "in", "at", "on", "from", "according", "and",
                          "dan", "atau", "or"})
_CLAUSE_OPENERS = frozenset({"yang", "that", "which", "who", "whose", "where", "with", "dengan", "untuk", "for", "tanpa",
                             "without", "di", "in", "pada", "on", "dari", "from", "bagi", "tentang", "about"})
_ARTICLES = frozenset({"the", "a", "an"})
# the words a message opens with that ask nothing ("Oke, …", "Oh ya, …"; not "sisanya", "lagi")
_LEADING_FILLERS = re.compile(rf"^(?:(?:{'|'.join(sorted(FILLERS - {'lagi', 'satunya', 'sisanya'}))})\b[\s,;:.!-]*)+",
                              re.I)
_CITED_YEAR = re.compile(r"\((?:[^()]*\D)?(?:1[89]|20)\d{2}[a-z]?\)")


@dataclass(frozen=True)
class Rewrite:
    """The standalone question (`text`), the turn of the window it leans on (0 = the oldest), what it
    took from there (`antecedent`), how the question leant (`kind`: reference, ellipsis, back), and that
    turn standalone (`before`)."""

    text: str
    turn: int
    antecedent: str
    kind: str
    before: str = ""


@dataclass(frozen=True)
class _Said:
    text: str  # the turn, standalone
    antecedent: str  # what it took from the turn before ('' when it stood alone)


def standalone(question: str, history: Sequence[Any] | None) -> Rewrite | None:
    """The standalone form of `question` given the chat `history` (see history.py); None when the
    question stands on its own, there is no history, or nothing in it can be taken in."""
    turns = [_standard(turn) for turn in user_turns(history)]
    if not turns:
        return None
    question = _standard(question)  # everyday words as the standard ones: "kalo" opens an ellipsis as "kalau"
    if NEW_TOPIC.match(question):  # "Ganti topik ya. …": it says it leans on nothing
        return None
    rewrite = _follow_up(question, _resolve(turns))
    return rewrite if rewrite and rewrite.text != question.strip() else None


def _follow_up(question: str, said: list[_Said]) -> Rewrite | None:
    """The question made standalone by the turns `said` before it, if it leans on them."""
    if not said:
        return None
    question = _LEADING_FILLERS.sub("", question)  # "Oke, lalu kriteria kedua?" opens as "lalu kriteria kedua?"
    ordinal = ORDINAL_ONLY.match(question)
    if ordinal:  # "Yang ketiga?" after "Yang pertama apa?": that turn, with the ordinal asked
        before = said[-1]
        old = _item_ordinal(before.text)
        if old:
            new = ordinal.group(1)
            new = new[:1].upper() + new[1:] if old.group()[:1].isupper() else new.lower()
            text = before.text[:old.start()] + new + before.text[old.end():]
            return Rewrite(text, len(said) - 1, before.antecedent or topic(before.text).text, "ellipsis", before.text)
    lean = leaning(question)
    if lean:
        return _rewrite(question, lean, said)
    return _continued(question, said[-1], len(said) - 1)


def _continued(question: str, before: _Said, turn: int) -> Rewrite | None:
    """A whole question opened by "and" that names nothing itself ("And where do most of the victims come
    from?", "Dan apa yang disepakati?"): it goes on from the turn before, whose topic it is given in brackets."""
    opener = _OPENING_CONJUNCTION.match(question)
    if not opener or opener.group().strip().lower() not in _CONTINUING or any(is_anchor(t) for t in tokens(question)):
        return None
    top = topic(before.text)
    if not top.text:
        return None
    body = question[opener.end():].strip().rstrip("?").rstrip()
    text = f"{body[:1].upper()}{body[1:]} ({top.text})?"
    return Rewrite(text, turn, top.text, "ellipsis", before.text)


_ORDINAL = re.compile(rf"\b(?:{'|'.join(ORDINAL_WORDS)})\b", re.I)
_DETERMINERS = frozenset({"the", "its", "their", "his", "her", "this", "that", "yang", "yg"})
_VERB = re.compile(r"^(?:di|me|ber|ter)\w{3,}$")  # "disepakati kedua negara": both countries, after a verb


def _item_ordinal(text: str) -> re.Match | None:
    """The first ordinal of `text` that numbers an item: after "the"/"yang" or, in Indonesian, after its
    noun ("faktor pertama"); not "disepakati kedua negara" (both countries), "first sign" (at first),
    "last year"."""
    words = [t for t in tokens(text) if t.is_word]
    for m in _ORDINAL.finditer(text):
        prev = next((t.low for t in reversed(words) if t.end <= m.start()), "")
        after = next((t for t in words if t.start >= m.end()), None)
        if after is not None and after.low in TIME_NOUNS:
            continue  # "last year", "tahun pertama" is a year, not an item
        english = m.group().lower() in ENGLISH_ORDINALS
        if prev in _DETERMINERS or not english and prev and prev not in CLOSED and not _VERB.match(prev):
            return m
    return None


# "setelah itu", "after that": a bare demonstrative after a word of sequence, kept and explained in brackets
_SEQUENCE = re.compile(rf"\b(?:{'|'.join(sorted(SEQUENCE))})\s+(?:itu|ini|tersebut|that|this)$", re.I)


def asks_beyond(question: str) -> bool:
    """The follow-up asks past what its turn was answered with ("siapa lagi?", "what else?"; an everyday
    "stlh itu" as "setelah itu")."""
    return bool(BEYOND.search(NOT_BEYOND.sub(" ", _standard(question))))


def asks_in_contrast(question: str) -> bool:
    """The follow-up asks past its turn by a word of contrast alone ("How many of them actually …?")."""
    text = NOT_BEYOND.sub(" ", _standard(question))
    return bool(CONTRAST.search(text)) and not BEYOND.search(CONTRAST.sub(" ", text))


def _standard(text: str) -> str:
    """An Indonesian turn with its everyday words as the standard ones; an English one as it is ("tau")."""
    return standard(text) if detect_language(text) == "id" else text


def _resolve(turns: list[str]) -> list[_Said]:
    """Each turn made standalone by the ones before it."""
    said: list[_Said] = []
    for turn in turns:
        rewrite = _follow_up(turn, said)
        said.append(_Said(rewrite.text, rewrite.antecedent) if rewrite else _Said(turn, ""))
    return said


def _rewrite(question: str, lean: Leaning, said: list[_Said]) -> Rewrite | None:
    turn = len(said) - 1
    if lean.back is not None and lean.back.turn is not None:
        turn = min(lean.back.turn, turn)
    elif lean.back is not None:  # "Going back to Shelley:", "Back to that law:": the last turn that said it
        turn = _turn_saying(lean.back.says, said, turn)
    before = said[turn]
    top = topic(before.text)
    if not top.text:
        return None
    if lean.ellipsis is not None:
        fragment = lean.ellipsis
        if lean.back is not None:  # "What about the first one?": the turn it sends back to, asked again
            fragment = fragment.replace(question[lean.back.start:lean.back.end], " ")
            if not any(is_content(t) or is_anchor(t) for t in tokens(fragment)):
                fragment = ""
        text, antecedent = _fill(before.text, fragment, top) if fragment else (before.text, top.text)
    else:
        text, antecedent = _substitute(question, lean, top, before)
    text = _as_question(text, question)
    return Rewrite(text, turn, antecedent, lean.kind, before.text) if antecedent else None


def _back_words(clause: str) -> list[Token]:
    """The words carrying meaning in a phrase sending the question back ("Back to that law:" → law)."""
    return [t for t in tokens(BACK.sub(" ", clause)) if t.is_word and (is_content(t) or is_anchor(t))]


def _turn_saying(clause: str, said: list[_Said], default: int) -> int:
    """The turn the phrase sending the question back names (`_back_words`): the one holding most of its
    names, then most of its words, the latest of equals; else `default`."""
    words = _back_words(clause)

    def held(i: int) -> tuple[int, int, int]:
        own = [t for t in tokens(said[i].text) if t.is_word]
        found = [w for w in words if any(same_word(t.text, w.text) for t in own) or _spells(w.text, own)]
        return sum(is_anchor(w) for w in found), len(found), i

    best = max(range(len(said)), key=held, default=default)
    return best if words and held(best)[1] else default


def _spells(acronym: str, words: list[Token]) -> bool:
    """`acronym` is the initials of a run of capitalised words ("GFI": Global Financial Integrity; "IOM":
    International Organization for Migration, its function words aside)."""
    if not (2 <= len(acronym) <= 6 and acronym.isupper() and acronym.isalpha()):
        return False
    initials = "".join(t.text[0] if t.text[0].isupper() else "" if t.low in NAME_JOINS else " " for t in words)
    return acronym in initials


def _substitute(question: str, lean: Leaning, top: Topic, before: _Said) -> tuple[str, str]:
    """The question with each reference replaced by (or, for a noun phrase, completed with) what it
    stands for, and the works the turn before cited as its attribution; the antecedent taken."""
    wants = lean.back.wants if lean.back else None
    named_back = " ".join(t.text for t in _back_words(lean.back.says)) if lean.back else ""
    used: list[str] = []
    edits: list[tuple[int, int, str]] = []
    taken: list[str] = []
    attribution = ""
    for ref in sorted(lean.references, key=lambda r: r.kind not in ("work", "person", "attribution")):
        if ref.kind == "attribution":  # "in its view" → ", according to Atmasasmita (2021)"
            attribution = _named("work", top) or _named("person", top)
            if attribution:
                used.append(attribution)
                taken.append(attribution)
                edits.append((ref.start, ref.end, ""))
            continue
        thing = _named(wants if wants and ref.kind in ("pronoun", "person") else ref.kind, top)
        if thing:
            used.append(thing)
        elif ref.kind == "phrase":
            thing = mention(before.text, ref.keep) or _default(top, before, lean, used, ref.keep.split())
        else:  # the people "they" stand for, what the phrase sending the question back names ("Back to that
            # law: … its basis"), else the topic
            thing = _group(question, ref, top, before.text) or \
                (mention(before.text, named_back) if named_back and ref.kind != "nya" else "") or \
                _default(top, before, lean, used, [ref.keep] if ref.keep else [])
        if thing and thing not in used and any(w in thing for w in top.works):
            used.append(thing)  # (the works "they" stand for are no attribution to add again)
        if thing and thing not in taken:  # a second pronoun for the same thing stays as typed
            taken.append(thing)
            edits.append((ref.start, ref.end, _replacement(question, ref, thing)))
    back = lean.back
    if back is not None and back.drop:
        edits.append((back.start, back.end, ""))
    end = len(question.rstrip().rstrip("?.!").rstrip())
    if back is not None and not lean.references:
        thing = _named(wants, top) or without(top.text, [*used, *top.works])
        if thing:
            taken.append(thing)
            used.append(thing)
            edits.append((end, end, f" ({thing})"))
    works = [w for w in top.works if not any(w in u for u in used) and w not in question]
    credit = attribution or ("; ".join(works) if works and taken else "")
    if credit:
        edits.append((end, end, f", {'according to' if _english(question) else 'menurut'} {credit}"))
    text = question
    for start, end_, new in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
        text = text[:start] + new + text[end_:]
    return _OPENING_CONJUNCTION.sub("", tidy(text)), "; ".join(dict.fromkeys(taken))


_INDONESIAN_PERSON = frozenset({"dia", "ia", "beliau"})  # (number-neutral, as Indonesian nouns are)


def _group(question: str, ref: Reference, top: Topic, turn: str) -> str:
    """For "they/mereka" (or "dia" naming no one): the people the turn before names with "para" ("para
    perekrut"), else the group it is about ("victims", "korban"); for "they", else the works it cites, a plural
    it names as such, or the body it names by an acronym ("UNODC"), if it names one."""
    said = question[ref.start:ref.end].lower()
    if said not in PLURAL_PRONOUNS | _INDONESIAN_PERSON:
        return ""
    toks = tokens(turn)
    para = next((f"{a.text} {b.text}" for a, b in zip(toks, toks[1:]) if a.low == "para" and is_content(b)), "")
    noun = next((t for t in tokens(top.text) if t.is_word and t.low in GROUP_NOUNS), None)
    if said in PLURAL_PRONOUNS and para:  # "para perekrut" named as such, before any other group ("korban")
        return para
    if noun:  # (for "dia" too: "korban" is one victim or many)
        return noun.text
    if said not in PLURAL_PRONOUNS:
        return ""
    if top.works:  # "what method did they use?" after "Priyono & Sudiro (2020) … What do they identify …?"
        return "; ".join(top.works)
    # a plural the turn names as such: "the recruits", "(how) many Indonesians"
    plural = next((b.text if a.low == "many" else f"{a.text} {b.text}" for a, b in zip(toks, toks[1:])
                   if b.is_word and (is_content(b) or is_anchor(b)) and a.low in ("the", "many")
                   and len(b.low) > 3 and b.low.endswith("s") and not b.low.endswith(("ss", "is", "us"))), "")
    return plural or next((n for n in top.names if n.isupper() and n.isalpha() and len(n) >= 2), "")


def _default(top: Topic, before: _Said, lean: Leaning, used: list[str], own: list[str]) -> str:
    """What a pronoun stands for when it names no one: what the turn before took in itself (a chain
    of follow-ups keeps its topic), else that turn's topic, its cited works said apart."""
    if before.antecedent and not lean.back:
        return before.antecedent
    return without(top.text, [*used, *top.works], own)


def _english(question: str) -> bool:
    """The follow-up is worded in English (its function words say so)."""
    return any(t.low in _ENGLISH for t in tokens(question))


_PLACED = re.compile(r"\b(?:di|ke|in|at)\s+(?:\w+\s+){0,2}\0", re.I)  # a place: "di pabrik Vietnam" (not "according to X")


def _named(kind: str | None, top: Topic) -> str:
    """For a reference to a work: the works the turn cites (else its names); to a person: its longest
    name (else the works' authors)."""
    if kind == "work":
        return "; ".join(top.works) or (max(top.names, key=len) if top.names else "")
    if kind == "person":  # a name, else the author of the work the turn cites ("Prasetya (2020)")
        people = [n for n in top.names if not n.isupper() and not _PLACED.search(f"{top.text} ".replace(n, "\0"))]
        return max(people, key=lambda n: (len(n.split()), len(n))) if people else "; ".join(top.works)
    return ""


def _replacement(question: str, ref: Reference, thing: str) -> str:
    word = question[ref.start:ref.end].lower()
    if word in _POSSESSIVES and re.match(r"\s+[^\W\d_]", question[ref.end:]):
        return f"{thing}'" if thing.endswith("s") else f"{thing}'s"  # "their meeting" → "Retno Marsudi's meeting"
    if ref.kind == "nya":
        return f"{ref.keep} {thing}"
    if ref.kind in ("phrase", "place") or _SEQUENCE.search(question[:ref.end]):  # "setelah itu (…)", "there (…)"
        return f"{question[ref.start:ref.end]} ({thing})"
    return thing


def _fill(before: str, fragment: str, top: Topic) -> tuple[str, str]:
    """An elliptical follow-up completed from the turn before: its cited work, day, years and names take
    the place of that turn's ("Kalau Tewuh (2020)?", "Dan pada tahun 2023?", "And with Thailand?"), a
    phrase the place of the one it matches ("Dan angka pengangguran?", "Dan yang aktif lapor diri?") or of
    what that turn asked about ("And the main obstacle?"); a bare question word asks it of that turn's topic
    ("Kapan?")."""
    frag = tokens(fragment)
    words = [t for t in frag if t.is_word]
    if words and all(t.low in QUESTION_WORDS or not is_content(t) for t in words) \
            and not any(_is_name(t) or t.text[0].isdigit() for t in words):
        return f"{fragment.rstrip('?').strip()} {top.text}", top.text
    works = topic(fragment).works
    if len(works) == 1 and top.works and top.works[-1] in before and works[0] not in before \
            and len([w for w in words if is_content(w)]) <= len(works[0].split()):  # "Kalau Tewuh (2020)?": the
        at = before.rfind(top.works[-1])  # same asked of that work (not "… Smith (2019) on the sample size?")
        return before[:at] + works[0] + before[at + len(top.works[-1]):], top.text
    text, changed = _swap_days(before, fragment)
    years = [t.text for t in frag if _YEAR.fullmatch(t.text)]
    if years:
        text, swapped = _swap_years(text, years)
        changed = changed or swapped
    names = [(n, w) for n, w in _name_runs(frag) if n.lower() not in before.lower()]
    if names:
        text, swapped = _swap_names(text, names, top)
        changed = changed or swapped
    if changed:
        return text, top.text
    phrase = fragment.rstrip("?.! ").strip()
    return _replace_focus(before, phrase), top.text


def _is_name(tok: Token) -> bool:
    return tok.is_word and tok.text[0].isupper() and tok.low not in QUESTION_WORDS and (
        is_content(tok) or is_anchor(tok)) and not tok.text[0].isdigit()


def _name_runs(frag: list[Token]) -> list[tuple[str, str]]:
    """The names of a fragment, each with the word before it ("di Vietnam" → ("Vietnam", "di"))."""
    runs: list[list[Token]] = []
    before: list[str] = []
    for i, tok in enumerate(frag):
        if _is_name(tok):
            if runs and runs[-1][-1].end >= tok.start - 1:
                runs[-1].append(tok)
            else:
                runs.append([tok])
                before.append(frag[i - 1].low if i and frag[i - 1].is_word else "")
    return [(" ".join(t.text for t in run), word) for run, word in zip(runs, before)]


def _swap_days(text: str, fragment: str) -> tuple[str, bool]:
    """The text with its day and month ("2 Agustus") replaced by the fragment's ("4 Agustus")."""
    new = DAY_MONTH.search(fragment)
    old = list(DAY_MONTH.finditer(text))
    if not (new and old):
        return text, False
    at = old[-1]
    return text[:at.start()] + new.group() + text[at.end():], True


def _swap_years(text: str, years: list[str]) -> tuple[str, bool]:
    """The text with its last years (not those of citations) replaced by `years`."""
    if not years:
        return text, False
    cited = [m.span() for m in _CITED_YEAR.finditer(text)]
    spots = [m for m in _YEAR.finditer(text) if not any(a <= m.start() < b for a, b in cited)]
    if not spots:
        return text, False
    for m, year in zip(reversed(spots[-len(years):]), reversed(years)):
        text = text[:m.start()] + year + text[m.end():]
    return text, True


def _swap_names(text: str, names: list[tuple[str, str]], top: Topic) -> tuple[str, bool]:
    """The text with its names replaced by `names` ((name, the word before it)): the name after the
    same word ("di Vietnam" for "di Kamboja"), else the last ones that no attribution ("menurut KBRI …")
    or cited work holds; of those, one written alike (an acronym for an acronym: "And Cambodia?" after
    "… Indonesia implements ACTIP" swaps Indonesia)."""
    spots = [n for n in top.names if n in text and not any(n in w for w in top.works) and n not in dict(names)]
    free = [n for n in spots if not re.search(rf"\b(?:menurut|according\s+to|by|oleh)\s+{re.escape(n)}", text, re.I)]
    if not spots:
        return text, False
    for new, word in reversed(names):
        same = [n for n in spots if word and re.search(rf"\b{re.escape(word)}\s+{re.escape(n)}", text, re.I)]
        candidates = same or free or spots
        alike = [n for n in candidates if n.isupper() == new.isupper()]  # an acronym for an acronym, a name for a name
        old = (alike or candidates)[-1]
        at = text.rfind(old)
        text = text[:at] + new + text[at + len(old):]
        spots.remove(old)
        free = [n for n in free if n != old]
        if not spots:
            break
    return text, True


def _replace_focus(before: str, phrase: str) -> str:
    """The turn before with `phrase` where its words are ("angka kemiskinan" → "angka pengangguran"),
    where the same function word opens a phrase ("yang memiliki izin tinggal" → "yang aktif lapor
    diri"), else where what it asked about stands (the words after its question word, or its first
    "the …" phrase); else the phrase and the turn's topic together."""
    toks = tokens(before)
    words = [t for t in tokens(phrase) if t.is_word]
    mine = [t for t in words if is_content(t) or is_anchor(t)]
    for i, tok in enumerate(toks):
        if (is_content(tok) or is_anchor(tok)) and any(same_word(tok.text, m.text) for m in mine):
            span = _run(toks, i, len(words))
            # (the words before it in the phrase take the place of those before it: "the push factors" →
            # "the pull factors", not "the push the pull factors")
            k = next(n for n, m in enumerate(mine) if same_word(tok.text, m.text))
            first = i
            while k and first and is_content(toks[first - 1]) and not is_anchor(toks[first - 1]):
                first, k = first - 1, k - 1
            span, i = (toks[first].start, span[1]), first
            after = next((t for t in toks if t.start >= span[1]), None)
            if after is not None and after.low in ORDINAL_WORDS and any(w.low in ORDINAL_WORDS for w in words):
                span = (span[0], after.end)  # "kriteria pertama" → "kriteria kedua", not "kriteria kedua pertama"
            if i and (toks[i - 1].low in _ARTICLES or is_content(toks[i - 1])):  # (inside a phrase: "Data …")
                phrase = re.sub(r"^(?:the|a|an)\s+", "", phrase, flags=re.I)
            return tidy(before[:span[0]] + phrase + before[span[1]:])
    if words and words[0].low in _CLAUSE_OPENERS:
        opener = next((i for i, t in enumerate(toks) if t.low == words[0].low), None)
        if opener is not None:
            j = opener + 1
            while j < len(toks) and toks[j].is_word and toks[j].low not in _CLAUSE_ENDS:
                j += 1
            return tidy(before[:toks[opener].start] + phrase + " " + before[toks[j - 1].end:])
    focus = _focus(toks)
    if focus:
        start, end, after_question_word = focus
        if after_question_word:  # "What type of research" → "What data analysis technique"
            phrase = re.sub(r"^(?:the|a|an)\s+", "", phrase, flags=re.I)
        return tidy(before[:start] + phrase + before[end:])
    return f"{phrase} {topic(before).text}"


def _run(toks: list[Token], i: int, size: int) -> tuple[int, int]:
    """The span of up to `size` words carrying meaning from token i on."""
    end = i
    while end + 1 < len(toks) and end + 1 - i < size and (is_content(toks[end + 1]) or is_anchor(toks[end + 1])):
        end += 1
    return toks[i].start, toks[end].end


_POSSESSIVE = re.compile(r"['’]s$")  # "Indonesia's"


def _focus(toks: list[Token]) -> tuple[int, int, bool] | None:
    """Where what a question asks about stands: the open words right after its question word ("Apa
    faktor utama …", "What type of research …"), else its first "the …" phrase; and which of the two."""
    for i, tok in enumerate(toks):
        if tok.low in QUESTION_WORDS:
            j = i + 1
            while j < len(toks) and toks[j].low == "saja":
                j += 1
            # ("what was Indonesia's poverty rate …": past the verb and the name whose it is)
            after = j
            while after < len(toks) and toks[after].low in AUXILIARIES:
                after += 1
            if j < after < len(toks) and is_anchor(toks[after]) and _POSSESSIVE.search(toks[after].text) \
                    and _open_run(toks, after + 1) > after + 1:
                j = after + 1
            end = _open_run(toks, j)
            if end > j and toks[end - 1].low != "does":
                if end + 1 < len(toks) and toks[end].low == "of" and is_open(toks[end + 1]):
                    end = _open_run(toks, end + 1)  # "type of research"
                return toks[j].start, toks[end - 1].end, True
            break
    for i, tok in enumerate(toks):
        if tok.low in _ARTICLES:
            end = _open_run(toks, i + 1)
            if end > i + 1:
                return tok.start, toks[end - 1].end, False
    return None


def _open_run(toks: list[Token], j: int) -> int:
    """Where the run of open words (no names) from token j ends."""
    while j < len(toks) and is_open(toks[j]) and not is_anchor(toks[j]):
        j += 1
    return j


def _as_question(text: str, typed: str) -> str:
    """Tidy, capitalised, and ending as the typed question does."""
    text = _LEADING_FILLERS.sub("", tidy(text).rstrip("?.! ").lstrip(",;:.-– "))
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text + ("?" if typed.rstrip().endswith("?") else "")
