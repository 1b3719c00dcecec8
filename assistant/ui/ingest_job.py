"""A corpus ingest in a worker thread for the chat: its progress (files, pages, texts, ETA), a
cancel flag, and the index swapped in when it is saved (and, with `sentences_at_ingest`, as soon as
it is searchable) — questions are answered meanwhile."""
from __future__ import annotations

import html
import threading
from typing import Callable

from ..ingest.build import IngestCancelled, IngestProgress, IngestReport, ingest
from ..settings import Settings
from .strings import t


class IngestJob:
    """One incremental ingest of `settings.corpus_dir`, started at once in a daemon thread;
    `on_index()` runs in that thread whenever a new index version is saved (e.g. to reload it)."""

    def __init__(self, settings: Settings, on_index: Callable[[], None]):
        self.progress: IngestProgress | None = None
        self.report: IngestReport | None = None
        self.error: BaseException | None = None
        self.problems: list[str] = []
        self.cancel = threading.Event()
        self.done = threading.Event()
        self._on_index = on_index
        self._thread = threading.Thread(target=self._run, args=(settings,), name="ingest", daemon=True)
        self._thread.start()

    def _run(self, settings: Settings) -> None:
        try:
            self.report = ingest(settings, progress=False, log=self._log, on_progress=self._update, cancel=self.cancel)
            if self.report.written:
                self._on_index()
        except (Exception, SystemExit) as exc:  # noqa: BLE001 - reported in the chat, never raised there
            self.error = exc
        finally:
            self.done.set()

    def _log(self, msg: object, *_) -> None:
        if not str(msg).startswith("warning"):
            self.problems.append(str(msg))

    def _update(self, progress: IngestProgress) -> None:
        self.progress = progress
        if progress.stage == "searchable":  # passages saved: the new documents can be asked about already
            self._on_index()

    @property
    def cancelled(self) -> bool:
        return isinstance(self.error, IngestCancelled)


def _eta(seconds: float | None) -> str:
    if seconds is None:
        return "…"
    seconds = int(round(seconds))
    return f"{seconds // 60} min {seconds % 60:02d} s" if seconds >= 60 else f"{seconds} s"


def progress_html(progress: IngestProgress | None, lang: str) -> str:
    """A progress bar with what has been read and embedded and the time left."""
    p = progress or IngestProgress("reading")
    if p.stage == "reading":
        share = p.files_done / p.files_total if p.files_total else 0.0
        bar = 0.1 * share
    else:
        bar = 0.1 + 0.9 * (p.texts_done / p.texts_total if p.texts_total else 1.0)
    text = t(lang, "ingest_progress", files=p.files_done, files_total=p.files_total, pages=p.pages,
             texts=p.texts_done, texts_total=p.texts_total, eta=_eta(p.eta_s if p.stage != "done" else 0))
    if p.ocr_pages_total:  # scanned pages read by OCR, which take seconds each
        text += " · " + t(lang, "ingest_ocr", done=p.ocr_pages_done, total=p.ocr_pages_total)
    return (f'<div class="ingest-progress"><progress max="1000" value="{int(bar * 1000)}"></progress>'
            f'<div class="ingest-progress-text">{html.escape(text)}</div></div>')
