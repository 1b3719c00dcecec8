"""Vectors kept as they are embedded, so that an ingest cut short (kill -9, a closed laptop) loses
at most the last few seconds of embedding: the next run reads them back and embeds only the rest.

One append-only file per embedder in the index folder, `embedded-<embedder digest>.bin`, of
fixed-size records: the vector's content key (`search.index.vector_key`: embedder + exact text),
the float32 vector, and a CRC32 of both. A torn last record is cut off and any damaged record is
ignored. Records are written every `every_s` seconds and when a batch of texts is done; the file is
removed once an index version holding the vectors is saved.
"""
from __future__ import annotations

import hashlib
import os
import time
import zlib
from pathlib import Path

import numpy as np


class VectorLog:
    """The vectors one embedder made for an index folder since its last complete save."""

    def __init__(self, folder: Path, embedder_id: str, dim: int, every_s: float = 2.0):
        self.path = Path(folder) / f"embedded-{hashlib.sha1(embedder_id.encode()).hexdigest()[:16]}.bin"
        self.record = np.dtype([("key", "S20"), ("vector", "<f4", (dim,)), ("crc", "<u4")])
        self.every_s = every_s
        self._pending: list[np.ndarray] = []
        self._written = time.monotonic()

    def read(self) -> dict[str, np.ndarray]:
        """The vectors kept by content key (hex). A torn last record is cut off the file here."""
        try:
            size = self.path.stat().st_size
            whole = size - size % self.record.itemsize
            if whole != size:
                os.truncate(self.path, whole)
            rows = np.fromfile(self.path, dtype=self.record)
        except (OSError, ValueError):
            return {}
        good = np.fromiter((zlib.crc32(row.tobytes()[:-4]) == row["crc"] for row in rows), dtype=bool, count=len(rows))
        return {row["key"].hex(): row["vector"].copy() for row in rows[good]}

    def add(self, keys: list[str], vectors: np.ndarray) -> None:
        """Keep these vectors (content keys in hex); written now if `every_s` has passed."""
        rows = np.zeros(len(keys), dtype=self.record)
        rows["key"] = [bytes.fromhex(k) for k in keys]
        rows["vector"] = np.asarray(vectors, dtype=np.float32)
        for row in rows:
            row["crc"] = zlib.crc32(row.tobytes()[:-4])
        self._pending.append(rows)
        if time.monotonic() - self._written >= self.every_s:
            self.flush()

    def flush(self) -> None:
        """Append what is pending to the file (a read-only folder keeps nothing)."""
        if not self._pending:
            return
        data = b"".join(rows.tobytes() for rows in self._pending)
        self._pending = []
        self._written = time.monotonic()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with open(self.path, "ab") as fh:
                fh.write(data)
        except OSError:
            pass

    def clear(self) -> None:
        """Forget the kept vectors (an index version holds them now)."""
        self._pending = []
        self.path.unlink(missing_ok=True)
