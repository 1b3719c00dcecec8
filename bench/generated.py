#!/usr/bin/env python3
"""Generated answers measured against the extractive ones on a question set, through a running
OpenAI-compatible endpoint (e.g. llama.cpp's server with the bundled Gemma 3 270M).

    python bench/generated.py --llm http://127.0.0.1:8080/v1 --index INDEX [QUESTIONS.jsonl] [--out PREFIX] [--attribute]

Prints JSON lines: the score.py summary of the extractive answers, of the final (guarded or fallen
back) answers, then the generation figures: share of answerable questions kept whole / trimmed /
fallen back (and why), English questions answered in English, warm whole-answer latency p50/p95.
Writes PREFIX.extractive.jsonl and PREFIX.final.jsonl for `score.py`.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import pct  # noqa: E402

TESTS = Path(__file__).resolve().parent.parent / "tests"  # the project's copies of ../shared/eval's dev set and scorer


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("questions", nargs="?", type=Path, default=TESTS / "data" / "dev.jsonl")
    parser.add_argument("--llm", required=True)
    parser.add_argument("--llm-model", default="")
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--out", default="/tmp/generated")
    parser.add_argument("--attribute", action="store_true", help="post-hoc [n] markers (LLM.attribute)")
    args = parser.parse_args(argv)

    from assistant.engine import Assistant
    from assistant.search.language import detect_language
    from assistant.settings import Settings

    assistant = Assistant(Settings.from_env(index_dir=args.index, llm_url=args.llm, llm_model=args.llm_model))
    assistant.llm.attribute = args.attribute
    questions = [json.loads(line) for line in args.questions.read_text(encoding="utf-8").splitlines() if line.strip()]
    assistant.ask(questions[0]["question"])  # warm-up: model, caches, the server's first prompt
    extractive, final, seconds = [], [], []
    for q in questions:
        extractive.append({"id": q["id"], **assistant.extractive(q["question"])})
        start = time.perf_counter()
        final.append({"id": q["id"], **assistant.ask(q["question"])})
        seconds.append(time.perf_counter() - start)
        print(json.dumps({k: final[-1].get(k) for k in ("id", "mode", "fallback", "notice", "draft", "answer")},
                         ensure_ascii=False), file=sys.stderr)
    for name, rows in (("extractive", extractive), ("final", final)):
        Path(f"{args.out}.{name}.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                                                     encoding="utf-8")
    spec = importlib.util.spec_from_file_location("score", TESTS / "score.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    for name, rows in (("extractive", extractive), ("final", final)):
        print(json.dumps({"answers": name, **score.score(questions, rows)[0]}, ensure_ascii=False))
    answered = [r for r in final if r["answerable"]]
    kinds = Counter("fell back" if r["mode"] == "extractive" else "trimmed" if r["guard"]["dropped"] else "whole"
                    for r in answered)
    english = [r for q, r in zip(questions, final) if q["lang"] == "en" and r["answerable"]]
    in_english = [r for r in english if detect_language(r["answer"].replace("“", "").replace("”", "")) == "en"]
    print(json.dumps({
        "answerable": len(answered), **{k: round(kinds[k] / max(1, len(answered)), 3) for k in ("whole", "trimmed", "fell back")},
        "fallback_reasons": Counter((r.get("fallback") or r.get("notice") or "")[:40] for r in answered if r["mode"] == "extractive"),
        "en_answered_in_en": f"{len(in_english)}/{len(english)}",
        "warm_p50_s": round(pct(seconds, 50), 2), "warm_p95_s": round(pct(seconds, 95), 2)}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
