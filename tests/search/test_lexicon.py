"""The English–Indonesian lexicon: the shipped table, its rebuild from Debian's FreeDict package,
and what it adds to English questions (BM25 expansion)."""
import gzip
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.search.keywords import KeywordIndex
from assistant.search.keywords import tokenize
from assistant.search.lexicon import (PIVOT_TABLE, TABLE, WORDNET_TABLE, english_gloss, expansion_of, translations,
                                      word_keys)

from conftest import ROOT

DICTD = Path("/usr/share/dictd")
WORDNET = Path("/usr/share/wordnet")


def _build_script():
    spec = importlib.util.spec_from_file_location("build_lexicon", ROOT / "scripts" / "build_lexicon.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


PAIRS = ["eng-ind"] + [p for lang in _build_script().PIVOTS for p in (f"eng-{lang}", f"{lang}-ind")]


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
    tokens = tokenize("agreement on a team")
    plain = index.scores(tokens)
    expanded = index.scores(tokens, expansion_of(tokens, word_keys("agreement on a team")))
    assert plain[0] == 0 and expanded[0] > expanded[1]


def test_an_indonesian_question_in_english_word_for_word_as_the_index_speaks():
    """Each word (or its root) as the English word it translates that English passages use most; names,
    acronyms and numbers kept, stopwords dropped."""
    uses = {"crime": 40, "cruelty": 1, "command": 30}.get
    gloss = english_gloss("Apa yang dimaksud dengan kejahatan serius menurut UNTOC Pasal 2?", lambda w: uses(w, 0))
    assert gloss.split()[:2] == ["crime", "serious"] and "UNTOC" in gloss and "2" in gloss
    assert "cruelty" in english_gloss("kejahatan", lambda w: {"cruelty": 5}.get(w, 0))  # the corpus decides
    assert english_gloss("perintah baris", lambda w: uses(w, 0)).startswith("command")  # the pivot table's too


@pytest.mark.skipif(not PIVOT_TABLE.exists(), reason="pivot table not shipped (see assistant/data/README.md)")
def test_pivot_languages_fill_the_gaps_of_eng_ind():
    shipped = gzip.decompress(TABLE.read_bytes()).decode()
    form = next(line for line in shipped.splitlines() if line.startswith("form\t"))
    assert "bentuk" not in form  # eng-ind has only formulir, borang
    assert "bentuk" in translations("form")  # German Form, Finnish muoto, Italian forma → bentuk
    assert "halangan" in translations("obstacles")  # not in eng-ind at all
    assert translations("supporters")[0] == "pendukung"  # eng-ind's lemma entry comes first
    assert "korban" in translations("victims")  # eng-ind has only kurban (a sacrifice)


@pytest.mark.slow
@pytest.mark.skipif(not all((DICTD / f"freedict-{p}.index").exists() for p in PAIRS),
                    reason="FreeDict packages not installed (scripts/setup-system.sh)")
def test_shipped_tables_are_what_the_build_script_makes():
    shipped = {path: path.read_bytes() for path in (TABLE, PIVOT_TABLE) if path.exists()}
    try:
        subprocess.run([sys.executable, str(ROOT / "scripts" / "build_lexicon.py"), str(DICTD)], check=True,
                       capture_output=True)
        rebuilt = {path: path.read_bytes() for path in shipped}
    finally:
        if PIVOT_TABLE not in shipped:  # a checkout that leaves the pivot table out keeps it out
            PIVOT_TABLE.unlink(missing_ok=True)
        for path, data in shipped.items():
            path.write_bytes(data)
    # gzip bytes could differ with another zlib: compare what they hold
    assert {p: gzip.decompress(b) for p, b in rebuilt.items()} == {p: gzip.decompress(b) for p, b in shipped.items()}
    assert len(gzip.decompress(shipped[TABLE]).decode().splitlines()) > 9000


@pytest.mark.skipif(not WORDNET_TABLE.exists(), reason="WordNet table not shipped (see assistant/data/README.md)")
def test_wordnet_fills_what_the_dictionaries_lack():
    """The most frequent sense's first Indonesian lemma, after eng-ind's and the pivots' own words."""
    for word in ("researcher", "average", "expense", "prosecution"):
        assert not any(word in table for table in (_table(TABLE), _table(PIVOT_TABLE))), word
    assert translations("researchers") == ("peneliti",) and translations("average")[0] == "rata-rata"
    assert "biaya" in translations("expenses") and "pendakwaan" in translations("prosecution")
    assert translations("consent")[:2] == ("setuju", "rela") and "izin" in translations("consent")  # eng-ind's first
    assert translations("xyzzyq") == ()


def _table(path: Path) -> dict[str, str]:
    return dict(line.split("\t", 1) for line in gzip.decompress(path.read_bytes()).decode().splitlines()) \
        if path.exists() else {}


@pytest.mark.slow
@pytest.mark.skipif(not (WORDNET / "index.noun").exists(), reason="Debian wordnet-base not installed (scripts/setup-system.sh)")
def test_the_wordnet_table_is_what_its_build_script_makes():
    shipped = WORDNET_TABLE.read_bytes()
    try:  # (from Wordnet Bahasa's lemmas as shipped in scripts/data/ and Debian's WordNet)
        subprocess.run([sys.executable, str(ROOT / "scripts" / "build_wordnet_lexicon.py")], check=True,
                       capture_output=True)
        rebuilt = WORDNET_TABLE.read_bytes()
    finally:
        WORDNET_TABLE.write_bytes(shipped)
    assert gzip.decompress(rebuilt) == gzip.decompress(shipped)
