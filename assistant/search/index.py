"""Index: FAISS (passages) + BM25 (keywords) + sentence vectors, persisted under one folder.

The model embeds each passage, each section title and each distinct sentence alone. What the
answerer compares with a question is a sentence in its place: its vector plus shares of the previous
sentence's and of its section title's, mixed here rather than embedded as one longer text (that
cost twice the tokens; docs/evaluation.md "Sentence vectors"). Sentence vectors are a cache filled
where questions go (`ensure_sentences`: the sentences of the passages a search ranks first) and by the
chat's background warmer; `save_sentences` writes them into the live version.

Layout of `index/`: CURRENT (names the live version) and v-*/ folders holding meta.json,
chunks.jsonl, passages.faiss, sentences.json/.npy, sections.json/.npy and bm25/. A new version is written
beside the live one and CURRENT is switched with one atomic rename, so a crash at any
point leaves the previous index loading.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import faiss
import numpy as np

from ..citations import key_surname
from ..records import Chunk
from . import INDEX_FORMAT as FORMAT
from .keywords import KeywordIndex

# A sentence in its place (the answerer's sentence vector): itself, plus these shares of the previous
# sentence of its passage and of its section title (docs/evaluation.md "Sentence vectors").
PREVIOUS_SHARE, SECTION_SHARE = 0.5, 0.3


class IndexError_(Exception):
    """The index is missing, broken, or was built with another embedder."""


@dataclass
class Index:
    chunks: list[Chunk]
    vectors: faiss.Index
    keywords: KeywordIndex
    sentence_texts: list[str]  # distinct sentences with a vector, each embedded alone
    sentence_vectors: np.ndarray
    meta: dict
    # content keys (embedder + exact embedded text) of each passage, sentence and section vector
    passage_keys: list[str] | None = None
    sentence_keys: list[str] | None = None
    section_texts: list[str] = field(default_factory=list)
    section_vectors: np.ndarray | None = None  # None: no section titles (an empty array after init)
    section_keys: list[str] | None = None
    path: Path | None = None  # the version folder it was loaded from (where `save_sentences` writes)
    _languages: dict[str, str] = field(default_factory=dict, init=False, repr=False)  # file → its language

    def __post_init__(self) -> None:
        if self.section_vectors is None:  # an index built without section titles
            self.section_vectors = np.zeros((0, self.vectors.d), dtype=np.float32)
        n = min(len(self.sentence_texts), len(self.sentence_vectors))  # an append cut short keeps its prefix
        self.sentence_texts, self.sentence_vectors = list(self.sentence_texts[:n]), self.sentence_vectors[:n]
        keys = self.sentence_keys  # kept only in step with the texts (an index saved without them has none)
        self.sentence_keys = [] if n == 0 else list(keys[:n]) if keys is not None and len(keys) >= n else None
        self.sentence_row = {t: i for i, t in enumerate(self.sentence_texts)}
        self._lock = threading.Lock()
        self._buffer: np.ndarray | None = None  # sentence_vectors is a view of it once sentences are added
        self._saved = n  # sentence vectors already in `path`
        self.section_row = {t: i for i, t in enumerate(self.section_texts)}
        # foreign terms the documents italicise inside their own language (*human trafficking*)
        self.loan_terms = frozenset(
            m.lower().strip() for c in self.chunks for m in re.findall(r"\*([^*\n]{3,60})\*", c.text)
            if len(m.split()) <= 5)

    @property
    def context_vectors(self) -> np.ndarray:
        """Every sentence in its place (rows as in `sentence_texts`): see `context`."""
        return self.context(range(len(self.sentence_vectors)))  # (texts grow first, vectors next)

    def context(self, rows) -> np.ndarray:
        """Sentence rows `rows` in their place (a sentence's first place wins): its vector
        + PREVIOUS_SHARE × the previous sentence's in its passage + SECTION_SHARE × its section
        title's, normalised."""
        row = self.sentence_row  # read first: published last by ensure_sentences
        texts, vectors, places = self.sentence_texts, self.sentence_vectors, self.places
        rows = np.asarray(list(rows), dtype=np.int64)
        if not len(rows):
            return np.zeros((0, vectors.shape[1] if vectors.ndim == 2 else self.vectors.d), dtype=np.float32)
        first = [places.get(texts[r], (None, "")) for r in rows]
        previous = np.array([row.get(p or "", -1) for p, _ in first], dtype=np.int64)
        sections = np.array([self.section_row.get(section, -1) for _, section in first], dtype=np.int64)
        mix = vectors[rows] + np.where((previous >= 0)[:, None], PREVIOUS_SHARE * vectors[np.maximum(previous, 0)], 0)
        if len(self.section_vectors):
            mix += np.where((sections >= 0)[:, None], SECTION_SHARE * self.section_vectors[np.maximum(sections, 0)], 0)
        return (mix / np.maximum(np.linalg.norm(mix, axis=1, keepdims=True), 1e-12)).astype(np.float32)

    @cached_property
    def places(self) -> dict[str, tuple[str | None, str]]:
        """Each sentence's first place: the sentence before it in that passage (None at its start)
        and that passage's section."""
        places: dict[str, tuple[str | None, str]] = {}
        for c in self.chunks:
            before = None
            for sent in c.sentences:
                places.setdefault(sent.text, (before, c.section))
                before = sent.text
        return places

    @cached_property
    def sentence_order(self) -> dict[str, int]:
        """Each distinct sentence's position in document order (first occurrence)."""
        return {t: i for i, t in enumerate(self.places)}

    def ensure_sentences(self, rows: Iterable[int], embed: Callable[[list[str]], np.ndarray]) -> int:
        """Give every sentence of the passages `rows` (and the sentence before each, in its first
        place) a vector, embedding those that have none with `embed` (alone, as passages); the
        number embedded. Thread-safe; readers see the new rows only once their vectors are in."""
        rows = list(rows)
        if not self._unembedded(rows):  # the usual case, without waiting for a warm-up's batch
            return 0
        with self._lock:
            texts = self._unembedded(rows)
            if not texts:
                return 0
            vectors = np.asarray(embed(texts), dtype=np.float32).reshape(len(texts), -1)
            start, end = len(self.sentence_texts), len(self.sentence_texts) + len(texts)
            buffer = self._buffer
            if buffer is None or len(buffer) < end:  # room doubles: a warm-up's many small batches copy little
                buffer = np.empty((max(end, 2 * start, 256), vectors.shape[1]), dtype=np.float32)
                buffer[:start] = self.sentence_vectors.reshape(start, vectors.shape[1])
                self._buffer = buffer
            buffer[start:end] = vectors  # past every reader's view
            self.sentence_texts.extend(texts)
            self.sentence_vectors = buffer[:end]
            if self.sentence_keys is not None:  # (an index saved without keys stays so)
                self.sentence_keys.extend(vector_key(self.embedder_id, t) for t in texts)
            row = dict(self.sentence_row)
            row.update((t, start + i) for i, t in enumerate(texts))
            self.sentence_row = row  # published last: a reader never gets a row its arrays lack
            return len(texts)

    def _unembedded(self, rows: list[int]) -> list[str]:
        """The sentences of passages `rows`, and those before them in their first place, that have no vector."""
        have, places = self.sentence_row, self.places
        todo = (text for r in rows for sent in self.chunks[r].sentences for text in (places[sent.text][0], sent.text))
        return list(dict.fromkeys(t for t in todo if t is not None and t not in have))

    def embed_missing(self, embed: Callable[[list[str]], np.ndarray], passages: int = 8,
                      go_on: Callable[[], bool] = lambda: True, save_every_s: float = 30.0) -> int:
        """Embed the sentences of every passage that lacks some, `passages` at a time (searches run in
        between: the lock is held for one batch), while `go_on()`; kept every `save_every_s` seconds
        and at the end. The number embedded."""
        todo, done, saved = self.missing_sentences(), 0, time.monotonic()
        for start in range(0, len(todo), passages):
            if not go_on():
                break
            done += self.ensure_sentences(todo[start:start + passages], embed)
            if time.monotonic() - saved > save_every_s:
                self.save_sentences()
                saved = time.monotonic()
        self.save_sentences()
        return done

    def missing_sentences(self) -> list[int]:
        """The passages some of whose sentences have no vector yet (what a warm-up embeds)."""
        have = self.sentence_row
        return [r for r, c in enumerate(self.chunks) if any(s.text not in have for s in c.sentences)]

    def save_sentences(self) -> bool:
        """Add the sentence vectors embedded since loading to the version folder they belong to. The
        files there only ever grow (another process may have added others first: those stay, under a
        file lock), vectors before texts, each replaced atomically, so a reader at any moment loads a
        consistent prefix. False when there is nothing new or the folder is gone (a newer version is live)."""
        from filelock import FileLock

        if self.path is None or len(self.sentence_texts) <= self._saved or not (self.path / "meta.json").exists():
            return False
        with self._lock:
            n, texts, vectors, keys = (len(self.sentence_texts), list(self.sentence_texts), self.sentence_vectors,
                                       list(self.sentence_keys or []))
        try:
            with FileLock(str(self.path / ".sentences.lock"), timeout=60):
                stored = json.loads((self.path / "sentences.json").read_text(encoding="utf-8"))
                stored_vectors = np.load(self.path / "sentences.npy")
                keys_path = self.path / "vector_keys.json"
                all_keys = json.loads(keys_path.read_text(encoding="utf-8")) if keys_path.exists() else {}
                m = min(len(stored), len(stored_vectors))
                there = set(stored[:m])
                new = [i for i in range(n) if texts[i] not in there]
                if new:
                    grown = np.vstack([stored_vectors[:m].reshape(m, vectors.shape[1]), vectors[new]])
                    _replace(self.path / "sentences.npy", lambda fh: np.save(fh, grown))
                    _replace(self.path / "sentences.json", lambda fh: fh.write(
                        json.dumps(stored[:m] + [texts[i] for i in new], ensure_ascii=False).encode()))
                    if len(keys) == n and len(all_keys.get("sentences") or []) >= m:
                        all_keys["sentences"] = all_keys["sentences"][:m] + [keys[i] for i in new]
                        _replace(keys_path, lambda fh: fh.write(json.dumps(all_keys).encode()))
        except (OSError, ValueError):  # the version was pruned meanwhile: the vectors stay in memory
            return False
        self._saved = n
        return bool(new)

    @cached_property
    def adjacent(self) -> tuple[dict[str, str], dict[str, str]]:
        """Each sentence's previous and next sentence in its section of its document, across chunk
        boundaries (the sentences two chunks overlap on counted once)."""
        runs: dict[tuple[str, str], list[str]] = {}
        for c in self.chunks:
            run = runs.setdefault((c.file, c.section), [])
            texts = [s.text for s in c.sentences]
            shared = next((k for k in range(min(len(run), len(texts)), 0, -1) if run[-k:] == texts[:k]), 0)
            run += texts[shared:]
        before: dict[str, str] = {}
        after: dict[str, str] = {}
        for run in runs.values():
            for a, b in zip(run, run[1:]):
                if a != b:
                    before.setdefault(b, a)
                    after.setdefault(a, b)
        return before, after

    def language(self, file: str) -> str:
        """The language ("id" or "en") a corpus file is mostly written in (from its first passages)."""
        if file not in self._languages:
            from .language import detect_language

            sample = self._openings.get(file, [])
            self._languages[file] = detect_language(" ".join(sample)) if sample else "id"
        return self._languages[file]

    @cached_property
    def statutes(self) -> dict[tuple[str, str], str]:
        """The statutes it holds, by (number, year) as a question names them ("021" is "21") → file."""
        documents = self.meta.get("documents") or {}
        return {(str(m.get("number", "")).lstrip("0"), str(m.get("year", ""))): f
                for f, m in documents.items() if m.get("number") and m.get("year")}

    @cached_property
    def cited_surnames(self) -> frozenset[str]:
        """The surnames of the works its passages cite, lower case ("Arisandy, 2022" → "arisandy")."""
        return frozenset(key_surname(key) for chunk in self.chunks for key in chunk.cites)

    @cached_property
    def _openings(self) -> dict[str, list[str]]:
        """The first 400 characters of each file's first eight passages (one pass over them all)."""
        out: dict[str, list[str]] = {}
        for c in self.chunks:
            if len(found := out.setdefault(c.file, [])) < 8:
                found.append(c.text[:400])
        return out

    @property
    def embedder_id(self) -> str:
        return self.meta["embedder"]

    @classmethod
    def build(cls, chunks: list[Chunk], passage_vectors: np.ndarray, sentence_texts: list[str],
              sentence_vectors: np.ndarray, meta: dict, passage_keys: list[str] | None = None,
              sentence_keys: list[str] | None = None, section_texts: list[str] = (),
              section_vectors: np.ndarray | None = None, section_keys: list[str] | None = None) -> "Index":
        dim = int(meta["dim"])
        vectors = vector_index(np.asarray(passage_vectors, dtype=np.float32).reshape(len(chunks), dim))
        keywords = KeywordIndex.build([keyword_text(c) for c in chunks])
        meta = {**meta, "format": FORMAT, "chunks": len(chunks), "built": time.strftime("%Y-%m-%dT%H:%M:%S")}
        return cls(chunks, vectors, keywords, sentence_texts,
                   np.asarray(sentence_vectors, dtype=np.float32).reshape(-1, dim), meta,
                   passage_keys, sentence_keys, list(section_texts),
                   None if section_vectors is None else np.asarray(section_vectors, dtype=np.float32).reshape(-1, dim),
                   section_keys)

    def save(self, folder: Path) -> None:
        """Write a new version under `folder` and switch `folder/CURRENT` to it atomically.

        A crash at any point leaves CURRENT naming the previous, complete version."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        version = f"v-{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}-{time.monotonic_ns() % 10**6}"
        tmp = folder / f".{version}.partial"
        tmp.mkdir()
        with open(tmp / "chunks.jsonl", "w", encoding="utf-8") as fh:
            for c in self.chunks:
                fh.write(json.dumps(c.to_dict(), ensure_ascii=False) + "\n")
        faiss.write_index(self.vectors, str(tmp / "passages.faiss"))
        for name, texts, vectors in (("sentences", self.sentence_texts, self.sentence_vectors),
                                     ("sections", self.section_texts, self.section_vectors)):
            np.save(tmp / f"{name}.npy", vectors)
            (tmp / f"{name}.json").write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
        self.keywords.save(tmp / "bm25")
        keys = {"passages": self.passage_keys or [], "sentences": self.sentence_keys or [],
                "sections": self.section_keys or []}
        (tmp / "vector_keys.json").write_text(json.dumps(keys), encoding="utf-8")
        (tmp / "meta.json").write_text(json.dumps(self.meta, ensure_ascii=False, indent=1), encoding="utf-8")
        _fsync_tree(tmp)
        os.replace(tmp, folder / version)
        pointer = folder / f".CURRENT.{os.getpid()}"
        pointer.write_text(version + "\n", encoding="utf-8")
        with open(pointer, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(pointer, folder / "CURRENT")
        _prune(folder, keep=version)
        self.path, self._saved = folder / version, len(self.sentence_texts)

    @classmethod
    def load(cls, folder: Path, embedder_id: str | None = None) -> "Index":
        """Load the index; if `embedder_id` is given it must match the one that built it."""
        folder = Path(folder)
        version = current_version(folder)
        if version is None:
            raise IndexError_(f"no index at {folder}: run `python ingest.py --index {folder}` first")
        root = folder
        folder = folder / version
        meta_path = folder / "meta.json"
        if not meta_path.exists():
            raise IndexError_(f"no index at {folder}: run `python ingest.py --index {folder}` first")
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            if embedder_id is not None and meta.get("embedder") != embedder_id:
                raise IndexError_(
                    f"the index at {root} was built with embedder '{meta.get('embedder')}' "
                    f"(dim {meta.get('dim')}), not '{embedder_id}': re-ingest with "
                    f"`python ingest.py --index {root}` using the same embedder")
            if meta.get("format") != FORMAT:
                raise IndexError_(f"the index at {root} was written by another version of the assistant (format "
                                  f"{meta.get('format')}, this one reads {FORMAT}): re-ingest with "
                                  f"`python ingest.py --index {root}`")
            with open(folder / "chunks.jsonl", encoding="utf-8") as fh:
                chunks = [Chunk.from_dict(json.loads(line)) for line in fh if line.strip()]
            vectors = faiss.read_index(str(folder / "passages.faiss"))
            sentence_texts = json.loads((folder / "sentences.json").read_text(encoding="utf-8"))
            sentence_vectors = np.load(folder / "sentences.npy")
            section_texts = json.loads((folder / "sections.json").read_text(encoding="utf-8"))
            section_vectors = np.load(folder / "sections.npy")
            keywords = KeywordIndex.load(folder / "bm25", len(chunks))
            keys_path = folder / "vector_keys.json"
            keys = json.loads(keys_path.read_text(encoding="utf-8")) if keys_path.exists() else {}
        except IndexError_:
            raise
        except Exception as exc:  # noqa: BLE001 - any broken file means a broken index
            raise IndexError_(f"the index at {root} is unreadable ({exc}): re-ingest") from exc
        return cls(chunks, vectors, keywords, sentence_texts, sentence_vectors, meta,
                   keys.get("passages") or None, keys.get("sentences") or None, section_texts, section_vectors,
                   keys.get("sections") or None, folder)


# Exact search up to this many passages, an inverted file (IVF) above it: bench/run.py (`100k`
# section, 2 shared cores) measured exact search's p95 passing ~30 ms between 100k and 200k passages
# (bench/README.md, issue 27).
ANN_FROM = 150_000
# The IVF's lists (≈ √n, a power of two) and the share of them a search reads: recall@10 0.994 at
# 150k and 0.996 at 300k against exact search in the bench (1/8 gave 0.986 at 150k), at about that
# share of an exact search's cost. HNSW stays below 0.91 there whatever its efSearch: e5 query
# vectors lie apart from the passages' and its greedy walk stops in the wrong neighbourhood.
PROBE_SHARE = 3 / 16


def vector_index(vectors: np.ndarray) -> faiss.Index:
    """The FAISS index of the passage vectors (rows): exact (Flat) below ANN_FROM passages, else an
    IVF trained on a sample of them. Both give reconstruct(), which the retriever and the ingest
    vector cache use; nprobe is saved with the index."""
    n, dim = vectors.shape
    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    if n < ANN_FROM:
        index = faiss.IndexFlatIP(dim)
        if n:
            index.add(vectors)
        return index
    lists = 1 << round(np.log2(np.sqrt(n)))
    index = faiss.IndexIVFFlat(faiss.IndexFlatIP(dim), dim, lists, faiss.METRIC_INNER_PRODUCT)
    sample = np.random.default_rng(0).choice(n, min(n, 64 * lists), replace=False)  # the same index every build
    index.train(vectors[np.sort(sample)])
    index.add(vectors)
    index.make_direct_map()
    index.nprobe = max(1, round(lists * PROBE_SHARE))
    return index


def keyword_text(chunk: Chunk) -> str:
    """What BM25 sees: the section path and the passage."""
    return f"{chunk.section}\n{chunk.text}"


def embedding_text(chunk: Chunk) -> str:
    """What the dense model sees: document title, section path, passage."""
    return f"{chunk.doc} | {chunk.section}\n{chunk.text}"


def passage_vectors_by_key(folder: Path) -> dict[str, np.ndarray]:
    """The live version's passage vectors by content key, whatever its format (an upgrade then
    embeds only what changed); empty when they cannot be read."""
    try:
        base = Path(folder) / (current_version(folder) or "")
        keys = json.loads((base / "vector_keys.json").read_text(encoding="utf-8")).get("passages") or []
        vectors = faiss.read_index(str(base / "passages.faiss"))
    except Exception:  # noqa: BLE001 - nothing to reuse
        return {}
    return dict(zip(keys, vectors.reconstruct_n(0, vectors.ntotal))) if len(keys) == vectors.ntotal else {}


def vector_key(embedder_id: str, text: str) -> str:
    """The content key of a vector: the embedder and the exact text it embedded."""
    return hashlib.sha1(f"{embedder_id}\x00{text}".encode()).hexdigest()


def _replace(path: Path, write: Callable) -> None:
    """Write `path` through a temporary file and an atomic rename."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}")
    with open(tmp, "wb") as fh:
        write(fh)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def current_version(folder: Path) -> str | None:
    """Name of the version folder that `folder/CURRENT` points to, if any."""
    try:
        name = (Path(folder) / "CURRENT").read_text(encoding="utf-8").strip()
    except OSError:
        return None
    return name if name and (Path(folder) / name / "meta.json").exists() else None


def _prune(folder: Path, keep: str) -> None:
    """Remove older versions and leftovers of interrupted writes (not `keep`)."""
    for path in folder.iterdir():
        if path.name == keep or path.name == "CURRENT" or not path.is_dir():
            continue
        if path.name.startswith("v-") or path.name.endswith(".partial"):
            shutil.rmtree(path, ignore_errors=True)


def _fsync_tree(folder: Path) -> None:
    for path in folder.rglob("*"):
        if path.is_file():
            with open(path, "rb") as fh:
                os.fsync(fh.fileno())
