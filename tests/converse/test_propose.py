"""Propose: a model's wording of a follow-up, taken only when it keeps the follow-up's words, takes
something in from the conversation and adds nothing; a real llama.cpp server asked, the rules' rewrite kept
when its wording fails."""
from __future__ import annotations

import pytest

from assistant.converse.propose import accept, prompt, propose

TURNS = ["Kapan MoU antara Indonesia dan Kamboja tentang kerja sama kepolisian ditandatangani?"]
QUESTION = "Siapa yang menandatanganinya?"


@pytest.mark.parametrize("reply,taken", [
    ("Siapa yang menandatangani MoU antara Indonesia dan Kamboja?\nUser: …", True),  # first line only
    ("“Siapa yang menandatangani MoU kerja sama kepolisian?”", True),
    ("Siapa yang menandatanganinya?", False),  # takes nothing in
    ("Kapan MoU antara Indonesia dan Kamboja ditandatangani?", False),  # drops what the follow-up asks
    ("Siapa presiden yang menandatangani MoU antara Indonesia dan Kamboja di Jakarta?", False),  # adds words
    ("", False),
])
def test_a_reply_is_taken_only_when_it_keeps_takes_in_and_adds_nothing(reply, taken):
    assert (accept(reply, QUESTION, TURNS) is not None) is taken


def test_the_prompt_ends_with_the_conversation_and_a_failing_model_gives_none():
    text = prompt(QUESTION, TURNS)
    assert text.endswith(f"User: {TURNS[0]}\nLast question: {QUESTION}\nRewritten:")
    assert "Jembatan Merah" in text  # the worked examples are about nothing in any corpus

    def down(_prompt: str) -> str:
        raise ConnectionError("refused")

    assert propose(QUESTION, TURNS, down) is None


@pytest.mark.slow
def test_a_real_model_words_it_or_the_rules_do(thesis_settings, llm_url):
    from assistant.engine import Assistant

    settings = thesis_settings.replace(llm_url=llm_url, llm_model="gemma3-270m", llm_rewrite=True)
    assistant = Assistant(settings)
    proposal = propose(QUESTION, TURNS, lambda p: "".join(assistant.llm.stream(p, 96)))
    assert proposal is None or ("MoU" in proposal and "Siapa" in proposal)
    query = assistant.query(QUESTION, history=[{"role": "user", "content": TURNS[0]}])  # the model's, or the rules'
    assert query.text in (proposal, "Siapa yang menandatangani MoU antara Indonesia dan Kamboja tentang kerja sama kepolisian?")
    assert query.typed == QUESTION and query.text != QUESTION and "MoU" in query.text
    assert assistant.query("Siapa yang ditemui Retno Marsudi pada 2 Agustus 2022?",
                           history=[{"role": "user", "content": TURNS[0]}]).typed == ""  # never sent
