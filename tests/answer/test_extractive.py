"""End-to-end quality on the real thesis: the dev questions scored by the project's copy of the
shared scorer (tests/score.py), abstaining on a calibration set, and the shape of a cited answer."""
import json

import pytest

from conftest import DEV, ROOT
from smallindex import ingest_texts

# The targets (facts ≥ 0.85 is met with the pivot lexicon: 0.889; cite is held above its
# 0.85 target, at the level measured, see docs/evaluation.md).
TARGETS = {"hit@5": 0.95, "mrr@10": 0.90, "facts": 0.85, "cite": 0.95, "abstain": 1.0, "lang": 0.95}
# Our own 36 answerable questions (tests/data/own_eval.jsonl, written from the thesis by a separate
# session; changes are judged on them with the dev file); 4 of its 6 near-miss unanswerable
# questions are not abstained on yet (SHORT).
OWN_TARGETS = {"hit@5": 0.95, "mrr@10": 0.90, "facts": 0.85, "cite": 0.95, "lang": 0.95}
# 34 questions another session wrote at the end (tests/data/holdout_eval.jsonl), scored once blind:
# two of its four unanswerable questions are near misses that are answered (SHORT).
HOLDOUT_TARGETS = {"hit@5": 0.95, "mrr@10": 0.90, "facts": 0.85, "cite": 0.85, "lang": 0.95}
CEILINGS = {"false_abstain": 0.10, "words_p50": 60}
# The held-out set's answers are back under the dev ceiling (words_p50 62 → 57 with closest-sentence
# retrieval, 55 with sentences embedded alone; docs/evaluation.md).
HOLDOUT_CEILINGS = CEILINGS


def _score(questions: list[dict], results: list[dict]) -> dict:
    from score import score  # tests/score.py

    summary, _ = score(questions, results)
    return summary


def _meets(path, name: str, engine, floors: dict, ceilings: dict = CEILINGS) -> None:
    questions = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    results = [{"id": q["id"], **engine.ask(q["question"])} for q in questions]
    summary = _score(questions, results)
    print(f"{name} summary:", json.dumps(summary))
    for key, target in floors.items():
        assert summary[key] >= target, (key, summary)
    for key, ceiling in ceilings.items():
        assert summary[key] <= ceiling, (key, summary)


@pytest.mark.slow
def test_dev_questions_meet_thresholds(engine):
    _meets(DEV, "dev", engine, TARGETS)


@pytest.mark.slow
def test_own_questions_meet_thresholds(engine):
    _meets(ROOT / "tests" / "data" / "own_eval.jsonl", "own", engine, OWN_TARGETS)


@pytest.mark.slow
def test_held_out_questions_meet_thresholds(engine):
    _meets(ROOT / "tests" / "data" / "holdout_eval.jsonl", "holdout", engine, HOLDOUT_TARGETS, HOLDOUT_CEILINGS)


@pytest.mark.slow
def test_calibration_set_answers_in_domain_and_abstains_otherwise(engine):
    rows = [json.loads(line) for line in (ROOT / "tests" / "data" / "calibration.jsonl").read_text().splitlines()]
    wrong = [r["id"] for r in rows if engine.ask(r["question"])["answerable"] != r["answerable"]]
    assert wrong == []


def test_cited_answer_shape_and_language(engine):
    en = engine.ask("Who did Retno Marsudi meet on 2 August 2022?")
    assert en["language"] == "en" and en["answerable"]
    assert en["answer"].startswith("According to the thesis:")
    assert "Neth Savouen" in en["answer"] and "[1]" in en["answer"]
    first = en["citations"][0]
    assert first["n"] == 1 and first["section"] == "BAB I › A. Latar Belakang"
    assert "Arisandy, 2022" in first["cites"] and "Arisandy, 2022" in en["answer"]
    assert len(en["retrieved"]) >= 10
    assert {"n", "doc", "file", "page", "section", "text", "score", "cites"} <= set(first)
    idq = engine.ask("Siapa yang ditemui Retno Marsudi pada 2 Agustus 2022?")
    assert idq["language"] == "id" and idq["answer"].startswith("Menurut tesis:")


def test_a_sentence_that_goes_on_about_the_best_one_joins_it(engine):
    # the best match names the meeting; the next sentence, in the next chunk, says what it discussed
    result = engine.ask("Isu apa saja yang dibahas dalam pertemuan imigrasi Indonesia dan Kamboja pada Maret 2024?")
    first, second = result["answer"].split("” [")[:2]
    assert "Pada Rabu 13 Maret 2024" in first and "Pertemuan ini membahas" in second
    assert "pengelolaan perbatasan" in result["answer"]
    # … and the next line from the same cited work holds what the study found
    result = engine.ask("What obstacles did Albayumi et al. find in Indonesia-Cambodia cooperation against trafficking?")
    first, second = result["answer"].split("” [")[:2]
    assert "penelitian dari Albayumi" in first and "Salah satu hambatan" in second and "korupsi" in second


def test_a_count_for_a_year_must_be_stated_with_that_year(engine):
    # the thesis gives a victim count for 2023 …
    stated = engine.ask("Berapa korban perdagangan manusia asal Indonesia pada tahun 2023?")
    assert stated["answerable"] and "3.208" in stated["answer"]
    # … but no BP2MI budget: the closest sentences name BP2MI, without that year
    unstated = engine.ask("How much did BP2MI allocate to preventing trafficking in 2023?")
    assert not unstated["answerable"] and unstated["answer"] == "The corpus gives no such figure for 2023."
    # … and a sentence that states the year only as a period ("tahun 2022-2024") gives no count
    period = engine.ask("How many traffickers were arrested in Cambodia in 2024?")
    assert not period["answerable"] and period["answer"] == "The corpus gives no such figure for 2024."
    # … and a count of what the sentence with that year tells of may follow it, pointing back to it
    points = engine.ask("How many points were agreed at the 2024 immigration meeting between Indonesia and Cambodia?")
    assert points["answerable"] and "13 Maret 2024" in points["answer"] and "delapan hal" in points["answer"]
    idq = engine.ask("Berapa anggaran yang dialokasikan BP2MI untuk pencegahan TPPO pada tahun 2023?")
    assert not idq["answerable"] and idq["answer"].startswith("Korpus tidak memberikan angka")


def test_out_of_corpus_question_abstains_in_its_language(engine):
    en = engine.ask("Who won the 2022 World Cup?")
    assert not en["answerable"] and en["citations"] == []
    assert "corpus does not" in en["answer"]
    idq = engine.ask("Siapa juara Piala Dunia 2022?")
    assert not idq["answerable"] and idq["answer"].startswith("Korpus tidak")


def test_year_the_corpus_never_mentions_is_not_answered(engine):
    result = engine.ask("Berapa jumlah korban TPPO asal Indonesia di Myanmar pada tahun 2021?")
    assert not result["answerable"]
    # a year inside a citation of the passages is not a mention of that year …
    assert not engine.ask("What was the rupiah to dollar exchange rate in 2019?")["answerable"]
    # … and a year inside a citation of the question names a work, not a time
    named = engine.ask("What is bilateral politics according to Rudy (2002)?")
    assert named["answerable"] and "Rudy (2002)" in named["answer"]


def test_quote_that_carries_its_citation_is_not_followed_by_it_again(engine):
    result = engine.ask("Menurut Yulisman, apa yang dilakukan pelaku setelah korban direkrut?")
    assert "(Yulisman, 2025).”" in result["answer"], result["answer"]
    assert "(Yulisman, 2025).” [1] (Yulisman, 2025)" not in result["answer"]


MANUAL = """# Panduan Alat Dapur

## Peralatan kecil

Wajan besi perlu dikeringkan di atas api kecil setelah dicuci agar tidak berkarat.

Tip Meskipun paket perkakas itu jarang dijual di toko biasa, ia menawarkan alat kecil yang menarik. Yang paling menonjol adalah pengupas spiral yang sangat berguna ketika Anda ingin mengupas apel dengan cepat. Lihat bagian buah untuk contohnya.

Untuk menyimpan pisau dapur, gunakan rak magnet yang dipasang jauh dari jangkauan anak-anak.

## Pengaturan oven

Suhu oven diatur sebagai berikut.

Putar kenop ke angka 180 lalu tunggu lampu hijau menyala.

## Kompor

Kompor listrik seri KL2 memakai daya paling besar 1800 watt dan harus dicolokkan ke stopkontak tersendiri.

## Pembersihan

Berikut cara menghilangkan kerak di dasar panci.

Rebus air cuka selama 10 menit lalu gosok dengan spons.

## Garansi

Blender seri BX7/BX9 bergaransi dua tahun dan dibuat menurut standar mutu sni3551.

## Oven pintar

Oven pintar dimatikan dari terminal dengan hak root.

＃ oven-ctl --off

Lampu oven lalu padam dalam lima detik.

## Berkas pengaturan

Berkas ”/etc/dapur/oven.conf” menyimpan suhu baku oven, yaitu 180 derajat.

Resep cadangan disimpan di /etc/dapur/resep.

Di resep otomatis, variabel $@ berisi nama hidangan yang sedang dimasak.

## Dokumen juru masak

Untuk dapat bekerja di dapur hotel, juru masak wajib memiliki dokumen yang meliputi:
a. surat keterangan sehat dari dokter yang ditunjuk oleh pengelola hotel dan diperbarui setiap enam bulan sekali;
b. sertifikat pelatihan keamanan pangan yang diterbitkan oleh lembaga pelatihan yang terakreditasi;
c. kartu identitas pegawai yang masih berlaku dan ditandatangani oleh kepala bagian personalia;
d. surat izin kerja malam;
e. buku catatan suhu lemari pendingin yang diisi setiap pagi dan sore oleh juru masak yang bertugas; dan
f. sertifikat halal.
"""


@pytest.fixture(scope="module")
def manual_engine(tmp_path_factory):
    """A real index of a small manual (not the thesis)."""
    from assistant.engine import Assistant

    return Assistant(ingest_texts(tmp_path_factory.mktemp("manual"), {"dapur.md": MANUAL}))


def test_the_sentence_after_a_lead_in_is_quoted_with_it(manual_engine):
    # the best match only introduces the answer; the next sentence singles it out
    result = manual_engine.ask("Alat kecil menarik apa yang ditawarkan paket perkakas yang jarang dijual itu?")
    assert result["answerable"] and "pengupas spiral" in result["answer"], result["answer"]
    assert result["answer"].startswith("Menurut *Panduan Alat Dapur*:")
    # "… sebagai berikut." announces the line that follows
    result = manual_engine.ask("Bagaimana suhu oven diatur?")
    assert "kenop ke angka 180" in result["answer"], result["answer"]
    # a command line after a sentence is what the sentence describes
    result = manual_engine.ask("Bagaimana cara mematikan oven pintar dari terminal?")
    assert "＃ oven-ctl --off" in result["answer"], result["answer"]
    # so does a sentence that begins "Berikut …" ("Here is …")
    result = manual_engine.ask("Bagaimana cara menghilangkan kerak di dasar panci?")
    assert "air cuka" in result["answer"], result["answer"]


def test_a_list_too_long_to_quote_is_given_by_its_items_first_words(manual_engine):
    # the items of "… meliputi:" do not fit in the answer's words: the first ones whole, the others by their
    # first words, in one quote, so the last ones are not lost
    result = manual_engine.ask("Dokumen apa saja yang wajib dimiliki juru masak untuk bekerja di dapur hotel?")
    answer = result["answer"]
    assert result["answerable"] and "yang meliputi:” [1] “a. surat keterangan sehat" in answer, answer
    assert "sekali; b. sertifikat pelatihan keamanan pangan" in answer and "c. kartu identitas pegawai …" in answer, answer
    assert "d. surat izin kerja" in answer and "f. sertifikat halal.” [1]" in answer and answer.count("[1]") == 2, answer


def test_the_item_asked_of_a_list_is_given_whole(manual_engine):
    """"… yang keempat?", "the last one": the list's lead-in and that item, not the first items and the rest
    by their first words."""
    result = manual_engine.ask("Dokumen keempat yang wajib dimiliki juru masak untuk bekerja di dapur hotel apa?")
    answer = result["answer"]
    assert result["answerable"] and "meliputi:” [1] “d. surat izin kerja malam;” [1]" in answer, answer
    assert "a. surat keterangan sehat" not in answer, answer
    last = manual_engine.ask("Dokumen terakhir yang wajib dimiliki juru masak untuk bekerja di dapur hotel apa?")
    assert "“f. sertifikat halal.” [1]" in last["answer"] and "a. surat" not in last["answer"], last["answer"]


def test_the_item_a_question_asks_for_is_read_once():
    from assistant.search.query import item_asked

    cases = {"Kalau yang terakhir?": -1, "apa faktor ketujuh yang belum disebutkan?": 6, "Yg kedua?": 1,
             "What was the first criterion listed there?": 0, "And the third one?": 2, "The last one?": -1,
             "Yang Kedua?": 1,
             "Apa kejahatan pertama yang disebut?": 0, "Apa metode kedua?": 1,
             # "both countries", "the first time", "tahun pertama", "pertama kali" number no item
             "Apa yang disepakati kedua negara?": None, "When did they meet for the first time?": None,
             "Apa yang terjadi pada tahun pertama?": None, "Siapa yang pertama kali datang?": None,
             "What happened last year?": None,
             # "kedua manfaat" (both), "ketiga faktor" (all three), a name, "pertama-tama", "the first two"
             "Sebutkan kedua manfaat penelitian ini": None, "Apa saja ketiga faktor penyebab TPPO?": None,
             "Apa dampak Perang Dunia Kedua?": None, "Apa yang pertama-tama dilakukan?": None,
             "What are the first two benefits?": None, "What happened in the last few years?": None}
    assert {q: item_asked(q) for q in cases} == cases


def _answered(engine, question: str, fact: str) -> None:
    result = engine.ask(question)
    assert result["answerable"] and fact in result["answer"], result["answer"]


def _refused(engine, question: str, start: str) -> None:
    result = engine.ask(question)
    assert not result["answerable"] and result["answer"].startswith(start), result["answer"]


def test_a_near_miss_says_what_the_text_gives_instead_of_answering(manual_engine):
    _answered(manual_engine, "Berapa watt daya paling besar kompor listrik seri KL2?", "1800 watt")
    _refused(manual_engine, "Berapa watt daya paling besar kompor listrik seri KL3?",
             "Korpus tidak menyebut hal ini untuk KL3; yang disebut adalah untuk KL2: “")
    _refused(manual_engine, "What is the maximum power of the KL3 series electric stove?",
             "The corpus does not say this for KL3;")
    # a term named inside a compound ("BX7/BX9") is named; the asked term with its number ("sni3551")
    # is what was asked, not a sibling
    _answered(manual_engine, "Berapa tahun garansi blender seri BX9?", "dua tahun")
    _answered(manual_engine, "Blender dibuat menurut standar mutu SNI nomor berapa?", "sni3551")
    # a file of the same folder is no answer for the file asked about
    _answered(manual_engine, "Berapa suhu baku yang disimpan di berkas /etc/dapur/oven.conf?", "180 derajat")
    _refused(manual_engine, "Berapa suhu baku yang disimpan di berkas /etc/dapur/kulkas.conf?",
             "Korpus tidak menyebut hal ini untuk /etc/dapur/kulkas.conf; yang disebut adalah untuk /etc/dapur/oven.conf")
    # (a path that ends the sentence is the file asked about, not "/etc/dapur/resep.")
    _answered(manual_engine, "Di mana resep cadangan disimpan, di /etc/dapur/resep?", "/etc/dapur/resep")
    # … and another special variable is no answer for the one asked about
    _answered(manual_engine, "Di resep otomatis, variabel $@ berisi apa?", "nama hidangan")
    _refused(manual_engine, "Di resep otomatis, variabel $< berisi apa?",
             "Korpus tidak menyebut hal ini untuk $<; yang disebut adalah untuk $@")
    # a camel-case name no passage holds is reported missing
    brand = manual_engine.ask("Berapa watt daya paling besar kompor listrik seri KL2 merek DapurPintar?")
    assert not brand["answerable"] and brand["answer"] == "Korpus tidak menyebut apa pun tentang DapurPintar."


class _ToyEmbedder:
    id = "toy"

    def embed_queries(self, texts):
        import numpy as np

        return np.array([[1.0, 0.0, 0.0]], dtype=np.float32)

    def embed_passages(self, texts):  # far from the question
        import numpy as np

        return np.array([[0.0, 0.0, 1.0]] * len(texts), dtype=np.float32)


def _toy_retriever(sentences: list[str], cosine: float = 0.95, title: str = "Manual"):
    """One passage of `sentences` in a document called `title`, each at `cosine` to the toy question."""
    import numpy as np

    from assistant.records import Chunk, Sentence
    from assistant.search.index import Index
    from assistant.search.retrieve import Retriever

    close = np.array([cosine, (1 - cosine ** 2) ** 0.5, 0.0], dtype=np.float32)
    chunks = [Chunk("0", title, "manual.pdf", 1, "1", "Time", " ".join(sentences), [Sentence(s, []) for s in sentences]),
              Chunk("1", title, "manual.pdf", 2, "2", "Other", "Nothing here is near.", [Sentence("Nothing here is near.", [])])]
    passages = np.vstack([close, np.array([0.0, 0.0, 1.0], dtype=np.float32)])
    index = Index.build(chunks, passages, sentences, np.vstack([close] * len(sentences)), {"dim": 3, "embedder": "toy"})
    return Retriever(index, _ToyEmbedder())


def test_a_question_for_a_file_is_not_answered_by_quotes_that_name_none():
    from assistant.answer.extractive import answer_question
    from assistant.search.query import analyse

    question = "Which configuration file do I edit to set the servers of the clock daemon?"
    query = analyse(question, _ToyEmbedder(), language="en")
    assert "file" in query.asks
    for other in ("Which file system is the default?", "Sistem berkas apa yang baku?", "Which profile is used?"):
        assert "file" not in analyse(other, _ToyEmbedder()).asks, other
    assert "file" in analyse("Berkas konfigurasi apa yang disunting?", _ToyEmbedder()).asks
    vague = answer_question(query, _toy_retriever(["Under the service manager, use the clock daemon to keep network time.",
                                                   "The clock daemon asks the servers of the network for the time."]))
    assert not vague["answerable"] and vague["answer"].startswith("The corpus names no such file")
    named = answer_question(query, _toy_retriever(["The clock daemon reads its servers from /etc/clock/daemon.conf at start.",
                                                   "Under the service manager, use the clock daemon to keep network time."]))
    assert named["answerable"] and "/etc/clock/daemon.conf" in named["answer"]


def test_a_question_for_a_number_is_not_answered_by_quotes_that_state_none():
    """"How many" wants a number: quotes with none (a list item's own "2." and a year are none) are a near
    miss; "tahun berapa" asks for a year, which they give."""
    from assistant.answer.extractive import answer_question
    from assistant.search.query import analyse

    no_count = ["2. The clock daemon asks the servers of the network for the time.",
                "The clock daemon was written in 2019 to keep network time."]
    query = analyse("How many servers does the clock daemon ask for the time?", _ToyEmbedder(), language="en")
    vague = answer_question(query, _toy_retriever(no_count))
    assert not vague["answerable"] and vague["answer"].startswith("The corpus gives no such number")
    stated = answer_question(query, _toy_retriever(["The clock daemon asks four servers of the network for the time.",
                                                    "The clock daemon was written in 2019 to keep network time."]))
    assert stated["answerable"] and "four servers" in stated["answer"]
    for asked in ("What decides the number of servers the clock daemon asks?", "Berapa lama daemon jam menunggu?"):
        assert "count" not in analyse(asked, _ToyEmbedder()).asks, asked  # no count asked in so many words
        assert answer_question(analyse(asked, _ToyEmbedder(), language="en"), _toy_retriever(no_count))["answerable"]
    # a paragraph referred to ("ayat (1)", "huruf b") is no count either; "angka 120" (a figure) is one
    from assistant.answer.extractive import _counts
    assert not _counts("(2) Larangan sebagaimana dimaksud pada ayat (1) dikecualikan untuk limbah huruf b.")
    assert _counts("denda paling banyak Rp. 15.000.000,00 (lima belas juta rupiah)")
    assert _counts("Kasus naik ke angka 120 orang.") and _counts("Kemiskinan turun ke angka 9 persen.")
    assert not _counts("Saat covid-19 melanda dunia, kasino ditutup.") and _counts("Ada 19 kasino.")  # a name's digits
    # a span of days is a date, a constant's or a standard's digits are its name ("how many States signed?")
    assert not _counts("This Protocol shall be open for signature from 12 to 15 December 2000 in Palermo, Italy.")
    assert not _counts("Rapat digelar 5-7 Maret 2024 di Jakarta.") and _counts("Sebanyak 12 negara hadir pada 15 Desember 2000.")
    assert not _counts("ASN1_MAX_NAME_SIZE is the maximum number of characters allowed for an ASN.1 identifier.")
    assert _counts("menyetor deposito paling sedikit Rp1.500.000.000,00") and _counts("Bab No.4 memuat 3 tabel.")
    # a count of things is no percentage ("Berapa jumlah puskesmas …?" against "… belum tercapai 100% …")
    reached = "Integrasi data ke SATUSEHAT pada puskesmas di kota ini belum tercapai 100% karena kendala server."
    assert _counts(reached) and not _counts(reached, shares=False) and _counts("Ada 12 puskesmas (80%).", shares=False)
    things = analyse("Berapa jumlah puskesmas yang sudah terintegrasi dengan SATUSEHAT?", _ToyEmbedder(), language="id")
    assert not answer_question(things, _toy_retriever([reached]))["answerable"]
    share = analyse("Berapa persen puskesmas yang sudah terintegrasi dengan SATUSEHAT?", _ToyEmbedder(), language="id")
    assert answer_question(share, _toy_retriever([reached]))["answerable"]
    year = analyse("Pada tahun berapa daemon jam itu ditulis?", _ToyEmbedder(), language="id")
    assert answer_question(year, _toy_retriever(["The clock daemon was written in 2019 to keep network time.",
                                                  "2. The clock daemon asks the servers of the network."]))["answerable"]



def test_an_amount_of_another_kind_of_money_than_the_one_asked_is_no_answer():
    """"the minimum monthly wage" is not answered by a deposit's amount; "berapa gaji" is by a salary's."""
    from assistant.answer.extractive import answer_question
    from assistant.search.query import analyse

    deposit = "Perusahaan wajib menyetor uang kepada bank pemerintah dalam bentuk deposito paling sedikit Rp1.500.000.000,00."
    wage = analyse("What is the minimum monthly wage, in rupiah, that the law guarantees migrant workers?", _ToyEmbedder(),
                   language="en")
    assert not answer_question(wage, _toy_retriever([deposit]))["answerable"]
    salary = analyse("Berapa gaji korban setiap bulan?", _ToyEmbedder(), language="id")
    assert answer_question(salary, _toy_retriever(["Korban bekerja 16 jam sehari dengan gaji 3 juta rupiah."]))["answerable"]
    deposit_asked = analyse("How much must a company deposit in a state bank, in rupiah?", _ToyEmbedder(), language="en")
    assert answer_question(deposit_asked, _toy_retriever([deposit]))["answerable"]  # no kind of money named


def test_a_heading_read_as_a_line_of_text_is_no_answer():
    """"a. Dimensi Information Retrieval" (a PDF's heading in the body) holds the question's words and says nothing;
    it scores as a line in capitals does (the "caps" weight, -0.1, is taken off)."""
    from assistant.answer.extractive import AnswerConfig, _is_heading, score_sentences
    from assistant.search.query import analyse

    assert _is_heading("a. Dimensi Information Retrieval") and _is_heading("2.1 Kerangka Teori dan Konsep")
    assert _is_heading("Pengaruh Iklim Organisasi terhadap Stres Kerja")
    assert not _is_heading("Pengaruh Iklim Organisasi terhadap Stres Kerja.")  # a stop: a sentence
    assert not _is_heading("Tiga dimensi IR meliputi: isi (konten), aplikasi, dan tugas.")
    assert not _is_heading("1) Dimensi Isi (konten),") and not _is_heading("Undang-undang ini mulai berlaku")
    question = analyse("Apa saja tiga dimensi information retrieval?", _ToyEmbedder(), language="id")
    retriever = _toy_retriever(["a. Dimensi Information Retrieval",
                                "Tiga dimensi IR meliputi: isi (konten), aplikasi, dan tugas."])
    scored = {x.sentence.text[:12]: x for x in score_sentences(question, retriever.search(question), retriever,
                                                               AnswerConfig())}
    heading, answer = scored["a. Dimensi I"], scored["Tiga dimensi"]
    assert heading.features["caps"] == 1.0 and answer.features["caps"] == 0.0
    assert heading.score - answer.score < sum(heading.features[f] * w - answer.features[f] * w
                                              for f, w in AnswerConfig().weights.items() if f != "caps")

def test_an_english_question_over_indonesian_text_shares_keywords_through_translations():
    """No word of the question is in the Indonesian passage, but "victim" is "korban": a sentence at cosine
    0.825 answers (below `min_sim_without_overlap`, above `min_sim_translated`); 0.81 does not, nor does
    0.825 with no translated keyword shared."""
    from assistant.answer.extractive import answer_question
    from assistant.search.query import analyse

    passage = ["Setiap korban berhak memperoleh rehabilitasi kesehatan dan sosial dari pemerintah daerah.",
               "Pemerintah daerah menyediakan rumah perlindungan sementara."]
    query = analyse("Which rights does a victim have?", _ToyEmbedder(), language="en")
    assert answer_question(query, _toy_retriever(passage, cosine=0.825))["answerable"]
    assert not answer_question(query, _toy_retriever(passage, cosine=0.81))["answerable"]
    unrelated = analyse("Which planets have rings?", _ToyEmbedder(), language="en")
    assert not answer_question(unrelated, _toy_retriever(passage, cosine=0.825))["answerable"]


def test_an_english_question_counts_the_translations_of_its_words_in_a_passage_opening_in_english():
    """An article in Indonesian with an English abstract: the passage reads as English, but the question's
    words are there in Indonesian ("factors" is "faktor"); they count for its coverage. A question whose
    words are not there at all, in either language, is still refused."""
    from assistant.answer.extractive import answer_question
    from assistant.search.query import analyse

    passage = ["Abstract: this study measures how much stress the employees of a clinic in the capital city feel at "
               "work, and which of its causes weigh most, through a questionnaire given to all of them in the year "
               "of the study.",
               "Faktor organisasi berkontribusi sebesar 47,20% terhadap stres kerja karyawan, sedangkan faktor "
               "personal sebesar 36,90%."]
    asked = analyse("How much do organisational factors contribute to job stress compared with personal factors?",
                    _ToyEmbedder(), language="en")
    answered = answer_question(asked, _toy_retriever(passage, cosine=0.86))
    assert answered["answerable"] and "47,20%" in answered["answer"], answered["answer"]
    unrelated = analyse("How much do planetary rings contribute to the brightness of giant planets?",
                        _ToyEmbedder(), language="en")
    assert not answer_question(unrelated, _toy_retriever(passage, cosine=0.86))["answerable"]


def test_a_year_in_the_document_title_names_the_document():
    """"the 2007 law" is the one whose title holds 2007, though its passages never say the year."""
    from assistant.answer.extractive import answer_question
    from assistant.search.query import analyse

    passage = ["Penyidik berwenang menyadap telepon atas izin tertulis ketua pengadilan paling lama satu tahun.",
               "Penyadapan dicatat dalam berita acara."]
    query = analyse("Siapa yang memberi izin penyadapan menurut undang-undang tahun 2007?", _ToyEmbedder(), language="id")
    assert answer_question(query, _toy_retriever(passage, title="UU No. 21 Tahun 2007"))["answerable"]
    refused = answer_question(query, _toy_retriever(passage, title="UU No. 5 Tahun 2011"))
    assert not refused["answerable"] and "2007" in refused["answer"]
    # a year that names no law is asked of the passages themselves
    plain = analyse("Siapa yang memberi izin penyadapan pada tahun 2007?", _ToyEmbedder(), language="id")
    assert not answer_question(plain, _toy_retriever(passage, title="UU No. 21 Tahun 2007"))["answerable"]


def test_a_count_may_follow_the_sentence_that_answers_and_a_day_or_month_asked_needs_one():
    """"How many points were agreed at it?": the sentence about the meeting states no count, the one
    after it that points back does. "Tanggal berapa …?" is not answered by a year alone."""
    from dataclasses import replace

    from assistant.answer.extractive import answer_question
    from assistant.search.query import analyse

    meeting = ["Pertemuan imigrasi kedua negara digelar di Phnom Penh pada tahun 2024.",
               "Terdapat delapan hal yang disepakati dalam pertemuan ini."]
    count = analyse("How many points were agreed at the immigration meeting?", _ToyEmbedder(), language="en")
    answered = answer_question(count, _toy_retriever(meeting[:1] + ["Kedua delegasi membahas pencegahan."] + meeting[1:]))
    assert answered["answerable"] and "delapan hal" in answered["answer"], answered["answer"]
    day = analyse("Tanggal berapa pertemuan imigrasi itu digelar?", _ToyEmbedder(), language="id")
    refused = answer_question(day, _toy_retriever(meeting))
    assert not refused["answerable"] and refused["answer"].startswith("Korpus tidak memberikan tanggal tersebut")
    dated = ["Pertemuan imigrasi kedua negara digelar di Phnom Penh pada 13 Maret 2024.", meeting[1]]
    assert answer_question(day, _toy_retriever(dated))["answerable"]
    # a month asked ("Pada bulan apa …?") is not answered by a quote that names none
    month = analyse("Pada bulan apa pertemuan imigrasi itu digelar?", _ToyEmbedder(), language="id")
    assert "month" in month.asks and "month" not in analyse("What monthly pay was offered?", None, language="en").asks
    unnamed = answer_question(month, _toy_retriever(meeting))
    assert not unnamed["answerable"] and unnamed["answer"].startswith("Korpus tidak memberikan bulan tersebut")
    in_march = ["Pertemuan imigrasi kedua negara digelar di Phnom Penh pada Maret 2024.", meeting[1]]
    assert answer_question(month, _toy_retriever(in_march))["answerable"]  # a month without a day
    modal = ["Pertemuan imigrasi kedua negara may be held in 2024 at the border.", meeting[1]]  # "may": no month
    assert not answer_question(month, _toy_retriever(modal))["answerable"]
    # a person's name asked ("Who led …?", "Siapa nama …?") is not answered by a quote that names no person;
    # "who leads" asks for an office, which a statute names without a person
    led = analyse("Who led the immigration delegation at that meeting?", _ToyEmbedder(), language="en")
    assert "name" in led.asks and "name" not in analyse("Who leads the task force?", None, language="en").asks
    for other in ("What is the name of the package that provides ifup?", "What are the names of the three provinces?",
                  "What is the name of the task force?"):  # the name of a thing, not of a person
        assert "name" not in analyse(other, None, language="en").asks, other
    assert "name" in analyse("What was the victim's name?", None, language="en").asks
    unnamed = answer_question(led, _toy_retriever(["The immigration delegation met at the border post in 2024.",
                                                   "The delegation agreed on eight points."]))
    assert not unnamed["answerable"] and unnamed["answer"].startswith("The corpus names no such person")
    named = ["The immigration delegation was led by Silmy Karim at the border post in 2024.", "It agreed on eight points."]
    assert answer_question(led, _toy_retriever(named))["answerable"]
    # the day of another meeting, in a sentence that holds one question term ("meeting"), is no answer
    exact = analyse("What was the exact date of the border summit meeting?", _ToyEmbedder(), language="en")
    other = ["The border summit meeting was held in Jakarta in 2023.", "A trade meeting took place on 13 March 2024."]
    assert not answer_question(exact, _toy_retriever(other))["answerable"]
    dated = ["The border summit meeting was held in Jakarta in 2023.", "The border summit opened on 13 March 2023."]
    assert answer_question(exact, _toy_retriever(dated))["answerable"]
    # the count must be of what was asked: a number of something else after a pointing word is none
    other = analyse("Berapa jumlah pekerja migran yang dipulangkan?", _ToyEmbedder(), language="id")
    harbour = ["Pekerja migran yang dipulangkan diterima di pelabuhan.", "Mereka kemudian didata oleh petugas.",
               "Pelabuhan ini memiliki 4 dermaga."]
    assert not answer_question(other, _toy_retriever(harbour))["answerable"]
    # a year the follow-up took from the chat, not typed itself, need not be in the answering sentence
    rate = analyse("Berapa angka pengangguran di Indonesia tahun 2024?", _ToyEmbedder(), language="id")
    stated = ["Angka pengangguran di Indonesia berkisar di angka 4,91%.", "Data ini dirilis pada tahun 2024."]
    assert not answer_question(rate, _toy_retriever(stated))["answerable"]  # typed: that year's figure is asked
    assert answer_question(replace(rate, typed="Kalau pengangguran?"), _toy_retriever(stated))["answerable"]


def test_a_year_asked_is_answered_by_a_quote_that_names_one():
    """"Tahun berapa …", "in what year …" ask for a year: a quote without one is no answer; "tahun berapa"
    asks no count."""
    from assistant.answer.extractive import answer_question
    from assistant.search.query import analyse

    year = analyse("Pada tahun berapa koperasi itu didirikan?", _ToyEmbedder(), language="id")
    assert "year" in year.asks and "count" not in year.asks and "number" not in year.asks
    assert "year" in analyse("In what year was the cooperative founded?", None, language="en").asks
    assert "count" in analyse("Berapa orang anggota koperasi pada tahun berapa itu?", None, language="id").asks
    undated = ["Koperasi itu didirikan oleh para petani di desa.", "Anggotanya kemudian bertambah."]
    refused = answer_question(year, _toy_retriever(undated))
    assert not refused["answerable"] and refused["answer"].startswith("Korpus tidak memberikan tahun tersebut")
    dated = ["Koperasi itu didirikan oleh para petani di desa pada tahun 1998.", "Anggotanya kemudian bertambah."]
    assert answer_question(year, _toy_retriever(dated))["answerable"]
    cited = ["Koperasi itu didirikan oleh para petani di desa (Susanto, 2019).", "Anggotanya kemudian bertambah."]
    assert not answer_question(year, _toy_retriever(cited))["answerable"]  # a citation's year is none
    # a count asked besides the year is still asked
    assert "count" in analyse("Berapa persen korban tahun berapa?", None, language="id").asks


def test_a_question_naming_a_day_is_answered_by_the_sentence_of_that_day():
    """"Pada 4 Mei 2021, siapa yang ditemui menteri?": of two meetings told alike, the one on 4 Mei."""
    from assistant.answer.extractive import answer_question
    from assistant.search.query import analyse

    meetings = ["Pada 2 Mei 2021, menteri bertemu gubernur di Jakarta.", "Pada 4 Mei 2021, menteri bertemu bupati di Jakarta."]
    for day, met in (("2 Mei", "gubernur"), ("4 Mei", "bupati")):
        question = analyse(f"Pada {day} 2021, siapa yang ditemui menteri di Jakarta?", _ToyEmbedder(), language="id")
        answered = answer_question(question, _toy_retriever(meetings))
        assert answered["answer"].split("”")[0].endswith(f"{met} di Jakarta."), answered["answer"]


def test_the_day_asked_may_be_in_the_sentence_after_the_one_that_answers():
    """"On what date did the bill finally pass?": the sentence about the bill gives a year, one of the next
    few the day; a day of something else (not two of the question's terms) is no answer."""
    from assistant.answer.extractive import _with_shape_after
    from assistant.search.query import analyse

    bill = analyse("On what date did the anti-trafficking bill finally pass?", _ToyEmbedder(), language="en")
    pushed = ["In 2006 the embassy pushed for the anti-trafficking bill to finally pass.",
              "Parliament debated it at length."]
    for after, found in (("The anti-trafficking law took effect on March 20, 2007.", True),
                         ("The embassy closed on March 20, 2007.", False)):
        hit = _toy_retriever([*pushed, after]).search(bill, k=1)[0]
        best = hit.chunk.sentences[0]
        picked, shaped = _with_shape_after([(hit, best)], best, bill, "day")
        assert (shaped is not None) == found and [x.text for _, x in picked] == [best.text] + ([after] if found else [])


def test_an_english_question_finds_its_inflected_words_in_an_english_manual(tmp_path):
    from assistant.engine import Assistant
    from assistant.ingest.build import ingest
    from assistant.settings import Settings

    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "tools.md").write_text(
        "# Admin Tools\n\n## Passwords\n\nThe mkpasswd tool computes a salted hash of a password given on its "
        "command line.\n\n## Shutdown\n\nTo switch the machine off at once, run poweroff with the -f option.\n",
        encoding="utf-8")
    settings = Settings(corpus_dir=tmp_path / "corpus", index_dir=tmp_path / "index")
    assert ingest(settings, progress=False, log=lambda *_: None).exit_code == 0
    # "commands", "machines" are "command", "machine" in the text: most of the question's words are there
    result = Assistant(settings).ask("Which commands switch machines off?")
    assert result["answerable"] and "poweroff" in result["answer"], result["answer"]


def test_a_definition_asked_is_answered_by_the_sentence_that_defines_the_term():
    """Both sentences name the term at one cosine; the one saying what it is ranks first."""
    from assistant.answer.extractive import AnswerConfig, score_sentences
    from assistant.search.query import analyse

    retriever = _toy_retriever(["The safe house rules say a safe house must be kept secret by the team.",
                                "A safe house is a temporary shelter for victims."])
    query = analyse("What is meant by a safe house?", _ToyEmbedder(), language="en")
    best = score_sentences(query, retriever.search(query, 2), retriever, AnswerConfig())[0]
    assert best.sentence.text.startswith("A safe house is") and best.features["defines"] == 1.0
    plain = analyse("What are the rules of the safe house?", _ToyEmbedder(), language="en")
    assert score_sentences(plain, retriever.search(plain, 2), retriever, AnswerConfig())[0].features["defines"] == 0.0


def test_a_count_may_be_an_ordinal_in_words_and_an_asked_ayat_is_preferred():
    from assistant.answer.extractive import _counts, _in_part
    from assistant.records import Chunk, Sentence
    from assistant.search.query import analyse
    from assistant.search.retrieve import Hit

    assert _counts("This Convention shall enter into force on the ninetieth day after the fortieth instrument.")
    assert _counts("a maximum of twenty years") and not _counts("The first meeting was held in Jakarta.")
    sentences = ["1. This Convention shall apply to serious crime.", "a) Serious crime as defined in article 2;",
                 "2. An offence is transnational in nature if:", "a) It is committed in more than one State;"]
    chunk = Chunk("0", "Convention", "c.md", 1, "1", "Article 3 Scope of application", " ".join(sentences),
                  [Sentence(s, []) for s in sentences])
    hit = Hit(chunk, 0, 1.0, 1.0, 0.0)
    query = analyse("What makes an offence transnational under Article 3 paragraph 2?", None, language="en")
    assert [_in_part(query, hit, i) for i in range(4)] == [0.5, 0.5, 1.0, 1.0]
    whole = analyse("What does Article 3 say?", None, language="en")
    assert [_in_part(whole, hit, i) for i in range(4)] == [1.0] * 4


def test_an_ayat_that_refers_back_to_the_quoted_one_goes_on_with_it():
    from assistant.answer.extractive import _refers_back

    first = "(1) Setiap orang dilarang memasukkan limbah dari luar negeri."
    assert _refers_back("(2) Larangan sebagaimana dimaksud pada ayat (1) dikecualikan untuk limbah dalam negeri.", first)
    assert _refers_back("2. The offence referred to in paragraph 1 shall be punished.", "1. Each State shall act.")
    assert not _refers_back("(3) Sanksi sebagaimana dimaksud pada ayat (2) diatur dengan peraturan.", first)
    assert not _refers_back("Larangan pada ayat (1) berlaku.", "Setiap orang dilarang memasukkan limbah.")


def test_an_english_word_meets_its_inflected_forms_through_lemmas():
    """"pass" in a question meets "passed" in a sentence, and "passed" meets "pass"."""
    from assistant.answer.extractive import _keys, _with_lemmas
    from assistant.search.keywords import tokenize
    from assistant.search.query import analyse

    for question, sentence in (("When did the bill pass?", "The bill passed in 2007."),
                               ("When was the bill passed?", "The bill will pass in 2007.")):
        query = analyse(question, None, language="en")
        keys, alternatives = _keys(sentence, query), _with_lemmas(query.text, query.keys)
        term = next(t for t in tokenize(question) if t.startswith("pas"))
        assert alternatives.get(term, {term}) & keys, (question, term, keys)
    assert not set(tokenize("passed")) & set(tokenize("pass"))  # (the keywords alone do not meet)


def test_a_law_asked_is_answered_by_a_quote_that_names_one():
    """"Lewat UU nomor berapa …", "through which law": a quote naming no statute is no answer."""
    from assistant.answer.extractive import answer_question
    from assistant.search.query import analyse

    law = analyse("Indonesia meratifikasi konvensi itu lewat undang-undang apa?", _ToyEmbedder(), language="id")
    assert "law" in law.asks
    unnamed = ["Indonesia meratifikasi konvensi itu bersama negara ASEAN lainnya.", "Konvensi itu dibentuk di Kuala Lumpur."]
    refused = answer_question(law, _toy_retriever(unnamed))
    assert not refused["answerable"] and refused["answer"].startswith("Korpus tidak menyebut undang-undang tersebut")
    for named in ("Indonesia meratifikasi konvensi itu dengan UU Nomor 12 Tahun 2017.",
                  "Indonesia meratifikasi konvensi itu melalui Undang-Undang Republik Indonesia tentang pengesahan."):
        assert answer_question(law, _toy_retriever([named, "Konvensi itu dibentuk di Kuala Lumpur."]))["answerable"]
    assert {"date", "year"} <= set(analyse("Which years does the study cover?", None, language="en").asks)


def test_an_acronym_is_quoted_by_name_or_spelt_out():
    from assistant.answer.extractive import _quotes_acronym

    assert _quotes_acronym("GFI", "Data dari Global Financial Integrity tahun 2017 menemukan …")
    assert _quotes_acronym("IOM", "IOM (*International Organization of Migration*) mencatat …")
    assert _quotes_acronym("UNTOC", "the United Nations Convention against Transnational Organized Crime")
    assert not _quotes_acronym("AMMTC", "Pada 2 Agustus 2022, Menteri Luar Negeri Indonesia Retno Marsudi bertemu …")


def test_a_name_asked_in_the_plural_is_named_by_its_singular():
    """"the MoUs", "NGOs": the quotes saying "MoU", "NGO" name them; neither missing nor a sibling."""
    from assistant.answer.extractive import _sibling, _unnamed

    quoted = "Dalam pertemuan ini ditandatangani beberapa nota kesepakatan (MoU) dan peran NGO dibatasi."
    assert _unnamed("In what field were the MoUs signed?", [quoted]) == []
    assert _sibling("What limits the role of NGOs and the MoUs?", quoted) is None
    assert _unnamed("How is NetworkManager configured?", [quoted]) == ["NetworkManager"]


def test_a_place_asked_is_answered_by_a_quote_naming_one_the_question_does_not():
    """"Negara mana saja …", "which countries": a quote naming no place the question does not already name
    is no answer (a citation's name is none); "Indonesian" in a question is Indonesia."""
    from assistant.answer.extractive import _names_place, answer_question
    from assistant.search.query import analyse

    countries = analyse("Negara mana saja yang menjadi tujuan pekerja migran dari ASEAN?", _ToyEmbedder(), language="id")
    assert "place" in countries.asks and "place" in analyse("Which countries are those?", None, language="en").asks
    unnamed = ["Pekerja migran dari ASEAN menuju negara tujuan yang beragam (Susanto, 2019).", "Jumlahnya terus naik."]
    refused = answer_question(countries, _toy_retriever(unnamed))
    assert not refused["answerable"] and refused["answer"].startswith("Korpus tidak menyebut tempat tersebut")
    named = ["Pekerja migran dari ASEAN menuju negara tujuan seperti Thailand dan Malaysia.", "Jumlahnya terus naik."]
    assert answer_question(countries, _toy_retriever(named))["answerable"]
    province = analyse("Which Indonesian province did they come from?", None, language="en")
    assert not _names_place("Banyak korban berasal dari Indonesia, diperiksa oleh TPPO.", province)  # (an acronym: none)
    city = analyse("In which Cambodian city were they held?", None, language="en")
    assert not _names_place("Para korban ditahan di Kamboja.", city) and _names_place("Mereka ditahan di Bavet.", city)


def test_a_penalty_money_average_or_share_asked_is_answered_by_a_quote_that_states_one():
    """"What prison sentences …", "berapa gaji …", "the average age", "response rate": a quote stating no
    penalty, amount of money, average or percentage is no answer (the near misses of statutes and papers);
    one that states it is."""
    from assistant.answer.extractive import answer_question
    from assistant.search.query import analyse

    cases = [  # (question, language, quotes stating none, the refusal's start, quotes stating one)
        ("What prison sentences does the regulation set for traffickers?", "en",
         ["The regulation sets out how traffickers are reported to the district office.", "It took effect in 2014."],
         "The corpus states no such penalty",
         ["The regulation sets a prison sentence of three to fifteen years for traffickers.", "It took effect in 2014."]),
        ("Apa sanksi pidana bagi pejabat yang menandatangani perjanjian tanpa surat kuasa?", "id",
         ["Pejabat yang menandatangani perjanjian wajib membawa surat kuasa dari Menteri.", "Surat itu diterbitkan."],
         "Korpus tidak menyebut sanksi tersebut",
         ["Pejabat yang menandatangani perjanjian tanpa surat kuasa dipidana dengan pidana penjara paling lama 2 tahun.",
          "Surat itu diterbitkan."]),
        ("Berapa rata-rata gaji bulanan karyawan klinik yang menjadi responden?", "id",
         ["Responden penelitian adalah seluruh karyawan klinik, sebanyak 50 karyawan.", "Kuesioner dibagikan."],
         "Korpus tidak memberikan jumlah uang tersebut",
         ["Rata-rata gaji bulanan karyawan klinik yang menjadi responden adalah Rp4.500.000.", "Kuesioner dibagikan."]),
        ("What was the average age of the respondents of the clinic study?", "en",
         ["The respondents of the clinic study were all 50 employees of the clinic.", "They answered a questionnaire."],
         "The corpus gives no such average",
         ["The average age of the respondents of the clinic study was 31 years.", "They answered a questionnaire."]),
        ("What was the questionnaire response rate in the clinic study?", "en",
         ["The clinic study sent the questionnaire to 50 employees of the clinic.", "They answered in May."],
         "The corpus gives no such percentage",
         ["The clinic study's questionnaire response rate was 84% of the 50 employees.", "They answered in May."]),
    ]
    for question, language, none, refusal, stated in cases:
        query = analyse(question, _ToyEmbedder(), language=language)
        refused = answer_question(query, _toy_retriever(none))
        assert not refused["answerable"] and refused["answer"].startswith(refusal), (question, refused["answer"])
        assert answer_question(query, _toy_retriever(stated))["answerable"], question
    # asked in other words, none of them is asked: "punished" (a yes or no), "what does X mean", "ratified", a
    # verb "rate", an exchange rate, costs that need not be an amount
    for other in ("Is a victim who was forced to commit a crime punished?", "What does exploitation mean here?",
                  "When was the protocol ratified?", "Who pays the workers?", "How does the author rate the cooperation?",
                  "What is the exchange rate?", "What are the placement costs for migrant workers?"):
        assert not {"penalty", "money", "average", "share"} & set(analyse(other, None, language="en").asks), other
    # "sanksi" in the quote states a penalty; a question asking for a law needs no penalty in its quote
    sanction = analyse("Apa sanksi bagi perusahaan yang tidak melaporkan data kepulangan?", _ToyEmbedder(), language="id")
    assert answer_question(sanction, _toy_retriever(["Perusahaan yang tidak melaporkan data kepulangan dikenai sanksi "
                                                     "administratif.", "Laporan itu diserahkan."]))["answerable"]
    law = analyse("Which law regulates sanctions against traffickers?", _ToyEmbedder(), language="en")
    assert {"law", "penalty"} <= set(law.asks)
    assert answer_question(law, _toy_retriever(["Law No. 21 of 2007 regulates the acts of traffickers.",
                                                "It was passed in April."]))["answerable"]


def test_an_event_s_number_is_no_count():
    """"AMMTC Ke-17", "KTT ke-42" number an event; "hari ke-90" and "17 negara" count."""
    from assistant.answer.extractive import _counts

    assert not _counts("Pembahasan berlanjut melalui pertemuan AMMTC Ke-17 di Labuan Bajo, Indonesia tahun 2023.")
    assert not _counts("Para pemimpin bertemu pada KTT ke-42 di Labuan Bajo.")
    assert _counts("Putusan itu dijatuhkan pada hari ke-90.") and _counts("Ada 17 negara yang hadir.")
    # nor does a statute's number in its full style
    assert not _counts("UNDANG-UNDANG REPUBLIK INDONESIA NOMOR 37 TAHUN 1999 TANGGAL 14 SEPTEMBER 1999 TENTANG HUBUNGAN")
    assert not _counts("Peraturan Daerah Daerah Istimewa Yogyakarta Nomor 6 Tahun 2014 (Lembaran Daerah Daerah Istimewa "
                       "Yogyakarta Tahun 2014 Nomor 6, Tambahan Lembaran Daerah Daerah Istimewa Yogyakarta Nomor 6) dicabut.")


def test_review_of_the_third_session_of_2026_12_07():
    """The shapes and names a helper's review found misfiring, kept right."""
    from assistant.answer.extractive import _HAS, _counts, _names_place, _quotes_acronym
    from assistant.converse.support import unsupported
    from assistant.search.query import analyse

    assert _counts("Para korban dipulangkan dari Kamboja ke 3 provinsi asal mereka.")  # "ke 3": a count
    for law in ("UU TPPO", "UUD 1945", "KUHP", "Undang-Undang Keimigrasian", "Keputusan Presiden Nomor 88 Tahun 2002"):
        assert _HAS["law"](f"Hal itu diatur dalam {law}."), law
    assert "law" not in analyse("What acts did the perpetrators commit?", None, language="en").asks
    assert "place" in analyse("Which Southeast Asian countries signed it?", None, language="en").asks
    assert "place" not in analyse("In which fields do states with tensions keep ties?", None, language="en").asks
    assert "place" not in analyse("Apa yang dilakukan negara mana pun?", None, language="id").asks
    city = analyse("Kota apa yang menjadi tempat transit?", None, language="id")
    assert _names_place("Para korban transit melalui Kota Batam.", city)  # ("Kota" asked, "Batam" not)
    assert not _names_place("Hal ini diatur dalam Pasal 4 sejak Desember 2022.", city)
    assert _quotes_acronym("WNI", "hak warga negara Indonesia") and not _quotes_acronym("TPP", "kasus TPPO")
    assert unsupported("Bagaimana dengan Kenya?", ["Kamboja dan Indonesia."]) == ["Kenya"]


def _toy_retriever_of(passages: list[tuple[str, list[str], float, float]]):
    """Passages (file, sentences, the passage's cosine to the toy question, its sentences' cosine), each its own document."""
    import numpy as np

    from assistant.records import Chunk, Sentence
    from assistant.search.index import Index
    from assistant.search.retrieve import Retriever

    def near(cosine: float) -> np.ndarray:
        return np.array([cosine, (1 - cosine ** 2) ** 0.5, 0.0], dtype=np.float32)

    chunks = [Chunk(str(i), file, file, 1, str(i), "Pasal 1", " ".join(s), [Sentence(x, []) for x in s])
              for i, (file, s, _, _) in enumerate(passages)]
    sentences = [x for _, s, _, _ in passages for x in s]
    index = Index.build(chunks, np.vstack([near(p) for _, _, p, _ in passages]), sentences,
                        np.vstack([near(c) for _, s, _, c in passages for _ in s]), {"dim": 3, "embedder": "toy"})
    return Retriever(index, _ToyEmbedder())


_STATUTE = ("uu.txt", ["Saksi dan korban berhak memperoleh perlindungan hukum dari setiap ancaman yang membahayakan diri, "
                       "jiwa, dan hartanya, termasuk keluarganya."], 0.93, 0.70)
_TREATY = ("treaty.md", ["Such safe conduct shall cease when the witness, expert or other person, having had for a period of "
                         "fifteen consecutive days the opportunity of leaving, has nevertheless remained voluntarily in the "
                         "territory of the requesting State Party."], 0.86, 0.87)


def test_a_question_answered_from_a_passage_in_the_other_language_is_not_held_to_the_words_of_the_first():
    """An Indonesian question whose answer is in an English treaty ranked below an Indonesian statute: its words
    are not in the treaty, and the statute that holds some of them does not answer; the same-language coverage
    is asked of the passage that answers (the treaty: none asked), not of the first one."""
    from assistant.answer.extractive import answer_question
    from assistant.search.query import analyse

    retriever = _toy_retriever_of([_STATUTE, _TREATY])
    query = analyse("Berapa lama jaminan perlindungan bagi saksi berlaku sebelum berakhir?", _ToyEmbedder(), language="id")
    hits = retriever.search(query)
    assert hits[0].chunk.file == "uu.txt"  # (what the test is about: the first passage is not the one that answers)
    answered = answer_question(query, retriever)
    assert answered["answerable"] and "fifteen consecutive days" in answered["answer"], answered["answer"]


def test_an_indonesian_question_over_english_text_shares_keywords_through_translations():
    """What an English question has through its words' translations, an Indonesian one has too ("saksi" is
    "witness"): a sentence at cosine 0.825 answers; a question sharing no word in either language does not."""
    from assistant.answer.extractive import answer_question
    from assistant.search.query import analyse

    treaty = ("treaty.md", _TREATY[1], 0.90, 0.825)
    query = analyse("Kapan jaminan bagi saksi berakhir?", _ToyEmbedder(), language="id")
    answered = answer_question(query, _toy_retriever_of([treaty]))
    assert answered["answerable"] and "fifteen consecutive days" in answered["answer"], answered["answer"]
    unrelated = analyse("Kapan musim hujan berakhir?", _ToyEmbedder(), language="id")
    assert not answer_question(unrelated, _toy_retriever_of([treaty]))["answerable"]


def test_the_sentence_after_a_long_best_one_fits_in_the_words_of_a_continuation():
    """A treaty's first paragraph fills most of an answer's words; the next one, as close to the question, goes on
    about it ("the liability of legal persons may be criminal, civil or administrative") and joins it within
    `continuation_words`, not `max_words`."""
    from assistant.answer.extractive import AnswerConfig, answer_question
    from assistant.search.query import analyse

    first = ("1. Each State Party shall adopt such measures as may be necessary, consistent with its legal principles, "
             "to establish the liability of legal persons for participation in serious crimes involving an organized "
             "criminal group and for the offences established in accordance with articles 5, 6, 8 and 23 of this "
             "Convention.")
    second = ("2. Subject to the legal principles of the State Party, the liability of legal persons may be criminal, "
              "civil or administrative.")
    config = AnswerConfig()
    assert len(first.split()) + len(second.split()) > config.max_words  # (what the test is about)
    query = analyse("What forms may the liability of legal persons take under the Convention?", _ToyEmbedder(), language="en")
    answered = answer_question(query, _toy_retriever([first, second], cosine=0.9), config=config)
    assert answered["answerable"] and "civil or administrative" in answered["answer"], answered["answer"]


def test_the_words_naming_the_document_asked_weigh_nothing_among_its_own_passages():
    """"According to this manual": every passage of the manual is the manual's; a sentence that says "manual" is no
    closer to what is asked (search/query.py `Query.itself`)."""
    from assistant.answer.extractive import AnswerConfig, score_sentences
    from assistant.search.query import analyse

    question = analyse("According to this manual, which recommendation does the syntax follow?", _ToyEmbedder(),
                       language="en")
    assert question.itself and question.itself <= question.about  # ("manual", as a keyword)
    retriever = _toy_retriever(["This manual describes the syntax of GNU Foo.",
                                "The syntax follows the X.680 recommendation of the ITU."])
    scored = score_sentences(question, retriever.search(question), retriever, AnswerConfig())
    assert not any(question.itself & set(x.terms) for x in scored)  # "manual" weighs nothing here
    assert "X.680" in scored[0].sentence.text, scored[0].sentence.text


def test_an_acronym_is_spelled_out_by_words_not_by_the_work_cited_after_it():
    from assistant.answer.extractive import _defines

    assert _defines("ACTIP", "ACTIP (ASEAN Convention Against Trafficking in Persons) dibentuk pada tahun 2015.")
    assert _defines("TPPO", "Tindak Pidana Perdagangan Orang (TPPO) menurut Prasetya (2020) adalah kejahatan.")
    assert not _defines("SATUSEHAT", "Puskesmas itu mengembangkan software yang terintegrasi dengan SATUSEHAT "
                                     "(Siswati et al., 2024).")


def test_the_sentence_before_the_best_one_beats_a_weaker_one_going_on_after_it():
    """"Pendidikan terakhir staf … adalah S1 Teknik Informatika." comes before the sentence that holds the question's
    words ("… latar belakang pendidikan staf …"): scoring as a neighbour should and higher than the "However, …"
    after it, and no longer, it is the second sentence; one going on with the next of what the best one lists
    ("Kemudian …") stays."""
    from assistant.answer.extractive import answer_question
    from assistant.search.query import analyse

    query = analyse("What is the educational background of the staff who develop the system?", _ToyEmbedder(),
                    language="en")
    prior = "The staff who develop the system hold a degree in informatics engineering."
    best = "The competence of the staff is good because their educational background fits the system work."
    after = "However, learning the new software the office bought last year takes them a long time."
    answered = answer_question(query, _toy_retriever([prior, best, after]))
    assert "informatics engineering" in answered["answer"] and "However" not in answered["answer"], answered["answer"]
    listed = answer_question(query, _toy_retriever([prior, best, "Kemudian hal tersebut berlaku pula bagi staf baru."]))
    assert "Kemudian" in listed["answer"] and "informatics" not in listed["answer"], listed["answer"]
