"""Answer: an extractive, cited answer (no LLM), or a plain statement that the corpus does not say.

The answer quotes the sentence(s) of the retrieved passages that best answer the question,
each followed by its [n] and the work the thesis cites for it; the framing follows the
question's language, the quote stays in its own.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from .chunk import Chunk, Sentence
from .citations import parse_citations
from .keywords import tokenize
from .language import detect_language
from .retrieve import Hit, Retriever, backed_by

STRINGS = {
    "en": {
        "lead": "According to the thesis:",
        "abstain": "The corpus does not answer this question: no passage in the indexed documents supports an answer.",
        "missing": "The corpus does not say anything about {terms}.",
    },
    "id": {
        "lead": "Menurut tesis:",
        "abstain": "Korpus tidak menjawab pertanyaan ini: tidak ada bagian dokumen yang mendukung jawabannya.",
        "missing": "Korpus tidak menyebut apa pun tentang {terms}.",
    },
}

_SPECIFIC = re.compile(r"\b(?:1[89]|20)\d{2}\b")
_SELF_REFERENCE = re.compile(r"\b(thesis|tesis|skripsi|the author|penulis|this (research|study)|the research|penelitian ini)\b", re.I)
_MONTHS = ("januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember|"
           "january|february|march|may|june|july|august|october|december")
# What kind of answer a question asks for, and how a sentence that holds one looks.
ANSWER_TYPES = {
    "list": (re.compile(r"\b(apa saja|siapa saja|mana saja|which (forms|types|factors|countries|kinds)|what (forms|types|factors|kinds)|list|bentuk|faktor|jenis)\b", re.I),
             re.compile(r"(?:[^,]+,){3,}|\n")),
    "number": (re.compile(r"\b(how many|how much|berapa|jumlah|number of)\b", re.I),
               re.compile(r"\d")),
    "date": (re.compile(r"\b(when|kapan|tanggal|what date|what year|tahun berapa)\b", re.I),
             re.compile(rf"\b\d{{1,2}}\s+({_MONTHS})\b|\b({_MONTHS})\s+\d{{4}}\b", re.I)),
    "person": (re.compile(r"\b(who|siapa|whom)\b", re.I),
               re.compile(r"(?<!^)(?<![.!?]\s)\b[A-Z][a-z]+\s+[A-Z][a-z]+")),
}


def answer_types(question: str) -> list[re.Pattern]:
    """Patterns of the answer kinds the question asks for (list, number, date, person)."""
    return [shape for asks, shape in ANSWER_TYPES.values() if asks.search(question)]


@dataclass
class AnswerConfig:
    """Thresholds of the answerer; see README "Abstaining" for how they were calibrated."""

    max_sentences: int = 2
    max_words: int = 55
    second_ratio: float = 0.97  # a second sentence from elsewhere must score this close to the best one
    neighbour_ratio: float = 0.90  # … and a neighbour of the best sentence this close
    # Abstaining (calibrated on tests/data/calibration.jsonl, not on the dev questions): the best
    # sentence's e5 cosine must reach `min_sentence_sim`, or `min_sim_without_overlap` when the
    # question shares no keyword with the top passages and does not refer to the thesis itself.
    min_sentence_sim: float = 0.79
    min_sim_without_overlap: float = 0.835
    # … and when question and passages share a language, at least this share of the question's
    # words must be in them, unless the closest sentence reaches `sim_overrides_coverage`.
    min_coverage_same_language: float = 0.6
    sim_overrides_coverage: float = 0.88
    passages_for_sentences: int = 4
    passage_weight: float = 0.10  # weight of the passage's retrieval score (relative to the best)
    type_bonus: float = 0.03  # the sentence holds the kind of answer asked for (date, number, list…)


def passage_dict(hit: Hit, n: int) -> dict:
    c = hit.chunk
    return {"n": n, "doc": c.doc, "file": c.file, "page": c.page, "page_label": c.page_label,
            "section": c.section, "text": c.text, "score": round(float(hit.score), 4), "cites": c.cites}


def _cite_suffix(keys: list[str]) -> str:
    return f" ({'; '.join(keys)})" if keys else ""


def answer_question(question: str, retriever: Retriever, k: int = 10,
                    config: AnswerConfig | None = None, language: str | None = None) -> dict:
    """The JSON-ready result for one question (see README for the schema)."""
    config = config or AnswerConfig()
    language = language or detect_language(question, retriever.index.loan_terms)
    qvec = retriever.embed_query(question)
    hits = retriever.search(question, k=max(k, 10), qvec=qvec)
    retrieved = [passage_dict(h, i + 1) for i, h in enumerate(hits)]
    result = {"question": question, "language": language, "answer": "", "answerable": False,
              "citations": [], "retrieved": retrieved}
    picked = _pick_sentences(question, qvec, hits, retriever, config, language)
    missing = _missing_terms(question, hits[: config.passages_for_sentences])
    if not picked or missing:
        strings = STRINGS[language]
        result["answer"] = strings["missing"].format(terms=", ".join(missing)) if (missing and picked) else strings["abstain"]
        return result
    citations, parts = [], []
    numbers: dict[str, int] = {}
    for hit, sentence in picked:
        if hit.chunk.id not in numbers:
            numbers[hit.chunk.id] = len(numbers) + 1
            citations.append(passage_dict(hit, numbers[hit.chunk.id]))
        parts.append(f"“{sentence.text}” [{numbers[hit.chunk.id]}]{_cite_suffix(sentence.cites)}")
    result["answer"] = f"{STRINGS[language]['lead']} " + " ".join(parts)
    result["answerable"] = True
    result["citations"] = citations
    return result


def _pick_sentences(question: str, qvec: np.ndarray, hits: list[Hit], retriever: Retriever,
                    config: AnswerConfig, language: str) -> list[tuple[Hit, "Sentence"]]:
    """The best-supported sentences of the top passages, best first."""
    index = retriever.index
    qtokens = set(tokenize(question))
    named = retriever.named_authors(question)
    # the works a question names are matched through citations; the rest of it through words
    about = qtokens - set(tokenize(" ".join(named))) - set(_SPECIFIC.findall(question)) if named else qtokens
    about = about or qtokens
    acronyms = set(re.findall(r"\b[A-Z]{3,}\b", question))
    shapes = answer_types(question)
    scored = []
    seen = set()
    top = hits[: config.passages_for_sentences]
    best_passage = top[0].score if top else 0.0
    for hit in top:
        for sentence in hit.chunk.sentences:
            if sentence.text in seen or sentence.text.rstrip().endswith("?") or len(sentence.text.split()) < 4:
                continue  # questions in the text and fragments ("BAB I Pendahuluan") answer nothing
            seen.add(sentence.text)
            row = index.sentence_row.get(sentence.text)
            if row is None:
                continue
            sim = float(index.sentence_vectors[row] @ qvec)
            stoks = set(tokenize(sentence.text))
            overlap = len(about & stoks) / len(about) if about else 0.0
            passage = hit.score / best_passage if best_passage > 0 else 0.0
            score = sim + 0.15 * overlap + config.passage_weight * passage
            if shapes and any(shape.search(sentence.text) for shape in shapes):
                score += config.type_bonus
            if named and backed_by(sentence.cites, named):
                score += 0.05
            if acronyms and any(_defines(a, sentence.text) for a in acronyms):
                score += 0.05
            scored.append((score, sim, hit, sentence))
    if not scored:
        return []
    scored.sort(key=lambda x: -x[0])
    best_score, _, hit, sentence = scored[0]
    best_sim = max(x[1] for x in scored)  # support: the closest sentence, whatever ranks first
    if best_sim < config.min_sentence_sim:
        return []
    exact = set(tokenize(question, cognates=False))
    top_tokens = {t for h in top for t in tokenize(h.chunk.text, cognates=False)}
    if best_sim < config.min_sim_without_overlap and not (exact & top_tokens) and not _SELF_REFERENCE.search(question):
        return []
    # a question in the passages' own language should find most of its words there
    content = {t for t in exact if not t[:1].isdigit()}
    coverage = len(content & top_tokens) / len(content) if content else 1.0
    if (coverage < config.min_coverage_same_language and best_sim < config.sim_overrides_coverage
            and detect_language(top[0].chunk.text[:600]) == language):
        return []
    picked = [(hit, sentence)]
    words = len(sentence.text.split())
    by_text = {x[3].text: x for x in scored}
    sents = hit.chunk.sentences
    i = next(j for j, x in enumerate(sents) if x.text == sentence.text)
    if sentence.text.rstrip().endswith(":"):  # a lead-in: the list that follows is the answer
        for item in sents[i + 1:]:
            if words + len(item.text.split()) > config.max_words:
                break
            picked.append((hit, item))
            words += len(item.text.split())
        return picked
    # a neighbour of the best sentence keeps the quote coherent ("… Di akhir pertemuan …")
    neighbours = [by_text[x.text] for x in (sents[i - 1] if i else None, sents[i + 1] if i + 1 < len(sents) else None)
                  if x is not None and x.text in by_text]
    neighbours.sort(key=lambda x: -x[0])
    for score, sim, hit2, sentence2 in neighbours + scored[1:3]:
        if len(picked) >= config.max_sentences:
            break
        n = len(sentence2.text.split())
        near = (hit2, sentence2) in [(h, x) for *_, h, x in neighbours]
        good = score >= (config.neighbour_ratio if near else config.second_ratio) * best_score
        if good and words + n <= config.max_words and all(sentence2.text != p.text for _, p in picked):
            picked.append((hit2, sentence2))
            words += n
    order = {x.text: j for j, x in enumerate(sents)}
    picked.sort(key=lambda hs: (hs[0].chunk.id != hit.chunk.id, order.get(hs[1].text, 0)))
    return picked


def _defines(acronym: str, text: str) -> bool:
    """The sentence spells out the acronym: "ACTIP atau *ASEAN …*", "ACTIP (ASEAN …)", "… (ACTIP)"."""
    a = re.escape(acronym)
    return bool(re.search(rf"\b{a}\s+(?:atau|or|\(|adalah|merupakan|yaitu)\s*[*“\"(]?[A-Z]", text)
                or re.search(rf"[A-Z][\w*]+(?:\s+[\w*]+){{1,8}}\s*\({a}\)", text))


def _without_citations(text: str) -> str:
    """The text with its in-text citations cut out: a year in "(Pangastuti dkk, 2019)" dates a
    source, it says nothing about 2019."""
    for c in reversed(parse_citations(text)):
        text = text[: c.start] + " " + text[c.end:]
    return text


def _missing_terms(question: str, hits: list[Hit]) -> list[str]:
    """Years the question asks about that none of the top passages mention (citations aside)."""
    text = " ".join(_without_citations(h.chunk.text) for h in hits)
    asked = _SPECIFIC.findall(_without_citations(question))  # "Rudy (2002)" names a work, not a year
    return [y for y in dict.fromkeys(asked) if y not in text]
