"""Where exact search stops being cheap, and how close the approximate index above it comes to it.

Exact (Flat) search costs in proportion to the passages; `assistant/search/index.py` keeps it up to
ANN_FROM passages and builds its IVF above. This measures, on the bench's replicated real vectors
(scale.py), the exact search's p95 at growing sizes with one OpenMP thread (as `Assistant` serves),
the size where it passes FLAT_BUDGET_MS, and the recall of `vector_index`'s IVF against exact search
at sizes ≥ ANN_FROM.
"""
from __future__ import annotations

import time

import numpy as np

from common import Report, pct

FLAT_BUDGET_MS = 30.0  # an exact search dearer than this (p95) is where the approximate index starts
RECALL_GOAL = 0.99  # recall@10 of the approximate index against exact search
SIZES = {True: (100_000, 150_000, 200_000, 300_000, 400_000, 600_000),  # quick
         False: (50_000, 100_000, 150_000, 200_000, 300_000, 400_000, 600_000, 800_000)}


def replicas(base: np.ndarray, n: int, rng: np.random.Generator) -> np.ndarray:
    """`n` unit vectors: the real ones (`base`), then replicas, row i of base i % len(base), each moved
    off its original by a random share (0.3-0.7) of the difference of two other real vectors: the
    shift lies where real e5 vectors vary (they stay in the narrow cone e5 vectors occupy), and
    with a random share no two replicas coincide, however many there are."""
    nb, dim = base.shape
    out = np.empty((n, dim), dtype=np.float32)
    out[:min(n, nb)] = base[:n]
    for start in range(nb, n, nb):
        m = min(nb, n - start)
        j, k = rng.integers(0, nb, m), rng.integers(0, nb, m)
        share = rng.uniform(0.3, 0.7, (m, 1)).astype(np.float32)
        block = base[:m] + share * (base[j] - base[k])
        out[start:start + m] = block / np.linalg.norm(block, axis=1, keepdims=True)
    return out


def recall(truth: np.ndarray, got: np.ndarray, k: int) -> float:
    """Share of the exact top-k rows the index returns in its top k."""
    return sum(len(set(t[:k].tolist()) & set(g[:k].tolist())) for t, g in zip(truth, got)) / (len(truth) * k)


def latency(index, queries: np.ndarray, depth: int) -> dict:
    """One query at a time, one OpenMP thread (as served): wall p50/p95 ms and this thread's CPU p95
    (the wall clock also counts time slices other processes take on a shared machine)."""
    import faiss

    faiss.omp_set_num_threads(1)
    wall, cpu = [], []
    for q in queries:
        t0, c0 = time.perf_counter(), time.thread_time()
        index.search(q[None, :], depth)
        wall.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.thread_time() - c0) * 1000)
    return {"p50": round(pct(wall, 50), 2), "p95": round(pct(wall, 95), 2), "cpu_p95": round(pct(cpu, 95), 2)}


def exact_vs_ann(X: np.ndarray, Q: np.ndarray, depth: int, quick: bool, rep: Report, threads: int) -> None:
    """Exact search cost by size (the crossover) and the approximate index's recall above ANN_FROM."""
    import faiss

    from assistant.search.index import ANN_FROM, vector_index

    sizes = [n for n in SIZES[quick] if n <= len(X)]
    above = [n for n in sizes if n >= ANN_FROM]
    ann_sizes = above[:1] if quick or not above else sorted({above[0], above[-1]})  # where it starts (and the largest)
    cost, truths = {}, {}
    for n in sizes:
        flat = faiss.IndexFlatIP(X.shape[1])
        flat.add(X[:n])
        cost[n] = latency(flat, Q[:60], depth)
        if n in ann_sizes:
            faiss.omp_set_num_threads(threads)
            truths[n] = flat.search(Q, depth)[1]
        del flat
    within = [n for n in sizes if cost[n]["p95"] <= FLAT_BUDGET_MS]
    over = [n for n in sizes if cost[n]["p95"] > FLAT_BUDGET_MS]
    rep.add(f"exact search p95 ms by size (1 thread; {len(Q[:60])} queries, top {depth})",
            "  ".join(f"{n // 1000}k:{c['p95']:.0f}" for n, c in cost.items()),
            note="CPU p95 " + "  ".join(f"{n // 1000}k:{c['cpu_p95']:.0f}" for n, c in cost.items()))
    rep.figures["exact_search_ms_by_size"] = {str(n): c for n, c in cost.items()}
    largest = max(within, default=0)
    rep.add(f"exact search p95 <= {FLAT_BUDGET_MS:g} ms up to", largest, key="exact_within_budget_up_to",
            note=f"first size over: {min(over) if over else 'none measured'}; ANN_FROM (index.py) {ANN_FROM:,}")
    rep.figures["ann_from"] = ANN_FROM
    for n in ann_sizes:
        faiss.omp_set_num_threads(threads)
        t0 = time.perf_counter()
        index = vector_index(X[:n])
        build_s = time.perf_counter() - t0
        faiss.omp_set_num_threads(threads)
        got = index.search(Q, depth)[1]
        r10, r50 = recall(truths[n], got, 10), recall(truths[n], got, depth)
        speed = latency(index, Q[:60], depth)
        name = index_name(index)
        rep.check(f"recall@10 vs exact, {name} at {n:,}", f"ann_recall@10_{n // 1000}k", round(r10, 4), ">=",
                  RECALL_GOAL, note=f"recall@{depth} {r50:.3f}; search p50/p95 {speed['p50']:.1f}/{speed['p95']:.1f} ms "
                  f"(CPU p95 {speed['cpu_p95']:.1f}; exact {cost[n]['p95']:.1f}); build {build_s:.0f} s")
        rep.figures[f"ann_{n // 1000}k"] = {"index": name, "recall@10": round(r10, 4), f"recall@{depth}": round(r50, 4),
                                             **speed, "build_s": round(build_s, 1)}
    if not quick and ann_sizes:
        _hnsw(X[:ann_sizes[0]], Q, truths[ann_sizes[0]], depth, rep, threads)
    faiss.omp_set_num_threads(threads)


def _hnsw(X: np.ndarray, Q: np.ndarray, truth: np.ndarray, depth: int, rep: Report, threads: int) -> None:
    """HNSW (M32, efConstruction 80) at the same size, for comparison: why the index above ANN_FROM is an IVF."""
    import faiss

    faiss.omp_set_num_threads(threads)
    t0 = time.perf_counter()
    hnsw = faiss.IndexHNSWFlat(X.shape[1], 32, faiss.METRIC_INNER_PRODUCT)
    hnsw.hnsw.efConstruction = 80
    hnsw.add(X)
    build_s = time.perf_counter() - t0
    for ef in (128, 512, 2048):
        hnsw.hnsw.efSearch = ef
        faiss.omp_set_num_threads(threads)
        r10 = recall(truth, hnsw.search(Q, depth)[1], 10)
        speed = latency(hnsw, Q[:60], depth)
        rep.add(f"  for comparison: HNSW32,efC80,efSearch{ef} at {len(X):,}", f"recall@10 {r10:.3f}",
                note=f"search p95 {speed['p95']:.1f} ms (CPU {speed['cpu_p95']:.1f}); build {build_s:.0f} s")
        rep.figures[f"hnsw_efSearch{ef}_{len(X) // 1000}k"] = {"recall@10": round(r10, 4), **speed}


def index_name(index) -> str:
    """"Flat" or "IVF512,nprobe64"."""
    return f"IVF{index.nlist},nprobe{index.nprobe}" if hasattr(index, "nprobe") else "Flat"
