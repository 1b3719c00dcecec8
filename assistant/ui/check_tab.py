"""The "Periksa draf / Check draft" tab: paste a draft or upload one (.docx, .md, .txt); every sentence is
marked by its verdict, its evidence shows on click, and the Markdown report and the commented DOCX
can be downloaded."""
from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import gradio as gr

from ..check.draft import DRAFT_TYPES, Draft, DraftError, draft_from_text, read_draft
from ..check.export import write_outputs
from ..check.sentences import draft_sentences
from ..check.verdict import check_sentences
from ..settings import Settings
from .check_render import CSS, draft_html  # noqa: F401 - app.py styles the page with CSS
from .strings import DEFAULT_LANGUAGE, t

MAX_DRAFT_CHARS = 100_000  # about 15,000 words


class CheckTab:
    """The tab's handler over the assistant's current index."""

    def __init__(self, settings: Settings, assistant: Any):
        self.settings = settings
        self.assistant = assistant

    def draft(self, text: str | None, file: Any, lang: str) -> Draft:
        """The draft to check: the uploaded file if any, else the pasted text; gr.Error saying why not."""
        if file:
            path = Path(file if isinstance(file, str) else file.name)
            try:
                return read_draft(path, self.settings.max_upload_mb)
            except DraftError as exc:
                raise gr.Error(t(lang, "check_bad_file", name=path.name, reason=exc.reason)) from None
        text = (text or "").strip()
        if not text:
            raise gr.Error(t(lang, "check_empty"))
        if len(text) > MAX_DRAFT_CHARS:
            raise gr.Error(t(lang, "check_too_long", n=len(text), limit=MAX_DRAFT_CHARS))
        return draft_from_text(text)

    def check(self, text: str | None, file: Any, lang: str, progress=gr.Progress()) -> tuple[str, Any, Any]:
        """The marked draft and the two downloads (Markdown report, commented DOCX)."""
        draft = self.draft(text, file, lang)
        sentences = draft_sentences(draft)
        if not sentences:
            raise gr.Error(t(lang, "check_empty"))
        results = check_sentences(self.assistant, sentences,
                                  progress=lambda done, total: progress((done, total), desc=t(lang, "check_progress")))
        folder = Path(tempfile.mkdtemp(prefix="assistant-check-"))
        stem = Path(draft.path.name).stem if draft.path else t(lang, "check_stem")
        md, docx = folder / f"{stem}.check.md", folder / f"{stem}.checked.docx"
        write_outputs(draft, results, md, docx, lang)
        return (draft_html(draft, results, lang, self.settings.corpus_dir),
                gr.DownloadButton(value=str(md), visible=True), gr.DownloadButton(value=str(docx), visible=True))


def check_tab(settings: Settings, assistant: Any, lang: gr.State, labels: dict, engine: dict) -> CheckTab:
    """Build the tab inside the open gr.Tabs; register its labels for the language switch."""
    handlers = CheckTab(settings, assistant)
    l0 = DEFAULT_LANGUAGE
    with gr.Tab(t(l0, "tab_check"), id="check", elem_id="check-tab") as tab:
        labels[tab] = lambda c: gr.Tab(label=t(c, "tab_check"))
        intro = gr.Markdown(t(l0, "check_intro"))
        labels[intro] = lambda c: gr.Markdown(t(c, "check_intro"))
        text = gr.Textbox(label=t(l0, "check_text"), placeholder=t(l0, "check_placeholder"), lines=8, max_lines=30,
                          max_length=MAX_DRAFT_CHARS, elem_id="check-text")
        labels[text] = lambda c: gr.Textbox(label=t(c, "check_text"), placeholder=t(c, "check_placeholder"))
        with gr.Row():
            file = gr.File(label=t(l0, "check_file"), file_types=list(DRAFT_TYPES), elem_id="check-file", scale=3,
                           height=120)
            button = gr.Button(t(l0, "check_button"), variant="primary", elem_id="check-btn", scale=1, min_width=150)
        labels[file] = lambda c: gr.File(label=t(c, "check_file"))
        labels[button] = lambda c: gr.Button(t(c, "check_button"))
        with gr.Row():
            md = gr.DownloadButton(t(l0, "check_md"), visible=False, size="sm", elem_id="check-md")
            docx = gr.DownloadButton(t(l0, "check_docx"), visible=False, size="sm", elem_id="check-docx")
        labels[md] = lambda c: gr.DownloadButton(t(c, "check_md"))
        labels[docx] = lambda c: gr.DownloadButton(t(c, "check_docx"))
        result = gr.HTML(elem_id="check-result")
    button.click(handlers.check, [text, file, lang], [result, md, docx], api_name="check_draft", **engine)
    return handlers

