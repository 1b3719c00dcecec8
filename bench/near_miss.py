#!/usr/bin/env python3
"""What the near-miss checks of answer/scope.py cost, measured in one run (a section of run.py, or alone):

    python bench/near_miss.py --index INDEX [--repeats N] [SET.jsonl ...]

Sets: question lines ({"question"}; default tests/data/own_eval.jsonl, holdout_eval.jsonl and, when present,
../shared/zoo/sets/*.jsonl). Prints one JSON line: document_names_s (the documents' names and words read
once per loaded index, `Retriever.names`), scope_ms(_p95) (which document a question asks and the names
it never mentions, per question that frames a document as its source, warm), scope_questions (how many
do), ask_ms_p50 (a whole ask of the same questions) and scope_share (the scope checks' ms ÷ the asks' ms).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import ROOT, Report, pct  # noqa: E402

SETS = [ROOT / "tests" / "data" / "own_eval.jsonl", ROOT / "tests" / "data" / "holdout_eval.jsonl",
        *sorted((ROOT.parent / "shared" / "zoo" / "sets").glob("*.jsonl"))]


def measure(index_dir: Path, sets: list[Path], repeats: int) -> dict:
    from assistant.answer.scope import asked_document, unmentioned
    from assistant.engine import Assistant
    from assistant.search.mentions import DocumentNames
    from assistant.settings import Settings

    assistant = Assistant(Settings.from_env(index_dir=index_dir))
    retriever = assistant.retriever
    t0 = time.perf_counter()
    DocumentNames.of(retriever.index)
    names_s = time.perf_counter() - t0
    questions = [json.loads(line)["question"] for p in sets if p.exists()
                 for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
    queries = [assistant.query(q) for q in questions]
    framed = [(q, retriever.search(q)) for q in queries if q.asks_source]
    thesis = assistant.settings.thesis

    def scope(item) -> None:
        query, hits = item
        asked = asked_document(query, retriever, None, hits, thesis)
        if asked:
            unmentioned(query, asked, retriever)

    if framed:
        scope(framed[0])  # (reads the names once)
    scoped, asked = [], []
    for _ in range(repeats):
        for item in framed:
            t0 = time.perf_counter()
            scope(item)
            t1 = time.perf_counter()
            assistant.ask(item[0])
            scoped.append((t1 - t0) * 1000)
            asked.append((time.perf_counter() - t1) * 1000)
    return {"document_names_s": round(names_s, 3), "scope_questions": len(framed),
            "scope_ms": round(pct(scoped, 50), 3), "scope_ms_p95": round(pct(scoped, 95), 3),
            "ask_ms_p50": round(pct(asked, 50), 1), "scope_share": round(sum(scoped) / sum(asked), 4) if asked else None}


def bench_near_miss(ctx, rep: Report) -> None:
    """run.py's section: on the thesis index the run prepared."""
    figures = measure(ctx.thesis_index, SETS, 2 if ctx.quick else 5)
    rep.add("near-miss scope check ms p50 / share of an ask", f"{figures['scope_ms']} / {figures['scope_share']}",
            note=f"{figures['scope_questions']} questions asking a document", key="scope_ms")
    rep.figures.update(figures)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", type=Path)
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args(argv)
    print(json.dumps(measure(args.index, args.sets or SETS, args.repeats)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
