"""Find a citation: the passages that support a claim, ranked, each with the works to cite.

Also the citation index: every cited work with its written forms, how often and where the
thesis cites it, the corpus PDF that is the work (if any) and its full reference (if known).
"""
from __future__ import annotations

from pathlib import Path

from ..citations import parse_citations
from ..records import Chunk
from ..search.keywords import tokenize
from ..search.query import Query
from .sources import Sources, sources_for


def _corpus_dir(assistant) -> Path | None:
    settings = getattr(assistant, "settings", None)
    return getattr(settings, "corpus_dir", None)


def _best_sentence(chunk: Chunk, index, query: Query) -> tuple[str, list[str], float]:
    """The sentence of `chunk` closest to the claim, its backing works and its score: cosine of
    its (in-context) vector plus a share of the claim's stemmed words it contains, which keeps a
    sentence from winning on its predecessor's words (the context embedded with it)."""
    words = set(query.tokens)
    best = ("", [], -1.0)
    for sentence in chunk.sentences:
        row = index.sentence_row.get(sentence.text)
        sim = float(index.sentence_vectors[row] @ query.vector) if row is not None else 0.0
        overlap = len(words & set(tokenize(sentence.text))) / len(words) if words else 0.0
        score = sim + 0.2 * overlap
        if score > best[2]:
            best = (sentence.text, sentence.cites, score)
    return best


def _result(n: int, chunk: Chunk, score: float, cites: list[str], sentence: str, sources: Sources) -> dict:
    return {"n": n, "doc": chunk.doc, "file": chunk.file, "page": chunk.page, "section": chunk.section,
            "text": chunk.text, "score": round(score, 4), "cites": cites, "sentence": sentence,
            "sources": {k: sources.source(k) for k in cites if sources.source(k)},
            "references": {k: sources.reference(k) for k in cites if sources.reference(k)}}


def find_citation(assistant, claim: str, k: int = 5) -> dict:
    """The top-k passages supporting `claim` (English or Indonesian), in retrieval order, with their works.

    (Re-ranking by the closest sentence's similarity was measured on 14 claims: no better.)

    A thesis passage's `cites` lists first the works backing its sentence closest to the claim;
    a passage from a cited PDF in the corpus cites that PDF's own work.
    """
    retriever = assistant.retriever
    index = retriever.index
    sources = sources_for(index, _corpus_dir(assistant))
    is_source = {link.file: key for key, link in sources.links.items()}
    query = retriever.query(claim)
    results = []
    for n, hit in enumerate(retriever.search(query, k=k), 1):
        sentence, backing, _ = _best_sentence(hit.chunk, index, query)
        own = [is_source[hit.chunk.file]] if hit.chunk.file in is_source else []
        cites = list(dict.fromkeys(own + backing + hit.chunk.cites))
        results.append(_result(n, hit.chunk, hit.score, cites, sentence, sources))
    return {"claim": claim, "language": query.language, "results": results}


def citation_index(index, corpus_dir: Path | None = None) -> list[dict]:
    """Every cited work: key, written forms, count of in-text citations, citing passages,
    the linked corpus file (`source`) and the full reference, most cited first."""
    if corpus_dir is None:
        from ..settings import Settings

        corpus_dir = Settings.from_env().corpus_dir
    sources = sources_for(index, corpus_dir)
    works: dict[str, dict] = {}
    seen: set[tuple[str, str]] = set()
    for chunk in index.chunks:
        for sentence in chunk.sentences:
            if (chunk.file, sentence.text) in seen:  # overlapping chunks repeat sentences
                continue
            seen.add((chunk.file, sentence.text))
            for cit in parse_citations(sentence.text):
                work = works.setdefault(cit.key, {"key": cit.key, "written": [], "count": 0, "passages": []})
                written = " ".join(cit.written.split())
                if written not in work["written"]:
                    work["written"].append(written)
                work["count"] += 1
                passage = {"file": chunk.file, "section": chunk.section, "page": chunk.page, "text": chunk.text}
                if passage not in work["passages"]:
                    work["passages"].append(passage)
    for key, work in works.items():
        work["source"] = sources.source(key)
        work["reference"] = sources.reference(key)
    return sorted(works.values(), key=lambda w: (-w["count"], w["key"]))
