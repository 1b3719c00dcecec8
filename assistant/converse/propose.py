"""Propose: a language model words a follow-up's standalone question, checked; the rules' rewrite
(rewrite.py) stays the default and the fallback.

Only a question the rules found leaning on the conversation is sent (a complete question is never
rewritten, whatever a model would do with it), and the model's wording is taken only when it keeps
every word the follow-up says itself, takes something in from the conversation and adds nothing
of its own (at most one word neither said: a verb put in another form). Anything else — an endpoint
down, an empty or rambling reply — gives None, and the rules' rewrite is used.
"""
from __future__ import annotations

from collections.abc import Callable

from .support import own_words
from .tokens import is_anchor, is_content, same_word, tokens
from .words import QUESTION_WORDS

INSTRUCTIONS = ("Rewrite the last question so that it can be understood without the conversation, in the "
                "language of the last question. Keep its words; replace only what points back into the "
                "conversation. Write the rewritten question only.")
EXAMPLES = [
    (["Kapan Jembatan Merah selesai dibangun?"], "Siapa yang merancangnya?", "Siapa yang merancang Jembatan Merah?"),
    (["What does the City Library hold?"], "And when did it open?", "When did the City Library open?"),
]
MAX_CHARS = 400


def prompt(question: str, turns: list[str]) -> str:
    """The prompt: instructions, two worked examples about nothing in any corpus, the conversation."""
    def block(said: list[str], asked: str, rewritten: str = "") -> str:
        lines = [f"User: {t}" for t in said]
        return "\n".join(["Conversation:", *lines, f"Last question: {asked}",
                          f"Rewritten:{' ' + rewritten if rewritten else ''}"])

    return "\n\n".join([INSTRUCTIONS, *(block(*example) for example in EXAMPLES), block(turns, question)])


def propose(question: str, turns: list[str], complete: Callable[[str], str]) -> str | None:
    """The model's standalone question for `question` after the user `turns`, when it passes `accept`."""
    try:
        reply = complete(prompt(question, turns))
    except Exception:  # endpoint down, timeout, malformed reply: the rules' rewrite stands
        return None
    return accept(reply, question, turns)


def accept(reply: str, question: str, turns: list[str]) -> str | None:
    """The reply's first line as a standalone question, or None when it drops a question word or
    another word the follow-up says itself, takes nothing in from the turns, or adds words neither said."""
    line = next((ln for ln in (reply or "").splitlines() if ln.strip()), "").strip().strip("\"'“”")
    if not line or len(line) > MAX_CHARS or len(line.split()) < 2:
        return None
    said = [t.text for t in tokens(line) if is_content(t) or is_anchor(t)]
    asked = [t.text for t in tokens(question) if is_content(t) or is_anchor(t)]
    earlier = [t.text for turn in turns for t in tokens(turn) if is_content(t) or is_anchor(t)]

    def has(words: list[str], word: str) -> bool:
        return any(same_word(word, w) for w in words)

    asks = {t.low for t in tokens(question) if t.low in QUESTION_WORDS}
    if not asks <= {t.low for t in tokens(line)} or not all(has(said, w) for w in own_words(question)):
        return None  # it asks something else, or drops what the follow-up says
    if not any(has(earlier, w) and not has(asked, w) for w in said):
        return None
    if sum(not has(asked, w) and not has(earlier, w) for w in said) > 1:
        return None
    return line
