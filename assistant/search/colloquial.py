"""Everyday Indonesian in a question ("gimana", "ketemu", "gampang", "yg") read as the standard words the
documents use, for its keywords (assistant/data/colloquial_id.tsv); its embedding reads it as typed."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

_TABLE = Path(__file__).resolve().parent.parent / "data" / "colloquial_id.tsv"
_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _standard_words() -> dict[str, str]:
    lines = _TABLE.read_text(encoding="utf-8").splitlines()
    return dict(line.split("\t", 1) for line in lines if line.strip() and not line.startswith("#"))


def standard(text: str) -> str:
    """An Indonesian `text` with its colloquial words replaced by the standard ones."""
    table = _standard_words()
    return _WORD.sub(lambda m: table.get(m.group(0).lower(), m.group(0)), text)
