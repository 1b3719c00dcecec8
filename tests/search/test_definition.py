"""The term a question asks the meaning of, and the sentences that define it."""
import pytest

from assistant.search.definition import defined_terms, defines


@pytest.mark.parametrize("question, terms", [
    ('Apa yang dimaksud dengan "rumah aman" menurut penjelasan Perda ini?', ("rumah aman",)),
    ("Apa yang dimaksud dengan penyerahan terkendali (controlled delivery) menurut Pasal 2?",
     ("penyerahan terkendali", "controlled delivery")),
    ("Bagaimana UU Hubungan Luar Negeri mendefinisikan Organisasi Internasional?", ("Organisasi Internasional",)),
    ("Apa pengertian temu kembali informasi menurut Salton?", ("temu kembali informasi",)),
    ("How does Organ define organizational citizenship behaviour, as quoted in the article?",
     ("organizational citizenship behaviour",)),
    ("What is meant by a safe house?", ("safe house",)),
    ("What does trafficking in persons mean?", ("trafficking in persons",)),
    ("Apa arti penting kerja sama ini?", ()),  # "arti penting": its significance, not its meaning
    ("What forms of exploitation does the protocol's definition include?", ()),
    ("Kapan perjanjian itu ditandatangani?", ()),
    ("What is meant by trafficking in persons?", ("trafficking in persons",)),  # a term of several words
    ("Apa yang dimaksud dengan hak untuk hidup?", ("hak untuk hidup",)),
    ("Bagaimana kertas ini mengusulkan definisi MBR untuk sektor air minum dan sanitasi?", ("MBR",)),  # a long span
    ("How is trafficking defined in the protocol?", ("trafficking",)),
    ("What does UNODC define as exploitation?", ("exploitation",)),
    ("What does the author mean by resilience?", ("resilience",)),
    ("Apa arti kata 'ijon'?", ("ijon",)),
    ("What does it mean?", ()), ("What does this mean for victims?", ()),  # a pronoun is no term
    ("What defines a good leader?", ()),
])
def test_the_term_asked_about(question, terms):
    assert defined_terms(question) == terms


@pytest.mark.parametrize("terms, sentence, expected", [
    (("Organisasi Internasional",), "5. Organisasi Internasional adalah organisasi antarpemerintah.", True),
    (("kejahatan serius", "serious crime"), '(b) "Serious crime" shall mean conduct constituting an offence', True),
    (("rumah aman",), "Yang dimaksud dengan “rumah aman” adalah tempat tinggal sementara.", True),
    (("exclusion error",), "while exclusion errors represent individuals below the threshold", True),
    (("MBR",), "Definisi MBR yang kami usulkan adalah: rumah tangga berpenghasilan rendah.", True),
    (("human trafficking",), "UU ini mendefinisikan *human trafficking* sebagai perekrutan orang.", True),
    (("safe house",), "A safe house is a temporary shelter.", True),
    (("anak",), "Berdasarkan bukti empiris, perempuan dan anak-anak adalah kelompok rentan.", False),  # "anak-anak"
    (("anak",), "Anak yang menjadi korban berhak atas rehabilitasi.", False),  # named, not defined
    (("victim",), "The victim is a 15-year-old girl from Java.", False),  # "is a" only when the term opens it
    (("korban",), "Jumlah korban: 12 orang.", False),
    (("kayayie",), "One such practice in Ghana is known as kayayie.", True),  # named for what it describes
    (("hoax",), "The so-called hoax spread fast.", False),
    (("ijon",), "Praktik pinjaman ini disebut ijon oleh petani.", True),
    # a clause between the term and its copula ("“X”, which includes Y, shall mean"), but not a whole sentence
    (("confiscation",), "g) “Confiscation”, which includes forfeiture where applicable, shall mean the permanent "
                        "deprivation of property by order of a court;", True),
    (("anak",), "Anak, yang dalam Perda ini disebut juga anak didik, adalah seseorang yang belum berusia 18 tahun.", True),
    (("victim",), "The victim, which the police found in June, refers the case to a lawyer. It means little.", False),
])
def test_a_sentence_defines_the_term(terms, sentence, expected):
    assert defines(terms, sentence) is expected


def test_a_one_word_term_is_also_looked_for_in_the_other_language():
    from assistant.search.query import analyse

    assert analyse("What is meant by a child?", None, language="en").meaning_of == ("child", "anak")
    assert analyse('Siapa yang dimaksud dengan "anak"?', None, language="id", english=lambda _: 0.0).meaning_of \
        == ("anak", "child")
    assert analyse("Kapan yang dimaksud dengan anak berlaku?", None, language="id").meaning_of == ()  # a date asked


def test_a_sentence_defines_the_term_the_one_before_named():
    from assistant.search.definition import defines_after

    named = "One such practice in Ghana is known as kayayie."
    assert defines_after(("kayayie",), "This word refers to the practice of employing women as porters.", named)
    assert defines_after(("ijon",), "Istilah ini berarti pinjaman dibayar dengan panen.", "Pinjaman itu disebut ijon.")
    assert not defines_after(("ijon",), "Istilah ini berarti pinjaman dibayar dengan panen.", "Petani mengenal ijon.")
    assert not defines_after(("kayayie",), "The practice is banned in Accra since 2010.", named)  # says no meaning
    assert not defines_after(("kayayie",), "This word refers to the practice of employing porters.", "Markets grew.")
    assert not defines_after(("kayayie",), "Porters carry heavy loads.", named)


def test_the_passage_defining_the_term_asked_is_found_and_ranked_up(tmp_path):
    """A passage saying what "rumah aman" is joins the candidates and gains `definition_bonus` over passages
    that only name it."""
    from assistant.engine import Assistant
    from assistant.ingest.build import ingest
    from assistant.settings import Settings

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Rumah aman di kota ini penuh. Rumah aman dijaga polisi setiap malam. Korban "
                                  "tinggal di rumah aman selama proses hukum berjalan.\n", encoding="utf-8")
    (corpus / "b.txt").write_text("Ketentuan umum. Rumah aman adalah tempat tinggal sementara yang dirahasiakan "
                                  "bagi korban.\n", encoding="utf-8")
    settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "index")
    assert ingest(settings, progress=False, log=lambda *_: None).exit_code == 0
    retriever = Assistant(settings).retriever
    query = retriever.query("Apa yang dimaksud dengan rumah aman?")
    rows = retriever._defining_rows(query, None)
    assert {retriever.index.chunks[r].file for r in rows} == {"b.txt"}
    with_bonus = {h.chunk.file: h.score for h in retriever.search(query, 2)}
    retriever.definition_bonus = 0.0
    without = {h.chunk.file: h.score for h in retriever.search(query, 2)}
    assert with_bonus["b.txt"] - without["b.txt"] == pytest.approx(0.3, abs=0.05)
    assert with_bonus["a.txt"] == pytest.approx(without["a.txt"], abs=0.05)


def test_a_term_in_capitals_inside_a_longer_one_is_not_defined():
    """A statute's Pasal 1 defines "Pelindungan Pekerja Migran Indonesia" and "Pekerja Migran Indonesia": only
    the second says what "Pekerja Migran Indonesia" is."""
    term = ("Pekerja Migran Indonesia",)
    assert defines(term, "2. Pekerja Migran Indonesia adalah setiap warga negara Indonesia yang bekerja di luar negeri.")
    assert not defines(term, "5. Pelindungan Pekerja Migran Indonesia adalah segala upaya untuk melindungi kepentingan.")
    assert not defines(term, "3. Keluarga Pekerja Migran Indonesia adalah suami, istri, anak, atau orang tua.")
    assert defines(term, "Menurut UU ini, Pekerja Migran Indonesia adalah setiap warga negara Indonesia.")
    assert defines(("korban",), "Saksi korban adalah orang yang melihat.")  # (a term in lower case: as before)
