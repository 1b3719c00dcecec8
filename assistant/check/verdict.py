"""The verdict on one sentence of a draft, with its evidence.

- `supported`: it cites a work, and the sentences the corpus attributes to that work (or the work's
  own PDF, when it is in the corpus) support it, fact by fact;
- `wrong_citation`: it cites a work whose sentences do not support it (`suggest`: the works that do);
- `needs_citation`: no citation, but the corpus supports it with a sentence it attributes to a work;
- `unsupported`: the corpus does not support it, or its closest support states other facts (a number,
  date, name, acronym or quote the guard's checks do not find there);
- `ok`: no claim that needs a source (the draft speaking of itself, or stating what the corpus says
  in its own words).

Support is find-a-citation's (`answer.cite`): a sentence's e5 cosine to the claim plus a share of the
claim's words it holds. The claim is analysed once (`Query`) and passed to every step.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from ..answer import facts
from ..answer.cite import (CiteConfig, backing, citation_sources, rank_support, source_files, supporting,
                           work_support)
from ..answer.extractive import Scored
from ..answer.guard import MissingFact, unsupported_fact
from ..answer.sources import cited_keys, norm_key
from .report import reason_text
from .sentences import DraftSentence

VERDICTS = ("supported", "wrong_citation", "needs_citation", "unsupported", "ok")

# The draft speaking of itself (its chapters, sections, the study, what comes next): framing, no claim.
_ABOUT_ITSELF = re.compile(
    r"\b(?:this|the\s+(?:present|following|next|previous|preceding|last|first)|next|following)\s+"
    r"(?:chapters?|sections?|subsections?|parts?|paragraphs?|pages?|study|paper|essay|thesis|article|research|analysis)\b"
    r"|\bas\s+follows\b|\b(?:the\s+)?(?:remainder|rest)\s+of\s+this\b|\bturns?\s+to\b"
    r"|\bwill\s+(?:be\s+)?(?:discuss|describ|explain|examin|outlin|present|address|answer|review)\w*"
    r"|\b(?:bab|bagian|subbab|sub-bab|paragraf|penelitian|tulisan|skripsi|tesis|makalah|artikel|kajian|pembahasan)\s+"
    r"(?:ini|berikut(?:nya)?|selanjutnya|sebelumnya)\b|\bsebagai\s+berikut\b|\bpenulis\b"
    r"|\bakan\s+\w*(?:bahas|urai|jelas|apar|jawab|kaji|analisis|tinjau|telaah)\w*", re.I)


def _cite_config() -> CiteConfig:
    # Support as find-a-citation computes it; its `min_support` says "supports". Its coverage rule asks
    # less here: a draft's English sentence may hold words the dictionary lacks (0.44 of an Indonesian
    # passage's words for the lowest supported sentence of tests/data/draft_own.jsonl; off-topic claims
    # hold ≤ 0.33 in find-a-citation's calibration).
    return CiteConfig(min_coverage=0.4)


@dataclass
class CheckConfig:
    """Thresholds of the verdict; see docs/check.md for how they were calibrated."""

    cite: CiteConfig = field(default_factory=_cite_config)
    # The cited work's best sentence must support the claim at least as well as any other work's, less
    # this margin: the midpoint between cited_right items (the cited work leads by ≥ 0.018) and
    # cited_wrong ones (another work leads by ≥ 0.026) of draft_dev + draft_own.
    margin: float = 0.004
    # Works suggested: those backing the supporting sentences within `suggest_window` of the best one.
    suggest_window: float = 0.03
    suggestions: int = 3
    passages: int = 5  # passages searched for the claim


@dataclass
class Verdict:
    """What `Checker.judge` decides: the verdict, why (a code of `report.REASONS`), the fact the
    source lacks, the evidence [(sentence, support, role)] and the works to suggest."""

    verdict: str
    why: str
    evidence: list[tuple[Scored, float, str]] = field(default_factory=list)
    suggest: list[str] = field(default_factory=list)
    fact: MissingFact | None = None
    unknown: list[str] = field(default_factory=list)


def about_itself(text: str) -> bool:
    """The sentence speaks of the draft itself ("The following section …", "Bab ini …") and states
    no number or date: framing that needs no source."""
    return bool(_ABOUT_ITSELF.search(text)) and not facts.numbers(text) and not facts.dates(text)


class Checker:
    """Judges sentences against the assistant's index (read once: its sources and the works it knows)."""

    def __init__(self, assistant, config: CheckConfig | None = None, files: frozenset[str] | None = None):
        self.retriever = assistant.retriever
        self.files = files  # check against these documents only (None: all)
        self.config = config or CheckConfig()
        self.sources = citation_sources(assistant)
        self.is_source = source_files(self.sources)
        known = cited_keys(self.retriever.index.chunks) + list(self.sources.links)
        self._known = {norm_key(k): k for k in known}

    def work(self, key: str) -> str | None:
        """The corpus's key of a work the draft cites ("L’Hoiry, 2024" → "L'Hoiry, 2024"), None if unknown."""
        return self._known.get(norm_key(key))

    def check(self, sentence: DraftSentence, vector: np.ndarray | None = None) -> dict:
        """The verdict on one sentence (see the module docstring) as a JSON-ready dict; `vector`, its
        claim's query embedding when computed already (`Retriever.query_vectors`)."""
        query = self.retriever.query(sentence.claim, vector=vector)  # analysed once, passed on
        cited = sentence.keys
        known = {k: self.work(k) for k in cited}
        if not cited and about_itself(sentence.claim):
            verdict = Verdict("ok", "about_itself")
        else:
            cfg = self.config
            ranked, covered = rank_support(self.retriever, query, cfg.passages, cfg.cite, self.files, self.is_source)
            works = {w for w in known.values() if w}
            own = work_support(self.retriever, query, works, self.is_source, cfg.cite) if works else []
            supported = supporting(ranked, covered, query, cfg.cite)
            verdict = self.judge(sentence.claim, known, supported, own, ranked[:1])
        facts_missing = {"kind": verdict.fact.kind, "value": verdict.fact.value} if verdict.fact else None
        suggest = verdict.suggest[: self.config.suggestions]
        references = {k: ref for k in cited + suggest if (ref := self.sources.reference(known.get(k) or k))}
        return {"text": sentence.text, "verdict": verdict.verdict, "cited": cited, "suggest": suggest,
                "reason": reason_text(verdict.why, "en", facts_missing, verdict.unknown), "why": verdict.why,
                "fact": facts_missing, "evidence": [self._evidence(x, s, role) for x, s, role in verdict.evidence],
                "references": references, "language": query.language, "paragraph": sentence.paragraph,
                "start": sentence.start, "end": sentence.end}

    def judge(self, claim: str, known: dict[str, str | None], supporting: list[tuple[Scored, float]],
              own: list[tuple[Scored, float]], closest: list[tuple[Scored, float]]) -> Verdict:
        """The verdict on `claim`, citing `known` (draft key → corpus key or None), given the corpus's
        supporting sentences, the cited works' own sentences (`own`), both best first, and the closest one."""
        cfg = self.config
        works = {w for w in known.values() if w}
        cited = own[:1]
        if known:
            rival = max((s for x, s in supporting if set(backing(x, self.is_source)) - works), default=0.0)
            if cited and cited[0][1] >= cfg.cite.min_support and cited[0][1] >= rival - cfg.margin:
                x, s = cited[0]
                fact = self._missing_fact(claim, x)
                return Verdict("unsupported", "fact", [(x, s, "cited")], fact=fact) if fact \
                    else Verdict("supported", "supported", [(x, s, "cited")])
            shown = [(y, t, "cited") for y, t in cited]
            if not supporting:
                return Verdict("unsupported", "no_support", [(x, s, "closest") for x, s in closest] + shown)
            x, s = supporting[0]
            fact = self._missing_fact(claim, x)
            if fact:
                return Verdict("unsupported", "fact", [(x, s, "closest")] + shown, fact=fact)
            others = self._suggest(supporting, works)
            unknown = [k for k, w in known.items() if not w]
            why = "unknown_work" if unknown and not own else "other_work" if others else "own_words_not_cited"
            return Verdict("wrong_citation", why, [(x, s, "suggested" if others else "closest")] + shown, others,
                           unknown=unknown)
        if not supporting:
            return Verdict("unsupported", "no_support", [(x, s, "closest") for x, s in closest])
        x, s = supporting[0]
        fact = self._missing_fact(claim, x)
        if fact:
            return Verdict("unsupported", "fact", [(x, s, "closest")], fact=fact)
        others = self._suggest(supporting, set())
        if others:
            return Verdict("needs_citation", "attributed", [(x, s, "suggested")], others)
        return Verdict("ok", "own_words", [(x, s, "closest")])

    def _suggest(self, supporting: list[tuple[Scored, float]], cited: set[str]) -> list[str]:
        """The works backing the supporting sentences close to the best one, best first, the cited ones aside."""
        top = supporting[0][1] if supporting else 0.0
        found = [k for x, s in supporting if s >= top - self.config.suggest_window for k in backing(x, self.is_source)]
        return [k for k in dict.fromkeys(found) if k not in cited]

    def _missing_fact(self, claim: str, x: Scored) -> MissingFact | None:
        """The claim's first fact the supporting sentence (with its neighbours) does not hold; acronyms and
        names may also come from its passage."""
        before, after = self.retriever.index.adjacent
        text = x.sentence.text
        around = " ".join(t for t in (before.get(text), text, after.get(text)) if t)
        return unsupported_fact(claim, [around], context=[x.hit.chunk.text])

    def _evidence(self, x: Scored, support: float, role: str) -> dict:
        chunk = x.hit.chunk
        return {"role": role, "sentence": x.sentence.text, "doc": chunk.doc, "file": chunk.file, "page": chunk.page,
                "page_label": chunk.page_label, "section": chunk.section, "works": backing(x, self.is_source),
                "support": round(support, 4)}


def check_sentences(assistant, sentences: list[DraftSentence], config: CheckConfig | None = None,
                    progress: Callable[[int, int], None] | None = None,
                    files: frozenset[str] | None = None) -> list[dict]:
    """The verdict on each sentence, in order; `progress(done, total)` after each one; `files`: check against
    these documents only."""
    checker = Checker(assistant, config, files)
    vectors = checker.retriever.query_vectors([s.claim for s in sentences])  # all at once: faster
    out = []
    for sentence, vector in zip(sentences, vectors):
        out.append(checker.check(sentence, vector))
        if progress:
            progress(len(out), len(sentences))
    return out
