"""Find a citation: the work to cite for a claim, the sentence that supports it, and related passages.

Also the citation index: every cited work with its written forms, how often and where the
thesis cites it, the corpus PDF that is the work (if any) and its full reference (if known).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..citations import first_author_surname, of_own_study, parse_citations
from ..records import Chunk, Citation
from ..search.keywords import tokenize
from ..search.lexicon import indonesian_word_keys, word_keys
from ..search.query import Query
from ..search.retrieve import Hit, Retriever
from .extractive import AnswerConfig, Scored, score_sentences
from .sources import Sources, file_rows, sources_for

NO_SUPPORT = {
    "en": "No passage in the indexed documents supports this claim.",
    "id": "Tidak ada bagian dokumen yang mendukung klaim ini.",
}
OWN_WORDS = {
    "en": "The supporting sentence cites no work: the document states this in its own words.",
    "id": "Kalimat pendukung tidak mengutip karya apa pun: dokumen menyatakannya sendiri.",
}


@dataclass
class CiteConfig:
    """Thresholds of find-a-citation; see README "Find a citation" for how they were calibrated."""

    # Calibrated on tests/data/claims_calibration.jsonl (22 supported, 12 off-topic claims, among them
    # the smoke claims and issue 15's own; the scored claims.jsonl is not used). A passage supports
    # the claim when its best sentence's support (e5 cosine + `word_weight` × share of the claim's
    # words it holds) reaches `min_support` (the lowest supported claim's 0.859 less a 0.02 margin),
    # and only when the top `passages` passages hold `min_coverage` of the claim's words, English
    # ones through their Indonesian translations (midpoint of the gap between off-topic claims,
    # ≤ 0.33, and supported ones, ≥ 0.67).
    min_support: float = 0.84
    word_weight: float = 0.1
    min_coverage: float = 0.5
    passages: int = 5
    # a sentence backed by a work leads when it supports the claim this close to an uncited best one (an
    # article's abstract restates its cited claims in its own words)
    cited_margin: float = 0.02
    # the supporting sentence is looked for in this many passages (the top `k` are returned): a claim is one
    # sentence, and the passage holding it may rank below passages sharing more of its words (an article's
    # "Migo et.,al (2013) menemukan bahwa …" ranked 6th)
    candidates: int = 10
    # … and holds this share of the claim's words itself: the calibration set's lowest supported claim holds 0.30
    # (less a 0.05 margin); an off-topic claim's closest sentence may reach `min_support` on cosine alone
    min_sentence_coverage: float = 0.25


def _corpus_dir(assistant) -> Path | None:
    settings = getattr(assistant, "settings", None)
    return getattr(settings, "corpus_dir", None)


def in_text(keys: list[str], chunk: Chunk) -> str:
    """The parenthetical in-text citation of `keys`, authors as the passage writes them:
    "(Lazarus, Chiang, & Button, 2025)"; a narrative "Kevin Bales (2014)" gives "(Bales, 2014)"."""
    found = parse_citations(chunk.text)
    parts = [_written(next((c for c in found if c.key == key), None)) or key for key in keys]
    return f"({'; '.join(parts)})" if parts else ""


def _written(cit: Citation | None) -> str:
    if cit is None:
        return ""
    authors = " ".join(cit.authors.split())
    if cit.kind == "narrative":  # given names go: "Kevin Bales" → "Bales"
        first = first_author_surname(authors)
        lead = authors.split("&")[0].split(",")[0].split(" dan ")[0].strip()
        authors = authors.replace(lead, first, 1) if lead.endswith(first) else authors
    return f"{authors.rstrip(' ,')}, {cit.year}"


def coverage(query: Query, texts: list[str]) -> float:
    """Share of the claim's words (numbers aside) found in `texts`; an English word also counts
    when one of its Indonesian translations is there, an Indonesian one when one of its English words is."""
    words = {t for t in query.tokens if not t[:1].isdigit()}
    if not words:
        return 1.0
    alternatives = _claim_keys(query.text, query.is_english)
    found = set(tokenize(" ".join(texts)))
    return sum(1 for t in words if alternatives.get(t, {t}) & found) / len(words)


@lru_cache(maxsize=256)
def _claim_keys(text: str, english: bool) -> dict[str, frozenset[str]]:
    """Each word's keys and its translations' by the dictionaries alone (a sense WordNet ranks first may
    not be the claim's). Cached: asked for each candidate sentence; do not change the dict."""
    return word_keys(text, wordnet=False) if english else indonesian_word_keys(text, wordnet=False)


def support_score(x: Scored, query: Query, config: CiteConfig) -> float:
    """How well a sentence supports the claim: its e5 cosine plus a share of the claim's words it holds
    (a long sentence that states the claim among other things keeps its words, not its cosine)."""
    return x.sim + config.word_weight * coverage(query, [x.sentence.text])


def backing(x: Scored, is_source: dict[str, str]) -> list[str]:
    """The works backing a sentence as the document attributes them; a cited PDF's passage backs its own work."""
    own = is_source.get(x.hit.chunk.file)
    return [own] if own else list(x.sentence.cites)


def _per_passage(scored: list[Scored], query: Query, config: CiteConfig,
                 is_source: dict[str, str]) -> list[tuple[Scored, float]]:
    """Each passage's sentence with its support, best passage first (`scored` is best first): its best-supporting
    sentence, unless that one names no work itself (its works, if any, are its neighbours') and a sentence
    that does supports the claim nearly as well (`cited_margin`): where "Menurut Apriliantika (2023) …" is
    restated by the paragraph's conclusion, the claim is Apriliantika's."""
    groups: dict[str, list[Scored]] = {}
    for x in scored:
        groups.setdefault(x.hit.chunk.id, []).append(x)
    out = []
    for sentences in groups.values():
        supported = [(x, support_score(x, query, config)) for x in sentences]
        best = max(supported, key=lambda xs: xs[1])
        if not _names_work(best[0], is_source):
            named = [xs for xs in supported if _names_work(xs[0], is_source)]
            best = max((xs for xs in named if xs[1] >= best[1] - config.cited_margin), key=lambda xs: xs[1],
                       default=best)
        out.append(best)
    return out


def _names_work(x: Scored, is_source: dict[str, str]) -> bool:
    """Whether a sentence names the work backing it: an in-text citation or a footnote's mark of its own, or a
    passage of the cited work's own file. A sentence comparing the document's own study with a work it
    cites ("Hasil penelitian ini tidak mendukung penelitian Nasurdin (2009) …") may say the work is wrong."""
    if x.hit.chunk.file in is_source:
        return True
    text = x.sentence.text
    return bool(x.sentence.cites) and ("[^" in text or bool(parse_citations(text))) and not of_own_study(text)


def _result(n: int, x: Scored, support: float, backing: list[str], sources: Sources) -> dict:
    chunk = x.hit.chunk
    works = backing + [k for k in chunk.cites if k not in backing]
    return {"n": n, "doc": chunk.doc, "file": chunk.file, "page": chunk.page, "page_label": chunk.page_label,
            "section": chunk.section, "text": chunk.text, "score": round(float(x.hit.score), 4),
            "sentence": x.sentence.text, "similarity": round(x.sim, 4), "support": round(support, 4), "backing": backing,
            "others": [k for k in chunk.cites if k not in backing],
            "sources": {k: sources.source(k) for k in works if sources.source(k)},
            "references": {k: sources.reference(k) for k in works if sources.reference(k)}}


def citation_sources(assistant) -> Sources:
    """The cited works of the assistant's index: links to corpus files and full references."""
    return sources_for(assistant.retriever.index, _corpus_dir(assistant))


def source_files(sources: Sources) -> dict[str, str]:
    """Corpus file → the cited work it is."""
    return {link.file: key for key, link in sources.links.items()}


def rank_support(retriever: Retriever, query: Query, k: int = 5, config: CiteConfig | None = None,
                 files: frozenset[str] | None = None,
                 is_source: dict[str, str] | None = None) -> tuple[list[tuple[Scored, float]], bool]:
    """The best sentence of each of the top `config.candidates` passages (at least k; of `files`, when given; see
    `_per_passage`) with its support, best passage first, and whether the top `config.passages` passages hold
    enough of the claim's words (`min_coverage`). `is_source`: corpus file → the cited work it is (see `backing`)."""
    config = config or CiteConfig()
    hits = retriever.search(query, k=max(k, config.passages, config.candidates), files=files)
    scored = score_sentences(query, hits, retriever, AnswerConfig(passages_for_sentences=len(hits)))
    covered = coverage(query, [h.chunk.text for h in hits[: config.passages]]) >= config.min_coverage
    return _per_passage(scored, query, config, is_source or {}), covered


def supporting(ranked: list[tuple[Scored, float]], covered: bool, query: Query,
               config: CiteConfig) -> list[tuple[Scored, float]]:
    """The sentences of `rank_support` that support the claim: enough support (`min_support`), enough of the claim's
    words in the top passages (`covered`) and in the sentence itself (`min_sentence_coverage`)."""
    return [(x, s) for x, s in ranked if covered and s >= config.min_support
            and coverage(query, [x.sentence.text]) >= config.min_sentence_coverage]


def work_support(retriever: Retriever, query: Query, keys: set[str], is_source: dict[str, str],
                 config: CiteConfig | None = None, per_file: int = 5) -> list[tuple[Scored, float]]:
    """The sentences backed by one of the works `keys` (the sentences the documents attribute to them,
    and the best `per_file` passages of a corpus file that is one of them), each with its support
    for the claim, best first."""
    config = config or CiteConfig()
    index = retriever.index
    rows = [r for r, c in enumerate(index.chunks) if any(keys & set(s.cites) for s in c.sentences)]
    for file, key in is_source.items():
        if key in keys:
            rows += [r for r, _ in file_rows(index, file, query, per_file) if r not in rows]
    if not rows:
        return []
    retriever.ensure_sentences(rows)
    hits = [Hit(index.chunks[r], r, 1.0, float(index.vectors.reconstruct(r) @ query.vector), 0.0) for r in rows]
    scored = score_sentences(query, hits, retriever, AnswerConfig(passages_for_sentences=len(hits)))
    found = [(x, support_score(x, query, config)) for x in scored
             if keys & (set(backing(x, is_source)) | set(x.sentence.cites))]
    return sorted(found, key=lambda xs: -xs[1])


def find_citation(assistant, claim: str | Query, k: int = 5, config: CiteConfig | None = None,
                  files: frozenset[str] | None = None) -> dict:
    """The work(s) to cite for `claim` (English or Indonesian, or its `Query`) and the sentence that supports it.

    `cite` lists the works backing the best-supporting sentence of the top-k passages (scored as
    the answerer scores sentences), as the document attributes them; `support` is that sentence.
    `results` are the passages whose best sentence supports the claim, best first, each with its
    `backing` works apart from the passage's `others`. Nothing supports the claim → `cite: []`. `files`:
    search only these documents.
    """
    config = config or CiteConfig()
    retriever = assistant.retriever
    sources = citation_sources(assistant)
    is_source = source_files(sources)
    query = claim if isinstance(claim, Query) else retriever.query(claim)
    language = query.language
    ranked, covered = rank_support(retriever, query, k, config, files, is_source)
    passages = supporting(ranked, covered, query, config)
    cited = next(((x, s) for x, s in passages if backing(x, is_source)), None)
    if passages and not backing(passages[0][0], is_source) and cited and cited[1] >= passages[0][1] - config.cited_margin:
        passages.remove(cited)  # a claim asks for a work: a sentence that cites one, nearly as close, comes first
        passages.insert(0, cited)
    passages = passages[:k]
    results = [_result(n, x, s, backing(x, is_source), sources) for n, (x, s) in enumerate(passages, 1)]
    out = {"claim": query.text, "language": language, "cite": [], "in_text": "", "references": {}, "support": None,
           "message": NO_SUPPORT[language], "results": results}
    if not passages:
        return out
    best, top = passages[0][0], results[0]
    out.update(cite=top["backing"], in_text=in_text(top["backing"], best.hit.chunk),
               references={key: top["references"][key] for key in top["backing"] if key in top["references"]},
               support={"sentence": best.sentence.text, "doc": top["doc"], "file": top["file"], "page": top["page"],
                        "section": top["section"], "score": top["support"]},
               message="" if top["backing"] else OWN_WORDS[language])
    return out


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


def sentence_works(index) -> dict[str, list[str]]:
    """Sentence text → the works backing it, as the document attributes them."""
    return {s.text: s.cites for chunk in index.chunks for s in chunk.sentences}
