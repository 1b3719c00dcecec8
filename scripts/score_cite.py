#!/usr/bin/env python3
"""Score find-a-citation results against a claims set.

Usage: score_cite.py CLAIMS.jsonl RESULTS.jsonl [--json]

CLAIMS.jsonl: {"id", "claim", "lang", "expect": "Surname, Year" or null (off-topic)}.
RESULTS.jsonl: the output of `assistant cite --json --batch CLAIMS.jsonl`, matched by id.

first_work     share of supported claims whose first `cite` work is the expected one
works_mean     mean number of works in `cite` over supported claims that got any
offtopic_empty share of off-topic claims with an empty `cite`
supported_empty share of supported claims with an empty `cite`
"""
from __future__ import annotations

import json
import sys


def _load(path: str) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def score(claims: list[dict], results: list[dict]) -> dict:
    by_id = {r.get("id"): r for r in results}
    supported = [c for c in claims if c["expect"]]
    offtopic = [c for c in claims if not c["expect"]]
    got = {c["id"]: by_id.get(c["id"], {}).get("cite") or [] for c in claims}
    listed = [len(got[c["id"]]) for c in supported if got[c["id"]]]
    misses = [{"id": c["id"], "expect": c["expect"], "cite": got[c["id"]]}
              for c in supported if got[c["id"]][:1] != [c["expect"]]]
    false_support = [{"id": c["id"], "cite": got[c["id"]]} for c in offtopic if got[c["id"]]]
    ratio = lambda n, d: round(n / d, 3) if d else None  # noqa: E731
    return {
        "claims": len(claims), "supported": len(supported), "offtopic": len(offtopic),
        "first_work": ratio(len(supported) - len(misses), len(supported)),
        "works_mean": ratio(sum(listed), len(listed)),
        "offtopic_empty": ratio(len(offtopic) - len(false_support), len(offtopic)),
        "supported_empty": ratio(sum(1 for c in supported if not got[c["id"]]), len(supported)),
        "misses": misses, "false_support": false_support,
    }


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    s = score(_load(argv[0]), _load(argv[1]))
    if "--json" in argv:
        print(json.dumps(s, ensure_ascii=False))
        return 0
    for m in s["misses"]:
        print(f"miss  {m['id']}: expected {m['expect']}, cite {m['cite']}")
    for m in s["false_support"]:
        print(f"off-topic cited  {m['id']}: {m['cite']}")
    print(f"claims={s['claims']} (supported {s['supported']}, off-topic {s['offtopic']})  "
          f"first_work={s['first_work']}  works_mean={s['works_mean']}  "
          f"offtopic_empty={s['offtopic_empty']}  supported_empty={s['supported_empty']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
