"""Measure dateparser's search_dates against the study aid's own date rules on an index's sentences.

Usage: python scripts/study_dateparser.py INDEX_DIR
Prints, for each method, how many dates it finds and how many of those are citation publication years
(a year that only stands inside a citation of that sentence), then one JSON summary line."""
from __future__ import annotations

import json
import re
import sys
import time

from dateparser.search import search_dates

from assistant.citations import parse_citations
from assistant.search.index import Index
from assistant.study.corpus import mentions
from assistant.study.dates import find_dates


def main(folder: str) -> None:
    items = mentions(Index.load(folder))
    stats = {}
    for name, find in (("rules", lambda t: [(t[d.start:d.stop], d.date) for d in find_dates(t)]),
                       ("dateparser", lambda t: [(s, d.date().isoformat()) for s, d in
                                                 (search_dates(t, languages=["id", "en"]) or [])])):
        start, found, cited = time.perf_counter(), 0, 0
        for m in items:
            years = {c.year[:4] for c in parse_citations(m.text)}
            for span, date in find(m.text):
                found += 1
                cited += not re.search(r"\D", span.strip("() ")) and span.strip("() ")[:4] in years
        stats[name] = {"dates": found, "bare_citation_years": cited, "seconds": round(time.perf_counter() - start, 2)}
    print(json.dumps(stats))


if __name__ == "__main__":
    main(sys.argv[1])
