#!/usr/bin/env python3
"""Leave-one-document-out for the answerer's sentence weights and its abstaining.

  lodo.py collect --index DIR SET.jsonl [...] --out FEATURES.jsonl   # candidates of each question, with labels
  lodo.py fit FEATURES.jsonl [...]                                   # LODO: hand weights vs learned ones

`collect` runs retrieval and sentence scoring (the answerer's own `score_sentences`) for every question of
the sets and writes, per question, its candidates' features and how many of the question's facts each
holds, plus the question-level evidence abstaining reads. `fit` holds out one document (set) at a time,
fits a logistic regression (scikit-learn) of "the sentence holds a fact" on the others, and reports, per
held-out document, the share of answerable questions whose best-scored sentence holds a fact under the hand
weights and under the learned ones; then the mean and the worst document, and the weights fitted on all.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))


def _norm(text: str) -> str:
    from eval_sets import load_scorer

    return load_scorer().norm(text)


def collect(args: argparse.Namespace) -> int:
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    from assistant.answer.extractive import AnswerConfig, score_sentences
    from assistant.engine import Assistant
    from assistant.settings import Settings

    assistant = Assistant(Settings.from_env(index_dir=args.index))
    retriever = assistant.retriever
    config = AnswerConfig()
    with open(args.out, "a", encoding="utf-8") as out:
        for path in args.sets:
            for line in path.read_text(encoding="utf-8").splitlines():
                if not line.strip():
                    continue
                q = json.loads(line)
                query = retriever.query(q["question"])
                hits = retriever.search(query, k=10)
                scored = score_sentences(query, hits, retriever, config)
                facts = [[_norm(a) for a in alts] for alts in q.get("facts") or []]
                candidates = []
                for x in scored:
                    text = _norm(x.sentence.text)
                    held = sum(1 for alts in facts if any(a and a in text for a in alts))
                    candidates.append({"features": x.features, "held": held, "passage": x.hit.chunk.id,
                                       "text": x.sentence.text[:200]})
                out.write(json.dumps({"doc": path.stem, "id": q["id"], "answerable": q["answerable"],
                                      "facts": len(facts), "lang": q.get("lang"), "candidates": candidates},
                                     ensure_ascii=False) + "\n")
    return 0


def _top_holds(candidates: list[dict], weights: dict) -> bool:
    if not candidates:
        return False
    best = max(candidates, key=lambda c: sum(weights.get(k, 0.0) * v for k, v in c["features"].items()))
    return best["held"] > 0


def fit(args: argparse.Namespace) -> int:
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    from assistant.answer.extractive import SENTENCE_WEIGHTS

    rows = [json.loads(line) for path in args.features for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    rows = [r for r in rows if r["answerable"] and r["facts"] and r["candidates"]]
    names = sorted({k for r in rows for c in r["candidates"] for k in c["features"]})
    docs = sorted({r["doc"] for r in rows})

    def learn(train: list[dict]) -> dict:
        x, y, w = [], [], []
        for r in train:
            if not any(c["held"] for c in r["candidates"]):
                continue  # nothing to learn from a question whose facts no candidate holds
            n = len(r["candidates"])
            for c in r["candidates"]:
                x.append([c["features"].get(k, 0.0) for k in names])
                y.append(int(c["held"] > 0))
                w.append(1.0 / n)  # each question weighs the same
        model = LogisticRegression(C=args.c, max_iter=2000)
        model.fit(np.array(x), np.array(y), sample_weight=np.array(w))
        coef = model.coef_[0]
        scale = coef[names.index("sim")] if "sim" in names and coef[names.index("sim")] > 0 else 1.0
        return {k: float(v / scale) for k, v in zip(names, coef)}

    table = {}
    for held_out in docs:
        test = [r for r in rows if r["doc"] == held_out]
        learned = learn([r for r in rows if r["doc"] != held_out])
        hand = sum(_top_holds(r["candidates"], SENTENCE_WEIGHTS) for r in test) / len(test)
        fitted = sum(_top_holds(r["candidates"], learned) for r in test) / len(test)
        reachable = sum(any(c["held"] for c in r["candidates"]) for r in test) / len(test)
        table[held_out] = (hand, fitted, reachable, len(test))
        print(f"{held_out:32s} n={len(test):3d}  hand {hand:.3f}  learned {fitted:.3f}  reachable {reachable:.3f}")
    for i, label in ((0, "hand"), (1, "learned")):
        values = [v[i] for v in table.values()]
        worst = min(table, key=lambda d: table[d][i])
        print(f"{label:8s} mean {sum(values) / len(values):.3f}  worst {table[worst][i]:.3f} ({worst})")
    print("weights fitted on all:", json.dumps({k: round(v, 3) for k, v in learn(rows).items()}))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    c = sub.add_parser("collect")
    c.add_argument("sets", nargs="+", type=Path)
    c.add_argument("--index", type=Path, required=True)
    c.add_argument("--out", type=Path, required=True)
    c.set_defaults(func=collect)
    f = sub.add_parser("fit")
    f.add_argument("features", nargs="+", type=Path)
    f.add_argument("-c", type=float, default=1.0, help="inverse regularisation of the logistic regression")
    f.set_defaults(func=fit)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
