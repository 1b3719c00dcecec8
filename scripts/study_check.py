"""Study views of documents that are not indexed (no embedding: the guide then takes each section's
first sentences instead of its most central ones). For checking the rules on a new document quickly.

Usage: python scripts/study_check.py FILE... [--out DIR]
Prints counts, a sample of each view and the scorer-style checks; --out writes timeline.json,
glossary.json, cards.json and quiz.json there (the shapes of `assistant study … --json`)."""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np

from assistant.ingest.chunk import chunk_document
from assistant.ingest.load import load_document
from assistant.study.corpus import chunk_mentions
from assistant.study.quiz import quiz
from assistant.study.views import build_from


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    chunks = []
    for f in args.files:
        chunks += chunk_document(load_document(f), f.name)
    start = time.perf_counter()
    items = chunk_mentions(chunks)
    views = build_from(items, np.zeros((len(items), 1), dtype=np.float32))
    questions = quiz(views["cards"], 40, 0)
    seconds = time.perf_counter() - start
    tags: dict[str, int] = {}
    for c in views["cards"]:
        tags[c["tags"][0]] = tags.get(c["tags"][0], 0) + 1
    print(json.dumps({"sentences": len(items), "events": len(views["timeline"]), "terms": len(views["glossary"]),
                      "definitions": sum(len(t["definitions"]) for t in views["glossary"]),
                      "cards": len(views["cards"]), "card_kinds": tags, "questions": len(questions),
                      "seconds": round(seconds, 2)}))
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        for name, value in (("timeline", {"events": views["timeline"]}), ("glossary", {"terms": views["glossary"]}),
                            ("cards", {"cards": views["cards"]}), ("quiz", {"questions": questions})):
            (args.out / f"{name}.json").write_text(json.dumps(value, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
