#!/usr/bin/env python3
"""Score question sets on one index, each the way `assistant ask --json --batch SET | score.py SET` does.

Usage: eval_sets.py --index DIR SET.jsonl [SET.jsonl ...] [--scorer score.py] [--out DIR] [--json]

The model and index load once; each set's answers are written to OUT/<set>.jsonl (as `ask --json
--batch` prints them) and scored with the scorer (default: ../shared/eval/score.py, else the project's
copy tests/score.py). Prints one summary line per set, then the mean and the worst set of each key.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KEYS = ("hit@5", "mrr@10", "facts", "abstain", "false_abstain", "words_p50")


def load_scorer(path: Path | None = None):
    """The scorer module: `path`, else ../shared/eval/score.py, else tests/score.py."""
    for candidate in (path, ROOT.parent / "shared" / "eval" / "score.py", ROOT / "tests" / "score.py"):
        if candidate and candidate.exists():
            spec = importlib.util.spec_from_file_location("score", candidate)
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            return module
    raise SystemExit("no scorer found")


def read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def answer_set(assistant, questions: list[dict]) -> list[dict]:
    """What `ask --json --batch` prints for each question (a line's "history" and "doc" passed on when
    `Assistant.ask` takes them)."""
    import inspect

    takes = set(inspect.signature(assistant.ask).parameters)
    out = []
    for q in questions:
        extra = {key: q[key] for key in ("history", "doc") if key in q and key in takes}
        out.append({"id": q.get("id"), **assistant.ask(q["question"], **extra)})
    return out


def setup(description: str, argv: list[str] | None, json_help: str):
    """The arguments (sets, --index, --scorer, --out, --json), the scorer and the loaded assistant."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("sets", nargs="+", type=Path)
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--scorer", type=Path)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--json", action="store_true", help=json_help)
    args = parser.parse_args(argv)
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    from assistant.engine import Assistant
    from assistant.settings import Settings

    return args, load_scorer(args.scorer), Assistant(Settings.from_env(index_dir=args.index))


def main(argv: list[str] | None = None) -> int:
    args, scorer, assistant = setup(__doc__.split("\n\n")[0], argv, "one JSON object per set, and the aggregate")
    summaries = {}
    for path in args.sets:
        questions = read(path)
        results = answer_set(assistant, questions)
        if args.out:
            args.out.mkdir(parents=True, exist_ok=True)
            (args.out / path.name).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in results),
                                              encoding="utf-8")
        summary, _ = scorer.score(questions, results)
        summaries[path.stem] = summary
        shown = {k: summary.get(k) for k in KEYS}
        print(json.dumps({"set": path.stem, **shown}) if args.json else
              f"{path.stem:28s} " + "  ".join(f"{k} {v}" for k, v in shown.items()), flush=True)
    assistant.keep_sentence_vectors()
    aggregate = {}
    for key in KEYS:
        values = {name: s[key] for name, s in summaries.items() if s.get(key) is not None}
        if not values:
            continue
        worst = (max if key in ("false_abstain", "words_p50") else min)(values, key=values.get)
        aggregate[key] = {"mean": round(sum(values.values()) / len(values), 3), "worst": values[worst],
                          "worst_set": worst}
    print(json.dumps({"aggregate": aggregate}) if args.json else
          "mean/worst " + "  ".join(f"{k} {v['mean']}/{v['worst']} ({v['worst_set']})" for k, v in aggregate.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
