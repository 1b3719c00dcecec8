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
    (("kayayie",), "One such practice in Ghana is known as kayayie.", True),  # named for what it describes
    (("ijon",), "Praktik pinjaman ini disebut ijon oleh petani.", True),
])
def test_a_sentence_defines_the_term(terms, sentence, expected):
    assert defines(terms, sentence) is expected


def test_a_one_word_term_is_also_looked_for_in_the_other_language():
    from assistant.search.query import analyse

    assert analyse("What is meant by a child?", None, language="en").defines == ("child", "anak")
    assert analyse('Siapa yang dimaksud dengan "anak"?', None, language="id", english=lambda _: 0.0).defines \
        == ("anak", "child")
    assert analyse("Kapan yang dimaksud dengan anak berlaku?", None, language="id").defines == ()  # a date asked


def test_a_sentence_defines_the_term_the_one_before_named():
    from assistant.search.definition import defines_after

    named = "One such practice in Ghana is known as kayayie."
    assert defines_after(("kayayie",), "This word refers to the practice of employing women as porters.", named)
    assert defines_after(("ijon",), "Istilah ini berarti pinjaman dibayar dengan panen.", "Petani mengenal ijon.")
    assert not defines_after(("kayayie",), "This word refers to the practice of employing porters.", "Markets grew.")
    assert not defines_after(("kayayie",), "Porters carry heavy loads.", named)
