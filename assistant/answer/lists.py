"""Lists in an answer: a lead-in ("… sebagai berikut:", "… as follows.") and the items after it, given
whole, by their first words when they do not all fit, or the one item a question asks for."""
from __future__ import annotations

import re

from ..records import Sentence
from ..search.retrieve import Hit

# A lead-in: what follows it is the answer ("… adalah:", "… sebagai berikut.", "… as follows.",
# "Berikut konfigurasi ulang …", "The following command …").
LEAD_IN = re.compile(r"(?::|\b(?:sebagai berikut|berikut ini|yang berikut|as follows|the following)\W*)$"
                     r"|^\W*(?:berikut\b(?!nya)|the following\b(?!\s+(?:days?|weeks?|months?|years?|decades?|morning|"
                     r"evening|night|season)\b)|here (?:is|are)\b(?!\s+(?:where|why|how|what|when)\b))", re.I)


def sentence_position(hit: Hit, sentence: Sentence) -> int | None:
    """Where `sentence` stands in its passage (None when it is not one of its sentences)."""
    return next((i for i, x in enumerate(hit.chunk.sentences) if x.text == sentence.text), None)


def is_lead_in(sentence: Sentence) -> bool:
    """What follows the sentence answers: it announces it ("… meliputi:"), or it opens a list whose first
    item it holds ("… negara tujuan penempatan yang: a. mempunyai …;"; not a colon inside brackets, as
    in a page-cited "(2017: 8)")."""
    text = sentence.text.rstrip()
    opens = _OPENS_LIST.search(text)
    opens = opens and text[:opens.start()].count("(") == text[:opens.start()].count(")")
    return bool(LEAD_IN.search(text) or opens) and not sentence.is_command


_MARKER = r"(?:\(?\d{1,2}[.)]|\(?[a-z][.)])"  # "1.", "(2)", "a.", "b)"
_OPENS_LIST = re.compile(rf":\s*{_MARKER}\s.*[;,]$")


def items_after(hit: Hit, lead: Sentence, words: int, budget: int,
                asked: int | None = None) -> list[tuple[Hit, Sentence]]:
    """The sentences after a lead-in in its passage (a list's items, a command), while `words` stays within
    `budget`, up to the next list's lead-in. A list whose items do not all fit is given whole (`heads`)
    in one quote of at least `LIST_WORDS` words; the item `asked` of a list ("faktor ketujuh", "the last
    one": Query.item), when it has one, alone."""
    sents = hit.chunk.sentences
    i = sentence_position(hit, lead)
    items = list_items(sents[i + 1:])
    parts = _split_items(items)
    if asked is not None and len(parts) >= 2 and -len(parts) <= asked < len(parts):
        return [(hit, parts[asked])]
    out: list[tuple[Hit, Sentence]] = []
    for item in sents[i + 1:]:
        if words + len(item.text.split()) > budget or (out and LEAD_IN.search(item.text)) \
                or (items and out and out[-1][1] is items[-1]):
            break  # full, the next list's lead-in, or the list's end
        if _stray(item):
            continue
        out.append((hit, item))
        words += len(item.text.split())
    given = [x for _, x in out]
    if len(items) > len(given) and len(items) >= 2 and items[:len(given)] == given:
        shortened = heads(items, max(budget - (words - sum(len(x.text.split()) for x in given)), LIST_WORDS))
        return [(hit, _one_quote(shortened, items))]
    if len(given) >= 2 and all(ITEM.match(x.text) for x in given):  # one quote for the list's items
        return [(hit, _one_quote(" ".join(x.text for x in given), given))]
    return out


def _one_quote(text: str, sentences: list[Sentence]) -> Sentence:
    """`text` quoting `sentences` as one, backed by the works they cite."""
    return Sentence(text, sorted({c for x in sentences for c in x.cites}))


def _stray(sentence: Sentence) -> bool:
    """A stray ":" or bullet: no word, no number."""
    return not any(ch.isalnum() for ch in sentence.text)


LIST_WORDS = 45  # a list given by its items' first words gets at least these many words (30 cut a four-item list to
# "c) Medical …" after a 45-word lead-in; docs/evaluation.md, ninth session)
HEAD_WORDS = 4  # … and each item at least these many of them
ITEM = re.compile(rf"^\W{{0,2}}(?:{_MARKER}|[-•*–])\s")
# items run on in one line ("d. surat keterangan sehat …; e. paspor …; dan h. Perjanjian Kerja."), not a
# citation's "; p. 12"
_INLINE_ITEM = re.compile(rf"(?<=;)\s+(?=(?:(?:dan|atau|and|or)\s+)?{_MARKER}\s+[^\W\d_])")
_CLAUSE_END = re.compile(r"[.,:;–—]$|\($")
_ABBREVIATED = re.compile(r"^(?:[A-Z][a-z]{0,3}|[a-z]{1,3})\.$")  # "No.", "hlm.", "Art.": no clause's end


def _marker_kind(text: str) -> str:
    """"a" (a letter), "1" (a number), "(1)" (a bracketed number) or "-" (a bullet)."""
    m = re.match(r"^\W{0,2}?(\()?(\d{1,2}|[a-z])?[.)]?", text)
    if m is None or m.group(2) is None:
        return "-"
    return ("(" if m.group(1) else "") + ("1" if m.group(2).isdigit() else "a")


def list_items(after: list[Sentence]) -> list[Sentence]:
    """The items of the list that starts at `after[0]`: sentences opening with an item marker of the first
    one's kind; a sentence between two items goes on about the one before (skipped); the list ends at an
    item of another kind ("(2)" after "a.", "b.", "c."), at an item ending with a full stop after items
    ending otherwise ("…; dan c. pencabutan izin."), or at a sentence after which no item follows."""
    items: list[Sentence] = []
    kind = None
    for x in after:
        if _stray(x):
            continue
        if ITEM.match(x.text):
            if kind is not None and _marker_kind(x.text) != kind:
                break
            kind = kind or _marker_kind(x.text)
            items.append(x)
            if len(items) >= 2 and x.text.rstrip().endswith(".") and not items[-2].text.rstrip().endswith("."):
                break
        elif not items or LEAD_IN.search(x.text.rstrip()):
            break
    return items


def _split_items(items: list[Sentence]) -> list[Sentence]:
    """The items, those run on in one sentence ("d. …; e. …") apart."""
    return [Sentence(part.strip(), x.cites) for x in items for part in _INLINE_ITEM.split(x.text) if part.strip()]


def heads(items: list[Sentence], words: int) -> str:
    """The list in `words` words or a few more: its first items whole while the others can still be named
    by `HEAD_WORDS` words each, the others by their first words (cut at their first clause's end, or after
    an equal share of the words left, never fewer than `HEAD_WORDS`)."""
    items = _split_items(items)
    whole = 0
    for i, item in enumerate(items):
        size = len(item.text.split())
        if size + HEAD_WORDS * (len(items) - i - 1) > words:
            break
        whole, words = whole + 1, words - size
    share = max(HEAD_WORDS, words // max(1, len(items) - whole))
    shown = [x.text for x in items[:whole]]
    for item in items[whole:]:
        tokens = item.text.split()
        end = next((j + 1 for j, t in enumerate(tokens[:share])
                    if j >= 1 and _CLAUSE_END.search(t) and not _ABBREVIATED.match(t)), None)
        cut = tokens[:end or share]
        head = " ".join(cut)
        shown.append(head if len(cut) == len(tokens) else head.rstrip(".,:;–—( ") + " …")
    return " ".join(shown)
