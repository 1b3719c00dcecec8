"""The chat side of generated answers: the draft while it streams, then a note under the guarded
answer ("checked against sources" or "fell back to quotes") with the dropped sentences in a fold."""
from __future__ import annotations

import html

from .strings import t


def draft_html(text: str) -> str:
    """The generated text so far, escaped, marked as a draft still being checked."""
    return f'<div class="answer draft">{html.escape(text)} …</div>'


def note_html(result: dict) -> str:
    """The note under a result from the generation path ('' for a plain extractive result)."""
    lang = result.get("language") or "id"
    guard = result.get("guard") or {}
    if result.get("mode") == "generated":
        note = t(lang, "gen_checked", n=guard.get("checked", 0))
        if guard.get("attributed"):
            note += " " + t(lang, "gen_attributed", n=guard["attributed"])
    elif result.get("notice") or result.get("fallback"):
        note = t(lang, "gen_fell_back", why=result.get("fallback") or result.get("notice"))
    else:
        return ""
    dropped = guard.get("dropped") or []
    fold = "".join(f"<li>{html.escape(d['sentence'])} — <i>{html.escape(d['reason'])}</i></li>" for d in dropped)
    fold = (f'<details class="dropped"><summary>{html.escape(t(lang, "gen_dropped", n=len(dropped)))}</summary>'
            f"<ul>{fold}</ul></details>") if dropped else ""
    return f'<div class="gen-note muted">{html.escape(note)}</div>{fold}'
