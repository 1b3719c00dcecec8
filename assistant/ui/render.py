"""HTML for the chat: an answer with its numbered sources, the quoted sentence highlighted."""
from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import quote

from .strings import t

QUOTE = re.compile(r"“(.+?)”\s*\[(\d+)\]")
MARKER = re.compile(r"\[(\d+)\]")


def quotes_by_source(answer: str) -> dict[int, list[str]]:
    """The sentences the answer quotes, keyed by the [n] that follows each."""
    found: dict[int, list[str]] = {}
    for text, n in QUOTE.findall(answer):
        found.setdefault(int(n), []).append(text.strip())
    return found


def _find(passage: str, sentence: str) -> tuple[int, int] | None:
    """Where `sentence` occurs in `passage`, tolerant of whitespace differences."""
    start = passage.find(sentence)
    if start >= 0:
        return start, start + len(sentence)
    words = sentence.split()
    if not words:
        return None
    match = re.search(r"\s+".join(re.escape(w) for w in words), passage)
    return (match.start(), match.end()) if match else None


_ITALIC = re.compile(r"\*(\S(?:[^*\n<>]{0,118}?\S)?)\*")


def escape(text: str) -> str:
    """HTML-escaped text with the documents' Markdown italics (*human trafficking*) as <em>."""
    return _ITALIC.sub(r"<em>\1</em>", html.escape(text))


def highlight(passage: str, sentences: list[str]) -> str:
    """`passage` as escaped HTML with each of `sentences` wrapped in <mark>."""
    # (a list quoted by its items' first words is marked piece by piece: "a. surat … b. paspor …")
    pieces = [p.strip() for q in sentences for p in q.split(" …") if p.strip()]
    spans = sorted(s for s in (_find(passage, q) for q in pieces) if s)
    out, pos = [], 0
    for start, end in spans:
        if start < pos:
            continue
        out.append(escape(passage[pos:start]))
        out.append(f"<mark>{escape(passage[start:end])}</mark>")
        pos = end
    out.append(escape(passage[pos:]))
    return "".join(out)


def file_url(file: str | None, corpus_dir: Path, page: int | None = None) -> str | None:
    """The URL serving a corpus file (a PDF opened at `page`), or None when it is not inside the corpus."""
    corpus = Path(corpus_dir).resolve()
    path = (corpus / (file or "")).resolve()
    if not file or not path.is_file() or corpus not in path.parents:
        return None
    url = "gradio_api/file=" + quote(str(path))
    return url + (f"#page={int(page)}" if page and path.suffix.lower() == ".pdf" else "")


def file_link(passage: dict, corpus_dir: Path, lang: str) -> str:
    """A link that opens the passage's corpus file (PDFs at its page), or '' when it is not in the corpus."""
    url = file_url(passage.get("file"), corpus_dir, passage.get("page"))
    if url is None:
        return ""
    label = (t(lang, "open_pdf", page=passage.get("page_label") or passage["page"]) if "#page=" in url
             else t(lang, "open_file"))
    return f'<a class="src-link" href="{html.escape(url)}" target="_blank" rel="noopener">{html.escape(label)}</a>'


def as_written(citation: str) -> str:
    """A citation as written, without the parentheses that enclose all of it: "(Bambar, 2022)" → "Bambar, 2022"."""
    text = " ".join(citation.split())
    if text.startswith("(") and text.endswith(")") and text.count("(") == 1:
        text = text[1:-1].strip()
    return text


def _work(key: str, corpus_dir: Path, lang: str, written: dict[str, str] | None,
          sources: dict[str, str] | None) -> str:
    """A cited work as written in the thesis, linked to its PDF when that is in the corpus."""
    label = html.escape(as_written((written or {}).get(key, key)))
    file = (sources or {}).get(key)
    url = file_url(file, corpus_dir)
    if url is None:
        return label
    return (f'<a class="src-work" href="{html.escape(url)}" target="_blank" rel="noopener" '
            f'title="{html.escape(file)}">{label} 📄</a>')


def support_html(entry: dict, corpus_dir: Path, lang: str, chars: int = 360) -> str:
    """Passages from a cited PDF in the corpus that back a thesis passage (see sources.supporting_sources)."""
    title = html.escape(entry.get("reference") or entry["key"])
    items = []
    for p in entry.get("passages", []):
        text = p.get("text", "")
        text = text if len(text) <= chars else text[:chars].rsplit(" ", 1)[0] + " …"
        url = file_url(p.get("file"), corpus_dir, p.get("page"))
        where = html.escape(" · ".join(x for x in (p.get("section") or "", _page(p, lang)) if x))
        where = f'<a href="{html.escape(url)}" target="_blank" rel="noopener">{where or "↗"}</a>' if url else where
        items.append(f'<div class="src-support-text">{where}: {html.escape(text)}</div>')
    return (f'<div class="src-support"><b>{html.escape(t(lang, "from_source"))}</b> — {title}'
            f'{"".join(items)}</div>')


def _page(passage: dict, lang: str) -> str:
    page = passage.get("page_label") or passage.get("page")
    return f'{t(lang, "page")} {page}' if page else ""


def works_html(passage: dict, corpus_dir: Path, lang: str, backing: list[str] | None = None,
               written: dict[str, str] | None = None, sources: dict[str, str] | None = None) -> str:
    """The works a passage cites: those backing its quoted sentence first, the passage's others apart."""
    cites = list(dict.fromkeys(passage.get("cites") or []))
    if backing is None and "backing" not in passage:  # not known: the passage's works, one list
        groups = [("cites", cites, "src-cites")]
    else:
        backing = list(dict.fromkeys(passage["backing"] if backing is None else backing))
        others = [c for c in passage.get("others", cites) if c not in backing]
        groups = [("backing", backing, "src-cites src-backing"), ("others", others, "src-cites src-others")]
    lines = []
    for label, keys, css in groups:
        if keys:
            works = "; ".join(_work(c, corpus_dir, lang, written, sources) for c in keys)
            lines.append(f'<div class="{css}">{html.escape(t(lang, label))}: {works}</div>')
    return "".join(lines)


def source_card(passage: dict, corpus_dir: Path, lang: str, quotes: list[str] | None = None,
                written: dict[str, str] | None = None, sources: dict[str, str] | None = None,
                support: list[dict] | None = None, backing: list[str] | None = None) -> str:
    """One source: [n], title, section path, page, link, passage (highlighted) and the works it cites,
    those backing the quoted sentence (`backing`, or the passage's own "backing") first."""
    head = [f'<span class="src-n">[{passage["n"]}]</span> <b>{html.escape(str(passage["doc"]))}</b>']
    if passage.get("section"):
        head.append(f'<span class="src-section">{html.escape(passage["section"])}</span>')
    if passage.get("page"):
        head.append(f'{t(lang, "page")} {html.escape(str(passage.get("page_label") or passage["page"]))}')
    link = file_link(passage, corpus_dir, lang)
    if link:
        head.append(link)
    body = highlight(passage.get("text", ""), quotes or ([passage["sentence"]] if passage.get("sentence") else []))
    parts = [f'<div class="src-head">{" · ".join(head)}</div>', f'<div class="src-text">{body}</div>',
             works_html(passage, corpus_dir, lang, backing, written, sources)]
    parts.extend(support_html(entry, corpus_dir, lang) for entry in support or [])
    return f'<div class="src">{"".join(parts)}</div>'


def answer_html(result: dict, corpus_dir: Path, written: dict[str, str] | None = None,
                sources: dict[str, str] | None = None, support: list[dict] | None = None,
                backing: dict[int, list[str]] | None = None) -> str:
    """The chat message for one result: the answer, then its sources list (numbered as in the answer);
    `backing` maps a source's [n] to the works backing the sentences quoted from it."""
    lang = result.get("language") or "id"
    answer = escape(result["answer"])
    answer = MARKER.sub(lambda m: f'<sup class="src-ref">[{m.group(1)}]</sup>', answer)
    answer = searched_html(result) + f'<div class="answer">{answer}</div>'
    if not result.get("citations"):
        return answer
    quotes = quotes_by_source(result["answer"])
    cards = "".join(source_card(p, corpus_dir, lang, quotes.get(p["n"]), written, sources,
                                [e for e in support or [] if e.get("for") == p["n"]], None if backing is None else backing.get(p["n"], []))
                    for p in result["citations"])
    summary = f'{html.escape(t(lang, "sources"))} ({len(result["citations"])})'
    return f'{answer}<details class="sources" open><summary>{summary}</summary>{cards}</details>'


def searched_html(result: dict) -> str:
    """"Dicari: …" / "Searched: …" above the answer to a follow-up: the standalone question it was
    read as, so a wrong reading shows ('' for any other question)."""
    if not result.get("searched"):
        return ""
    label = t(result.get("language") or "id", "searched")
    return f'<div class="searched muted">{html.escape(label)}: {html.escape(result["searched"])}</div>'


def passages_html(passages: list[dict], corpus_dir: Path, lang: str, written: dict[str, str] | None = None,
                  sources: dict[str, str] | None = None) -> str:
    """Ranked passages (find-a-citation results) as source cards."""
    if not passages:
        return f'<p class="muted">{html.escape(t(lang, "no_results"))}</p>'
    return "".join(source_card(p, corpus_dir, lang, None, written, sources) for p in passages)
