"""Topic: an earlier turn as a phrase a follow-up can take in."""
from __future__ import annotations

from assistant.converse.topic import mention, tidy, topic, without


def test_topic_drops_question_words_and_the_document_itself():
    t = topic("Kapan MoU antara Indonesia dan Kamboja tentang kerja sama kepolisian ditandatangani?")
    assert t.text == "MoU antara Indonesia dan Kamboja tentang kerja sama kepolisian ditandatangani"
    assert topic("Siapa Ghada Waly menurut skripsi ini?").text == "Ghada Waly"
    assert topic("Apa itu ACTIP?").text == "ACTIP"


def test_an_inverted_auxiliary_goes_and_the_verb_do_stays():
    assert topic("What international strategy did UNODC put out in 2000?").text == \
        "international strategy UNODC put out in 2000"
    assert topic("What should Indonesia do about online scams?").text == "Indonesia do about online scams"
    assert topic("What can states do to protect victims?").text == "states do to protect victims"
    assert "victims do not report" in topic("What happens when victims do not report the crime?").text


def test_topic_keeps_works_and_names_apart_and_the_attribution_last():
    t = topic("Menurut Tempo (2024), di sektor apa korban asal Indonesia dipaksa bekerja di Kamboja?")
    assert t.works == ("Tempo (2024)",)
    assert t.text == "sektor korban asal Indonesia dipaksa bekerja di Kamboja, menurut Tempo (2024)"
    t = topic("Bagaimana Zelinska dalam Kyslyi dkk (2021) memandang kejahatan transnasional?")
    assert t.works == ("Zelinska dalam Kyslyi dkk (2021)",)
    assert topic("Kapan Menteri Retno Marsudi bertemu Neth Savouen?").names == ("Menteri Retno Marsudi", "Neth Savouen")
    # a capitalised function word between two names is one of them (Indonesian "luar" is a stopword)
    assert topic("Siapa yang ditemui Menteri Luar Negeri Retno Marsudi?").names == ("Menteri Luar Negeri Retno Marsudi",)
    assert topic("Apa isi MoU Dalam rangka kerja sama?").names == ("MoU",)
    assert topic("Bagaimana kerja sama Indonesia Dengan Kamboja?").names == ("Indonesia", "Kamboja")  # not over "Dengan"


def test_without_takes_out_a_work_with_its_verb_and_the_words_the_follow_up_says():
    assert without("Goswami (2022) mendefinisikan kerja sama bilateral", ["Goswami (2022)"]) == "kerja sama bilateral"
    assert without("Siddharth Kara (2009) call the core of human trafficking",
                   ["Siddharth Kara (2009)"]) == "core of human trafficking"
    assert without("MoU tentang kerja sama kepolisian ditandatangani", [],
                   ["menandatangani"]) == "MoU tentang kerja sama kepolisian"
    assert without("MoU antara Indonesia dan Kamboja ditandatangani", []) == "MoU antara Indonesia dan Kamboja"


def test_mention_finds_the_phrase_a_demonstrative_stands_for():
    assert mention("What did the thesis say about the ASEAN Convention Against Trafficking in Persons?",
                   "convention") == "ASEAN Convention Against Trafficking in Persons"
    assert mention("When did Menteri Retno meet Sar Kheng?", "meeting") == "Menteri Retno meet Sar Kheng"
    assert mention("Apa itu undang-undang?", "undang-undang") == ""  # says no more than the phrase


def test_tidy():
    assert tidy("Apa  tujuan ( ) ACTIP , menurut X ?") == "Apa tujuan ACTIP, menurut X?"


def test_a_sentence_introducing_the_one_who_asks_is_no_topic():
    """"I'm a journalist covering …. Who did … meet …?": the topic is what the question asks about."""
    turn = ("I'm a journalist covering the Indonesia–Cambodia trafficking file. Who did Foreign Minister Retno Marsudi "
            "meet in Phnom Penh on 2 August 2022?")
    assert topic(turn).text == "Foreign Minister Retno Marsudi meet in Phnom Penh on 2 August 2022"
    assert "analis" not in topic("Saya analis kebijakan imigrasi. Apa yang terjadi pada Rabu, 13 Maret 2024?").text
    assert topic("Saya mahasiswa.").text  # (nothing after it: the turn stays as it is)
