"""A near miss on one of several names the text lists together (answer/siblings.py)."""
from assistant.answer.siblings import listed_sibling, other_bound

PASSAGE = ("Google, Bing, dan mesin pencari lainnya terus memperbarui algoritma mereka. Menurut StatCounter Global "
           "Stats (2021) Google memiliki pangsa pasar 92 persen dari seluruh pasar mesin pencari dunia.")
QUOTED = "Menurut StatCounter Global Stats (2021) Google memiliki pangsa pasar 92 persen dari seluruh pasar mesin pencari dunia."


def test_the_quotes_give_the_fact_for_a_name_listed_beside_the_one_asked():
    question = "Berapa pangsa pasar mesin pencari Bing di seluruh dunia menurut artikel ini?"
    assert listed_sibling(question, QUOTED, [PASSAGE]) == ("Bing", "Google")


def test_the_name_asked_quoted_or_both_asked_is_no_near_miss():
    assert listed_sibling("Berapa pangsa pasar Google di seluruh dunia?", QUOTED, [PASSAGE]) is None
    # the question names the sibling too: the quotes answer for it ("Indonesia dan Kamboja")
    assert listed_sibling("Berapa pangsa pasar Google dan Bing?", QUOTED, [PASSAGE]) is None
    # a name the passages never list beside one the quotes give
    assert listed_sibling("Berapa pangsa pasar Yahoo?", QUOTED, [PASSAGE]) is None
    # the question's first word is capitalised anyway
    assert listed_sibling("Bing memiliki pangsa pasar berapa?", QUOTED, [PASSAGE]) is None


def test_names_parted_by_a_comma_alone_are_no_list():
    """"… of this Convention, States Parties shall …" is two clauses, not a list of two names."""
    passage = "Without prejudice to articles 18 and 27 of this Convention, States Parties shall ensure cooperation."
    quoted = "Shall, without prejudice to articles 18 and 27 of this Convention, ensure that authorities cooperate."
    assert listed_sibling("Why does Article 7 ask States Parties to set up a unit?", quoted, [passage]) is None


def test_a_run_of_capitalised_words_is_one_name():
    """"Menurut StatCounter Global Stats (2021), … Bing …": the opening word goes, the run stays one name."""
    question = "Menurut StatCounter Global Stats (2021), berapa persen pangsa pasar Bing di pasar mesin pencari dunia?"
    assert listed_sibling(question, QUOTED, [PASSAGE]) == ("Bing", "Google")
    passage = "Pertemuan digelar di Phnom Penh dan Siem Reap."
    assert listed_sibling("Apa yang dibahas di Siem Reap?", "Pertemuan di Phnom Penh membahas visa.", [passage]) \
        == ("Siem Reap", "Phnom Penh")


def test_words_of_a_title_the_quotes_write_in_lower_case_are_no_name_given():
    """A title lists its parts as capitalised words ("Konvensi ASEAN Menentang Perdagangan Orang, Terutama Perempuan
    dan Anak"); quotes saying "perdagangan orang terutama perempuan dan anak" give no name "Terutama Perempuan"."""
    passage = ("Pemerintah menandatangani ASEAN Convention Against Trafficking in Persons (Konvensi ASEAN Menentang "
               "Perdagangan Orang, Terutama Perempuan dan Anak) pada tanggal 21 November 2015.")
    quoted = "Pemberantasan tindak pidana perdagangan orang terutama perempuan dan anak tidak dapat ditangani sendiri."
    question = "Apa saja tujuan Konvensi ASEAN Menentang Perdagangan Orang sebagaimana diuraikan dalam Penjelasan?"
    assert listed_sibling(question, quoted, [passage]) is None


def test_the_quotes_state_the_other_bound_than_the_one_asked():
    requirement = "Setiap Pekerja Migran Indonesia harus memenuhi persyaratan: a. berusia minimal 18 (delapan belas) tahun;"
    assert other_bound("What is the maximum age at which a migrant worker can be placed abroad?", requirement) == \
        ("maximum", "minimal")
    assert other_bound("Berapa lama penyadapan paling lama dapat dilakukan?",
                       "Penyadapan dilakukan paling singkat 30 hari.") == ("paling lama", "paling singkat")


def test_the_bound_asked_stated_or_both_asked_is_no_near_miss():
    requirement = "a. berusia minimal 18 (delapan belas) tahun;"
    assert other_bound("Berapa usia minimal seorang Pekerja Migran Indonesia?", requirement) is None
    assert other_bound("What is the minimum age of a migrant worker?", "a. berusia paling rendah 18 tahun;") is None
    penalty = "dipidana dengan pidana penjara paling singkat 3 (tiga) tahun dan paling lama 15 (lima belas) tahun"
    assert other_bound("Berapa ancaman pidana penjara maksimal bagi pelaku?", penalty) is None  # both stated
    assert other_bound("Berapa ancaman pidana minimum dan maksimum?", "paling singkat 3 tahun") is None  # both asked
    # a superlative asks no bound; a quantity with no bound stated is no near miss either
    assert other_bound("Mesin pencari apa yang paling banyak digunakan?", "Google dipakai paling sedikit 90%.") is None
    assert other_bound("How many people at minimum make up an organized criminal group?",
                       "a structured group of three or more persons") is None
