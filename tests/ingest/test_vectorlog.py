"""VectorLog (assistant/ingest/vectorlog.py): vectors kept as they are made, torn writes dropped."""
from __future__ import annotations

import numpy as np

from assistant.ingest.vectorlog import VectorLog
from assistant.search.index import vector_key


def _vectors(n: int, dim: int = 8, seed: int = 0) -> np.ndarray:
    return np.random.default_rng(seed).standard_normal((n, dim)).astype(np.float32)


def test_vectors_come_back_by_key_and_a_torn_or_damaged_record_is_dropped(tmp_path):
    keys = [vector_key("e5", f"teks {i}") for i in range(5)]
    vectors = _vectors(5)
    log = VectorLog(tmp_path, "e5", 8, every_s=3600)
    log.add(keys[:2], vectors[:2])
    assert not log.path.exists(), "kept in memory until every_s has passed or flush()"
    log.flush()
    log.add(keys[2:], vectors[2:])
    log.flush()
    back = VectorLog(tmp_path, "e5", 8).read()
    assert list(back) == keys and all(np.array_equal(back[k], v) for k, v in zip(keys, vectors))

    data = bytearray(log.path.read_bytes())
    size = log.record.itemsize
    data[size + 30] ^= 0xFF  # the second record damaged (a vector byte)
    log.path.write_bytes(bytes(data[:-10]))  # and the last one torn
    back = VectorLog(tmp_path, "e5", 8).read()
    assert list(back) == [keys[0], keys[2], keys[3]]
    assert log.path.stat().st_size == 4 * size, "the torn tail is cut off, so what is appended next lines up"
    log.add(keys[4:], vectors[4:])
    log.flush()
    assert list(VectorLog(tmp_path, "e5", 8).read()) == [keys[0], keys[2], keys[3], keys[4]]


def test_each_embedder_has_its_own_log_and_clear_forgets(tmp_path):
    a, b = VectorLog(tmp_path, "e5", 8), VectorLog(tmp_path, "minilm", 4)
    a.add([vector_key("e5", "x")], _vectors(1))
    b.add([vector_key("minilm", "x")], _vectors(1, 4))
    a.flush()
    b.flush()
    assert a.path != b.path and len(a.read()) == len(b.read()) == 1
    a.clear()
    assert a.read() == {} and len(b.read()) == 1
