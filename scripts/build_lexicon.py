"""Build assistant/data/lexicon_en_id.tsv.gz and lexicon_pivot_en_id.tsv.gz from Debian's FreeDict dictionaries.

FreeDict English–Indonesian (FreeDict+WikDict, from Wiktionary; CC BY-SA 3.0) as installed by
`apt-get install dict-freedict-eng-ind`: dictd files, an index of `headword<TAB>offset<TAB>length`
(base64 numbers) into the gzip'd entries. Each entry is a headword line, then per sense a line of
translations (numbered "1. …" when there are several) followed by English gloss lines.
Output: one line per English headword, `english<TAB>translation|translation…`.

eng-ind is small (9,800 words: no "eradication", "form" only as formulir). lexicon_pivot_en_id
completes it through four pivot languages (German, Finnish, Dutch, Italian): an Indonesian
word reached from an English word through at least `MIN_PIVOTS` of them (eng-xxx then xxx-ind)
and not already in eng-ind ("form" → Form/muoto/forma → bentuk). Its sources are GPL and
CC BY-SA 3.0, so it is shared under GPL-3.0-or-later, a file of its own (assistant/data/README.md).
English–Polish is left out: its text is under the GFDL only, which the GPL cannot take in.

    python scripts/build_lexicon.py [DICTD_FOLDER]   (default /usr/share/dictd)
"""
from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
OUT = Path(__file__).resolve().parent.parent / "assistant" / "data" / "lexicon_en_id.tsv.gz"
PIVOT_OUT = OUT.with_name("lexicon_pivot_en_id.tsv.gz")


def _number(text: str) -> int:
    n = 0
    for ch in text:
        n = n * 64 + _B64.index(ch)
    return n


def read_dictd(base: Path) -> dict[str, list[str]]:
    """Headword (lower case) → translations, in the dictionary's order (for any language pair)."""
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
        for i, text in enumerate(t for t in lines[1:] if t.strip()):  # eng-ell leaves a blank line first
            if i == 0 or re.match(r"\d+\.\s", text):  # a translation line, not a gloss
                text = re.sub(r"^\d+\.\s*|\s+\d+\.$", "", text)
                found += [t.strip() for t in text.split(",") if t.strip() and t.strip() not in found]
    return {w: ts for w, ts in table.items() if ts and "\t" not in w}


PIVOTS = ("deu", "fin", "nld", "ita")  # each needs dict-freedict-eng-xxx and -xxx-ind
MIN_PIVOTS = 2  # 1 or 3 measured worse (docs/evaluation.md)
PIVOT_ITEMS = 8  # the first translations listed for an English word in each pivot dictionary


def _headword(text: str) -> str:
    """A pivot dictionary's translation as the other dictionary's headword: grammar marks,
    labels and sense numbers dropped ("Form <fem>" → "form", "[fig.] Hindernis" → "hindernis")."""
    text = re.sub(r"<[^>]*>|\[[^\]]*\]|\([^)]*\)|^[IVX]+\.\s*|\d+\.\s*", " ", text)
    return " ".join(text.split()).lower()


def pivoted(folder: Path) -> dict[str, list[str]]:
    """English word → Indonesian words reached through at least MIN_PIVOTS pivot languages. (German
    and Dutch share some homonyms, Anhänger/aanhanger = supporter and trailer; counting them as one
    vote would drop those but also victim → korban, reached through Opfer and slachtoffer only.)"""
    votes: dict[str, dict[str, int]] = {}
    for lang in PIVOTS:
        to_pivot = read_dictd(folder / f"freedict-eng-{lang}")
        to_ind = read_dictd(folder / f"freedict-{lang}-ind")
        for english, middles in to_pivot.items():
            reached = {t for m in middles[:PIVOT_ITEMS] for t in to_ind.get(_headword(m), ())
                       if len(t.split()) <= 3 and t.replace(" ", "").replace("-", "").isalpha()}
            found = votes.setdefault(english, {})
            for t in reached:
                found[t] = found.get(t, 0) + 1
    return {w: ts for w, ts in ((w, sorted(t for t, n in found.items() if n >= MIN_PIVOTS))
                                for w, found in votes.items()) if ts}


def _write(path: Path, table: dict[str, list[str]]) -> None:
    rows = "".join(f"{w}\t{'|'.join(ts)}\n" for w, ts in sorted(table.items()))
    with gzip.GzipFile(path, "wb", mtime=0) as f:  # mtime 0: the same input gives the same bytes
        f.write(rows.encode("utf-8"))
    print(f"{path}: {len(table)} English words, {sum(map(len, table.values()))} translations")


def main() -> None:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/dictd")
    direct = read_dictd(folder / "freedict-eng-ind")
    extra = {w: [t for t in ts if t not in direct.get(w, ())] for w, ts in pivoted(folder).items()}
    OUT.parent.mkdir(parents=True, exist_ok=True)
    _write(OUT, direct)
    _write(PIVOT_OUT, {w: ts for w, ts in extra.items() if ts})

if __name__ == "__main__":
    main()
