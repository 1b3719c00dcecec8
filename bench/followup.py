#!/usr/bin/env python3
"""What follow-up questions add: the rewrite (converse/) per question, the check of a follow-up's own
words, and a whole ask, measured in one run (a section of run.py, or alone):

    python bench/followup.py --index INDEX [--repeats N] [SET.jsonl ...]

Sets: dialogue lines ({"history", "question"}; default tests/data/followup_own.jsonl and
../shared/eval/followup_dev.jsonl). Complete questions (the thesis question sets) are asked after a
history too: they must cost what they cost alone. Prints one JSON line:
followup_rewrite_ms(_p95) (standalone() per follow-up, warm; _cpu_ms: this thread's CPU time), followup_past_ms
(what a follow-up asking past its turn adds: that turn analysed and scored; _chat_ms: that turn asked just
before, as in a chat, so analysed already), followup_complete_ms
(the same call deciding that a complete question leans on nothing), followup_support_ms(_p95, _cpu_ms) (the
own-words check on the real top passages), followup_ask_ms_p50 (a whole ask of a follow-up),
complete_with_history_vs_alone (CPU time of asks of complete questions after a history ÷ the same asks alone,
each pair back to back, three passes), followup_typed_embed_ms / _ratio (the standalone question analysed
with what was typed embedded beside it, against it analysed alone: the added ms at p50, the ratio of the sums).
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

SETS = [ROOT / "tests" / "data" / "followup_own.jsonl", ROOT.parent / "shared" / "eval" / "followup_dev.jsonl"]
COMPLETE = [ROOT / "tests" / "data" / "own_eval.jsonl", ROOT / "tests" / "data" / "holdout_eval.jsonl"]


def _read(paths: list[Path]) -> list[dict]:
    return [json.loads(line) for p in paths if p.exists() for line in p.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def _ms(call, items, repeats: int, cpu: list[float] | None = None) -> list[float]:
    """Wall-clock ms of each call; with `cpu`, this thread's CPU ms are appended to it (on a shared
    machine the wall clock also counts the time slices given to other processes)."""
    out = []
    for _ in range(repeats):
        for item in items:
            t0, c0 = time.perf_counter(), time.thread_time()
            call(item)
            out.append((time.perf_counter() - t0) * 1000)
            if cpu is not None:
                cpu.append((time.thread_time() - c0) * 1000)
    return out


def measure(index_dir: Path | None, sets: list[Path], repeats: int) -> dict:
    from assistant.converse.rewrite import standalone

    lines = _read(sets)
    follow_ups = [q for q in lines if standalone(q["question"], q.get("history")) is not None]  # (warms the caches)
    complete = _read(COMPLETE)
    history = [{"role": "user", "content": q["question"]} for q in complete[:3]]
    figures = {"followup_lines": len(lines), "followup_rewritten": len(follow_ups)}
    cpu: list[float] = []
    rewrite = _ms(lambda q: standalone(q["question"], q["history"]), follow_ups, repeats, cpu)
    deciding = _ms(lambda q: standalone(q["question"], history), complete, repeats)
    figures.update(followup_rewrite_ms=round(pct(rewrite, 50), 2), followup_rewrite_ms_p95=round(pct(rewrite, 95), 2),
                   followup_rewrite_ms_max=round(max(rewrite), 2), followup_rewrite_cpu_ms=round(pct(cpu, 50), 2),
                   followup_rewrite_cpu_ms_p95=round(pct(cpu, 95), 2), followup_complete_ms=round(pct(deciding, 50), 3))
    if index_dir is None:
        return figures
    from assistant.converse.support import unsupported
    from assistant.engine import Assistant
    from assistant.settings import Settings

    assistant = Assistant(Settings.from_env(index_dir=index_dir))
    assistant.warm()
    answers = [assistant.ask(q["question"], history=q["history"]) for q in follow_ups]  # warm
    checked = [(q["question"], [p["text"] for p in a["retrieved"][:4]]) for q, a in zip(follow_ups, answers)]
    support_cpu: list[float] = []
    support = _ms(lambda qp: unsupported(*qp), checked, repeats, support_cpu)
    asks = _ms(lambda q: assistant.ask(q["question"], history=q["history"]), follow_ups, 1)
    questions = [q["question"] for q in complete]
    for q in questions[:3]:
        assistant.ask(q)
    alone: list[float] = []
    with_history: list[float] = []
    for _ in range(3):  # each question alone, then after a history, back to back: the same load for both
        for q in questions:
            _ms(assistant.ask, [q], 1, alone)
            _ms(lambda x: assistant.ask(x, history=history), [q], 1, with_history)
    past = _past_cost(assistant, follow_ups, repeats)
    # what was typed, embedded with the standalone question (engine.query): the standalone question analysed
    # alone (its embedding, and an English one's gloss, in one call) against both embedded first, then analysed
    # with that vector (the gloss in a call of its own)
    retriever = assistant.retriever
    said = [standalone(q["question"], q["history"]).text for q in follow_ups]
    pairs = list(zip(said, [q["question"] for q in follow_ups]))
    one = _ms(lambda pair: retriever.query(pair[0]), pairs, repeats)
    two = _ms(lambda pair: retriever.query(pair[0], None, retriever.query_vectors(list(pair))[0]), pairs, repeats)
    figures.update(followup_support_ms=round(pct(support, 50), 2), followup_support_ms_p95=round(pct(support, 95), 2),
                   followup_past_lines=past["lines"], followup_past_ms=past["ms"], followup_past_chat_ms=past["chat_ms"],
                   followup_support_cpu_ms=round(pct(support_cpu, 50), 2),
                   followup_ask_ms_p50=round(pct(asks, 50), 1), complete_ask_cpu_ms_p50=round(pct(alone, 50), 1),
                   complete_with_history_vs_alone=round(sum(with_history) / sum(alone), 3),
                   followup_typed_embed_ms=round(pct(two, 50) - pct(one, 50), 2),
                   followup_typed_embed_ratio=round(sum(two) / sum(one), 3))
    return figures


def _past_cost(assistant, follow_ups: list[dict], repeats: int) -> dict:
    """What a follow-up asking past its turn ("siapa lagi?") adds: that turn analysed (its embedding) and
    the sentences of the passages found scored for it (engine.query, answer/extractive._answered_before)."""
    from dataclasses import replace

    from assistant.answer.extractive import AnswerConfig, _answered_before
    from assistant.converse.rewrite import asks_beyond, standalone

    beyond = [q for q in follow_ups if asks_beyond(q["question"])]
    if not beyond:
        return {"lines": 0, "ms": None, "chat_ms": None}
    queries = [assistant.query(q["question"], history=q["history"]) for q in beyond]
    hits = [assistant.retriever.search(query) for query in queries]
    before = [standalone(q["question"], q["history"]).before for q in beyond]

    def added(i: int, chat: bool) -> None:
        past = (chat and assistant._recent.get(before[i])) or assistant.retriever.query(before[i])
        _answered_before(replace(queries[i], past=past), hits[i], assistant.retriever, AnswerConfig())

    cold = _ms(lambda i: added(i, False), range(len(beyond)), repeats)
    for q in beyond:  # in a chat the turn was asked just before: the assistant analysed it then
        turns = [m for m in q["history"] if m["role"] == "user"]
        for j, turn in enumerate(turns):
            assistant.query(turn["content"], history=turns[:j])
    chat = _ms(lambda i: added(i, True), range(len(beyond)), repeats)
    return {"lines": len(beyond), "ms": round(pct(cold, 50), 2), "chat_ms": round(pct(chat, 50), 2)}


def bench_followup(ctx, rep: Report) -> None:
    """run.py's section: on the thesis index the run prepared."""
    figures = measure(ctx.thesis_index, SETS, 3 if ctx.quick else 10)
    rep.add("follow-up rewrite ms p50 / p95", f"{figures['followup_rewrite_ms']} / {figures['followup_rewrite_ms_p95']}",
            "≤ 5", figures["followup_rewrite_ms"] <= 5, f"{figures['followup_rewritten']} follow-ups",
            key="followup_rewrite_ms")
    rep.figures.update(figures)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", type=Path)
    parser.add_argument("--index", type=Path, help="also time the check of own words and whole asks on this index")
    parser.add_argument("--repeats", type=int, default=10)
    args = parser.parse_args(argv)
    print(json.dumps(measure(args.index, args.sets or SETS, args.repeats)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
