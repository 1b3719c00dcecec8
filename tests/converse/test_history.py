"""History: the chat's messages read, bounded to the last user turns, and bad input named."""
from __future__ import annotations

import pytest

from assistant.converse.history import TURNS, HistoryError, text_of, user_turns


def test_user_turns_keep_the_last_few_user_messages_in_order():
    history = [{"role": "user", "content": f"q{i}"} for i in range(TURNS + 3)]
    history.insert(2, {"role": "assistant", "content": "<div>an answer</div>"})
    assert user_turns(history) == [f"q{i}" for i in range(3, TURNS + 3)]
    assert user_turns(history, limit=1) == [f"q{TURNS + 2}"]
    assert user_turns(None) == [] and user_turns([]) == []


def test_gradio_content_blocks_and_blank_turns():
    history = [{"role": "user", "content": [{"type": "text", "text": "Apa itu  ACTIP?"}]},
               {"role": "user", "content": "   "}, {"role": "system", "content": "be brief"}]
    assert user_turns(history) == ["Apa itu ACTIP?"]
    assert text_of({"text": "x"}) == "x" and text_of(None) == ""


@pytest.mark.parametrize("history,reason", [
    ("Apa itu ACTIP?", "must be a list"),
    ([["user", "x"]], "message 1 must be an object"),
    ([{"role": "user"}], "message 1 must be an object"),
    ([{"role": "user", "content": "a"}, {"role": "bot", "content": "b"}], "message 2 has role 'bot'"),
])
def test_a_bad_history_says_what_is_wrong(history, reason):
    with pytest.raises(HistoryError, match=reason):
        user_turns(history)
