"""The "Belajar / Study" tab: timeline (filter by year and actor), searchable glossary, chapter guide,
flashcards with Anki/CSV download, and a quiz played in a chat. Views come from the per-index cache."""
from __future__ import annotations

import random
import tempfile
import threading
from pathlib import Path
from typing import Any

import gradio as gr

from ..settings import Settings
from ..study import views as study_views
from ..study.corpus import passage
from ..study.export import to_anki, to_csv
from ..study.quiz import quiz
from ..study.timeline import between
from . import study_render as render
from .strings import DEFAULT_LANGUAGE, t

CSS = """
.tl-item {display: flex; gap: .8em; border-left: 3px solid var(--color-accent); padding: .3em .7em; margin: .4em 0;}
.tl-date {font-weight: 700; min-width: 7.5em; white-space: nowrap;}
.gl-term {margin: .5em 0; padding: .3em .6em; background: var(--background-fill-secondary); border-radius: 4px;}
details.guide-ch {margin: .4em 0; border: 1px solid var(--border-color-primary); border-radius: 4px; padding: .3em .6em;}
details.guide-sec {margin: .3em 0 .3em 1em;}
details.flash {margin: .4em 0; padding: .5em .8em; border: 1px solid var(--border-color-primary); border-radius: 6px;
      background: var(--background-fill-secondary); cursor: pointer;}
.flash-back {margin-top: .4em; padding-top: .4em; border-top: 1px dashed var(--border-color-primary);}
@media (max-width: 640px) {.tl-item {flex-direction: column; gap: .1em;}}
"""


class StudyTab:
    """Handlers of the study tab over the assistant's current index."""

    def __init__(self, settings: Settings, assistant: Any):
        self.settings = settings
        self.assistant = assistant
        self._lock = threading.Lock()
        threading.Thread(target=self._warm, daemon=True).start()

    def _warm(self) -> None:
        """Compute (or read) the views while the page loads, so the tab opens at once."""
        try:
            self.views()
        except Exception:  # noqa: BLE001 - opening the tab reports any problem
            pass

    def views(self) -> dict:
        """The study views of the live index (cached on disk per index version)."""
        with self._lock:
            return study_views.load(self.settings.index_dir, self.assistant.index)

    def open(self, lang: str) -> tuple:
        """Everything the tab shows when it is opened."""
        v = self.views()
        years = sorted({str(y) for e in v["timeline"] for y in range(int(e["date"][:4]), int((e["end"] or e["date"])[:4]) + 1)})
        counts: dict[str, int] = {}
        for e in v["timeline"]:
            for a in e["actors"]:
                counts[a] = counts.get(a, 0) + 1
        actors = sorted(counts, key=lambda a: (-counts[a], a))[:60]
        apkg, csv = self.exports(v)
        everything = t(lang, "study_all")
        return (render.timeline_html(v["timeline"], lang),
                gr.Dropdown(choices=[everything, *years], value=everything, label=t(lang, "study_year")),
                gr.Dropdown(choices=[everything, *actors], value=everything, label=t(lang, "study_actor")),
                render.glossary_html(v["glossary"], lang), render.guide_html(v["guide"], lang),
                render.cards_html(v["cards"], lang), apkg, csv)

    def exports(self, v: dict) -> tuple[str, str]:
        """The cards as .apkg and .csv files, written once per index version."""
        folder = Path(tempfile.gettempdir()) / "assistant-study" / str(v.get("version") or "current").replace(":", "")
        folder.mkdir(parents=True, exist_ok=True)
        apkg, csv = folder / "flashcards.apkg", folder / "flashcards.csv"
        if not apkg.exists():
            to_anki(v["cards"], apkg)
        if not csv.exists():
            to_csv(v["cards"], csv)
        return str(apkg), str(csv)

    def filter_timeline(self, year: str | None, actor: str | None, lang: str) -> str:
        y = int(year) if year and year.isdigit() else None
        who = actor if actor and actor not in (t("id", "study_all"), t("en", "study_all")) else None
        return render.timeline_html(between(self.views()["timeline"], y, y, actor=who), lang)

    def search_glossary(self, query: str, lang: str) -> str:
        return render.glossary_html(self.views()["glossary"], lang, query or "")

    # -- quiz ----------------------------------------------------------------------------------------
    def start(self, n: float | None, lang: str) -> tuple[list, Any, dict]:
        """A new quiz of `n` questions: the first question in the chat, its options to choose from."""
        questions = quiz(self.views()["cards"], max(1, int(n or 10)), random.randrange(1 << 30))
        if not questions:
            return [{"role": "assistant", "content": t(lang, "quiz_empty")}], gr.Radio(choices=[], value=None), {}
        state = {"questions": questions, "i": 0, "right": 0, "missed": []}
        return [self._ask(state, lang)], gr.Radio(choices=questions[0]["options"], value=None), state

    def _ask(self, state: dict, lang: str) -> dict:
        q = state["questions"][state["i"]]
        return {"role": "assistant", "content": render.question_html(q, state["i"] + 1, len(state["questions"]), lang)}

    def answer(self, choice: str | None, history: list, state: dict, lang: str) -> tuple[list, Any, dict]:
        """Mark the answer, show the source passage with its sentence highlighted, then the next
        question, or the score and the cards missed."""
        if not state or state["i"] >= len(state.get("questions", [])):
            raise gr.Error(t(lang, "quiz_not_started"))
        if not choice:
            raise gr.Error(t(lang, "quiz_pick"))
        q = state["questions"][state["i"]]
        right = choice == q["options"][q["answer"]]
        state = {**state, "i": state["i"] + 1, "right": state["right"] + right,
                 "missed": state["missed"] + ([] if right else [q])}
        found = passage(self.assistant.index, q["source"])
        history = history + [{"role": "user", "content": choice},
                             {"role": "assistant", "content": render.feedback_html(q, choice, state["i"], found, lang,
                                                                                   self.settings.corpus_dir)}]
        if state["i"] < len(state["questions"]):
            nxt = state["questions"][state["i"]]
            return history + [self._ask(state, lang)], gr.Radio(choices=nxt["options"], value=None), state
        score = render.score_html(state["right"], len(state["questions"]), state["missed"], lang)
        return history + [{"role": "assistant", "content": score}], gr.Radio(choices=[], value=None), state


def study_tab(settings: Settings, assistant: Any, lang: gr.State, labels: dict) -> StudyTab:
    """Build the tab inside the open gr.Tabs; register its labels for the language switch."""
    tab_handlers = StudyTab(settings, assistant)
    l0 = DEFAULT_LANGUAGE
    private = {"api_visibility": "private"}
    with gr.Tab(t(l0, "tab_study"), id="study", elem_id="study-tab") as tab:
        labels[tab] = lambda c: gr.Tab(label=t(c, "tab_study"))
        with gr.Tabs():
            with gr.Tab(t(l0, "study_timeline"), id="study-timeline-tab") as sub:
                labels[sub] = lambda c: gr.Tab(label=t(c, "study_timeline"))
                with gr.Row():
                    year = gr.Dropdown(label=t(l0, "study_year"), choices=[], elem_id="study-year")
                    actor = gr.Dropdown(label=t(l0, "study_actor"), choices=[], allow_custom_value=True,
                                        elem_id="study-actor")
                timeline = gr.HTML(elem_id="study-timeline")
            with gr.Tab(t(l0, "study_glossary"), id="study-glossary-tab") as sub:
                labels[sub] = lambda c: gr.Tab(label=t(c, "study_glossary"))
                search = gr.Textbox(label=t(l0, "study_search"), elem_id="study-search")
                labels[search] = lambda c: gr.Textbox(label=t(c, "study_search"))
                glossary = gr.HTML(elem_id="study-glossary")
            with gr.Tab(t(l0, "study_guide"), id="study-guide-tab") as sub:
                labels[sub] = lambda c: gr.Tab(label=t(c, "study_guide"))
                guide = gr.HTML(elem_id="study-guide")
            with gr.Tab(t(l0, "study_cards"), id="study-cards-tab") as sub:
                labels[sub] = lambda c: gr.Tab(label=t(c, "study_cards"))
                with gr.Row():
                    apkg = gr.DownloadButton(t(l0, "study_apkg"), elem_id="study-apkg", size="sm")
                    csv = gr.DownloadButton(t(l0, "study_csv"), elem_id="study-csv", size="sm")
                labels[apkg] = lambda c: gr.DownloadButton(t(c, "study_apkg"))
                labels[csv] = lambda c: gr.DownloadButton(t(c, "study_csv"))
                cards = gr.HTML(elem_id="study-cards")
            with gr.Tab(t(l0, "study_quiz"), id="study-quiz-tab") as sub:
                labels[sub] = lambda c: gr.Tab(label=t(c, "study_quiz"))
                intro = gr.Markdown(t(l0, "quiz_intro"))
                labels[intro] = lambda c: gr.Markdown(t(c, "quiz_intro"))
                with gr.Row():
                    n = gr.Number(value=10, minimum=1, maximum=50, precision=0, label=t(l0, "quiz_n"), elem_id="quiz-n",
                                  scale=0, min_width=120)
                    start = gr.Button(t(l0, "quiz_start"), variant="primary", elem_id="quiz-start", scale=0, min_width=150)
                labels[n] = lambda c: gr.Number(label=t(c, "quiz_n"))
                labels[start] = lambda c: gr.Button(t(c, "quiz_start"))
                chat = gr.Chatbot(height="45vh", min_height=260, elem_id="quiz-chat", show_label=False)
                with gr.Row(equal_height=True):
                    options = gr.Radio(choices=[], label=t(l0, "quiz_options"), elem_id="quiz-options", scale=5)
                    answer = gr.Button(t(l0, "quiz_answer"), elem_id="quiz-answer", scale=0, min_width=100)
                labels[options] = lambda c: gr.Radio(label=t(c, "quiz_options"))
                labels[answer] = lambda c: gr.Button(t(c, "quiz_answer"))
                state = gr.State({})
    shown = [timeline, year, actor, glossary, guide, cards, apkg, csv]
    tab.select(tab_handlers.open, [lang], shown, **private)
    for picker in (year, actor):
        picker.change(tab_handlers.filter_timeline, [year, actor, lang], [timeline], **private)
    search.change(tab_handlers.search_glossary, [search, lang], [glossary], **private)
    start.click(tab_handlers.start, [n, lang], [chat, options, state], **private)
    answer.click(tab_handlers.answer, [options, chat, state, lang], [chat, options, state], **private)
    return tab_handlers
