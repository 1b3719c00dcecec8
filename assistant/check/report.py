"""What a draft check gives back, in Indonesian and English: the verdict labels, the reasons, the note on
a flagged sentence, the plain-text and Markdown reports, and the reference list of the works the draft
should cite."""
from __future__ import annotations

from collections import Counter

LABELS = {
    "id": {"supported": "didukung", "wrong_citation": "kutipan salah", "needs_citation": "perlu kutipan",
           "unsupported": "tidak didukung", "ok": "tidak perlu kutipan"},
    "en": {"supported": "supported", "wrong_citation": "wrong citation", "needs_citation": "needs a citation",
           "unsupported": "unsupported", "ok": "no citation needed"},
}
MARKS = {"supported": "✓", "wrong_citation": "✗", "needs_citation": "+", "unsupported": "!", "ok": "·"}
FLAGGED = ("wrong_citation", "needs_citation", "unsupported")
REASONS = {
    "id": {"about_itself": "Draf membicarakan dirinya sendiri: tidak perlu sumber.",
           "own_words": "Korpus menyatakan ini dengan kata-katanya sendiri, tanpa mengutip karya.",
           "supported": "Kalimat dari karya yang dikutip mendukungnya.",
           "fact": "Sumber tidak memuat {kind} ini: {value}.",
           "other_work": "Kalimat dari karya yang dikutip tidak mendukungnya; karya lain mendukungnya.",
           "own_words_not_cited": "Kalimat dari karya yang dikutip tidak mendukungnya; korpus menyatakannya "
                                  "tanpa mengutip karya.",
           "unknown_work": "Korpus tidak mengenal karya yang dikutip: {works}.",
           "no_support": "Tidak ada bagian korpus yang mendukungnya.",
           "attributed": "Korpus menyandarkan pernyataan ini pada sebuah karya: kutiplah karya itu."},
    "en": {"about_itself": "The draft speaks of itself: no source needed.",
           "own_words": "The corpus states this in its own words, citing no work.",
           "supported": "A sentence the corpus attributes to the cited work supports it.",
           "fact": "The source does not give this {kind}: {value}.",
           "other_work": "The cited work's sentences do not support it; another work's do.",
           "own_words_not_cited": "The cited work's sentences do not support it; the corpus states it citing no work.",
           "unknown_work": "The corpus does not know the cited work: {works}.",
           "no_support": "No passage of the corpus supports it.",
           "attributed": "The corpus attributes this to a work: cite it."},
}
FACT_KINDS = {
    "id": {"number": "angka", "date": "tanggal", "month": "bulan", "acronym": "akronim", "quote": "kutipan",
           "name": "nama"},
    "en": {"number": "number", "date": "date", "month": "month", "acronym": "acronym", "quote": "quotation",
           "name": "name"},
}
WORDS = {
    "id": {"title": "Pemeriksaan draf", "summary": "{n} kalimat", "cited": "dikutip", "suggest": "kutip",
           "page": "hlm.", "references": "Karya yang perlu dikutip draf ini",
           "no_reference": "entri lengkap tidak ada di korpus", "none": "tidak ada"},
    "en": {"title": "Draft check", "summary": "{n} sentences", "cited": "cited", "suggest": "cite",
           "page": "p.", "references": "Works this draft should cite",
           "no_reference": "full reference not in the corpus", "none": "none"},
}
ROLES = {
    "id": {"cited": "karya yang dikutip", "suggested": "yang mendukung", "closest": "yang terdekat"},
    "en": {"cited": "the cited work", "suggested": "what supports it", "closest": "the closest"},
}


def reason_text(why: str, lang: str, fact: dict | None = None, unknown: list[str] | None = None) -> str:
    """The reason `why` (a verdict's code) as a sentence in `lang`."""
    kind = FACT_KINDS[lang].get((fact or {}).get("kind", ""), "")
    return REASONS[lang][why].format(kind=kind, value=(fact or {}).get("value", ""), works="; ".join(unknown or []))


def language_of(results: list[dict]) -> str:
    """The language most sentences are written in ("id" when none)."""
    found = Counter(r.get("language") for r in results)
    return "en" if found["en"] > found["id"] else "id"


def counts(results: list[dict]) -> dict[str, int]:
    """Sentences per verdict."""
    found = Counter(r["verdict"] for r in results)
    return {v: found[v] for v in LABELS["en"] if found[v]}


def summary(results: list[dict], lang: str) -> str:
    """"12 sentences: 7 supported, 2 wrong citation, …"."""
    parts = [f"{n} {LABELS[lang][v]}" for v, n in counts(results).items()]
    return WORDS[lang]["summary"].format(n=len(results)) + (": " + ", ".join(parts) if parts else "")


def where(evidence: dict, lang: str) -> str:
    """"thesis, BAB I › A. Latar Belakang, p. 3"."""
    page = evidence.get("page_label") or evidence.get("page")
    return ", ".join(x for x in (evidence.get("doc") or evidence.get("file"), evidence.get("section"),
                                 f"{WORDS[lang]['page']} {page}" if page else "") if x)


def reason(result: dict, lang: str) -> str:
    """A result's reason in `lang`."""
    return reason_text(result["why"], lang, result.get("fact"), _unknown(result))


def _unknown(result: dict) -> list[str]:
    return result["cited"] if result["why"] == "unknown_work" else []


def evidence_line(evidence: dict, lang: str) -> str:
    """"the cited work: “…” (Arisandy, 2022) — thesis, BAB I, p. 3"."""
    works = f" ({'; '.join(evidence['works'])})" if evidence.get("works") else ""
    return f"{ROLES[lang][evidence['role']]}: “{evidence['sentence']}”{works} — {where(evidence, lang)}"


def comment(result: dict, lang: str) -> str:
    """The note on one flagged sentence: the verdict, the work to cite, why, and the evidence."""
    head = f"{MARKS[result['verdict']]} {LABELS[lang][result['verdict']]}"
    if result["suggest"]:
        head += f" — {WORDS[lang]['suggest']}: {'; '.join(result['suggest'])}"
    return "\n".join([head, reason(result, lang)] + [evidence_line(ev, lang) for ev in result["evidence"][:2]])


def references(results: list[dict]) -> list[tuple[str, str | None]]:
    """The works the draft should cite, (key, full reference or None), by key: the cited works that
    support their sentences and the first work suggested for each wrongly cited or uncited one."""
    keys: list[str] = []
    refs: dict[str, str] = {}
    for r in results:
        if r["verdict"] == "supported":
            keys += r["cited"]
        elif r["verdict"] in ("wrong_citation", "needs_citation") and r["suggest"]:
            keys.append(r["suggest"][0])
        refs.update(r.get("references") or {})
    return [(k, refs.get(k)) for k in sorted(set(keys), key=str.casefold)]


def check_text(results: list[dict], lang: str | None = None) -> str:
    """The results as plain text: one block per sentence, then the summary."""
    lang = lang or language_of(results)
    blocks = []
    for n, r in enumerate(results, 1):
        lines = [f"{n}. [{LABELS[lang][r['verdict']]}] {r['text']}"]
        if r["verdict"] != "ok":
            if r["suggest"]:
                lines.append(f"   {WORDS[lang]['suggest']}: {'; '.join(r['suggest'])}")
            lines.append(f"   {reason(r, lang)}")
            lines += [f"   {evidence_line(ev, lang)}" for ev in r["evidence"][:2]]
        blocks.append("\n".join(lines))
    return "\n".join(blocks + ["", summary(results, lang)])


def markdown(results: list[dict], name: str = "", lang: str | None = None) -> str:
    """The Markdown report: summary, each sentence with its verdict and evidence, the reference list."""
    lang = lang or language_of(results)
    words = WORDS[lang]
    out = [f"# {words['title']}{': ' + _md(name) if name else ''}", "", summary(results, lang), ""]
    for n, r in enumerate(results, 1):
        out.append(f"{n}. **{MARKS[r['verdict']]} {LABELS[lang][r['verdict']]}** — {_md(r['text'])}")
        if r["cited"]:
            out.append(f"   - {words['cited']}: {_md('; '.join(r['cited']))}")
        if r["suggest"]:
            out.append(f"   - {words['suggest']}: **{_md('; '.join(r['suggest']))}**")
        out.append(f"   - {_md(reason(r, lang))}")
        out += [f"   - {_md(evidence_line(ev, lang))}" for ev in r["evidence"][:2]]
    out += ["", f"## {words['references']}", ""]
    refs = references(results)
    out += [f"- **{_md(k)}** — {_md(ref) if ref else '*' + words['no_reference'] + '*'}" for k, ref in refs] \
        or [f"*{words['none']}*"]
    return "\n".join(out) + "\n"


def _md(text: str) -> str:
    """Text safe inside Markdown (emphasis and list markers kept literal)."""
    return " ".join(str(text).split()).replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_")
