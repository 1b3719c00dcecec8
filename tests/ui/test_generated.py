"""The chat with a language model: the draft streams, then the checked answer with its note; with
an endpoint that is down, `serve` still starts and answers with quotes."""
from __future__ import annotations

import pytest

from serverproc import copy_thesis, free_port, serve

RETNO_EN = "Who did Retno Marsudi meet on 2 August 2022?"


def test_notes_say_checked_or_fell_back_and_fold_the_dropped_sentences():
    from assistant.ui.generated import note_html

    dropped = [{"sentence": "He met Hun Manet [1].", "reason": "name 'Manet' is not in the cited passages"}]
    checked = note_html({"language": "en", "mode": "generated", "guard": {"checked": 2, "dropped": dropped}})
    assert "checked against sources" in checked and "<details" in checked and "Hun Manet" in checked
    assert "added afterwards" not in checked
    attributed = note_html({"language": "en", "mode": "generated", "guard": {"checked": 1, "dropped": [], "attributed": 1}})
    assert "checked against sources" in attributed and "marker of 1 sentence(s) was added afterwards" in attributed
    fell = note_html({"language": "id", "mode": "extractive", "fallback": "no sentence survived the check",
                      "guard": {"checked": 1, "dropped": dropped}})
    assert "Kembali ke kutipan" in fell and "no sentence survived" in fell
    assert note_html({"language": "en", "answer": "x"}) == ""  # no endpoint: no note


@pytest.mark.slow
def test_chat_streams_the_draft_then_the_checked_answer(thesis_settings, llm_url):
    from assistant.engine import Assistant
    from assistant.ui.app import ChatApp

    settings = thesis_settings.replace(llm_url=llm_url)
    app = ChatApp(settings, Assistant(settings))
    updates = [h[-1]["content"] for h in app.respond_stream([{"role": "user", "content": RETNO_EN}])]
    assert len(updates) >= 2 and 'class="answer draft"' in updates[0]
    final = updates[-1]
    assert "draft" not in final.split("</div>")[0] and "Neth Savouen" in final
    assert "checked against sources" in final or "Fell back to quotes" in final


@pytest.mark.slow
def test_serve_starts_and_answers_with_the_endpoint_down(thesis_settings, tmp_path):
    from gradio_client import Client

    corpus, index = copy_thesis(thesis_settings, tmp_path)
    dead = f"http://127.0.0.1:{free_port()}/v1"
    with serve(corpus, index, tmp_path / "serve.log", args=["--llm", dead]) as (url, _):
        result = Client(url, verbose=False).predict(RETNO_EN, api_name="/ask")
    assert result["answerable"] and result["mode"] == "extractive" and "could not be reached" in result["notice"]
    assert "Neth Savouen" in result["answer"]
