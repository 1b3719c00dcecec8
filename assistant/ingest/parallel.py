"""Parallel reading: corpus files loaded and chunked in worker processes, one process per file.

PDF extraction and sentence splitting are pure Python and C calls that hold the GIL, so threads
do not help; processes do (bench/run.py `pdf_pages_s`). Workers are started by a fork server
(not fork: a serving process has OpenMP and Gradio threads), which imports this module once.
OCR'd pages are read in the worker that reads their file (the cores left over by fewer files than
workers read pages side by side), and reported to the caller as they are read (`on_note`).
"""
from __future__ import annotations

import multiprocessing
import os
import tempfile
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from ..records import Chunk, Document
from ..settings import Settings
from .load import LoadError, load_document
from .ocr import OcrOptions

_notes = None  # in a worker: the file its notes are appended to; in this process: the caller's callback
_ocr_threads = 1  # pages a worker reads by OCR at once (cores ÷ workers)


@dataclass
class Read:
    """One file loaded and chunked: its chunks, document metadata, page count and warnings."""

    chunks: list[Chunk]
    meta: dict
    pages: int
    warnings: list[str] = field(default_factory=list)
    ocr_pages: int = 0


_META = ("title", "author", "subject", "creation_date", "full_title", "number", "year", "type", "kind")


def doc_meta(doc: Document) -> dict:
    """What the index keeps of a document: its title and the other metadata as text, its authors, page count
    and reference list."""
    meta = {k: str(v) for k, v in doc.meta.items() if k in _META and v}
    for key in ("authors", "references"):
        if doc.meta.get(key):
            meta[key] = list(doc.meta[key])
    meta["pages"] = len(doc.pages)
    return meta


def read_file(path: Path, rel: str, settings: Settings) -> Read:
    """Load and chunk one file; LoadError (naming the file and the reason) if it cannot be ingested."""
    from .chunk import chunk_document

    ocr = OcrOptions(Path(settings.index_dir) / OCR_CACHE, _ocr_threads, note)
    try:
        doc = load_document(path, max_mb=settings.max_file_mb, ocr=ocr)
    except LoadError:
        raise
    except Exception as exc:  # noqa: BLE001 - one odd file must not stop the whole corpus
        raise LoadError(path, f"unexpected error while reading it ({exc.__class__.__name__}: {exc})") from exc
    chunks = chunk_document(doc, rel, settings.chunk_words, settings.chunk_overlap_sentences)
    if not chunks:
        raise LoadError(path, "no text to index")
    return Read(chunks, doc_meta(doc), len(doc.pages), list(doc.warnings), len(doc.meta.get("ocr", {}).get("pages", {})))


OCR_CACHE = "ocr"  # OCR results by file digest, in the index folder (see build.py)


def note(kind: str, n: int) -> None:
    """Tell the caller of `map_files` about progress inside a file (("todo"|"done", pages) of OCR)."""
    if _notes is None:
        return
    if callable(_notes):
        _notes(kind, n)
        return
    try:  # one short line, appended at once (O_APPEND): workers' lines do not mix
        with open(_notes, "a", encoding="utf-8") as fh:
            fh.write(f"{kind} {n}\n")
    except OSError:  # the caller has gone (cancelled): nobody listens
        pass


def _start_worker(notes: str | None, ocr_threads: int) -> None:
    global _notes, _ocr_threads
    _notes, _ocr_threads = notes, ocr_threads


def workers_for(jobs: int, wanted: int = 0) -> int:
    """How many processes read `jobs` files: `wanted`, or one per core (0), never more than the
    files; 1 means in this process."""
    return max(1, min(wanted or os.cpu_count() or 1, jobs))


def _call(fn: Callable, *job) -> object:
    """fn(*job) in a worker; a LoadError comes back as its (path, reason), which pickle can rebuild."""
    try:
        return fn(*job)
    except LoadError as exc:
        return _Failed(exc.path, exc.reason)


@dataclass
class _Failed:
    path: str
    reason: str


def map_files(fn: Callable, jobs: list[tuple], workers: int, cancelled: Callable[[], bool] = lambda: False,
              on_note: Callable[[str, int], None] | None = None) -> Iterator[tuple[tuple, object]]:
    """(job, fn(*job) or the exception it raised) for each job, as they finish; in this process when
    `workers` is 1. Stops early (pending jobs dropped) once `cancelled()` is true. `on_note` hears
    what `note` says inside the jobs, as it is said."""
    global _notes, _ocr_threads
    cores = os.cpu_count() or 1
    if workers <= 1:
        _notes, _ocr_threads = on_note, cores
        try:
            for job in jobs:
                if cancelled():
                    return
                try:
                    yield job, fn(*job)
                except Exception as exc:  # noqa: BLE001 - handed to the caller, as from a worker
                    yield job, exc
        finally:
            _notes, _ocr_threads = None, 1
        return
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload([__name__])
    # notes come back through a file, not a queue: a worker still starting after a cancel finds no lock gone
    notes = tempfile.NamedTemporaryFile("rb", prefix="ingest-notes-", delete=False) if on_note else None
    ex = ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_start_worker,
                             initargs=(notes and notes.name, max(1, cores // workers)))
    pending: dict[Future, tuple] = {ex.submit(_call, fn, *job): job for job in jobs}
    try:
        while pending and not cancelled():
            done, _ = wait(pending, timeout=0.25, return_when=FIRST_COMPLETED)
            _drain(notes, on_note)
            for fut in done:
                job = pending.pop(fut)
                out = fut.exception() or fut.result()
                yield job, LoadError(out.path, out.reason) if isinstance(out, _Failed) else out
    finally:
        ex.shutdown(wait=not pending, cancel_futures=True)
        if notes is not None:
            _drain(notes, on_note)
            notes.close()
            os.unlink(notes.name)


def _drain(notes, on_note: Callable[[str, int], None] | None) -> None:
    """Hand on the whole lines the workers have added to the notes file since the last call."""
    if notes is None:
        return
    for line in notes.read().decode("utf-8").splitlines(keepends=True):
        if not line.endswith("\n"):  # a line being written: read again next time
            notes.seek(-len(line.encode("utf-8")), os.SEEK_CUR)
            break
        kind, n = line.split()
        on_note(kind, int(n))
