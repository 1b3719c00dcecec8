"""Retrieve: hybrid search, dense (FAISS) fused with BM25.

Fusion modes (measured in docs/evaluation.md): "weighted" (min-max normalised scores, weight on dense),
"rrf" (reciprocal rank fusion), "dense", "bm25". In "weighted" mode a passage also scores by its
sentence closest to the question (min-max normalised, `sentence_weight`): a long passage whose one
sentence answers (a table row, a step in a procedure) is not drowned by the rest of it. Only the
`sentence_candidates` best fused passages are scored so (the others by their own cosine), and their
sentences, with those of the passages returned, are embedded then if they have no vectors yet
(Index.ensure_sentences): an answer never depends on which vectors happened to be there.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import faiss
import numpy as np

from ..citations import key_surname
from ..records import Chunk
from .definition import defines
from .embed import Embedder, embed_in_threads
from .index import Index
from .keywords import tokenize
from .legal import is_enactment, is_explanation, part_numbers
from .mentions import DocumentNames
from .query import Query, analyse, claim_of


@dataclass
class Hit:
    """A retrieved chunk with its fused score and the two scores it came from."""

    chunk: Chunk
    row: int
    score: float
    dense: float
    keyword: float
    named: bool = False  # in the document the question names
    within: bool = False  # in the statute or document the question names: compared with `Query.within_vector`


class Retriever:
    """Searches one Index with one Embedder (the one that built it)."""

    def __init__(self, index: Index, embedder: Embedder, dense_weight: float = 0.7,
                 candidates: int = 50, fusion: str = "weighted"):
        if index.embedder_id != embedder.id:
            raise ValueError(f"index built with '{index.embedder_id}', not '{embedder.id}': re-ingest")
        self.index = index
        self.embedder = embedder
        self.dense_weight = dense_weight
        self.candidates = candidates
        self.fusion = fusion
        self.author_bonus = 0.15
        self.sentence_weight = 0.5
        self.sentence_candidates = 10
        self.part_bonus = 0.3
        self.name_bonus = 0.3
        self.definition_bonus = 0.3  # a passage defining the term the question asks the meaning of
        self.named_candidates = 10  # the named document's closest passages join the candidates
        self.home: frozenset[str] = frozenset()  # the document "the thesis" means when none is named
        self._sentence_rows: dict[int, np.ndarray] = {}

    def query(self, text: str, language: str | None = None, vector: np.ndarray | None = None) -> Query:
        """`text` analysed once (language, tokens, translations, named works, embedding …); `vector`, its
        query embedding when computed already (`query_vectors`)."""
        return analyse(text, self.embedder, self.index.cited_surnames, self.index.loan_terms, language, vector,
                       self._english_frequency if self.english_rows.any() else None,
                       self.names.said_of_named if self.name_bonus else None)

    def query_vectors(self, texts: list[str]) -> np.ndarray:
        """The query embeddings of many texts (what `query` would embed for each), spread over threads."""
        return embed_in_threads(self.embedder.embed_queries, [claim_of(t) for t in texts])

    def search(self, query: Query, k: int = 10, files: frozenset[str] | set[str] | None = None) -> list[Hit]:
        """The top-k chunks for the query, best first; an English query's keywords also look for
        their Indonesian translations (lexicon). `files`: search only these documents."""
        n = len(self.index.chunks)
        allowed = None if not files else np.array(sorted(r for f in files for r in self._rows_of_file.get(f, ())),
                                                  dtype=np.int64)
        if n == 0 or allowed is not None and not len(allowed):
            return []
        svec = query.search_vector if query.search_vector is not None else query.vector
        depth = min(n if allowed is None else len(allowed), max(self.candidates, k))
        if allowed is None:
            dsc, drow = self.index.vectors.search(svec[None, :].astype(np.float32), depth)
            dense = {int(r): float(s) for r, s in zip(drow[0], dsc[0]) if r >= 0}
        else:  # one document's passages, scored exactly
            dense = self._exact(allowed, svec, depth)
        kw_all = _within(self.index.keywords.scores(query.tokens, query.expansion), allowed)
        kw_top = np.argsort(-kw_all)[:depth]
        keyword = {int(r): float(kw_all[r]) for r in kw_top if kw_all[r] > 0}
        rows = set(dense) | set(keyword)
        named_doc = self.names.named(query) if self.name_bonus and not files else None
        if named_doc is None and query.asks_home and len(self.home) == 1 and not files:
            named_doc = next(iter(self.home))  # "the thesis", "skripsi ini"
        if query.english_vector is not None:  # English passages, compared with the question's English gloss too
            rows |= set(self._english_candidates(query.english_vector, depth, allowed))
        if named_doc and allowed is None:  # its closest passages compete, even in another language than the question's
            own = np.array(self._rows_of_file.get(named_doc, ()), dtype=np.int64)
            stored = self.index.vectors.reconstruct_batch(own) if len(own) else None  # (once for both vectors)
            for vector in (svec, query.english_vector):
                rows |= set(self._exact(own, vector, self.named_candidates, stored)) if vector is not None else set()
        # the passages of the statutes (or document) it names, by what it asks of them (all scored: its closest join)
        asked = self._asked_of_named(query, allowed, named_doc)
        rows |= set(sorted(asked, key=lambda r: -asked[r])[:self.named_candidates])
        defining = self._defining_rows(query, allowed)
        rows |= defining
        legal = self._legal_rows(query, named_doc)
        if allowed is not None:
            legal = {r: w for r, w in legal.items() if self.index.chunks[r].file in files}
        rows |= set(legal)
        missing = [r for r in rows if r not in dense]
        if missing:  # exact dense scores for keyword-only candidates
            vecs = self.index.vectors.reconstruct_batch(np.array(missing, dtype=np.int64))
            for r, s in zip(missing, vecs @ svec):
                dense[r] = float(s)
        english = [r for r in rows if self.english_rows[r]] if query.english_vector is not None else []
        if english:  # the better of the two comparisons
            for r, s in zip(english, self.index.vectors.reconstruct_batch(np.array(english, dtype=np.int64))
                            @ query.english_vector):
                dense[r] = max(dense[r], float(s))
        if asked:  # (ordered by what is asked of the statute, in the places the whole question gives it)
            dense.update(on_scale_of({r: asked[r] for r in rows if r in asked}, dense))
        fused = self._fuse(rows, dense, keyword)
        named = query.named
        if named:  # passages backed by a work the question names
            for r in rows:
                if backed_by(self.index.chunks[r].cites, named):
                    fused[r] += self.author_bonus
        for r, weight in legal.items():  # the Pasal/Article and the statute the question names
            fused[r] += self.part_bonus * weight
        if query.meaning_of:  # "apa yang dimaksud dengan X": the passages saying what X is
            for r in rows:
                if r in defining or defines(query.meaning_of, self.index.chunks[r].text):
                    fused[r] += self.definition_bonus
        if named_doc:  # the document the question names
            for r in rows:
                if self.index.chunks[r].file == named_doc:
                    fused[r] += self.name_bonus
        if self.fusion == "weighted" and self.sentence_weight:
            top = set(sorted(rows, key=lambda r: -fused[r])[:self.sentence_candidates])
            self.ensure_sentences(top)
            closest = {r: self._closest_sentence(r, self._search_vector(query, r), dense[r]) if r in top else dense[r]
                       for r in rows}
            mine = top & asked.keys()
            if mine:
                closest.update(on_scale_of({r: self._closest_sentence(r, query.within_vector, dense[r]) for r in mine},
                                            closest))
            closest = _minmax(closest)
            fused = {r: fused[r] + self.sentence_weight * closest[r] for r in rows}
        if query.enactment:  # a closing block of names and dates shares few words with the question: it leads its law
            self._lead_their_documents([r for r in legal if r in self._enactment_rows], rows, fused)
        order = sorted(rows, key=lambda r: -fused[r])[:k]
        self.ensure_sentences(order)  # the answerer reads their sentences
        return [Hit(self.index.chunks[r], r, fused[r], dense[r], keyword.get(r, 0.0),
                    self.index.chunks[r].file == named_doc, r in asked) for r in order]

    def _english_candidates(self, vector: np.ndarray, depth: int, allowed: np.ndarray | None) -> list[int]:
        """The `depth` passages of English documents closest to `vector` (among `allowed` ones, when given)."""
        if allowed is not None:
            return list(self._exact(allowed[self.english_rows[allowed]], vector, depth))
        _, drow = self.index.vectors.search(vector[None, :].astype(np.float32), depth, params=self._english_only)
        return [int(r) for r in drow[0] if r >= 0]

    @cached_property
    def _english_only(self):
        """FAISS search parameters that keep to the passages of English documents (Flat or IVF)."""
        self._english_selector = faiss.IDSelectorBatch(np.flatnonzero(self.english_rows).astype(np.int64))
        vectors = self.index.vectors  # (the parameters hold the selector by pointer: it is kept on self)
        if hasattr(vectors, "nprobe"):
            return faiss.SearchParametersIVF(sel=self._english_selector, nprobe=vectors.nprobe)
        return faiss.SearchParameters(sel=self._english_selector)

    def _exact(self, rows: np.ndarray, svec: np.ndarray, depth: int,
               stored: np.ndarray | None = None) -> dict[int, float]:
        """The `depth` rows of `rows` closest to the query vector, scored exactly: {row: cosine};
        `stored`: their vectors, when read already."""
        if not len(rows):
            return {}
        scores = (self.index.vectors.reconstruct_batch(rows) if stored is None else stored) @ svec
        return {int(rows[i]): float(scores[i]) for i in np.argsort(-scores)[:depth]}

    def _legal_rows(self, query: Query, named_doc: str | None = None) -> dict[int, float]:
        """Passages in the parts (Pasal/Article) and statutes a question names, with how well they match:
        1 in an asked part of a named statute (or of any, when none is named; its Penjelasan, or its body when
        the Penjelasan is asked, 0.5), 0.5 elsewhere in a named statute. A Penjelasan asked without a part
        ("according to the elucidation"): 1 in the Penjelasan of the statute named, by number or by name, or
        of every statute when none is named and the question says it in words only law uses."""
        if not query.parts and not query.statutes and not query.explanation and not query.enactment:
            return {}
        files = self._statute_files(query)
        chunks = self.index.chunks
        out: dict[int, float] = {r: 0.5 for f in files for r in self._rows_of_file.get(f, ())}
        if query.enactment:  # the closing block of the statute named (of every statute, when none is)
            targets = files or ({named_doc} if named_doc else None)
            out.update({r: 1.0 for r in self._enactment_rows if targets is None or chunks[r].file in targets})
        if query.explanation and not query.parts:  # (no statute named: every statute's Penjelasan)
            targets = files or ({named_doc} if named_doc else set(self._rows_of_file) if query.elucidation else set())
            out.update({r: 1.0 for r in self._explanation_rows if chunks[r].file in targets})
        for part in query.parts:
            for r in self._rows_of_part.get(part.article, ()):
                if not files or chunks[r].file in files:
                    out[r] = 1.0 if is_explanation(chunks[r].section) == query.explanation else 0.5
        return out if len(out) <= max(self.candidates, 200) else {r: w for r, w in out.items() if w >= 1.0}

    @cached_property
    def names(self) -> DocumentNames:
        """The documents' names, to tell which one a question names."""
        return DocumentNames.of(self.index)

    @cached_property
    def _explanation_rows(self) -> list[int]:
        """The passages of statutes' Penjelasan (elucidation)."""
        return [r for r, chunk in enumerate(self.index.chunks) if is_explanation(chunk.section)]

    @cached_property
    def _enactment_rows(self) -> frozenset[int]:
        """The passages of statutes' closing blocks (enactment, promulgation, gazette)."""
        return frozenset(r for r, chunk in enumerate(self.index.chunks) if is_enactment(chunk.section))

    def _lead_their_documents(self, leading: list[int], rows: set[int], fused: dict[int, float]) -> None:
        """Each of the `leading` rows scored just above its document's best passage (in place)."""
        best: dict[str, float] = {}
        for r in rows:
            file = self.index.chunks[r].file
            best[file] = max(best.get(file, fused[r]), fused[r])
        for r in leading:
            fused[r] = max(fused[r], best[self.index.chunks[r].file] + 1e-3)

    @cached_property
    def _rows_of_part(self) -> dict[str, list[int]]:
        """Pasal/Article number → the passages in it."""
        out: dict[str, list[int]] = {}
        for r, chunk in enumerate(self.index.chunks):
            for number in part_numbers(chunk.section):
                out.setdefault(number, []).append(r)
        return out

    @cached_property
    def english_rows(self) -> np.ndarray:
        """Per passage: whether its document is written in English."""
        english = {f for f in self._rows_of_file if self.index.language(f) == "en"}
        return np.array([c.file in english for c in self.index.chunks], dtype=bool)

    def _english_frequency(self, word: str) -> float:
        """How many passages of English documents use the English word (its keyword token; 0 for a stopword)."""
        tokens = tokenize(word)
        return float(self.index.keywords.frequency(tokens[0], self.english_rows)) if tokens else 0.0

    def _statute_files(self, query: Query) -> set[str]:
        """The files of the statutes the question names that the index holds."""
        return {self.index.statutes[s] for s in query.statutes if s in self.index.statutes}

    def _asked_of_named(self, query: Query, allowed: np.ndarray | None, named_doc: str | None) -> dict[int, float]:
        """The passages of the statutes the question names, or of the document it names otherwise (among `allowed`
        ones), each with its cosine to what it asks of them (`Query.within_vector`); none when it names none of
        the index's."""
        files = self._statute_files(query) or ({named_doc} if named_doc and not query.statutes else set())
        if query.within_vector is None or not files:
            return {}
        rows = np.array(sorted(r for f in files for r in self._rows_of_file[f]), dtype=np.int64)
        rows = rows if allowed is None else np.intersect1d(rows, allowed)
        return self._exact(rows, query.within_vector, len(rows))

    def _search_vector(self, query: Query, row: int) -> np.ndarray:
        """The query vector a passage is searched with: an Indonesian question's `english_vector` for a passage
        of an English document, an English question's own summed with its Indonesian gloss, else its own."""
        if query.english_vector is not None and self.english_rows[row]:
            return query.english_vector
        return query.search_vector if query.search_vector is not None else query.vector

    @cached_property
    def _rows_of_file(self) -> dict[str, list[int]]:
        out: dict[str, list[int]] = {}
        for r, chunk in enumerate(self.index.chunks):
            out.setdefault(chunk.file, []).append(r)
        return out

    def ensure_sentences(self, rows) -> int:
        """Vectors for the sentences of passages `rows`, embedded now where missing (one a call, in
        threads: `embed_in_threads`); how many."""
        return self.index.ensure_sentences(rows, self._embed_sentences)

    def _embed_sentences(self, texts: list[str]) -> np.ndarray:
        return embed_in_threads(self.embedder.embed_passages, texts)

    def _closest_sentence(self, row: int, qvec: np.ndarray, passage: float) -> float:
        """The cosine of the passage's sentence (embedded alone) closest to the query; the passage's own
        when it has no sentence."""
        found = self._sentence_rows.get(row)
        if found is None:
            index = self.index
            found = np.array([i for s in index.chunks[row].sentences if (i := index.sentence_row.get(s.text)) is not None],
                             dtype=np.int64)
            self._sentence_rows[row] = found
        return float((self.index.sentence_vectors[found] @ qvec).max()) if len(found) else passage

    def _defining_rows(self, query: Query, allowed: np.ndarray | None) -> set[int]:
        """The passages that say what the term asked about is, among those its words find best."""
        if not query.meaning_of:
            return set()
        scores = _within(self.index.keywords.scores(tokenize(" ".join(query.meaning_of))), allowed)
        best = [int(r) for r in np.argsort(-scores)[:self.candidates] if scores[r] > 0]
        return {r for r in best if defines(query.meaning_of, self.index.chunks[r].text)}

    def _fuse(self, rows: set[int], dense: dict[int, float], keyword: dict[int, float]) -> dict[int, float]:
        if self.fusion == "dense":
            return {r: dense[r] for r in rows}
        if self.fusion == "bm25":
            return {r: keyword.get(r, 0.0) + 1e-6 * dense[r] for r in rows}
        if self.fusion == "rrf":
            drank = {r: i for i, r in enumerate(sorted(rows, key=lambda r: -dense[r]))}
            krank = {r: i for i, r in enumerate(sorted(keyword, key=lambda r: -keyword[r]))}
            return {r: 1 / (60 + drank[r]) + (1 / (60 + krank[r]) if r in krank else 0.0) for r in rows}
        dn = _minmax({r: dense[r] for r in rows})
        kmax = max(keyword.values(), default=0.0)
        w = self.dense_weight
        return {r: w * dn[r] + (1 - w) * (keyword.get(r, 0.0) / kmax if kmax > 0 else 0.0) for r in rows}


def backed_by(cites: list[str], surnames: set[str]) -> bool:
    """True when one of the citation keys `cites` is by one of `surnames` (lower case)."""
    return any(key_surname(c) in surnames for c in cites)


def _within(scores: np.ndarray, allowed: np.ndarray | None) -> np.ndarray:
    """Per-passage scores kept for the `allowed` rows only (all when None), the others 0."""
    if allowed is None:
        return scores
    mask = np.zeros_like(scores)
    mask[allowed] = 1.0
    return scores * mask


def on_scale_of(asked: dict[int, float], whole: dict[int, float]) -> dict[int, float]:
    """Rows of a statute scored by what a question asks of it (`asked`) take the scores the whole question gave
    them (`whole`), best to the best asked: the statute keeps its places among the other rows, and which of its
    passages holds each is decided by what is asked."""
    places = sorted((whole[r] for r in asked), reverse=True)
    return dict(zip(sorted(asked, key=lambda r: -asked[r]), places))


def _minmax(scores: dict[int, float]) -> dict[int, float]:
    lo, hi = min(scores.values()), max(scores.values())
    span = hi - lo
    return {r: (s - lo) / span if span > 1e-9 else 1.0 for r, s in scores.items()}
