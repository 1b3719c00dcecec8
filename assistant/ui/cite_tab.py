"""The Cite tab: a claim in; the work to cite, its reference entry, the supporting sentence highlighted,
copy boxes for the in-text citation and the reference, related passages folded, the citation index."""
from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import gradio as gr

from ..answer import cite
from ..settings import Settings
from .render import file_url, passages_html, source_card
from .strings import DEFAULT_LANGUAGE, t


def work_html(result: dict, corpus_dir: Path, lang: str) -> str:
    """The work to cite (linked to its PDF when that is in the corpus) and its reference entry, or why none."""
    if not result.get("cite"):
        message = result.get("message") if result.get("support") is None else t(lang, "own_words")
        return f'<div class="cite-work cite-none">{html.escape(message or t(lang, "no_results"))}</div>'
    first = result["results"][0]
    links = [f'<a href="{html.escape(url)}" target="_blank" rel="noopener">📄 {html.escape(first["sources"][k])}</a>'
             for k in result["cite"] if (url := file_url(first["sources"].get(k), corpus_dir))]
    refs = [html.escape(r) for r in result["references"].values()]
    ref = "<br>".join(refs) if refs else f'<span class="muted">{html.escape(t(lang, "no_reference"))}</span>'
    return (f'<div class="cite-work"><div class="cite-label">{html.escape(t(lang, "to_cite"))}</div>'
            f'<div class="cite-in-text">{html.escape(result["in_text"])} {" ".join(links)}</div>'
            f'<div class="cite-reference">{ref}</div></div>')


def find(app: Any, claim: str, lang: str) -> tuple[str, gr.Textbox, gr.Textbox, str, str]:
    """Outputs of the tab for one claim: work, in-text box, reference box, supporting passage, related ones."""
    claim = app.check_question(claim, lang)
    result = cite.find_citation(app.assistant, claim, k=5)
    corpus = app.settings.corpus_dir
    passages = result["results"]
    reference = "\n".join(result["references"].values())
    support = source_card(passages[0], corpus, lang, None, app.written, app.sources) if passages else ""
    related = passages_html(passages[1:], corpus, lang, app.written, app.sources)
    return (work_html(result, corpus, lang), gr.Textbox(value=result["in_text"], visible=bool(result["cite"])),
            gr.Textbox(value=reference, visible=bool(reference)), support, related)


def cite_tab(app: Any, settings: Settings, lang: gr.State, labels: dict, engine: dict) -> gr.Dataframe:
    """The find-a-citation tab; returns the citation-index table (refreshed after uploads)."""
    l0 = DEFAULT_LANGUAGE
    with gr.Tab(t(l0, "tab_cite"), id="cite") as tab:
        labels[tab] = lambda c: gr.Tab(label=t(c, "tab_cite"))
        intro = gr.Markdown(t(l0, "cite_intro"))
        labels[intro] = lambda c: gr.Markdown(t(c, "cite_intro"))
        with gr.Row(equal_height=True):
            claim = gr.Textbox(label=t(l0, "claim"), placeholder=t(l0, "claim_placeholder"), scale=5,
                               max_length=settings.max_question_chars, elem_id="claim")
            button = gr.Button(t(l0, "find"), variant="primary", scale=0, min_width=170, elem_id="find-btn")
        labels[claim] = lambda c: gr.Textbox(label=t(c, "claim"), placeholder=t(c, "claim_placeholder"))
        labels[button] = lambda c: gr.Button(t(c, "find"))
        work = gr.HTML(elem_id="cite-work")
        with gr.Row():
            in_text = gr.Textbox(label=t(l0, "in_text"), buttons=["copy"], interactive=False, visible=False,
                                 elem_id="cite-in-text", scale=1)
            reference = gr.Textbox(label=t(l0, "reference"), buttons=["copy"], interactive=False, visible=False,
                                   lines=2, elem_id="cite-reference", scale=2)
        labels[in_text] = lambda c: gr.Textbox(label=t(c, "in_text"))
        labels[reference] = lambda c: gr.Textbox(label=t(c, "reference"))
        support = gr.HTML(elem_id="cite-results")
        with gr.Accordion(t(l0, "related"), open=False, elem_id="cite-related") as related_box:
            related = gr.HTML()
        labels[related_box] = lambda c: gr.Accordion(label=t(c, "related"))
        with gr.Accordion(t(l0, "cite_index"), open=False) as acc:
            table = gr.Dataframe(app.refresh_citations(), headers=_headers(l0), interactive=False, wrap=True)
        labels[acc] = lambda c: gr.Accordion(label=t(c, "cite_index"))
        labels[table] = lambda c: gr.Dataframe(headers=_headers(c))

    def find_citation(claim: str, lang: str) -> tuple[str, gr.Textbox, gr.Textbox, str, str]:
        return find(app, claim, lang)

    outputs = [work, in_text, reference, support, related]
    button.click(find_citation, [claim, lang], outputs, api_name="find_citation", **engine)
    claim.submit(find_citation, [claim, lang], outputs, api_visibility="private", **engine)
    return table


def _headers(lang: str) -> list[str]:
    return [t(lang, "cite_key"), t(lang, "cite_written"), t(lang, "cite_count"), t(lang, "cite_source")]
