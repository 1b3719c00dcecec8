#!/usr/bin/env python3
"""`assistant check` on a 3,000-word DOCX draft: the seconds to read, split and judge every sentence,
and to write the Markdown report and the commented DOCX.

    PYTHONPATH=. .venv/bin/python bench/check_speed.py --index INDEX [--words 3000] [--repeat 2]

The draft: the 36 sentences of tests/data/draft_own.jsonl (four to a paragraph; every verdict
occurs), then body paragraphs of corpus/thesis.txt from its second chapter on (as a student who
copies cited passages would write them) until `--words`. The index is copied first: `cold` is the
first check on it as given (a freshly ingested index has no sentence vectors: the check embeds the
sentences it reaches), `warm` the same draft checked again in the same process. Goal: the cold
check ≤ 15 s on the thesis index. Prints one JSON line (seconds); reported, never asserted.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
GOAL_S = 15.0


def draft_paragraphs(words: int) -> list[str]:
    """Paragraphs of about `words` words: our own draft sentences, then the thesis's second chapter on."""
    own = [json.loads(line)["text"] for line in open(ROOT / "tests" / "data" / "draft_own.jsonl", encoding="utf-8")]
    paragraphs = [" ".join(own[i:i + 4]) for i in range(0, len(own), 4)]
    thesis = (ROOT / "corpus" / "thesis.txt").read_text(encoding="utf-8")
    body = thesis[thesis.index("\nBAB II\n"):]
    for block in body.split("\n\n"):
        text = " ".join(block.split())
        if sum(len(p.split()) for p in paragraphs) >= words:
            break
        if len(text.split()) >= 25:  # body text, not a heading or a list line
            paragraphs.append(text)
    return paragraphs


def write_docx(paragraphs: list[str], path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_heading("Draf Bab II", 1)
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(path))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--words", type=int, default=3000)
    parser.add_argument("--repeat", type=int, default=2, help="warm checks after the cold one (median)")
    args = parser.parse_args()

    from assistant.check.draft import read_draft
    from assistant.check.export import write_outputs
    from assistant.check.sentences import draft_sentences
    from assistant.check.verdict import check_sentences
    from assistant.engine import Assistant
    from assistant.settings import Settings

    work = Path(tempfile.mkdtemp(prefix="bench-check-"))
    try:
        index_dir = work / "index"
        shutil.copytree(args.index, index_dir, ignore=shutil.ignore_patterns("*.lock"))
        draft_path = work / "draft.docx"
        write_docx(draft_paragraphs(args.words), draft_path)

        start = time.perf_counter()
        assistant = Assistant(Settings.from_env(index_dir=index_dir))
        load_s = time.perf_counter() - start

        def check() -> tuple[float, list[dict]]:
            began = time.perf_counter()
            draft = read_draft(draft_path)
            results = check_sentences(assistant, draft_sentences(draft))
            write_outputs(draft, results, work / "report.md", work / "commented.docx")
            return time.perf_counter() - began, results

        cold_s, results = check()
        warm = sorted(check()[0] for _ in range(max(1, args.repeat)))
        warm_s = warm[len(warm) // 2]
        words = sum(len(r["text"].split()) for r in results)
        verdicts: dict[str, int] = {}
        for r in results:
            verdicts[r["verdict"]] = verdicts.get(r["verdict"], 0) + 1
        out = {"words": words, "sentences": len(results), "load_s": round(load_s, 2), "check_cold_s": round(cold_s, 2),
               "check_warm_s": round(warm_s, 2), "ms_per_sentence_warm": round(1000 * warm_s / len(results), 1),
               "goal_s": GOAL_S, "cold_within_goal": cold_s <= GOAL_S, "verdicts": verdicts}
        print(json.dumps(out))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
