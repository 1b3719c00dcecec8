"""Support: what a follow-up asks in its own words must be in the passages found for it."""
from __future__ import annotations

from assistant.converse.support import own_words, unsupported

PASSAGE = ("Salah satunya yang paling awal yaitu mengesahkan undang-undang nomor 21 tahun 2007 tentang "
           "pemberantasan tindak pidana perdagangan orang (TPPO). Menurut protokol Palermo yang ditandatangani "
           "Indonesia pada 12 Desember 2000, human trafficking meliputi perekrutan.")


def test_own_words_leave_out_the_references():
    assert own_words("Siapa presiden yang mengesahkan undang-undang itu?") == ["presiden", "mengesahkan"]
    assert own_words("Siapa yang menandatanganinya?") == ["menandatanganinya"]  # the host is its own
    assert own_words("Going back to the first person I asked about: what did she say?") == []
    # what a chat message opens or pads with asks nothing ("oke", "yang satunya lagi")
    assert own_words("Oh oke, terus di pertemuan itu ada penandatanganan apa?") == ["penandatanganan"]  # ("pertemuan itu": a reference)
    assert own_words("Terus faktor yang satunya lagi?") == ["faktor"]
    # an ordinal orders what the turn before lists; the list seldom says it ("Yang ketiga?")
    assert own_words("Yang ketiga?") == own_words("And the third one?") == []
    assert unsupported("Yg ketiga?", [PASSAGE]) == []  # ("Yg" is "yang", which asks nothing)
    # (in a phrase too: "faktor ketujuh", "yang keempat alias terakhir" ask items a list gives without saying
    # "ketujuh"; a tenth meeting that never was is not caught by its word either)
    assert own_words("Bagaimana dengan pertemuan kesepuluh?") == ["pertemuan"]


def test_a_near_miss_names_what_the_passages_lack():
    assert unsupported("Siapa presiden yang mengesahkan undang-undang itu?", [PASSAGE]) == ["presiden"]
    assert unsupported("Siapa yang menandatanganinya?", [PASSAGE]) == []  # ditandatangani, another form
    assert unsupported("Who recruited them?", [PASSAGE]) == []  # recruit: rekrut, by the lexicon
    assert unsupported("Berapa pasal yang dimuat undang-undang itu?", [PASSAGE]) == ["pasal", "dimuat"]
    assert unsupported("Berapa persen dari mereka yang bekerja?", ["Sekitar 60% dari mereka bekerja."]) == []


def test_how_a_person_is_addressed_and_a_bare_nya_ask_nothing():
    """"Bu Retno", "Kak, …": an honorific is no word to find; "kerja samanya": "sama" is no keyword."""
    assert own_words("Kak, Bu Retno pengen apa yg dipercepat?") == ["Retno", "pengen", "yg", "dipercepat"]  # ("yg": "yang")
    assert unsupported("Bu Retno pengen apa yg dipercepat?", ["Retno Marsudi menginginkan percepatan perundingan."]) == []
    assert unsupported("Apa yang dilakukan biar kerja samanya ga stagnan?", ["Kerja sama itu dilakukan agar tidak stagnan."]) == []


def test_across_languages_only_names_are_asked_for():
    assert unsupported("And with Thailand?", [PASSAGE], names_only=True) == ["Thailand"]
    # a name's plural is the name: "MoUs" in a passage saying "MoU"
    mou = "Dalam pertemuan ini juga dilakukan penandatanganan beberapa nota kesepakatan (MoU)."
    assert unsupported("In what field were the MoUs signed there?", [mou], names_only=True) == []
    assert unsupported("What else did Indonesia sign?", [PASSAGE], names_only=True) == []


def test_everyday_words_are_looked_for_as_the_standard_ones():
    """"ketemu" is in the passages as "bertemu"; "gimana", "kayak" ask nothing: no near miss. "gaji" is missing."""
    passages = ["Dua hari kemudian Menteri Retno bertemu Menteri Luar Negeri Kamboja di Phnom Penh."]
    assert unsupported("Dua hari setelah itu beliau ketemu siapa lagi?", passages) == []
    assert unsupported("Berapa gaji beliau?", passages) == ["gaji"]
    assert unsupported("Dua hari setelah itu beliau ketemu siapa lagi?", passages, language="en") == ["ketemu"]


def test_everyday_abbreviations_are_read_as_the_words():
    """"blm" (belum) asks nothing a passage must hold; "knp" is "mengapa"."""
    passages = ["Setelah dua dekade, UNTOC belum menghasilkan kemajuan yang signifikan karena pengumpulan data lemah."]
    assert unsupported("knp setelah dua dekade konvensi itu blm ada kemajuan yg signifikan?", passages) == []


def test_words_asking_how_the_answer_is_put_need_not_be_in_the_passages():
    """"namanya apa", "bunyinya persisnya", "the exact wording", "definisinya": the passage that answers gives
    the name, the wording, the definition, without saying so."""
    assert unsupported("Terus undang-undang itu namanya apa?", [PASSAGE]) == []
    assert unsupported("What is the exact wording of that protocol?", [PASSAGE], names_only=False,
                       language="en") == []
    assert own_words("Menurut Plano dan Olton definisinya apa?") == ["Plano", "Olton"]
    assert unsupported("Siapa presiden yang mengesahkan undang-undang itu?", [PASSAGE]) == ["presiden"]


def test_ordinals_need_not_be_in_the_passages():
    """A text's list seldom says "ketujuh": "apa faktor ketujuh …?" asks for the seventh item."""
    assert own_words("Kembali ke daftar faktor tadi, apa faktor ketujuh yang belum disebutkan?") == ["faktor"]


def test_instructions_and_the_documents_own_name_need_not_be_in_the_passages():
    assert own_words("ok can you answer in English pls: how is poverty tied to education there?") == [
        "poverty", "tied", "education"]
    assert own_words("Menurut tesis ini, berapa banyak hal yang disepakati, dan sebutkan apa saja butirnya?") == [
        "disepakati"]
