"""The glossary of the real thesis: acronyms with their expansions, definitions kept apart by who gives them."""
import pytest

from studyfix import gold, scorer, views  # noqa: F401 - fixtures

from assistant.study.acronyms import acronyms, matches

pytestmark = pytest.mark.slow


def test_glossary_meets_the_scorer_targets(views, scorer, gold):
    summary, rows = scorer.score_glossary(gold("glossary_dev.jsonl"), {"terms": views["glossary"]})
    assert summary["recall"] == 1.0, summary["missed"]


def test_definitions_of_human_trafficking_side_by_side_with_their_definers(views):
    entry = next(t for t in views["glossary"] if "human trafficking" in t["term"].lower())
    by = " ".join(d["by"] or "" for d in entry["definitions"])
    for definer in ("Palermo", "21 tahun 2007", "UNDOC", "Bales", "Shelley", "Kara", "Prasetya"):
        assert definer in by, definer
    assert all(d["page"] or d["section"] for d in entry["definitions"])


def test_the_acronym_the_thesis_mistypes_is_listed_with_its_expansion(views):
    entry = next(t for t in views["glossary"] if t["term"] == "UNDOC")
    assert entry["expansion"] == "UN Office on Drugs and Crime" and entry["source"]["section"].startswith("BAB II")


def test_acronym_expansions_are_spelled_by_their_letters():
    assert acronyms("UU no 21 tahun 2007 tentang TPPO atau tindak pidana perdagangan orang mendefinisikan") == [
        ("TPPO", "tindak pidana perdagangan orang")]
    assert acronyms("serta Badan Perlindungan pekerja Migran Indonesia (BP2MI) yang fokus") == [
        ("BP2MI", "Badan Perlindungan pekerja Migran Indonesia")]
    assert acronyms("beberapa nota kesepakatan (MoU) dengan") == []  # a translation, not an expansion
    assert matches("ACTIP", "ASEAN Convention Against Trafficking in Persons")
    assert not matches("UNDOC", "UN Office on Drugs and Crime")


def test_a_mistyped_acronym_is_expanded_when_its_letters_are_reordered_or_one_off():
    # the thesis writes UNDOC for UNODC: the initials "UN O D C" reordered
    assert acronyms("Menurut UN Office on Drugs and Crime (UNDOC), Human trafficking merupakan") == [
        ("UNDOC", "UN Office on Drugs and Crime")]
    # one letter off: a dropped letter (LXC), a changed one (BNPT for "Badan Nasional Penanggulangan Terorisme")
    assert acronyms("virtualisasi seperti LXC (Linux Containers), Docker") == [("LXC", "Linux Containers")]
    assert acronyms("oleh Badan Nasional Pencegahan Terorisme (BNPT) dan") == [
        ("BNPT", "Badan Nasional Pencegahan Terorisme")]
    # the letters given in full beat a shorter run one letter off ("Sockets Layer")
    assert acronyms("with encrypted Secure Sockets Layer (SSL) or") == [("SSL", "Secure Sockets Layer")]
    # not a name of words (digits, symbols), one word, two letters, or another first letter: no expansion
    assert acronyms("KiB (Kibibyte = unit untuk 1024 byte)") == []
    assert acronyms("satuan Kibibyte (KIB) dipakai") == []
    assert acronyms("Dewan Keamanan (DK) PBB") == [("DK", "Dewan Keamanan")]
    assert acronyms("Organisasi Buruh Internasional (ILO) menyatakan") == []
