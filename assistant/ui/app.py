"""The Gradio chat: cited answers with sources, uploads, find-a-citation, and the `/ask` API endpoint."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Iterator

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

import gradio as gr  # noqa: E402

from ..answer import cite  # noqa: E402
from ..converse.history import HistoryError, text_of  # noqa: E402
from ..ingest.build import unfinished  # noqa: E402
from ..search.documents import DocumentNotFound, list_documents  # noqa: E402
from ..search.query import Query  # noqa: E402
from ..settings import Settings  # noqa: E402
from .check_tab import CSS as CHECK_CSS, check_tab  # noqa: E402
from .cite_tab import cite_tab  # noqa: E402
from .generated import draft_html, note_html  # noqa: E402
from .render import answer_html, as_written, quotes_by_source  # noqa: E402
from .strings import DEFAULT_LANGUAGE, EXAMPLES, LANGUAGES, t  # noqa: E402
from .ingest_job import IngestJob, progress_html  # noqa: E402
from .study_tab import CSS as STUDY_CSS, study_tab  # noqa: E402
from .upload import ALLOWED, UploadRejected, save_upload  # noqa: E402

CSS = """
.gradio-container {max-width: 1100px !important; margin: 0 auto !important;}
#app-header h1 {margin: 0 0 .2em 0; font-size: 1.6em;}
#app-header p {margin: 0; opacity: .8;}
.answer {margin-bottom: .4em;}
.searched {font-size: .88em; margin-bottom: .25em; font-style: italic;}
.src-ref {font-weight: 600; color: var(--color-accent);}
details.sources summary {cursor: pointer; font-weight: 600; margin: .3em 0;}
.src {border-left: 3px solid var(--color-accent); padding: .35em .7em; margin: .5em 0;
      background: var(--background-fill-secondary); border-radius: 4px;}
.src-head {font-size: .9em; margin-bottom: .25em;}
.src-n {font-weight: 700; color: var(--color-accent);}
.src-section {opacity: .85;}
.src-text {font-size: .92em; line-height: 1.45;}
.src-text mark {background: #ffe58a; color: #222; padding: 0 .1em; border-radius: 2px;}
.src-cites {font-size: .85em; margin-top: .3em; font-style: italic;}
.src-backing {font-style: normal; font-weight: 600;}
.src-others {opacity: .75;}
.cite-work {padding: .6em .9em; border-radius: 6px; border: 1px solid var(--color-accent);
      background: var(--background-fill-secondary);}
.cite-work.cite-none {border-color: var(--border-color-primary);}
.cite-label {font-size: .85em; opacity: .8;}
.cite-in-text {font-size: 1.15em; font-weight: 700; margin: .15em 0 .3em 0;}
.cite-reference {font-size: .92em; line-height: 1.4;}
.src-support {font-size: .85em; margin-top: .4em; padding: .3em .6em; border-radius: 4px;
      background: var(--background-fill-primary); border: 1px dashed var(--border-color-primary);}
.src-support-text {margin-top: .2em;}
.muted {opacity: .7;}
.ingest-progress progress {width: 100%; height: 1em;}
.ingest-progress-text {font-size: .9em; opacity: .85;}
#chatbot .placeholder {padding: 0 1.2em; text-align: center; opacity: .75;}
#question textarea::placeholder, #claim textarea::placeholder {white-space: nowrap; overflow: hidden;
      text-overflow: ellipsis;}

@media (max-width: 640px) {
  #app-header h1 {font-size: 1.25em;}
  #app-header p {font-size: .85em;}
  .src-text {font-size: .88em;}
  .src {padding: .3em .5em;}
  #chatbot .message-row {margin-left: 4px !important; margin-right: 4px !important;}
  .tab-container button {padding-left: .45em !important; padding-right: .45em !important; font-size: .9em;}
}
"""

# Page-level rules Gradio's CSS scoping cannot reach (it prefixes `css` rules with the app container).
HEAD = """<style>@media (max-width: 640px) {
  .gradio-container .main.app {padding-left: 10px !important; padding-right: 10px !important;}
}</style>"""

THEME = gr.themes.Default(primary_hue="teal", font=["system-ui", "Segoe UI", "Roboto", "sans-serif"],
                          font_mono=["ui-monospace", "monospace"])


class ChatApp:
    """The handlers behind the UI, bound to one loaded Assistant."""

    def __init__(self, settings: Settings, assistant: Any):
        self.settings = settings
        self.assistant = assistant
        self.written: dict[str, str] = {}
        self.sources: dict[str, str] = {}
        self.job: IngestJob | None = None  # the latest upload's ingest
        self.refresh_citations()

    # -- questions ---------------------------------------------------------------------------------
    def check_question(self, question: str, lang: str) -> str:
        """The stripped question, or a gr.Error saying why it cannot be asked."""
        question = (question or "").strip()
        if not question:
            raise gr.Error(t(lang, "empty_question"))
        limit = self.settings.max_question_chars
        if len(question) > limit:
            raise gr.Error(t(lang, "too_long", n=len(question), limit=limit))
        return question

    def ask(self, question: str, history: list[dict] | None = None, doc: str | None = None) -> dict:
        """The same JSON object as `assistant ask --json`; `history`: the chat so far ({"role", "content"}
        messages), for a follow-up question; `doc`: ask one document (its file name or a part of its title)."""
        question = self.check_question(question, "en")
        try:
            return {"id": None, **self.assistant.ask(question, history=history, doc=doc or None)}
        except (HistoryError, DocumentNotFound) as exc:
            raise gr.Error(str(exc)) from None

    def document_choices(self, lang: str = DEFAULT_LANGUAGE) -> list[tuple[str, str]]:
        """The document picker's choices: all documents (""), then each by its title."""
        return [(t(lang, "all_documents"), "")] + [(d["title"], d["file"]) for d in list_documents(self.assistant.index)]

    def picker(self, lang: str = DEFAULT_LANGUAGE, value: str = "") -> gr.Dropdown:
        choices = self.document_choices(lang)
        return gr.Dropdown(choices=choices, value=value if value in {v for _, v in choices} else "",
                           label=t(lang, "document"))

    def add_user(self, message: str, history: list, lang: str) -> tuple[list, str]:
        """Show the user's message at once; the answer follows."""
        message = self.check_question(message, lang)
        return history + [{"role": "user", "content": message}], ""

    def respond(self, history: list, doc: str = "") -> list:
        """Answer the last user message, with its sources; `doc`: the document picked ("" for all)."""
        *_, last = self.respond_stream(history, doc)
        return last

    def respond_stream(self, history: list, doc: str = ""):
        """As `respond`, showing a generated answer's draft while it streams, then the checked answer."""
        question = text_of(history[-1]["content"]) if history else ""
        query = self.assistant.query(question, history=history[:-1])
        for item in self.assistant.stream(query, doc=doc or None):
            if isinstance(item, str):
                yield history + [{"role": "assistant", "content": draft_html(item)}]
                continue
            html = answer_html(item, self.settings.corpus_dir, self.written, self.sources, self.support(item, query),
                               self.backing(item))
            yield history + [{"role": "assistant", "content": html + note_html(item)}]

    def backing(self, result: dict) -> dict[int, list[str]]:
        """[n] → the works backing the sentences the answer quotes from source n (listed first)."""
        works = cite.sentence_works(self.assistant.index)
        return {n: list(dict.fromkeys(k for q in quotes for k in works.get(q, [])))
                for n, quotes in quotes_by_source(result.get("answer", "")).items()}

    def support(self, result: dict, query: Query) -> list[dict]:
        """Passages from cited PDFs in the corpus behind the answer's citations."""
        if not self.sources or not result.get("citations"):
            return []
        try:
            from ..answer.sources import supporting_sources

            return supporting_sources(self.assistant, result, query=query)
        except Exception:  # optional extra: never let it break an answer
            return []

    # -- find a citation ---------------------------------------------------------------------------
    def refresh_citations(self) -> list[list]:
        """Rows of the citation index (key, as written, count); also refreshes the key → written map."""
        try:
            entries = cite.citation_index(self.assistant.index, self.settings.corpus_dir)
        except Exception:
            return []
        self.written = {e["key"]: as_written((e.get("written") or [e["key"]])[0]) for e in entries}
        self.sources = {e["key"]: e["source"] for e in entries if e.get("source")}
        return [[e["key"], "; ".join(dict.fromkeys(as_written(w) for w in e.get("written") or [])),
                 e.get("count", 0), e.get("source") or ""] for e in entries]

    # -- uploads -----------------------------------------------------------------------------------
    def add_documents(self, files: list | None, lang: str) -> Iterator[tuple[str, str, str]]:
        """Save uploads into corpus/ and ingest them in a worker (IngestJob) while questions keep being
        answered; yields (status, progress bar, index info) until the new index is swapped in."""
        if not files:
            yield t(lang, "upload_none"), "", self.index_info(lang)
            return
        lines, saved = [], 0
        for f in files:
            path = Path(f if isinstance(f, str) else f.name)
            try:
                name, duplicate = save_upload(path, path.name, self.settings.corpus_dir, self.settings.max_upload_mb)
            except UploadRejected as exc:
                lines.append(f"✗ {path.name}: {t(lang, exc.key, **exc.values)}")
                continue
            saved += not duplicate
            lines.append(f"✓ {path.name}: {t(lang, 'upload_same' if duplicate else 'upload_saved', name=name)}")
        status = "\n\n".join(lines)
        if not saved:
            yield status, "", self.index_info(lang)
            return
        if self.job is not None and not self.job.done.is_set():
            yield f"{status}\n\n{t(lang, 'ingest_busy')}", "", self.index_info(lang)
            return
        job = self.job = IngestJob(self.settings, self._swap_in)
        yield f"{status}\n\n{t(lang, 'ingesting')}", progress_html(None, lang), self.index_info(lang)
        while not job.done.wait(0.5):
            note = t(lang, "ingest_stopping" if job.cancel.is_set() else "ingesting")
            yield f"{status}\n\n{note}", progress_html(job.progress, lang), self.index_info(lang)
        bar = progress_html(job.progress, lang) if job.report is not None else ""
        yield f"{status}\n\n{self.job_status(job, lang)}", bar, self.index_info(lang)

    def _swap_in(self) -> None:
        """The new index answers from now on (no restart); the citation index follows it; its
        sentence vectors are embedded in the background."""
        self.assistant.reload()
        self.refresh_citations()
        if not unfinished(self.assistant.index.meta, self.settings):  # (else the ingest is embedding them)
            self.assistant.warm_in_background()

    def cancel_ingest(self) -> bool:
        """Ask the running ingest to stop at its next step (the previous index stays in use);
        False when none is running."""
        if self.job is None or self.job.done.is_set():
            return False
        self.job.cancel.set()
        return True

    @staticmethod
    def job_status(job: IngestJob, lang: str) -> str:
        """One status line for a finished ingest, with the files it could not take."""
        if job.cancelled:
            return t(lang, "ingest_cancelled")
        if job.error is not None:
            return t(lang, "ingest_busy") if "already" in str(job.error) else t(lang, "ingest_failed", error=job.error)
        if not job.report.ingested:
            return t(lang, "ingest_failed", error="; ".join(job.problems) or job.report.summary())
        return t(lang, "ingest_done", summary=job.report.summary()) + "".join(f"\n\n⚠ {p}" for p in job.problems)

    def index_info(self, lang: str) -> str:
        chunks = self.assistant.index.chunks
        docs = sorted({c.file for c in chunks}) if chunks and hasattr(chunks[0], "file") else []
        return t(lang, "docs_in_index", docs=", ".join(docs) or "—", chunks=len(chunks))


def build_app(settings: Settings, assistant: Any) -> gr.Blocks:
    """The Blocks app over a loaded Assistant (no server is started)."""
    app = ChatApp(settings, assistant)
    l0 = DEFAULT_LANGUAGE
    private = {"api_visibility": "private"}
    engine = {"concurrency_id": "engine", "concurrency_limit": 1}
    labels: dict[Any, Any] = {}  # component -> function(lang) -> update, for the language switch
    with gr.Blocks(title=t(l0, "title"), analytics_enabled=False) as demo:
        lang = gr.State(l0)
        with gr.Row(equal_height=True):
            header = gr.Markdown(_header(l0), elem_id="app-header", min_width=300)
            switch = gr.Radio([(v, k) for k, v in LANGUAGES.items()], value=l0, label=t(l0, "language"),
                              scale=0, min_width=340, elem_id="lang-switch")
        labels[header] = lambda c: gr.Markdown(_header(c))
        labels[switch] = lambda c: gr.Radio(label=t(c, "language"))
        with gr.Tabs():
            with gr.Tab(t(l0, "tab_chat"), id="chat") as tab:
                labels[tab] = lambda c: gr.Tab(label=t(c, "tab_chat"))
                chatbot = gr.Chatbot(label=t(l0, "chat_label"), placeholder=t(l0, "chat_placeholder"),
                                     height="50vh", min_height=300, elem_id="chatbot", buttons=["copy"],
                                     feedback_options=None)
                labels[chatbot] = lambda c: gr.Chatbot(label=t(c, "chat_label"), placeholder=t(c, "chat_placeholder"))
                document = gr.Dropdown(choices=app.document_choices(l0), value="", label=t(l0, "document"),
                                       elem_id="doc-picker", interactive=True)
                with gr.Row(equal_height=True):
                    question = gr.Textbox(label=t(l0, "question"), placeholder=t(l0, "question_placeholder"),
                                          max_length=settings.max_question_chars, scale=5, elem_id="question",
                                          show_label=False)
                    send = gr.Button(t(l0, "send"), variant="primary", scale=0, min_width=80, elem_id="send-btn")
                labels[question] = lambda c: gr.Textbox(label=t(c, "question"), placeholder=t(c, "question_placeholder"))
                labels[send] = lambda c: gr.Button(t(c, "send"))
                examples = gr.Examples(EXAMPLES, inputs=[question], label=t(l0, "examples"))
                labels[examples.dataset] = lambda c: gr.Dataset(label=t(c, "examples"))
                clear = gr.ClearButton([chatbot, question], value=t(l0, "clear"), size="sm")
                labels[clear] = lambda c: gr.Button(t(c, "clear"))
            cite_table = cite_tab(app, settings, lang, labels, engine)
            check_tab(settings, assistant, lang, labels, engine)
            study_tab(settings, assistant, lang, labels)
            with gr.Tab(t(l0, "tab_upload"), id="upload") as tab:
                labels[tab] = lambda c: gr.Tab(label=t(c, "tab_upload"))
                intro = gr.Markdown(t(l0, "upload_intro", mb=settings.max_upload_mb))
                labels[intro] = lambda c: gr.Markdown(t(c, "upload_intro", mb=settings.max_upload_mb))
                files = gr.File(label=t(l0, "upload_files"), file_count="multiple", file_types=list(ALLOWED),
                                elem_id="upload-files")
                labels[files] = lambda c: gr.File(label=t(c, "upload_files"))
                with gr.Row():
                    add = gr.Button(t(l0, "upload_button"), variant="primary", elem_id="upload-btn")
                    stop = gr.Button(t(l0, "ingest_cancel"), variant="stop", elem_id="cancel-ingest-btn")
                labels[add] = lambda c: gr.Button(t(c, "upload_button"))
                labels[stop] = lambda c: gr.Button(t(c, "ingest_cancel"))
                bar = gr.HTML(elem_id="ingest-progress")
                status = gr.Markdown(elem_id="upload-status")
                info = gr.Markdown(app.index_info(l0), elem_id="index-info")
                labels[info] = lambda c: gr.Markdown(app.index_info(c))
        footer = gr.Markdown(t(l0, "footer"), elem_classes=["muted"])
        labels[footer] = lambda c: gr.Markdown(t(c, "footer"))

        for trigger in (question.submit, send.click):
            trigger(app.add_user, [question, chatbot, lang], [chatbot, question], **private).success(
                app.respond_stream, [chatbot, document], [chatbot], **private, **engine)
        done = add.click(app.add_documents, [files, lang], [status, bar, info], api_name="add_documents",
                         concurrency_limit=1, concurrency_id="ingest")
        stop.click(app.cancel_ingest, None, None, api_name="cancel_ingest", concurrency_limit=None)
        done.then(app.refresh_citations, None, [cite_table], **private)
        done.then(app.picker, [lang, document], [document], **private)  # the new documents can be picked

        def relabel(choice: str) -> dict:
            return {lang: choice, **{comp: make(choice) for comp, make in labels.items()}}

        switch.change(relabel, [switch], [lang, *labels], **private)
        switch.change(app.picker, [switch, document], [document], **private)
        gr.api(app.ask, api_name="ask", api_description="Answer a question; returns the `assistant ask --json` object.",
               **engine)
    return demo


def _header(lang: str) -> str:
    return f"# {t(lang, 'title')}\n{t(lang, 'subtitle')}"


def login(settings: Settings) -> tuple[str, str] | None:
    """(user, password) when both are set (ASSISTANT_USER / ASSISTANT_PASSWORD), else None."""
    return (settings.user, settings.password) if settings.user and settings.password else None


def launch_options(settings: Settings) -> dict:
    """Keyword arguments for `Blocks.launch`: loopback by default, no share link, corpus files served."""
    return dict(server_name=settings.host, server_port=settings.port, share=False, auth=login(settings),
                allowed_paths=[str(Path(settings.corpus_dir).resolve())], max_file_size=int(settings.max_upload_mb * 1024 * 1024),
                footer_links=["api", "settings"], ssr_mode=False, mcp_server=False, pwa=False, inbrowser=False,
                theme=THEME, css=CSS + STUDY_CSS + CHECK_CSS, head=HEAD, show_error=True, quiet=False)


def serve(settings: Settings, block: bool = True) -> gr.Blocks:
    """Load the assistant and serve the chat on settings.host:settings.port (127.0.0.1:7860 by default)."""
    from ..engine import Assistant

    assistant = Assistant(settings)
    assistant.warm_in_background()  # the sentence vectors questions have not needed yet
    demo = build_app(settings, assistant)
    demo.queue(default_concurrency_limit=1)
    demo.launch(prevent_thread_lock=not block, **launch_options(settings))
    return demo
