"""Footnotes as citations: the work a note names, Ibid. and (n N) followed back, marks taken out."""
from assistant.footnotes import marks, note_key, note_keys, note_references, strip_marks


def test_a_note_names_its_authors_and_year():
    assert note_key("Lihat PSKK UGM, 2021, “Studi Pendekatan dan Insentif”, USAID IUWASH PLUS") == "PSKK UGM, 2021"
    assert note_key("Said Mirza Pahlevi, ‘Data Terpadu Kesejahteraan Sosial (DTKS)’ (17 June 2020) <http://x>") \
        == "Pahlevi, 2020"
    assert note_key("ME Helmizar and others, Akuntabilitas Pengelolaan Data (Pusat Kajian 2021)") == "Helmizar, 2021"
    assert note_key("Svetlana Portman & Nusaybah Muti, Increased Transparency, DAILY JUS (July 1, 2022)") \
        == "Portman, 2022"
    assert note_key("Mohamad Mova Al Afghani dan Nishrin Qowamuna, 2021, “Regulasi”") == "Al Afghani, 2021"
    assert note_key("UNCTAD, Facts and Figures on Investor-State Dispute Settlement (2023)") == "UNCTAD, 2023"
    # a title first: the body that issued it, in brackets beside the year
    assert note_key("‘Kumpulan Tanya Jawab Umum Basis Data Terpadu’ (TNP2K 2013) <http://x> accessed 2022.") \
        == "TNP2K, 2013"


def test_a_note_naming_no_author_and_year_names_no_work():
    assert note_key("Pasal 2, Permen PUPR No. 1 Tahun 2021 tentang Kriteria") is None
    assert note_key("Lihat bagian menimbang UU No.1 Tahun 2011 tentang Perumahan") is None
    assert note_key("Pembahasan Kebijakan Mikro Kredit untuk Mendukung Pembiayaan, Bappenas, 15 Oktober 2021.") is None
    assert note_key("Bear Creek Mining Corp. v. Republic of Peru, ICSID Case No. ARB/14/21 (Nov. 30, 2017)") is None
    assert note_key("Ibid, hal. vi") is None


def test_ibid_and_a_note_pointed_to_name_the_work_before():
    notes = [("1", "Lihat PSKK UGM, 2021, “Studi”"), ("2", "Ibid, hal. vi"), ("3", "Pasal 2 ayat (3)"),
             ("4", "Ibid."), ("5", "Said Mirza Pahlevi, ‘Data’ (17 June 2020)"), ("6", "Id. at 5."),
             ("7", "Pahlevi (n 5)."), ("8", "‘Studi’ (n 1)."), ("9", "Pahlevi, supra note 5, at 3.")]
    assert note_keys(notes) == ["PSKK UGM, 2021", "PSKK UGM, 2021", None, None, "Pahlevi, 2020", "Pahlevi, 2020",
                                "Pahlevi, 2020", "PSKK UGM, 2021", "Pahlevi, 2020"]
    refs = note_references(notes)
    assert [(r.key, r.text) for r in refs] == [("PSKK UGM, 2021", "PSKK UGM, 2021, “Studi”"),
                                              ("Pahlevi, 2020", "Said Mirza Pahlevi, ‘Data’ (17 June 2020)")]


def test_marks_are_read_and_taken_out():
    assert marks("tidak mampu”.[^2] Kedua[^3][^4]") == ["2", "3", "4"]
    assert strip_marks("tidak mampu”.[^2] Kedua") == "tidak mampu”. Kedua"
    assert strip_marks("no marks") == "no marks"


def test_op_cit_lead_ins_and_the_year_that_dates_the_work():
    notes = [("1", "Rahardjo, Ilmu Hukum (Bandung: Alumni, 2000)"), ("2", "Lihat Ibid., hlm. 7."),
             ("3", "Rudy, Komentar atas UU No. 8 Tahun 1981 (Jakarta: Pustaka, 2002)"),
             ("4", "Rahardjo, op. cit., hlm. 9."), ("5", "See id. at 5."), ("6", "Rudy, loc. cit.")]
    assert note_keys(notes) == ["Rahardjo, 2000", "Rahardjo, 2000", "Rudy, 2002", "Rahardjo, 2000",
                                "Rahardjo, 2000", "Rudy, 2002"]
    assert note_key("John Smith, The 1964 Civil Rights Act at Fifty, 12 YALE L.J. 1 (2014)") == "Smith, 2014"
    assert note_key("Lihat juga: Anne Peters, Beyond Human Rights (2016)") == "Peters, 2016"
    assert note_key("Bandingkan dengan Soekanto dan Mamudji, 2003, Penelitian Hukum Normatif") == "Soekanto, 2003"
    assert note_key("Indigenous and Tribal Peoples Convention, 1989") is None  # a treaty, no author


def test_a_mark_goes_with_the_space_before_it():
    assert strip_marks("Kalimat satu [^3]. Kalimat dua.") == "Kalimat satu. Kalimat dua."
