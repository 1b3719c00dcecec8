"""Parts of statutes and treaties, and statutes, named in a question."""
import pytest

from assistant.search.legal import (Part, as_this_law, asked_parts, asks_enactment, asks_explanation, named_statutes, names_elucidation, part_numbers,
                                    without_statutes)


@pytest.mark.parametrize("question, parts", [
    ("Berapa ancaman pidana menurut Pasal 2 ayat (1)?", [Part("2", "1")]),
    ("Dalam keadaan apa menurut Pasal 3 ayat 2?", [Part("3", "2")]),
    ("What does Article 3 (a) say?", [Part("3", "", "a")]),
    ("Pasal 7 ayat (2) huruf c", [Part("7", "2", "c")]),
    ("under Articles 2, 3 and 4", [Part("2"), Part("3"), Part("4")]),
    ("Pasal 5 sampai 7", [Part("5"), Part("6"), Part("7")]),
    ("Apa isi tesis ini?", []),
])
def test_asked_parts(question, parts):
    assert list(asked_parts(question)) == parts


def test_named_statutes_and_their_years_are_no_years_asked():
    assert named_statutes("Kapan UU Nomor 21 Tahun 2007 disahkan, dan UU 12/2017?") == (("21", "2007"), ("12", "2017"))
    assert named_statutes("Law No. 37 of 1999") == (("37", "1999"),)
    # a statute's full style, as its own heading writes it (its number is no count: answer/extractive.py)
    assert named_statutes("UNDANG-UNDANG REPUBLIK INDONESIA NOMOR 37 TAHUN 1999 TENTANG HUBUNGAN LUAR NEGERI") \
        == (("37", "1999"),)
    assert "2007" not in without_statutes("menurut UU No. 21 Tahun 2007 pada tahun 2008") and \
        "2008" in without_statutes("menurut UU No. 21 Tahun 2007 pada tahun 2008")
    assert asks_explanation("Menurut Penjelasan Pasal 2") and not asks_explanation("Menurut Pasal 2")
    assert part_numbers("Penjelasan › II. Pasal demi pasal › Pasal 12A › Ayat (1)") == ["12A"]


def test_a_reference_says_where_to_look_not_what_is_asked():
    from assistant.search.legal import without_references

    text = without_references("Menurut Pasal 1 UU Nomor 21 Tahun 2007, siapa yang dimaksud dengan Anak?")
    assert "Anak" in text and not any(w in text for w in ("Pasal", "Nomor", "21", "2007"))
    assert without_references("What does Article 3 (a) of Law No. 37 of 1999 define?").split() == ["What", "does", "of", "define?"]
    # so the words a quote is scored by (Query.about) are the question's own: no Mengingat list of Pasal and UU
    from assistant.search.query import analyse

    about = analyse("Menurut Pasal 1 UU Nomor 21 Tahun 2007, siapa yang dimaksud dengan Anak?", None).about
    assert "anak" in about and not about & {"pasal", "nomor", "21", "2007", "1"}, about


def test_a_question_of_references_only_asks_about_no_words_of_them():
    from assistant.search.query import analyse

    assert not analyse("Jelaskan Pasal 2 ayat (1) UU 9/2030.", None).about & {"pasal", "ayat", "uu", "9", "2030"}
    assert asked_parts("Which articles 2020 and 2021 apply?") == ()  # years, not Article 202


def test_an_elucidation_in_words_only_law_uses():
    assert names_elucidation("According to the general elucidation, why is Indonesia vulnerable?")
    assert names_elucidation("Apa kata penjelasan umum tentang korban?")
    assert not names_elucidation("What is the explanation for why rescue cooperation matters?")
    assert not names_elucidation("Apa penjelasan tesis tentang kerja sama bilateral?")


@pytest.mark.parametrize("question, language, said", [
    ("Kapan UU Nomor 37 Tahun 1999 tentang Hubungan Luar Negeri disahkan dan oleh presiden siapa?", "id",
     "Kapan undang-undang ini disahkan dan oleh presiden siapa?"),
    ("When did UU 14/2009 enter into force?", "en", "When did this law enter into force?"),
    ("What does Law No. 21 of 2007 on the Eradication of the Criminal Act of Trafficking in Persons say about children?",
     "en", "What does this law say about children?"),
    ("Menurut Pasal 1 UU Nomor 21 Tahun 2007, siapa Anak?", "id", "Menurut Pasal 1 undang-undang ini, siapa Anak?"),
    ("Siapa yang menandatangani MoU tentang kerja sama kepolisian?", "id",
     "Siapa yang menandatangani MoU tentang kerja sama kepolisian?"),  # no statute: the text as it is
])
def test_a_statute_named_is_said_as_this_law(question, language, said):
    """What a question asks of a statute, which every passage of the statute shares its name with."""
    assert as_this_law(question, language) == said


@pytest.mark.parametrize("question", [
    "Kapan Undang-Undang tentang Hubungan Luar Negeri disahkan?",
    "Kapan Peraturan Daerah DIY Nomor 6 Tahun 2025 ditetapkan dan oleh siapa?",
    "Which President signed the 2009 law ratifying the Palermo trafficking protocol?",
    "In which issue of the State Gazette (Lembaran Negara) was UU 14/2009 published?",
    "Siapa yang menandatangani undang-undang ini?",
    "When was this act promulgated?",
])
def test_when_where_or_by_whom_a_law_was_enacted(question):
    """Its closing block answers (Disahkan/Ditetapkan/Diundangkan di …, the signatures, the gazette)."""
    assert asks_enactment(question)


@pytest.mark.parametrize("question", [
    "Apa sanksi yang ditetapkan dalam UU 21/2007?",  # what the law lays down: no when, who or where
    "Siapa yang menetapkan kebijakan penempatan menurut UU 18/2017?",
    "Kapan MoU tentang kerja sama kepolisian ditandatangani?",  # no law
    "Who signed the MoU on police cooperation?",
    "What does the law say about who signed the agreement?",  # signing another instrument
    "Kapan UU 21/2007 mulai berlaku?",  # in force: its Pasal says
    "When did Indonesia sign the protocol?",
])
def test_other_questions_about_signing_and_laws_are_not_about_enactment(question):
    assert not asks_enactment(question)
