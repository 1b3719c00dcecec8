"""Sources: link cited works to the corpus documents that *are* those works, and read bibliographies.

A corpus document (e.g. `Pramudyani 2024.pdf`) is linked to the citation key "Pramudyani, 2024"
when the first author's surname and the year show in its metadata, its first page or its file
name. Full references come from BibTeX / CSL-JSON files in the corpus folder (rendered with
citeproc-py) or from the reference list of an indexed document (`assistant.references`: its entries,
and the document's own citations linked to them).
Everything is computed from the index chunks at load/query time, and cached per index.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ..citations import make_key, parse_citations
from ..records import Chunk, Sentence, innermost_heading
from ..references import Reference, fold, is_reference_heading, link, parse_entries, strip_heading
from ..search.query import Query

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_CACHE: dict[tuple, "Sources"] = {}


@dataclass
class Link:
    """A corpus file that is the cited work `key`, with the evidence that says so."""

    key: str
    file: str
    score: int
    evidence: list[str] = field(default_factory=list)


@dataclass
class Sources:
    """Cited works of one index: key → linked corpus file, key → full reference."""

    links: dict[str, Link]
    references: dict[str, str]

    def __post_init__(self) -> None:
        self._refs = {norm_key(k): v for k, v in self.references.items()}

    def source(self, key: str) -> str | None:
        link = self.links.get(key)
        return link.file if link else None

    def reference(self, key: str) -> str | None:
        return self.references.get(key) or self._refs.get(norm_key(key))


norm = fold  # lower-case ASCII words separated by single spaces (for matching names)


def norm_key(key: str) -> str:
    """A work key compared loosely: "L’Hoiry, 2024" and "l'hoiry, 2024" are one work."""
    surname, _, year = key.rpartition(",")
    return f"{norm(surname)}|{year.strip()}"


def cited_keys(chunks: list[Chunk]) -> list[str]:
    """Every work the chunks cite, in order of first appearance."""
    return list(dict.fromkeys(k for c in chunks for s in c.sentences for k in s.cites))


def _by_file(chunks: list[Chunk]) -> dict[str, list[Chunk]]:
    out: dict[str, list[Chunk]] = {}
    for c in chunks:
        out.setdefault(c.file, []).append(c)
    return out


def first_page_text(chunks: list[Chunk], chars: int = 800) -> str:
    """The opening text of a document (first page, else first chunks), its citations blanked out."""
    pages = [c.page for c in chunks if c.page is not None]
    first = [c for c in chunks if c.page == min(pages)] if pages else chunks[:2]
    titles = list(dict.fromkeys(c.section for c in first if c.section))  # headings live in the section path
    text = " ".join(titles + [c.text for c in first])[:chars]
    for cit in reversed(parse_citations(text)):
        text = text[:cit.start] + " " + text[cit.end:]
    return text


def document_meta(chunks: list[Chunk], meta: dict, corpus_dir: Path | None = None) -> dict[str, dict]:
    """file → title/author metadata: from the index (ingest records it), else read from the PDF."""
    docs = dict(meta.get("documents") or {})
    for file in {c.file for c in chunks} - set(docs):
        path = Path(corpus_dir) / file if corpus_dir else None
        docs[file] = _pdf_meta(path) if path and path.suffix.lower() == ".pdf" and path.exists() else {}
    return docs


def _pdf_meta(path: Path) -> dict:
    try:
        from pypdf import PdfReader

        info = PdfReader(str(path)).metadata or {}
        return {k: str(getattr(info, k)) for k in ("title", "author", "subject", "creation_date") if getattr(info, k, None)}
    except Exception:  # noqa: BLE001 - metadata is an optional extra
        return {}


def identify_work(file: str, meta: dict, first_page: str, keys: list[str], own: set[str]) -> Link | None:
    """The cited work (among `keys`, excluding those the file itself cites) that `file` is."""
    name = norm(Path(file).stem)
    author = norm(meta.get("author", ""))
    dated = norm(" ".join(str(meta.get(k, "")) for k in ("title", "subject", "creation_date")))
    head = norm(first_page)
    best: Link | None = None
    for key in keys:
        if key in own:
            continue
        surname, _, year = key.rpartition(", ")
        s, y = norm(surname), year[:4]
        if not s:
            continue
        who = [(w, p) for w, p, text in (("metadata author", 3, author), ("file name", 3, name),
                                         ("first page", 2, head)) if f" {s} " in f" {text} "]
        when = [(w, p) for w, p, text in (("file name", 2, name), ("metadata", 1, dated), ("first page", 2, head))
                if y.isdigit() and f" {y} " in f" {text} "]
        if not who or not (when or not y.isdigit()):
            continue
        score = max(p for _, p in who) + max((p for _, p in when), default=0)
        if best is None or score > best.score:
            best = Link(key, file, score, [f"author in {w}" for w, _ in who] + [f"year in {w}" for w, _ in when])
    return best


def link_sources(chunks: list[Chunk], meta: dict, corpus_dir: Path | None = None) -> dict[str, Link]:
    """key → the corpus file that is that cited work (best evidence wins)."""
    keys = cited_keys(chunks)
    docs = document_meta(chunks, meta, corpus_dir)
    links: dict[str, Link] = {}
    for file, file_chunks in _by_file(chunks).items():
        own = set(cited_keys(file_chunks))
        link = identify_work(file, docs.get(file, {}), first_page_text(file_chunks), keys, own)
        if link and (link.key not in links or link.score > links[link.key].score):
            links[link.key] = link
    return links


def sources_for(index, corpus_dir: Path | None = None) -> Sources:
    """Links and references of an index (cached per index version and corpus folder)."""
    cache_key = (id(index), index.meta.get("built"), len(index.chunks), str(corpus_dir))
    if cache_key not in _CACHE:
        references = reference_list(index.chunks, index.meta.get("documents") or {})
        if corpus_dir:
            references.update(read_bibliographies(Path(corpus_dir)))
        _CACHE.clear()
        _CACHE[cache_key] = Sources(link_sources(index.chunks, index.meta, corpus_dir), references)
    return _CACHE[cache_key]


def source_passages(index, file: str, query: Query, k: int = 2) -> list[tuple[Chunk, float]]:
    """The `k` passages of one corpus file that best match `query` (dense + BM25, within the file)."""
    return [(index.chunks[row], score) for row, score in file_rows(index, file, query, k)]


def file_rows(index, file: str, query: Query, k: int = 2) -> list[tuple[int, float]]:
    """The rows of the `k` passages of one corpus file that best match `query`, with their fused score."""
    rows = [i for i, c in enumerate(index.chunks) if c.file == file]
    if not rows:
        return []
    dense = np.array([float(index.vectors.reconstruct(r) @ query.vector) for r in rows])
    keyword = np.asarray(index.keywords.scores(query.tokens), dtype=float)[rows]
    span = dense.max() - dense.min()
    dn = (dense - dense.min()) / span if span > 1e-9 else np.ones_like(dense)
    kn = keyword / keyword.max() if keyword.max() > 0 else np.zeros_like(keyword)
    fused = 0.7 * dn + 0.3 * kn
    order = np.argsort(-fused)[:k]
    return [(rows[i], round(float(fused[i]), 4)) for i in order]


def supporting_sources(assistant, result: dict, per_source: int = 2, query: Query | None = None) -> list[dict]:
    """For an `ask` result (of `query`): passages from the cited PDFs behind its citations (the answer hook)."""
    query = query or assistant.query(result["question"])
    sources = sources_for(assistant.index, getattr(assistant.settings, "corpus_dir", None))
    out, seen = [], set()
    for passage in result.get("citations", []):
        for key in passage.get("cites", []):
            file = sources.source(key)
            if not file or key in seen or file == passage.get("file"):
                continue
            seen.add(key)
            hits = source_passages(assistant.index, file, query, per_source)
            out.append({"key": key, "file": file, "for": passage["n"], "reference": sources.reference(key),
                        "passages": [{"doc": c.doc, "file": c.file, "page": c.page, "section": c.section,
                                      "text": c.text, "score": s} for c, s in hits]})
    return out


# --- bibliography -------------------------------------------------------------------------------

def read_bibliographies(corpus_dir: Path) -> dict[str, str]:
    """key → full reference from every .bib and CSL-JSON file under `corpus_dir`."""
    items: list[dict] = []
    for path in sorted(Path(corpus_dir).rglob("*")):
        if path.suffix.lower() == ".bib":
            items.extend(parse_bibtex(path.read_text(encoding="utf-8", errors="replace")))
        elif path.suffix.lower() == ".json":
            items.extend(_csl_items(path))
    refs: dict[str, str] = {}
    for item, ref in zip(items, format_references(items)):
        key = csl_key(item)
        if key:
            refs.setdefault(key, ref)
            literal = (item.get("author") or [{}])[0].get("literal", "")
            acronym = "".join(w[0] for w in literal.split() if w[0].isupper())
            if len(acronym) >= 2:  # "Federal Bureau of Investigation" is also cited as "FBI"
                refs.setdefault(f"{acronym}, {key.rpartition(', ')[2]}", ref)
    return refs


def _csl_items(path: Path) -> list[dict]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, OSError):
        return []
    data = data.get("items", []) if isinstance(data, dict) else data
    return [d for d in data if isinstance(d, dict) and "type" in d and ("author" in d or "issued" in d)] \
        if isinstance(data, list) else []


_BIB_TYPES = {"article": "article-journal", "book": "book", "incollection": "chapter", "inbook": "chapter",
              "inproceedings": "paper-conference", "techreport": "report", "phdthesis": "thesis",
              "mastersthesis": "thesis", "online": "webpage", "misc": "document"}
_BIB_FIELDS = {"title": "title", "journal": "container-title", "journaltitle": "container-title",
               "booktitle": "container-title", "publisher": "publisher", "volume": "volume",
               "number": "issue", "pages": "page", "doi": "DOI", "url": "URL", "institution": "publisher",
               "school": "publisher", "address": "publisher-place"}


def parse_bibtex(text: str) -> list[dict]:
    """BibTeX entries (bibtexparser) as CSL-JSON items."""
    import bibtexparser
    from bibtexparser.middlewares import LatexDecodingMiddleware, SeparateCoAuthors, SplitNameParts

    library = bibtexparser.parse_string(
        text, append_middleware=[SeparateCoAuthors(), SplitNameParts(), LatexDecodingMiddleware()])
    items = []
    for entry in library.entries:
        f = {k.lower(): v.value for k, v in entry.fields_dict.items()}
        item = {"id": entry.key, "type": _BIB_TYPES.get(entry.entry_type.lower(), "document")}
        item.update({csl: str(f[bib]).strip("{}") for bib, csl in _BIB_FIELDS.items() if bib in f})
        authors = f.get("author") or f.get("editor") or []
        item["author"] = [_csl_name(n) for n in authors]
        year = _YEAR.search(str(f.get("year") or f.get("date") or ""))
        if year:
            item["issued"] = {"date-parts": [[int(year.group(1))]]}
        items.append(item)
    return items


def _csl_name(name) -> dict:
    """A bibtexparser name as a CSL name; `{Braced Institution}` stays one literal name."""
    from pylatexenc.latex2text import LatexNodes2Text

    def text(parts: list[str]) -> str:
        return LatexNodes2Text().latex_to_text(" ".join(parts)).strip()

    if isinstance(name, str):
        return {"literal": text([name])}
    family, given = text(name.von + name.last), text(name.first)
    return {"family": family, "given": given} if given else {"literal": family}


def csl_key(item: dict) -> str | None:
    """"Surname, Year" of a CSL-JSON item (first author's family name or literal name)."""
    authors = item.get("author") or item.get("editor") or []
    if not authors:
        return None
    first = authors[0]
    surname = first.get("family") or first.get("literal") or ""
    parts = (item.get("issued") or {}).get("date-parts") or [[None]]
    year = parts[0][0] if parts and parts[0] else None
    if not surname or not year:
        return None
    return f"{surname}, {year}" if first.get("family") else make_key(surname, str(year))


def format_references(items: list[dict]) -> list[str]:
    """Full references of CSL-JSON items (citeproc-py, Harvard style), in the order given."""
    if not items:
        return []
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    items = [{**it, "id": str(it.get("id") or f"item{i}").lower()} for i, it in enumerate(items)]
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    out = []
    for item in items:  # one bibliography per item keeps the given order and pairing
        bib = CitationStylesBibliography(style, CiteProcJSON([item]), formatter.plain)
        bib.register(Citation([CitationItem(item["id"])]))
        rendered = bib.bibliography()
        out.append(" ".join(str(rendered[0]).split()) if rendered else item.get("title", ""))
    return out


def reference_list(chunks: list[Chunk], documents: dict | None = None) -> dict[str, str]:
    """key → entry of each indexed document's reference list (Daftar Pustaka, References, …): every
    entry under its own key (and the acronym it gives, "(WHO)"), and every work the document cites under
    the key it cites it by ("Arguillo, 2013" → the entry of Arguello 2013). Ingest keeps a document's
    entries with it (`documents[file]["references"]`); an index without them has the list in its chunks."""
    refs: dict[str, str] = {}
    for file, file_chunks in _by_file(chunks).items():
        kept = (documents or {}).get(file, {}).get("references")
        if kept:
            entries = [Reference(**entry) for entry in kept]
            cited = list(dict.fromkeys(k for c in file_chunks for s in c.sentences for k in s.cites))
        else:
            cited, listed = _cited_and_listed(file_chunks)
            entries = parse_entries(listed)
        for entry in entries:
            refs.setdefault(entry.key, entry.text)
            for acronym in re.findall(r"\(([A-Z]{2,10})\)", entry.authors[0] if entry.authors else ""):
                refs.setdefault(f"{acronym}, {entry.year}", entry.text)
        for key, entry in link(cited, entries).items():
            refs.setdefault(key, entry.text)
    return refs


def _cited_and_listed(chunks: list[Chunk]) -> tuple[list[str], list[str]]:
    """The works a document cites before its reference list, and the list's sentences (in order; the
    sentences consecutive chunks share counted once): the section under a reference heading, else what
    follows the last sentence that opens with one."""
    sentences: list[tuple[Sentence, str]] = []
    previous: list[str] = []
    for c in chunks:
        texts = [s.text for s in c.sentences]
        shared = next((j for j in range(min(3, len(previous), len(texts)), 0, -1) if previous[-j:] == texts[:j]), 0)
        sentences += [(s, c.section) for s in c.sentences[shared:]]
        previous = texts
    in_list = [is_reference_heading(innermost_heading(section)) for _, section in sentences]
    if any(in_list):
        first = in_list.index(True)
        listed = [s.text for (s, _), inside in zip(sentences, in_list) if inside]
    else:
        first = next((i for i in range(len(sentences) - 1, -1, -1) if strip_heading(sentences[i][0].text) is not None),
                     len(sentences))
        listed = [s.text for s, _ in sentences[first:]]
    return list(dict.fromkeys(k for s, _ in sentences[:first] for k in s.cites)), listed
