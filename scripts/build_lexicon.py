"""Build assistant/data/lexicon_en_id.tsv.gz from Debian's dict-freedict-eng-ind.

FreeDict English–Indonesian (FreeDict+WikDict, from Wiktionary; CC BY-SA 3.0) as installed by
`apt-get install dict-freedict-eng-ind`: dictd files, an index of `headword<TAB>offset<TAB>length`
(base64 numbers) into the gzip'd entries. Each entry is a headword line, then per sense a line of
translations (numbered "1. …" when there are several) followed by English gloss lines.
Output: one line per English headword, `english<TAB>translation|translation…`.

    python scripts/build_lexicon.py [/usr/share/dictd/freedict-eng-ind]
"""
from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
OUT = Path(__file__).resolve().parent.parent / "assistant" / "data" / "lexicon_en_id.tsv.gz"


def _number(text: str) -> int:
    n = 0
    for ch in text:
        n = n * 64 + _B64.index(ch)
    return n


def read_dictd(base: Path) -> dict[str, list[str]]:
    """English headword (lower case) → Indonesian translations, in the dictionary's order."""
    data = gzip.open(f"{base}.dict.dz").read()
    table: dict[str, list[str]] = {}
    for line in Path(f"{base}.index").read_text(encoding="utf-8").splitlines():
        word, offset, length = line.split("\t")
        if word.startswith("00"):  # the database's own header entries
            continue
        start = _number(offset)
        lines = data[start:start + _number(length)].decode("utf-8").split("\n")
        headword = re.split(r"\s+[/<]", lines[0], maxsplit=1)[0].strip().lower()
        found = table.setdefault(headword, [])
        for i, text in enumerate(lines[1:]):
            if i == 0 or re.match(r"\d+\.\s", text):  # a translation line, not a gloss
                text = re.sub(r"^\d+\.\s*|\s+\d+\.$", "", text)
                found += [t.strip() for t in text.split(",") if t.strip() and t.strip() not in found]
    return {w: ts for w, ts in table.items() if ts and "\t" not in w}


def main() -> None:
    base = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/dictd/freedict-eng-ind")
    table = read_dictd(base)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    rows = "".join(f"{w}\t{'|'.join(ts)}\n" for w, ts in sorted(table.items()))
    with gzip.GzipFile(OUT, "wb", mtime=0) as f:  # mtime 0: the same input gives the same bytes
        f.write(rows.encode("utf-8"))
    print(f"{OUT}: {len(table)} English words, {sum(map(len, table.values()))} translations")


if __name__ == "__main__":
    main()
