"""The study views as plain text for the command line."""
from __future__ import annotations

from .export import where


def _at(item: dict) -> str:
    page = item.get("page_label") or item.get("page")
    return " — ".join(x for x in (item.get("doc"), item.get("section"), f"p. {page}" if page else "") if x)


def timeline_text(events: list[dict]) -> str:
    lines = []
    for e in events:
        when = e["date"] + (f" – {e['end']}" if e.get("end") else "")
        lines.append(f"{when:<23} {e['text']}")
        lines.append(f"{'':<23} [{_at(e)}]" + (f" cites: {'; '.join(e['cites'])}" if e["cites"] else ""))
        for s in e["sources"]:
            lines.append(f"{'':<23} also: {s['text'][:160]} [{_at(s)}]")
    return "\n".join(lines) or "(no dated events)"


def glossary_text(terms: list[dict]) -> str:
    lines = []
    for t in terms:
        lines.append(t["term"] + (f" — {t['expansion']}" if t.get("expansion") else "")
                     + (f"  (also: {', '.join(t['aliases'])})" if t.get("aliases") else ""))
        for d in t["definitions"]:
            lines.append(f"  • {d['by'] or '—'}: {d['text']}  [{_at(d)}]")
    return "\n".join(lines) or "(no terms)"


def guide_text(guide: dict) -> str:
    lines = []
    for doc in guide["documents"]:
        lines.append(f"# {doc['doc']} ({doc['file']})")
        for part, found in doc["briefing"].items():
            lines.append(f"{part}:")
            lines += [f"  - {x}" for x in found]
        for node in doc["sections"]:
            _node_text(node, 0, lines)
        lines.append("")
    return "\n".join(lines).rstrip()


def _node_text(node: dict, depth: int, lines: list[str]) -> None:
    pad = "  " * depth
    lines.append(f"{pad}{node['title']}  ({node.get('total_words', node['words'])} words" + (f", cites {len(node['cites'])} works)" if node["cites"] else ")"))
    for c in node["central"]:
        lines.append(f"{pad}  · {c['text']}")
    for child in node["children"]:
        _node_text(child, depth + 1, lines)


def cards_text(cards: list[dict]) -> str:
    return "\n\n".join(f"[{c['kind']}] {c['front']}\n  → {c['back']}\n  ({where(c)})" for c in cards) or "(no cards)"


def quiz_text(questions: list[dict]) -> str:
    lines, key = [], []
    for n, q in enumerate(questions, 1):
        lines.append(f"{n}. {q['prompt']}")
        lines += [f"   {'ABCD'[i]}) {o}" for i, o in enumerate(q["options"])]
        key.append(f"{n}{'ABCD'[q['answer']]}")
    return "\n".join(lines + ["", "Answers: " + " ".join(key)]) if questions else "(no questions)"
