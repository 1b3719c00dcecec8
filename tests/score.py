#!/usr/bin/env python3
"""Score question-answering results against a question set.

The project's own copy of the scorer every developer has at ../shared/eval/score.py (copied
unchanged but for this paragraph, 2026-12-06), so the tests and scripts/eval_sets.py score the
same way in a bare clone. Keep it in step with that file.

Usage:
    score.py QUESTIONS.jsonl RESULTS.jsonl [--json]

QUESTIONS.jsonl: one object a line with
    id, lang, question, gold (substrings of the source text that a relevant
    passage contains), facts (list of alternatives lists; the answer must hold
    one alternative of each), cite ([surname, year] pairs; one must be surfaced),
    answerable (bool).
RESULTS.jsonl: one object a line, as printed by `assistant ask --json --batch`,
    matched to questions by "id" (or by "question" text when id is absent):
    answer (str), answerable (bool), citations (list of passages the answer
    uses, each with "text" and "cites"), retrieved (ranked passages, each with
    "text").

Metrics:
    hit@5, mrr@10   rank of the first retrieved passage containing a gold string
    facts           mean share of required facts present in the answer
    cite            share of questions whose expected source (surname + year)
                    appears in the answer or in a citation's "cites" list
    abstain         share of unanswerable questions answered with answerable=false
    false_abstain   share of answerable questions wrongly answered with answerable=false
    lang            share of questions whose result "language" is the question's language
    words_p50       median answer length in words (answerable questions): answers are meant
                    to be short, a pasted passage is not an answer
"""
import json
import re
import sys
import unicodedata


def norm(text: str) -> str:
    text = unicodedata.normalize("NFKC", text or "").lower()
    text = text.replace("\u00ad", "").replace("*", "")
    text = re.sub(r"[\u2010-\u2015]", "-", text)
    text = re.sub(r"(\w)- (\w)", r"\1\2", text)  # hyphenated line breaks
    return " ".join(text.split())


def first_hit(passages, gold):
    golds = [norm(g) for g in gold]
    for rank, p in enumerate(passages, 1):
        t = norm(p.get("text", ""))
        if any(g in t for g in golds):
            return rank
    return None


def fact_share(answer, facts):
    a = norm(answer)
    got = sum(1 for alts in facts if any(norm(x) in a for x in alts))
    return got / len(facts)


def cite_found(result, pairs):
    shown = [result.get("answer", "")]
    for c in result.get("citations", []):
        shown.extend(c.get("cites", []) or [])
    shown = norm(" | ".join(shown))
    return any(norm(s) in shown and y in shown for s, y in pairs)


def score(questions, results):
    by_id = {r.get("id"): r for r in results if r.get("id") is not None}
    by_q = {norm(r.get("question", "")): r for r in results}
    rows, missing = [], []
    for q in questions:
        r = by_id.get(q["id"]) or by_q.get(norm(q["question"]))
        if r is None:
            missing.append(q["id"])
            r = {}
        row = {"id": q["id"], "lang": q["lang"], "answerable": q["answerable"]}
        row["lang_ok"] = r.get("language") == q["lang"]
        said_answerable = bool(r.get("answerable", False))
        if q["answerable"]:
            row["false_abstain"] = not said_answerable
            if q["gold"]:
                rank = first_hit(r.get("retrieved", []), q["gold"])
                row["rank"] = rank
            row["words"] = len((r.get("answer") or "").split())
            if q["facts"]:
                row["facts"] = fact_share(r.get("answer", ""), q["facts"])
            if q["cite"]:
                row["cite"] = cite_found(r, q["cite"])
        else:
            row["abstain"] = not said_answerable
        rows.append(row)

    def median(xs):
        xs = sorted(xs)
        return xs[len(xs) // 2] if xs else None

    def mean(xs):
        xs = list(xs)
        return round(sum(xs) / len(xs), 3) if xs else None

    ranked = [r for r in rows if "rank" in r]
    summary = {
        "n": len(rows),
        "missing": missing,
        "hit@5": mean(1.0 if r["rank"] and r["rank"] <= 5 else 0.0 for r in ranked),
        "mrr@10": mean(1.0 / r["rank"] if r["rank"] and r["rank"] <= 10 else 0.0 for r in ranked),
        "facts": mean(r["facts"] for r in rows if "facts" in r),
        "cite": mean(1.0 if r["cite"] else 0.0 for r in rows if "cite" in r),
        "abstain": mean(1.0 if r["abstain"] else 0.0 for r in rows if "abstain" in r),
        "false_abstain": mean(1.0 if r["false_abstain"] else 0.0 for r in rows if "false_abstain" in r),
        "lang": mean(1.0 if r["lang_ok"] else 0.0 for r in rows),
        "words_p50": median(r["words"] for r in rows if "words" in r),
    }
    for lang in ("en", "id"):
        sub = [r for r in ranked if r["lang"] == lang]
        summary[f"hit@5_{lang}"] = mean(1.0 if r["rank"] and r["rank"] <= 5 else 0.0 for r in sub)
    return summary, rows


def main(argv):
    if len(argv) < 3:
        print(__doc__)
        return 2
    questions = [json.loads(l) for l in open(argv[1], encoding="utf-8") if l.strip()]
    results = [json.loads(l) for l in open(argv[2], encoding="utf-8") if l.strip()]
    summary, rows = score(questions, results)
    if "--json" in argv:
        print(json.dumps({"summary": summary, "rows": rows}, ensure_ascii=False))
        return 0
    for r in rows:
        print(json.dumps(r, ensure_ascii=False))
    print(json.dumps(summary, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
