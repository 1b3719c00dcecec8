"""The English–Indonesian lexicon: the shipped table, its rebuild from Debian's FreeDict package,
and what it adds to English questions (BM25 expansion)."""
import gzip
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.keywords import KeywordIndex
from assistant.lexicon import TABLE, expansion, translations, word_keys

from conftest import ROOT

DICTD = Path("/usr/share/dictd/freedict-eng-ind")


def test_translations_use_lemma_and_derived_forms():
    assert "menyetujui" in translations("agree")
    assert "kesepakatan" in translations("agreed")  # lemma "agree", derived "agreement"
    assert "undang-undang" in translations("laws")
    assert translations("xyzzyq") == ()


def test_word_keys_translate_words_but_not_names():
    keys = word_keys("What did Retno Marsudi agree with the police?")
    assert "sepak" in keys["agre"] and "tuju" in keys["agre"]  # kesepakatan, menyetujui
    assert not any(k.startswith("retno") or k.startswith("marsu") for k in keys)


def test_english_query_reaches_indonesian_passage_through_expansion():
    texts = ["Kedua menteri mencapai kesepakatan tentang tim teknis kepolisian.",
             "Cuaca di Phnom Penh panas sepanjang tahun."]
    index = KeywordIndex.build(texts)
    plain = index.scores("agreement on a team")
    expanded = index.scores("agreement on a team", expansion("agreement on a team"))
    assert plain[0] == 0 and expanded[0] > expanded[1]


@pytest.mark.skipif(not (DICTD.with_suffix(".index")).exists(), reason="dict-freedict-eng-ind not installed")
def test_shipped_table_is_what_the_build_script_makes():
    shipped = TABLE.read_bytes()
    try:
        subprocess.run([sys.executable, str(ROOT / "scripts" / "build_lexicon.py"), str(DICTD)], check=True,
                       capture_output=True)
        rebuilt = TABLE.read_bytes()
    finally:
        TABLE.write_bytes(shipped)
    assert rebuilt == shipped
    assert len(gzip.decompress(shipped).decode().splitlines()) > 9000
