"""Flashcards out: an Anki deck (genanki; stable note GUIDs, so importing again updates) and CSV."""
from __future__ import annotations

import csv
import hashlib
import html
from pathlib import Path

import genanki

_CSS = ".card {font-family: system-ui, sans-serif; font-size: 20px; text-align: left;} .src {font-size: 14px; opacity: .75;}"
_BACK = "{{FrontSide}}<hr id=answer>{{Back}}<div class=src>{{Source}}</div>"
FIELDS = [{"name": "Front"}, {"name": "Back"}, {"name": "Source"}]
QA = genanki.Model(1772610001, "Thesis assistant: question", fields=FIELDS, css=_CSS,
                   templates=[{"name": "Card", "qfmt": "{{Front}}", "afmt": _BACK}])
CLOZE = genanki.Model(1772610002, "Thesis assistant: cloze", fields=FIELDS, css=_CSS, model_type=genanki.Model.CLOZE,
                      templates=[{"name": "Cloze", "qfmt": "{{cloze:Front}}",
                                  "afmt": "{{cloze:Front}}<hr id=answer>{{Back}}<div class=src>{{Source}}</div>"}])


def where(card: dict) -> str:
    """"document — section, p. N — cites: …" for a card's source."""
    s = card["source"]
    page = s.get("page_label") or s.get("page")
    text = " — ".join(x for x in (s.get("doc"), s.get("section"), f"p. {page}" if page else "") if x)
    return text + (f" — {'; '.join(card['cites'])}" if card.get("cites") else "")


def to_anki(cards: list[dict], path: Path) -> Path:
    """Write an .apkg with one deck per document; each note's GUID comes from the card id."""
    decks: dict[str, genanki.Deck] = {}
    for card in cards:
        name = card["source"].get("doc") or "Study"
        deck = decks.get(name)
        if deck is None:
            deck = decks[name] = genanki.Deck(int(hashlib.sha1(name.encode()).hexdigest()[:8], 16), name)
        source = html.escape(where(card)) + "<br><i>" + html.escape(card["source"].get("text") or "") + "</i>"
        front = card["front"] if card["kind"] == "cloze" else html.escape(card["front"])
        deck.add_note(genanki.Note(model=CLOZE if card["kind"] == "cloze" else QA, guid=genanki.guid_for(card["id"]),
                                   fields=[front, html.escape(card["back"]), source],
                                   tags=[t.replace(" ", "_") for t in card.get("tags", [])]))
    path = Path(path)
    genanki.Package(list(decks.values())).write_to_file(str(path))
    return path


def to_csv(cards: list[dict], path: Path) -> Path:
    """One row per card: id, kind, front, back, document, section, page, source sentence, cites, tags."""
    path = Path(path)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["id", "kind", "front", "back", "document", "section", "page", "source", "cites", "tags"])
        for c in cards:
            s = c["source"]
            out.writerow([c["id"], c["kind"], c["front"], c["back"], s.get("doc"), s.get("section"),
                          s.get("page_label") or s.get("page") or "", s.get("text"), "; ".join(c.get("cites", [])),
                          " ".join(c.get("tags", []))])
    return path
