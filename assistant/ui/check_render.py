"""HTML for the check tab: the draft, a sentence a line and its paragraphs apart, every sentence marked by its
verdict (a colour and a word, never colour alone) and, on click, why, the work to cite and the evidence
(document, section, page, the quoted sentence and the works cited there)."""
from __future__ import annotations

import html
from pathlib import Path

from ..check.draft import Draft
from ..check.report import LABELS, MARKS, ROLES, WORDS, counts, reason, where
from .render import escape, file_url
from .strings import t

CSS = """
.ck-legend {display: flex; flex-wrap: wrap; gap: .4em .8em; margin: .2em 0 .6em 0; font-size: .9em;}
.ck-draft .ck-p {line-height: 1.6; margin: 0 0 .9em 0; padding-left: .5em; border-left: 2px solid var(--border-color-primary);}
details.ck-s {display: block; margin: .15em 0;}
details.ck-s > summary {cursor: pointer; list-style: none; border-radius: 3px; padding: .05em .25em;}
details.ck-s > summary::-webkit-details-marker {display: none;}
.ck-badge {display: inline-block; font-size: .72em; font-weight: 700; padding: 0 .4em; margin-left: .25em;
      border-radius: 999px; color: #111; vertical-align: .1em; white-space: nowrap;}
.ck-supported > summary {background: #dff3e4;} .ck-supported .ck-badge, .ck-legend .ck-supported {background: #8fd19e;}
.ck-wrong_citation > summary {background: #fde0dc;} .ck-wrong_citation .ck-badge, .ck-legend .ck-wrong_citation {background: #f28b82;}
.ck-needs_citation > summary {background: #fff1c7;} .ck-needs_citation .ck-badge, .ck-legend .ck-needs_citation {background: #fbc02d;}
.ck-unsupported > summary {background: #fbe3f1;} .ck-unsupported .ck-badge, .ck-legend .ck-unsupported {background: #e59bc8;}
.ck-ok > summary {background: transparent;} .ck-ok .ck-badge, .ck-legend .ck-ok {background: #e0e0e0;}
.ck-detail {display: block; margin: .3em 0 .6em 0; padding: .4em .7em; font-size: .9em; line-height: 1.45;
      border-left: 3px solid var(--color-accent); background: var(--background-fill-secondary); border-radius: 4px;}
.ck-suggest {font-weight: 700;}
.ck-ev {margin-top: .3em;}
"""


def _badge(verdict: str, lang: str) -> str:
    return f'<span class="ck-badge">{MARKS[verdict]} {html.escape(LABELS[lang][verdict])}</span>'


def legend_html(results: list[dict], lang: str) -> str:
    """The verdicts found, each with its count, and how to see the evidence."""
    found = counts(results)
    items = "".join(f'<span class="ck-badge ck-{v}">{MARKS[v]} {html.escape(LABELS[lang][v])}: {n}</span>'
                    for v, n in found.items())
    return (f'<div class="ck-legend">{items}</div>'
            f'<p class="muted">{html.escape(t(lang, "check_legend", n=len(results)))}</p>')


def evidence_html(evidence: dict, lang: str, corpus_dir: Path) -> str:
    """One piece of evidence: whose it is, the quoted sentence, the works cited there, where it stands."""
    works = f' <span class="src-backing">({html.escape("; ".join(evidence["works"]))})</span>' if evidence.get("works") else ""
    url = file_url(evidence.get("file"), corpus_dir, evidence.get("page"))
    place = html.escape(where(evidence, lang))
    place = f'<a href="{html.escape(url)}" target="_blank" rel="noopener">{place}</a>' if url else place
    return (f'<div class="ck-ev"><span class="muted">{html.escape(ROLES[lang][evidence["role"]])}:</span> '
            f'“{escape(evidence["sentence"])}”{works} <span class="src-section">— {place}</span></div>')


def sentence_html(result: dict, lang: str, corpus_dir: Path) -> str:
    """A sentence of the draft, marked by its verdict; its reason, work to cite and evidence on click."""
    verdict = result["verdict"]
    suggest = (f'<div>{html.escape(WORDS[lang]["suggest"])}: <span class="ck-suggest">'
               f'{html.escape("; ".join(result["suggest"]))}</span></div>') if result["suggest"] else ""
    detail = (f'<div class="ck-detail">{suggest}<div>{html.escape(reason(result, lang))}</div>'
              + "".join(evidence_html(ev, lang, corpus_dir) for ev in result["evidence"][:2]) + "</div>")
    return (f'<details class="ck-s ck-{verdict}" data-verdict="{verdict}"><summary>'
            f'<span class="ck-text">{html.escape(result["text"])}</span>{_badge(verdict, lang)}</summary>{detail}</details>')


def draft_html(draft: Draft, results: list[dict], lang: str, corpus_dir: Path) -> str:
    """The whole draft, paragraph by paragraph, each sentence marked (text between sentences kept)."""
    by_paragraph: dict[int, list[dict]] = {}
    for r in results:
        by_paragraph.setdefault(r["paragraph"], []).append(r)
    paragraphs = []
    for i, paragraph in enumerate(draft.paragraphs):
        out, pos = [], 0
        for r in sorted(by_paragraph.get(i, []), key=lambda r: r["start"]):
            out.append(html.escape(paragraph.text[pos:r["start"]]))
            out.append(sentence_html(r, lang, corpus_dir))
            pos = r["end"]
        out.append(html.escape(paragraph.text[pos:]))
        paragraphs.append(f'<div class="ck-p">{"".join(out)}</div>')
    return f'{legend_html(results, lang)}<div class="ck-draft">{"".join(paragraphs)}</div>'
