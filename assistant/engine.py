"""The loaded assistant: index + embedder + retriever, shared by the CLI and the chat app."""
from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from .answer.extractive import AnswerConfig, answer_question, refused
from .answer.framing import is_thesis
from .answer.generate import LLM, stream_answer
from .converse.history import user_turns
from .converse.propose import propose
from .converse.rewrite import asks_beyond, asks_in_contrast, standalone
from .converse.support import own_tokens, unsupported
from .search.documents import resolve
from .search.embed import get_embedder
from .search.index import Index
from .search.language import detect_language
from .search.query import Query
from .search.retrieve import Retriever
from .settings import Settings


class Assistant:
    """Loads the index once; `ask` answers; `reload` swaps in a newer index without a restart;
    `warm` embeds the sentence vectors questions have not needed yet, in the background."""

    def __init__(self, settings: Settings):
        import faiss

        faiss.omp_set_num_threads(1)  # one query vector: threads only add overhead (bench: 103 → 21 ms at 100k)
        self.settings = settings
        self._lock = threading.Lock()
        # the last questions analysed that leant on nothing, by their text: a follow-up asking past its turn
        # ("siapa lagi?") reads that turn analysed again, just asked in a chat (a cache: what is found there
        # is what analysing the text again gives; a follow-up's analysis, in its own language, is not kept)
        self._recent: OrderedDict[str, Query] = OrderedDict()
        self.retriever = self._load()
        self.llm = LLM(settings.llm_url, settings.llm_model, settings.llm_key, settings.llm_timeout) \
            if settings.llm_url else None

    def _load(self) -> Retriever:
        index_dir = Path(self.settings.index_dir)
        index = Index.load(index_dir)
        embedder = get_embedder(self.settings.embedder)
        if embedder.id != index.embedder_id:
            raise SystemExit(
                f"the index at {index_dir} was built with embedder '{index.embedder_id}' but '{embedder.id}' is "
                f"configured: re-ingest with `python ingest.py --index {index_dir}` (or use the same embedder)")
        retriever = Retriever(index, embedder, self.settings.dense_weight, self.settings.candidates)
        retriever.home = frozenset(f for f in {c.file for c in index.chunks} if is_thesis(f, self.settings.thesis))
        return retriever

    def reload(self) -> None:
        retriever = self._load()
        with self._lock:
            self.retriever = retriever
            self._recent.clear()  # (a question is analysed with the index's names)

    def keep_sentence_vectors(self) -> bool:
        """Write the sentence vectors embedded for questions into the index: the next run starts warm."""
        return self.index.save_sentences()

    def warm(self, stop: threading.Event | None = None) -> int:
        """Embed the sentences of the passages no question has reached yet, a few passages at a time
        (questions are answered in between), keeping them as it goes; stops early when `stop` is set or
        another index is swapped in. The number embedded."""
        retriever = self.retriever
        return retriever.index.embed_missing(
            retriever.embedder.embed_passages,
            go_on=lambda: not (stop is not None and stop.is_set()) and self.retriever is retriever)

    def warm_in_background(self) -> threading.Thread:
        """`warm` in a daemon thread (the chat starts one at launch and after each ingest)."""
        thread = threading.Thread(target=self.warm, name="warm-sentences", daemon=True)
        thread.start()
        return thread

    @property
    def index(self) -> Index:
        return self.retriever.index

    def query(self, text: str, *, history: Sequence[dict] | None = None) -> Query:
        """The question analysed once, for every stage that reads it. With `history` (the chat so far,
        {"role", "content"} messages) a follow-up is first made standalone (converse/): its Query reads
        the standalone question in the language the follow-up was typed in, and keeps what was typed."""
        rewrite = standalone(text, history) if history else None
        if rewrite is None:
            return self._remember(text, self.retriever.query(text))
        said = rewrite.text
        if self.llm is not None and self.settings.llm_rewrite:  # the model may word it; the rules' stands otherwise
            said = propose(text, user_turns(history), lambda prompt: "".join(self.llm.stream(prompt, 96))) or said
        language = detect_language(text, self.index.loan_terms)
        # (both in one call; an English question's gloss is embedded in a call of its own then)
        standalone_vector, typed_vector = self.retriever.query_vectors([said, text])
        query = replace(self.retriever.query(said, language, standalone_vector), typed=text,
                        own=own_tokens(text, language), typed_vector=typed_vector)
        if asks_beyond(text):  # "siapa lagi?": the turn it asks past, to answer with something else
            past = self._recent.get(rewrite.before) or self._remember(rewrite.before, self.retriever.query(rewrite.before))
            query = replace(query, past=past, past_may_answer=asks_in_contrast(text))
        return query

    def _remember(self, text: str, query: Query, keep: int = 32) -> Query:
        with self._lock:
            self._recent[text] = query
            self._recent.move_to_end(text)
            while len(self._recent) > keep:
                self._recent.popitem(last=False)
        return query

    def documents(self, doc: str | None) -> frozenset[str] | None:
        """The files a document name picks (None: all); DocumentNotFound when none matches."""
        return resolve(self.index, doc) if doc else None

    def _query(self, question: str | Query, history: Sequence[dict] | None) -> Query:
        return question if isinstance(question, Query) else self.query(question, history=history)

    def _extractive(self, query: Query, k: int | None, files: frozenset[str] | None = None) -> dict:
        config = AnswerConfig(max_sentences=self.settings.answer_max_sentences,
                              max_words=self.settings.answer_max_words, thesis=self.settings.thesis)
        result = answer_question(query, self.retriever, k or self.settings.top_k, config, files)
        if query.typed and result["answerable"]:  # a follow-up: what it asks in its own words must be there
            top = result["retrieved"][:config.passages_for_sentences]  # (across languages, its names)
            missing = unsupported(query.typed, [p["text"] for p in top],
                                  names_only=self.index.language(top[0]["file"]) != query.language,
                                  language=query.language)
            if missing:
                return refused(result, missing)
        return result

    def extractive(self, question: str | Query, k: int | None = None, *,
                   history: Sequence[dict] | None = None, doc: str | None = None) -> dict:
        """The extractive cited answer (see README for the JSON); `doc` asks one document (a name or title)."""
        query = self._query(question, history)
        return searched(self._extractive(query, k, self.documents(doc)), query)

    def stream(self, question: str | Query, k: int | None = None, *,
               history: Sequence[dict] | None = None, doc: str | None = None) -> Iterator[str | dict]:
        """With an LLM endpoint: the generated text as it grows, then the result; else just the result.
        The model is given the standalone question of a follow-up. `doc` asks one document."""
        query = self._query(question, history)
        result = self._extractive(query, k, self.documents(doc))
        if self.llm is None:
            yield searched(result, query)
            return
        for item in stream_answer(query, result, self.llm):
            yield item if isinstance(item, str) else searched(item, query)

    def ask(self, question: str | Query, k: int | None = None, *, history: Sequence[dict] | None = None,
            doc: str | None = None) -> dict:
        """The JSON-ready result (extractive, or generated and guarded when an endpoint is set)."""
        *_, result = self.stream(question, k, history=history, doc=doc)
        return result


def searched(result: dict, query: Query) -> dict:
    """The result of a rewritten follow-up: "question" as typed, "searched" the standalone question
    (put after it); any other result unchanged."""
    if not query.typed:
        return result
    out = {}
    for key, value in result.items():
        out[key] = query.typed if key == "question" else value
        if key == "question":
            out["searched"] = query.text
    return out
