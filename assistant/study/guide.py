"""Chapter guide: the section tree with each section's most central sentences (over the sentence
vectors, no two alike), the works it cites and its length; and a briefing of the document."""
from __future__ import annotations

import re

import numpy as np

from ..records import SECTION_SEP, innermost_heading
from .corpus import Mention, plain

# Section titles that hold a briefing's parts, in Indonesian and English.
BRIEFING = {
    "question": r"rumusan\s+masalah|pertanyaan\s+penelitian|research\s+questions?|problem\s+statement",
    "aims": r"tujuan|aims?|objectives?|purpose",
    "method": r"metod|method|teknik|jenis\s+data|tipe\s+penelitian|research\s+design",
    "theory": r"kerangka|teori|konsep|landasan|theor|framework|concept",
}


def guide(items: list[Mention], vectors: np.ndarray, per_section: int = 3) -> dict:
    """{"documents": [{"doc", "file", "sections": [tree nodes]}], "briefing": {...}} for all documents."""
    docs: dict[str, list[int]] = {}
    for i, m in enumerate(items):
        docs.setdefault(m.file, []).append(i)
    out = []
    for file, rows in docs.items():
        sections: dict[str, list[int]] = {}
        for i in rows:
            sections.setdefault(items[i].section, []).append(i)
        roots: list[dict] = []
        nodes: dict[str, dict] = {}
        for path, own in sections.items():
            node = _node(path, nodes, roots)
            node.update(_summary([items[i] for i in own], vectors[own], per_section))
        for root in roots:
            _totals(root)
        out.append({"doc": items[rows[0]].doc, "file": file, "sections": roots,
                    "briefing": briefing([items[i] for i in rows], vectors[rows])})
    return {"documents": out}


def _node(path: str, nodes: dict[str, dict], roots: list[dict]) -> dict:
    """The tree node of `path`, made with its parents when missing."""
    if path in nodes:
        return nodes[path]
    parts = path.split(SECTION_SEP) if path else ["—"]
    node = {"title": parts[-1], "path": path, "central": [], "cites": [], "words": 0, "sentences": 0, "children": []}
    nodes[path] = node
    if len(parts) > 1:
        _node(SECTION_SEP.join(parts[:-1]), nodes, roots)["children"].append(node)
    else:
        roots.append(node)
    return node


def _first_list(texts: list[str]) -> list[str]:
    """The items of the first numbered list among `texts` (until the numbering starts again)."""
    out: list[str] = []
    for text in texts:
        if _ITEM.match(text):
            if out and re.match(r"^\s*(?:1|a)[.)]", text):
                break
            out.append(plain(text))
    return out[:6]


def _totals(node: dict) -> tuple[int, int]:
    """Add each node's words and sentences with those of its subsections ("total_words")."""
    words, sents = node["words"], node["sentences"]
    for child in node["children"]:
        w, n = _totals(child)
        words, sents = words + w, sents + n
    node["total_words"], node["total_sentences"] = words, sents
    return words, sents


def _prose(items: list[Mention]) -> list[int]:
    """Rows of sentences that say something: not lead-ins to a list ("… sebagai berikut :"), not fragments."""
    rows = [i for i, m in enumerate(items) if len(m.text.split()) >= 6 and not m.text.rstrip(" .").endswith(":")
            and not _LEAD_IN.search(m.text)]
    return rows or list(range(len(items)))


_ITEM = re.compile(r"^\s*(?:\d{1,2}|[a-z])[.)]\s")
_LEAD_IN = re.compile(r"(?:sebagai\s+berikut|as\s+follows|berikut\s+ini)\W*$", re.I)


def _summary(items: list[Mention], vecs: np.ndarray, k: int) -> dict:
    rows = _prose(items)
    picks = [rows[i] for i in central(vecs[rows], k)]
    return {"central": [{"text": plain(items[i].text), "page": items[i].page, "page_label": items[i].page_label,
                         "cites": list(items[i].cites)} for i in picks],
            "cites": list(dict.fromkeys(c for m in items for c in m.cites)),
            "words": sum(len(m.text.split()) for m in items), "sentences": len(items)}


def central(vecs: np.ndarray, k: int, alike: float = 0.9) -> list[int]:
    """Up to `k` rows most similar to the rest (mean cosine), skipping any too like one already picked;
    returned in reading order."""
    n = len(vecs)
    if n == 0:
        return []
    sims = vecs @ vecs.T
    score = (sims.sum(axis=1) - np.diag(sims)) / max(1, n - 1)
    picked: list[int] = []
    for i in np.argsort(-score, kind="stable"):
        if len(picked) == k:
            break
        if all(sims[i, j] < alike for j in picked):
            picked.append(int(i))
    return sorted(picked)


def briefing(items: list[Mention], vecs: np.ndarray) -> dict:
    """One screen on the document: research question(s), aims, method and theory, each from the
    sections whose titles name it (questions are the sentences ending in "?")."""
    out: dict[str, list[str]] = {}
    prose = set(_prose(items))
    for part, pattern in BRIEFING.items():
        rows = [i for i, m in enumerate(items) if re.search(pattern, innermost_heading(m.section), re.I)
                or part in ("method", "theory") and re.search(pattern, m.section, re.I)]
        rows = [i for i in rows if i in prose or part == "question"]
        if not rows:
            continue
        if part == "question":
            found = [plain(items[i].text) for i in rows if items[i].text.rstrip().endswith("?")]
        elif part == "theory":
            titles = [innermost_heading(items[i].section) for i in rows]
            found = [re.sub(r"^\d+\.\s*", "", t) for t in dict.fromkeys(titles) if t != titles[0]] or \
                [plain(items[rows[i]].text) for i in central(vecs[rows], 2)]
        else:
            listed = _first_list([items[i].text for i in rows]) if part == "aims" else []
            found = listed or [plain(items[rows[i]].text) for i in central(vecs[rows], 3 if part == "method" else 2)]
        if found:
            out[part] = found
    return out
