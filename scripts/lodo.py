#!/usr/bin/env python3
"""Leave-one-document-out for the answerer's sentence weights and its abstaining.

  lodo.py collect --index DIR SET.jsonl [...] --out FEATURES.jsonl   # candidates of each question, with labels
  lodo.py fit FEATURES.jsonl [...]                                   # LODO: hand weights vs learned ones

`collect` runs retrieval and sentence scoring (the answerer's own `score_sentences`) for every question of
the sets and writes, per question, its candidates' features and how many of the question's facts each
holds, plus the question-level evidence abstaining reads. `fit` holds out one document (set) at a time,
fits a listwise linear model (softmax over each question's candidates, the best-holding ones as target) on the others, and reports, per
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

    import math

    from assistant.answer.extractive import answer_question
    from assistant.search.keywords import tokenize

    assistant = Assistant(Settings.from_env(index_dir=args.index))
    retriever = assistant.retriever
    config = AnswerConfig()
    df: dict[str, int] = {}
    for chunk in retriever.index.chunks:
        for t in set(tokenize(chunk.text)):
            df[t] = df.get(t, 0) + 1
    n_chunks = len(retriever.index.chunks)
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
                top = hits[:config.passages_for_sentences]
                top_tokens = {t for h in top for t in tokenize(h.chunk.text)}
                about = [t for t in query.about if not t[:1].isdigit()]
                found = [t for t in about if query.keys.get(t, frozenset({t})) & top_tokens]
                idf = lambda t: math.log((n_chunks + 1) / (df.get(t, 0) + 0.5))  # noqa: E731
                missing = [idf(t) for t in about if t not in found]
                answered = answer_question(query, retriever, 10, config)["answerable"]
                question = {"best_alone": max((x.alone for x in scored), default=0.0),
                            "coverage": len(found) / len(about) if about else 1.0,
                            "miss_idf": max(missing, default=0.0),
                            "miss_share": sum(missing) / max(1e-9, sum(idf(t) for t in about)) if about else 0.0,
                            "best_overlap": scored[0].features.get("overlap", 0.0) if scored else 0.0,
                            "english": float(query.is_english), "answered": float(answered)}
                out.write(json.dumps({"doc": path.stem, "id": q["id"], "answerable": q["answerable"],
                                      "facts": len(facts), "lang": q.get("lang"), "candidates": candidates,
                                      "question": question}, ensure_ascii=False) + "\n")
    return 0


def _top_holds(candidates: list[dict], weights: dict) -> bool:
    if not candidates:
        return False
    best = max(candidates, key=lambda c: sum(weights.get(k, 0.0) * v for k, v in c["features"].items()))
    return best["held"] > 0


def fit(args: argparse.Namespace) -> int:
    import numpy as np

    from assistant.answer.extractive import SENTENCE_WEIGHTS

    rows = [json.loads(line) for path in args.features for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    rows = [r for r in rows if r["answerable"] and r["facts"] and r["candidates"]]
    names = sorted({k for r in rows for c in r["candidates"] for k in c["features"]})
    docs = sorted({r["doc"] for r in rows})

    def learn(train: list[dict]) -> dict:
        """A listwise model: per question, a softmax over its candidates whose target is spread over the
        candidates holding the most facts (conditional logit), L2-regularised; fitted with L-BFGS."""
        from scipy.optimize import minimize

        groups = []
        for r in train:
            best = max(c["held"] for c in r["candidates"])
            if not best:
                continue  # nothing to learn from a question whose facts no candidate holds
            x = np.array([[c["features"].get(k, 0.0) for k in names] for c in r["candidates"]])
            target = np.array([float(c["held"] == best) for c in r["candidates"]])
            groups.append((x, target / target.sum()))

        def loss(w):
            total, grad = 0.0, np.zeros_like(w)
            for x, t in groups:
                z = x @ w
                z -= z.max()
                p = np.exp(z) / np.exp(z).sum()
                total -= float(t @ np.log(p + 1e-12))
                grad -= x.T @ (t - p)
            reg = 1.0 / args.c
            return total / len(groups) + reg * float(w @ w) / 2, grad / len(groups) + reg * w

        w0 = np.array([SENTENCE_WEIGHTS.get(k, 0.0) for k in names])
        w = minimize(loss, w0, jac=True, method="L-BFGS-B").x
        scale = w[names.index("sim")] if "sim" in names and w[names.index("sim")] > 0 else 1.0
        return {k: float(v / scale) for k, v in zip(names, w)}

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


def abstain(args: argparse.Namespace) -> int:
    """LODO for abstaining: a logistic regression of "answerable" over the question-level evidence, its
    threshold chosen on the other documents, refusing on top of the rules; per held-out document, the
    rules alone vs rules + model: near misses refused (abstain) and answerable ones refused (false)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    rows = [json.loads(line) for path in args.features for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    names = ["best_alone", "coverage", "miss_idf", "miss_share", "best_overlap", "english"]
    docs = sorted({r["doc"] for r in rows})

    def rates(test, refuse):
        near = [r for r in test if not r["answerable"]]
        ans = [r for r in test if r["answerable"]]
        a = sum(refuse(r) for r in near) / len(near) if near else None
        f = sum(refuse(r) for r in ans) / len(ans) if ans else None
        return a, f

    def fit(train):
        x = np.array([[r["question"][k] for k in names] for r in train])
        y = np.array([int(r["answerable"]) for r in train])
        model = LogisticRegression(C=args.c, class_weight="balanced", max_iter=2000).fit(x, y)
        probs = model.predict_proba(x)[:, 1]
        best, cut = -1e9, 0.0
        for t in np.linspace(0.05, 0.95, 91):  # most near misses refused while answerable ones stay answered
            refused = probs < t
            gain = sum(refused[i] and not y[i] for i in range(len(y))) - 3 * sum(refused[i] and y[i] for i in range(len(y)))
            if gain > best:
                best, cut = gain, t
        return model, cut

    table = {}
    for held in docs:
        test = [r for r in rows if r["doc"] == held]
        model, cut = fit([r for r in rows if r["doc"] != held])
        p = lambda r: model.predict_proba(np.array([[r["question"][k] for k in names]]))[0, 1]  # noqa: E731
        rules = rates(test, lambda r: not r["question"]["answered"])
        both = rates(test, lambda r: not r["question"]["answered"] or p(r) < cut)
        table[held] = (rules, both)
        print(f"{held:28s} rules abstain {rules[0]} false {rules[1]:.3f} | +model abstain {both[0]} false {both[1]:.3f}")
    for i, label in ((0, "rules"), (1, "+model")):
        a = [v[i][0] for v in table.values() if v[i][0] is not None]
        f = [v[i][1] for v in table.values() if v[i][1] is not None]
        print(f"{label:7s} abstain mean {sum(a) / len(a):.3f} worst {min(a):.3f}; false_abstain mean {sum(f) / len(f):.3f} "
              f"worst {max(f):.3f}")
    model, cut = fit(rows)
    print("fitted on all:", dict(zip(names, np.round(model.coef_[0], 3))), "intercept", round(model.intercept_[0], 3),
          "cut", round(cut, 3))
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
    f.add_argument("-c", type=float, default=10.0, help="inverse L2 regularisation of the listwise model")
    f.set_defaults(func=fit)
    a = sub.add_parser("abstain")
    a.add_argument("features", nargs="+", type=Path)
    a.add_argument("-c", type=float, default=1.0)
    a.set_defaults(func=abstain)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
