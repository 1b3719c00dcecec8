"""Topic: what an earlier turn was about, as a phrase a follow-up can take in.

"Kapan MoU antara Indonesia dan Kamboja tentang kerja sama kepolisian ditandatangani?" is about "MoU
antara Indonesia dan Kamboja tentang kerja sama kepolisian ditandatangani": the question words go,
and so do a reference to the document itself ("menurut skripsi ini") and a sentence introducing the
one who asks ("I'm a journalist covering …."), which say nothing about the topic. The cited works it
names ("Goswami (2022)") and its names ("Ghada Waly") are kept apart too, for a follow-up that asks
about "that author" or "she".
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..citations import parse_citations
from ..search.keywords import stopwords
from .tokens import Token, is_anchor, is_content, is_participle, is_verb, same_word, tokens
from .words import AUXILIARIES, CONJUNCTIONS, NAME_JOINS, PREPOSITIONS, QUESTION_WORDS

_SELF = r"(?:skripsi|tesis|thesis|penelitian|research|study|studi|dissertation|disertasi)"
_DOCUMENT_SELF = re.compile(rf"\b(?:this\s+{_SELF}|{_SELF}\s+ini|the\s+(?:thesis|skripsi|tesis|dissertation))\b"
                            # with the verb it is the subject of ("the thesis say about …", "this study conclude on …")
                            r"(?:\s+[a-z]+(?=\s+(?:about|of|on|in|as|for|to|with|regarding)\b))?", re.I)
# a sentence introducing the one who asks, before the question ("I'm a journalist covering …. Who did …?",
# "Saya analis kebijakan imigrasi. Apa yang …?"): about them, not the topic
_INTRODUCTION = re.compile(r"^\W*(?:I['’]m|I\s+am|saya|aku)\b[^.?!]*[.!]\s+(?=\S)", re.I)
_ATTRIBUTION = re.compile(r"^(?:menurut|according\s+to|kata|as\s+said\s+by)\s+", re.I)
_EDGE = frozenset(PREPOSITIONS | CONJUNCTIONS | {"yang", "that", "which", "the", "a", "an", "as", "is", "are", "menurut",
                                                  "according", "kata", "itu", "ini", "tersebut", "this", "these",
                                                  "those"})
_INVERTED = frozenset({"do", "does", "did"})
_MODALS = frozenset({"should", "can", "could", "will", "would", "must", "may", "might", "shall", "is", "are", "was",
                     "were", "has", "have", "had"})
_NOT_SUBJECT = frozenset({"to", "about", "with", "for", "not", "so", "n't", "it", "this", "that"})


@dataclass(frozen=True)
class Topic:
    """An earlier turn as a phrase (`text`), the cited works it names and its other names, as written."""

    text: str
    works: tuple[str, ...]
    names: tuple[str, ...]


def topic(turn: str) -> Topic:
    """The topic of one (standalone) turn."""
    works = _works(turn)
    introduced = _INTRODUCTION.match(turn)
    if introduced and len(turn[introduced.end():].split()) >= 3:
        turn = turn[introduced.end():]
    text = _DOCUMENT_SELF.sub(" ", turn)
    text = _drop_question_words(text)
    text = trim(_attribution_last(text))
    return Topic(text, works, _names(turn, works))


def _works(turn: str) -> tuple[str, ...]:
    """The cited works the turn names, as written there, without the words that open the sentence."""
    out = []
    for citation in parse_citations(turn):
        words = citation.written.split()
        while len(words) > 1 and (words[0].lower() in QUESTION_WORDS or words[0].lower() in stopwords()):
            words.pop(0)
        out.append(" ".join(words))
    return tuple(dict.fromkeys(out))


def _names(turn: str, works: tuple[str, ...]) -> tuple[str, ...]:
    """Runs of names in the turn (capitalised words where no sentence starts), the cited works aside."""
    rest = turn
    for work in works:
        rest = rest.replace(work, " , ")
    runs: list[list[Token]] = []
    toks = tokens(rest)
    for i, tok in enumerate(toks):
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        # a capitalised function word between two names is one of them ("Menteri Luar Negeri")
        inside = bool(runs and runs[-1][-1].end >= tok.start - 1 and tok.is_word and tok.text[:1].isupper()
                      and not tok.first and tok.low not in CONJUNCTIONS | PREPOSITIONS
                      and nxt is not None and is_anchor(nxt) and nxt.start <= tok.end + 1)
        if (is_anchor(tok) or inside) and not tok.text[0].isdigit():
            if runs and runs[-1] and runs[-1][-1].end >= tok.start - 1:
                runs[-1].append(tok)
            else:
                runs.append([tok])
    return tuple(dict.fromkeys(" ".join(t.text for t in run) for run in runs))


def _drop_question_words(text: str) -> str:
    """The text without its question words and the auxiliaries that go with them ("Siapa yang",
    "What did", "apa saja")."""
    cut: list[tuple[int, int]] = []
    dropped_last = True
    # the English auxiliary a wh-phrase moves before its subject ("What strategy *did* UNODC put out"): the
    # first do/does/did, unless a modal or a clause came first or it is the verb itself ("do about …")
    inverted = False
    toks = tokens(text)
    for i, tok in enumerate(toks):
        low = tok.low
        if low in QUESTION_WORDS or (dropped_last and low in AUXILIARIES) or tok.text == "?":
            if tok.is_word and not dropped_last or low in _INVERTED:
                inverted = True  # a clause of its own ("… when victims do …"), or the auxiliary itself
            cut.append((tok.start, tok.end))
            dropped_last = True
        elif tok.is_word:
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            if (low in _INVERTED and not inverted and cut and cut[0][0] == 0 and nxt is not None and nxt.is_word
                    and nxt.low not in _NOT_SUBJECT):
                cut.append((tok.start, tok.end))
            inverted = inverted or low in _INVERTED or low in _MODALS
            dropped_last = False
    return remove_spans(text, cut)


def remove_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` without the character spans, spaces tidied."""
    out, pos = [], 0
    for start, end in sorted(spans):
        if start >= pos:
            out.append(text[pos:start])
            pos = end
    out.append(text[pos:])
    return tidy("".join(out))


def tidy(text: str) -> str:
    """Single spaces, none before punctuation, no empty parentheses."""
    text = re.sub(r"\(\s*\)", " ", text)
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\s+([,.;:?!)])", r"\1", text)
    text = re.sub(r"([(])\s+", r"\1", text)
    text = re.sub(r"([,;:])(?=[,;:?.!])", "", text)
    return text.strip()


def trim(text: str) -> str:
    """The phrase without the function words and punctuation it starts or ends with."""
    toks = tokens(text)
    while toks and (not toks[0].is_word and toks[0].text != "(" or toks[0].low in _EDGE):
        toks.pop(0)
    while toks and ((not toks[-1].is_word and toks[-1].text != ")") or toks[-1].low in _EDGE):
        toks.pop()
    if not toks:
        return ""
    phrase = text[toks[0].start:toks[-1].end]
    first = toks[0]
    if first.first and first.low in stopwords() and not first.text.isupper():
        phrase = first.low + phrase[len(first.text):]
    return tidy(phrase)


def _attribution_last(text: str) -> str:
    """"menurut Tempo (2024), di sektor …" → "… di sektor …, menurut Tempo (2024)": the follow-up
    takes the topic in where its pronoun stands, the attribution reads better at the end."""
    match = _ATTRIBUTION.match(text.lstrip())
    text = text.lstrip()
    if not match:
        return text
    comma = text.find(",", match.end())
    if comma < 0:
        return text
    said = text[:comma].strip()
    return tidy(f"{trim(text[comma + 1:])}, {said[0].lower()}{said[1:]}")


def without(phrase: str, used: list[str] | tuple[str, ...], own: list[str] | tuple[str, ...] = ()) -> str:
    """The phrase without what goes elsewhere in the rewrite (`used`: a work, a name; a verb that
    followed it as its subject goes too: "Goswami (2022) mendefinisikan kerja sama bilateral" → "kerja
    sama bilateral"), without the words the reference says itself (`own`: "ditandatangani" for
    "menandatanganinya") and without a verb it starts or ends with."""
    for piece in used:
        at = phrase.find(piece)
        if at < 0:
            continue
        head = trim(phrase[:at])
        rest = phrase[at + len(piece):]
        toks = tokens(rest)
        if not head and len(toks) > 1 and toks[0].is_word and toks[0].text.islower() and (
                is_verb(toks[0]) or toks[1].low in _EDGE):
            rest = rest[toks[1].start:]  # the subject's verb ("… (2009) call the core of …")
        phrase = f"{re.sub(r'(?:menurut|according to|by|oleh|dalam|in)$', '', phrase[:at].rstrip())} , {rest}"
    cut = [(t.start, t.end) for t in tokens(phrase)
           if (is_content(t) or is_anchor(t)) and any(same_word(t.text, o) for o in own)]
    phrase = trim(remove_spans(phrase, cut))
    toks = tokens(phrase)
    if len(toks) > 1 and is_verb(toks[0]):
        phrase = trim(phrase[toks[1].start:])
    toks = tokens(phrase)
    # "MoU … ditandatangani", "ACTIP dibentuk", "ACTIP established": what the turn asked of it, not what it is
    # (after one word only a passive: "kejahatan terorganisir", "negara berkembang" are what it is)
    last = toks[-1] if len(toks) > 1 and toks[-2].is_word else None
    if last is not None and (is_verb(last) and (len(toks) > 2 or last.low.startswith("di")) or is_participle(last)):
        phrase = trim(phrase[:last.start])
    return phrase


def mention(turn: str, words: str) -> str:
    """Where the turn names what `words` stand for: the phrase around its word that is one of them
    ("this convention" → "ASEAN Convention Against Trafficking in Persons", "pertemuan tersebut" →
    "Menteri … Retno Marsudi bertemu Kepala Kepolisian …"); '' when it says no more than `words`."""
    toks = tokens(turn)
    wanted = [w for w in tokens(words) if is_content(w) or is_anchor(w)]

    def inside(k: int) -> bool:
        tok = toks[k]
        if is_content(tok) or is_anchor(tok) or (tok.is_word and tok.text[0].isupper() and not tok.first):
            return True
        joins = tok.low in NAME_JOINS and 0 < k < len(toks) - 1
        return joins and is_anchor(toks[k - 1]) and (is_anchor(toks[k + 1]) or toks[k + 1].low in NAME_JOINS)

    for i, tok in enumerate(toks):
        if (is_content(tok) or is_anchor(tok)) and any(same_word(tok.text, w.text) for w in wanted):
            lo, hi = i, i
            while lo > 0 and inside(lo - 1):
                lo -= 1
            while hi + 1 < len(toks) and inside(hi + 1):
                hi += 1
            found = trim(turn[toks[lo].start:toks[hi].end])
            if len(tokens(found)) > len(wanted):
                return found
    return ""
