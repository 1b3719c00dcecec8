"""Build assistant/data/lexicon_wordnet_en_id.tsv.gz: English words → Indonesian words through WordNet.

An English word's most frequent sense in each part of speech (the first synset Princeton WordNet 3.0's
`index.noun|verb|adj|adv` lists for it), and that synset's first Indonesian lemma in Wordnet Bahasa
(an adjective's satellite synsets too): "abroad" → luar negeri, "penalty" → hukuman, "appoint" →
mengangkat. Single words only. One sense and one lemma were chosen leave-one-document-out over the
21 evaluation documents among 1-3 senses x 1-3 lemmas (docs/evaluation.md): more senses bring in
rarer meanings ("cover" → selimut) and answer near misses.

Sources (assistant/data/README.md): Princeton WordNet 3.0 as Debian's `wordnet-base` installs it
(/usr/share/wordnet; WordNet 3.0 licence), and Wordnet Bahasa's `wn-data-ind.tab` (MIT; from the Open
Multilingual Wordnet data, github.com/omwn/omw-data, wns/msa/wn-data-ind.tab at commit c55a93e9), whose
header and `ind:lemma` rows ship as scripts/data/wn-data-ind-lemmas.tab.gz (the default).

    python scripts/build_wordnet_lexicon.py [WN_DATA_IND_TAB[.gz]] [WORDNET_FOLDER]   (default /usr/share/wordnet)
"""
from __future__ import annotations

import gzip
import sys
from pathlib import Path

from build_lexicon import _write  # (this folder: the script's own)

OUT = Path(__file__).resolve().parent.parent / "assistant" / "data" / "lexicon_wordnet_en_id.tsv.gz"
PARTS = (("noun", "n"), ("verb", "v"), ("adj", "a"), ("adv", "r"))
SENSES = 1  # the most frequent sense of each part of speech
LEMMAS = 1  # … and its first Indonesian lemma


BAHASA = Path(__file__).resolve().parent / "data" / "wn-data-ind-lemmas.tab.gz"


def indonesian_lemmas(path: Path) -> dict[str, list[str]]:
    """Synset ("00001740-a") → its Indonesian lemmas, in the file's order (`ind:lemma` rows; gzip'd or not)."""
    out: dict[str, list[str]] = {}
    text = gzip.decompress(path.read_bytes()).decode("utf-8") if path.suffix == ".gz" else path.read_text("utf-8")
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) == 3 and parts[1] == "ind:lemma" and parts[2] not in out.setdefault(parts[0], []):
            out[parts[0]].append(parts[2])
    return out


def senses(folder: Path) -> dict[str, list[str]]:
    """English word → synsets ("offset-pos"), per part of speech its first `SENSES` (index files list
    them by frequency), in the order of PARTS."""
    out: dict[str, list[str]] = {}
    for name, pos in PARTS:
        for line in (folder / f"index.{name}").read_text(encoding="utf-8").splitlines():
            if line.startswith(" "):
                continue  # the licence at the head of the file
            fields = line.split()
            word, pointers = fields[0], int(fields[3])
            if "_" in word:
                continue  # phrases
            offsets = fields[4 + pointers + 2:]  # after the pointer symbols, sense_cnt and tagsense_cnt
            tags = (pos,) if pos != "a" else ("a", "s")
            out.setdefault(word, []).extend(f"{o}-{t}" for o in offsets[:SENSES] for t in tags)
    return out


def build(bahasa: Path, folder: Path) -> dict[str, list[str]]:
    lemmas = indonesian_lemmas(bahasa)
    table: dict[str, list[str]] = {}
    for word, synsets in senses(folder).items():
        found: list[str] = []
        for synset in synsets:
            found += [lemma for lemma in lemmas.get(synset, ())[:LEMMAS] if lemma not in found]
        if found:
            table[word] = found
    return table


def main() -> None:
    bahasa = Path(sys.argv[1]) if len(sys.argv) > 1 else BAHASA
    folder = Path(sys.argv[2] if len(sys.argv) > 2 else "/usr/share/wordnet")
    _write(OUT, build(bahasa, folder))  # (as the other tables are written: the same input, the same bytes)


if __name__ == "__main__":
    main()
