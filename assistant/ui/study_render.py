"""HTML for the study tab: timeline, glossary, chapter guide, flashcards and quiz messages."""
from __future__ import annotations

import html
import re

from .render import escape, source_card
from .strings import t

_CLOZE = re.compile(r"\{\{c\d+::(.*?)(?:::.*?)?\}\}")


def _where(item: dict, lang: str) -> str:
    page = item.get("page_label") or item.get("page")
    parts = [item.get("doc"), item.get("section"), f"{t(lang, 'page')} {page}" if page else None]
    return html.escape(" · ".join(str(p) for p in parts if p))


def _cites(cites: list[str], lang: str) -> str:
    return f'<div class="src-cites">{html.escape(t(lang, "cites"))}: {html.escape("; ".join(cites))}</div>' if cites else ""


def _none(lang: str) -> str:
    return f'<p class="muted">{html.escape(t(lang, "study_none"))}</p>'


def timeline_html(events: list[dict], lang: str) -> str:
    items = []
    for e in events:
        when = html.escape(e["date"] + (f" – {e['end']}" if e.get("end") else ""))
        also = "".join(f'<li>{escape(s["text"])} <span class="muted">({_where(s, lang)})</span></li>' for s in e["sources"])
        also = (f'<details><summary>{html.escape(t(lang, "study_also"))} ({len(e["sources"])})</summary>'
                f'<ul>{also}</ul></details>') if also else ""
        items.append(f'<div class="tl-item"><div class="tl-date">{when}</div><div class="tl-body">'
                     f'<div class="tl-text">{escape(e["text"])}</div><div class="src-head muted">{_where(e, lang)}</div>'
                     f'{_cites(e["cites"], lang)}{also}</div></div>')
    return f'<div class="tl">{"".join(items)}</div>' if items else _none(lang)


def glossary_html(terms: list[dict], lang: str, query: str = "") -> str:
    q = query.strip().lower()
    items = []
    for term in terms:
        blob = " ".join([term["term"], term.get("expansion") or "", *term.get("aliases", []),
                         *(d["text"] for d in term["definitions"])]).lower()
        if q and q not in blob:
            continue
        head = f'<b>{html.escape(term["term"])}</b>'
        if term.get("expansion"):
            head += f' — {html.escape(term["expansion"])}'
        defs = "".join(f'<li><i>{html.escape(d["by"] or "—")}</i>: {escape(d["text"])} '
                       f'<span class="muted">({_where(d, lang)})</span></li>' for d in term["definitions"])
        items.append(f'<div class="gl-term">{head}{f"<ul>{defs}</ul>" if defs else ""}</div>')
    return "".join(items) or _none(lang)


def guide_html(guide: dict, lang: str) -> str:
    out = []
    for doc in guide["documents"]:
        brief = "".join(f'<div><b>{html.escape(t(lang, "study_" + part))}</b><ul>'
                        + "".join(f"<li>{escape(x)}</li>" for x in found) + "</ul></div>"
                        for part, found in doc["briefing"].items())
        out.append(f'<h3>{html.escape(doc["doc"])}</h3>')
        if brief:
            out.append(f'<details class="guide-brief" open><summary>{html.escape(t(lang, "study_briefing"))}</summary>'
                       f'{brief}</details>')
        out += [_node_html(node, lang, chapter=True) for node in doc["sections"]]
    return "".join(out) or _none(lang)


def _node_html(node: dict, lang: str, chapter: bool = False) -> str:
    words = html.escape(t(lang, "study_words", n=node.get("total_words", node["words"])))
    central = "".join(f"<li>{escape(c['text'])}</li>" for c in node["central"])
    body = (f'<ul class="guide-central">{central}</ul>' if central else "") + _cites(node["cites"], lang)
    body += "".join(_node_html(child, lang) for child in node["children"])
    cls = "guide-ch" if chapter else "guide-sec"
    return (f'<details class="{cls}"{" open" if not chapter else ""}><summary>{html.escape(node["title"])} '
            f'<span class="muted">({words})</span></summary>{body}</details>')


def card_front(card: dict) -> str:
    return escape(_CLOZE.sub("[…]", card["front"]))


def cards_html(cards: list[dict], lang: str) -> str:
    items = [f'<details class="flash"><summary>{card_front(c)}</summary><div class="flash-back">'
             f'<b>{escape(c["back"])}</b><div class="muted">{_where(c["source"], lang)}</div>'
             f'{_cites(c.get("cites") or [], lang)}</div></details>' for c in cards]
    return (f'<p class="muted">{html.escape(t(lang, "study_flip"))}</p>' + "".join(items)) if items else _none(lang)


def question_html(q: dict, i: int, n: int, lang: str) -> str:
    options = "".join(f"<li>{html.escape(o)}</li>" for o in q["options"])
    return (f'<div class="quiz-q"><div class="muted">{html.escape(t(lang, "quiz_question", i=i, n=n))}</div>'
            f'<div>{escape(q["prompt"])}</div><ol type="A">{options}</ol></div>')


def feedback_html(q: dict, chosen: str, i: int, passage: dict | None, lang: str, corpus_dir) -> str:
    right = chosen == q["options"][q["answer"]]
    verdict = t(lang, "quiz_right") if right else t(lang, "quiz_wrong", answer=q["options"][q["answer"]])
    src = q["source"]
    card = {"n": i, "doc": src.get("doc"), "file": src.get("file"), "section": src.get("section"),
            "page": src.get("page"), "page_label": src.get("page_label"), "cites": q.get("cites") or [],
            "text": (passage or {}).get("text") or src.get("text", ""),
            "sentence": (passage or {}).get("sentence") or src.get("text", "")}
    return f'<div class="answer quiz-verdict">{html.escape(verdict)}</div>{source_card(card, corpus_dir, lang)}'


def score_html(right: int, n: int, missed: list[dict], lang: str) -> str:
    items = "".join(f"<li>{escape(q['prompt'])} → <b>{html.escape(q['options'][q['answer']])}</b></li>" for q in missed)
    missed_html = f'<div><b>{html.escape(t(lang, "quiz_missed"))}</b><ul>{items}</ul></div>' if missed else ""
    return f'<div class="answer quiz-score">{html.escape(t(lang, "quiz_score", right=right, n=n))}</div>{missed_html}'
