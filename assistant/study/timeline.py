"""Timeline: every dated event or figure of the corpus in date order, one entry per event with
all the sentences that tell it."""
from __future__ import annotations

import re

from .corpus import Mention, plain
from .dates import find_dates
from .names import names


def timeline(items: list[Mention]) -> list[dict]:
    """Events sorted by date; the same date told again with the same particulars is one event."""
    events: list[dict] = []
    for m in items:
        if not is_prose(m.text):
            continue
        for d in find_dates(m.text):
            event = {"date": d.date, "end": d.end, "precision": d.precision, "text": plain(m.text),
                     "written": m.text[d.start:d.stop],
                     "doc": m.doc, "file": m.file, "page": m.page, "page_label": m.page_label,
                     "section": m.section, "cites": list(m.cites), "actors": names(m.text), "sources": [],
                     "_keys": _particulars(m.text, d.date)}
            same = next((e for e in events if _same_event(e, event)), None)
            if same is None:
                events.append(event)
            elif all(s["text"] != event["text"] for s in [same, *same["sources"]]):
                same["sources"].append({k: event[k] for k in ("text", "doc", "file", "page", "page_label",
                                                              "section", "cites")})
                same["actors"] = list(dict.fromkeys(same["actors"] + event["actors"]))
    for e in events:
        del e["_keys"]
    return sorted(events, key=lambda e: (e["date"], e["end"] or ""))  # stable: document order within a date


_CODE = re.compile(r"^\W{0,2}[$#＃>]\s|[-dlcbps][-r][-w][-xsS][-r][-w][-xsS][-r][-w][-xtT]")


def is_prose(text: str) -> bool:
    """A sentence, not a command, a listing or a log line: no shell prompt or file mode, and
    less than two fifths of its words with digits or symbols in them."""
    words = text.split()
    odd = sum(1 for w in words if re.search(r"[\d:/_=<>|{}\\@#]", w.strip("().,;")))
    return not _CODE.search(text) and bool(words) and odd / len(words) < 0.4


def between(events: list[dict], start: int | None = None, end: int | None = None, doc: str | None = None,
            actor: str | None = None) -> list[dict]:
    """The events from year `start` to year `end`, of documents whose name holds `doc`, naming `actor`."""
    out = []
    for e in events:
        first, last = int(e["date"][:4]), int((e["end"] or e["date"])[:4])
        if start is not None and last < start or end is not None and first > end:
            continue
        if doc and doc.lower() not in f"{e['doc']} {e['file']}".lower():
            continue
        if actor and not any(actor.lower() in a.lower() for a in e["actors"]):
            continue
        out.append(e)
    return out


def _particulars(text: str, date: str) -> set[str]:
    """What identifies an event beside its date: its other numbers and its names."""
    parts = {p.lstrip("0") for p in date.split("-")}
    numbers = {n for n in re.findall(r"\d+", text) if n.lstrip("0") not in parts}
    return numbers | {n.lower() for n in names(text)}


def _same_event(a: dict, b: dict) -> bool:
    """Same date, same document, and sharing a number besides the date and a name, or most names."""
    if (a["date"], a["end"], a["file"]) != (b["date"], b["end"], b["file"]):
        return False
    shared = a["_keys"] & b["_keys"]
    numbers = {k for k in shared if k.isdigit()}
    if numbers and len(shared) >= 2:
        return True
    smaller = min(len(a["_keys"]), len(b["_keys"]))
    return smaller >= 2 and len(shared) >= max(2, 0.6 * smaller)
