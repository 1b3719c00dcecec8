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
    if not _TABLE.is_file():
        return {}
    lines = _TABLE.read_text(encoding="utf-8").splitlines()
    return dict(line.split("\t", 1) for line in lines if line.strip() and not line.startswith("#"))


def standard(text: str) -> str:
    """An Indonesian `text` with its colloquial words replaced by the standard ones; a capitalised word
    (a name: "Gunung Gede") or an acronym is left as written, the text's first word aside."""
    table = _standard_words()

    def replace(m: re.Match) -> str:
        word = m.group(0)
        plain = word.islower() or m.start() == len(text) - len(text.lstrip()) and word[1:].islower()
        return table.get(word.lower(), word) if plain else word

    return _WORD.sub(replace, text)
