#!/usr/bin/env python3
"""Score dialogue sets (each line a follow-up with its "history" and "kind") on one index, per kind.

Usage: followup_eval.py --index DIR SET.jsonl [SET.jsonl ...] [--scorer score.py] [--out DIR] [--json]

Each line is asked with its history, as `assistant ask --json --batch` does, and alone; the answers
with history are scored by the scorer (default: ../shared/eval/score.py) as a whole and per "kind".
Besides the scorer's keys: `rewritten` (share of lines read as a follow-up), `near_refused` (near
misses refused), and for topic switches `switch_same` (the share answered exactly as asked alone: the
same JSON, so the same top passage). With --out, OUT/<set>.jsonl holds the answers with history.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_sets import read, setup  # noqa: E402

KEYS = ("n", "hit@5", "facts", "cite", "abstain", "false_abstain", "lang", "words_p50")


def report(scorer, questions: list[dict], with_history: list[dict], alone: list[dict]) -> dict:
    """Scores of the answers given with history: over all lines and per kind."""
    def part(rows: list[int]) -> dict:
        qs = [questions[i] for i in rows]
        summary, _ = scorer.score(qs, [with_history[i] for i in rows])
        out = {k: summary.get(k) for k in KEYS}
        out["rewritten"] = round(sum(bool(with_history[i].get("searched")) for i in rows) / len(rows), 3)
        near = [i for i in rows if questions[i].get("kind") == "near_miss"]
        if near:
            out["near_refused"] = round(sum(not with_history[i]["answerable"] for i in near) / len(near), 3)
        switches = [i for i in rows if questions[i].get("kind") == "topic_switch"]
        if switches:
            same = [_without_id(with_history[i]) == _without_id(alone[i]) for i in switches]
            out["switch_same"] = round(sum(same) / len(same), 3)
        return out

    everything = list(range(len(questions)))
    kinds = sorted({q.get("kind", "?") for q in questions})
    return {"all": part(everything),
            **{kind: part([i for i in everything if questions[i].get("kind", "?") == kind]) for kind in kinds}}


def _without_id(result: dict) -> dict:
    return {k: v for k, v in result.items() if k != "id"}


def main(argv: list[str] | None = None) -> int:
    args, scorer, assistant = setup(__doc__.split("\n\n")[0], argv, "one JSON object per set")
    for path in args.sets:
        questions = read(path)
        with_history = [{"id": q.get("id"), **assistant.ask(q["question"], history=q.get("history"))} for q in questions]
        alone = [{"id": q.get("id"), **assistant.ask(q["question"])} for q in questions]
        if args.out:
            args.out.mkdir(parents=True, exist_ok=True)
            (args.out / path.name).write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in with_history),
                                              encoding="utf-8")
        scores = report(scorer, questions, with_history, alone)
        if args.json:
            print(json.dumps({"set": path.stem, **scores}))
            continue
        for kind, row in scores.items():
            print(f"{path.stem:16s} {kind:13s} " + "  ".join(f"{k} {v}" for k, v in row.items() if v is not None))
    assistant.keep_sentence_vectors()
    return 0


if __name__ == "__main__":
    sys.exit(main())
