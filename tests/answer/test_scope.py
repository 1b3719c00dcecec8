"""A question asking what one document says, about a name that document never mentions, is a near miss
(answer/scope.py): on a real two-document index (a statute and the thesis), with the real embedder."""
import pytest

STATUTE = ["Pasal 59 (1) Untuk mengefektifkan penyelenggaraan pencegahan dan pemberantasan tindak pidana perdagangan "
           "orang, Pemerintah Republik Indonesia wajib melaksanakan kerja sama internasional.",
           "(2) Kerja sama sebagaimana dimaksud pada ayat (1) dapat dilakukan dalam bentuk perjanjian bantuan timbal "
           "balik dalam masalah pidana dan/atau kerja sama teknis lainnya.",
           "Pasal 2 Setiap orang yang melakukan perekrutan dipidana dengan pidana penjara paling singkat 3 (tiga) tahun."]
THESIS = ["Kerja sama bilateral Indonesia dan Kamboja dalam menanggulangi perdagangan orang (TPPO) dilakukan melalui "
          "pertemuan para menteri luar negeri.",
          "Indonesia dan Kamboja menandatangani nota kesepahaman kerja sama kepolisian pada 2 Agustus 2022."]


@pytest.fixture(scope="module")
def retriever(engine):
    from assistant.records import Chunk, Sentence
    from assistant.search.index import Index
    from assistant.search.retrieve import Retriever

    chunks = [Chunk("0", "UU No. 21 Tahun 2007", "uu-21-2007.txt", 1, "1", "Pasal 59", " ".join(STATUTE[:2]),
                    [Sentence(s, []) for s in STATUTE[:2]]),
              Chunk("1", "UU No. 21 Tahun 2007", "uu-21-2007.txt", 2, "2", "Pasal 2", STATUTE[2], [Sentence(STATUTE[2], [])]),
              Chunk("2", "Tesis", "thesis.txt", 1, "1", "BAB II", " ".join(THESIS), [Sentence(s, []) for s in THESIS])]
    embedder = engine.retriever.embedder  # the real multilingual-e5-small
    sentences = STATUTE + THESIS
    vectors = embedder.embed_passages([c.text for c in chunks])
    meta = {"dim": vectors.shape[1], "embedder": embedder.id,
            "documents": {"uu-21-2007.txt": {"title": "UU No. 21 Tahun 2007", "full_title": "Undang-Undang Nomor 21 "
                                             "Tahun 2007 tentang Pemberantasan Tindak Pidana Perdagangan Orang",
                                             "kind": "statute", "number": "21", "year": "2007"},
                          "thesis.txt": {"title": "Tesis", "kind": "text"}}}
    index = Index.build(chunks, vectors, sentences,
                        embedder.embed_passages(sentences), meta)
    return Retriever(index, embedder)


def test_a_name_the_asked_document_never_mentions_is_a_near_miss(retriever):
    from assistant.answer.extractive import answer_question

    asked = retriever.query("Bagaimana kerja sama antara Indonesia dan Kamboja menurut UU Nomor 21 Tahun 2007?")
    assert asked.asks_source
    refused = answer_question(asked, retriever)
    assert not refused["answerable"] and refused["answer"] == "*UU No. 21 Tahun 2007* tidak menyebut Kamboja."
    # the same name asked of no document in particular is answered from the one that mentions it
    free = answer_question(retriever.query("Apa isi kerja sama antara Indonesia dan Kamboja?"), retriever)
    assert free["answerable"] and "Kamboja" in free["answer"]
    # and a name the statute mentions, asked of it, is answered from it
    own = answer_question(retriever.query("Menurut UU Nomor 21 Tahun 2007, apa bentuk kerja sama internasional "
                                          "Pemerintah Republik Indonesia?"), retriever)
    assert own["answerable"] and "perjanjian bantuan timbal balik" in own["answer"]


def test_the_thesis_framed_as_the_source_is_no_statute_an_acronym_spells(retriever):
    """"Menurut tesis, … TPPO?" asks the thesis, though "TPPO" spells the statute's title: it is not refused
    as a name the statute never mentions (the thesis itself is not checked: a reader writes its names
    otherwise, "Menlu" for "Menteri Luar Negeri")."""
    from assistant.answer.extractive import answer_question

    asked = retriever.query("Menurut tesis, bagaimana kerja sama Indonesia dan Kamboja dalam memberantas TPPO?")
    answered = answer_question(asked, retriever)
    assert answered["answerable"] and "Kamboja" in answered["answer"], answered["answer"]
    # (the statute asked by its own name is still checked)
    refused = answer_question(retriever.query("Menurut UU TPPO, bagaimana kerja sama Indonesia dan Kamboja?"), retriever)
    assert refused["answer"] == "*UU No. 21 Tahun 2007* tidak menyebut Kamboja.", refused["answer"]


def test_what_names_nothing_is_not_looked_for():
    """Its title's words, a part, a law's own name, a month, a stopword, an acronym the document spells out,
    the sentence's first word: none of them is a name to find."""
    from assistant.answer.scope import unmentioned
    from assistant.search.query import analyse

    class Names:  # (its words as cognate keys, "inter" of "internasional", and as stems)
        words = {"uu-21-2007.txt": {"kerja", "sama", "inter", "perintah", "indon", "manus", "dagan"}}
        stems = {"uu-21-2007.txt": {"kerja", "sama", "internasional", "pemerintah", "indonesia", "manusia", "dagang"}}
        authors, initials = {}, {"uu-21-2007.txt": "PTPPO"}
        acronyms, spelled = {"uu-21-2007.txt": {"TPPO", "P2TP2A"}}, {"uu-21-2007.txt": set()}

    class Index:
        meta = {"documents": {"uu-21-2007.txt": {"title": "UU No. 21 Tahun 2007"}}}

        @staticmethod
        def language(file):
            return "id"

    class Retriever:
        names, index = Names(), Index()

    def absent(question: str) -> list[str]:
        return unmentioned(analyse(question, None, language="id"), "uu-21-2007.txt", Retriever())

    assert absent("Indonesia bekerja sama dengan Kamboja menurut UU ini?") == ["Kamboja"]
    assert absent("Menurut Pasal 59 dan Penjelasan UU No. 21 Tahun 2007, apa kerja sama TPPO pada Desember?") == []
    assert absent("Apakah the Foreign Relations Law atau the States dibahas menurut UU ini?") == []
    assert absent("Kerja sama apa yang diatur UU ini dengan ASEAN?") == ["ASEAN"]
    # a sentence's first word, a question in capitals, a loan term after a known word, a chapter's number
    assert absent("Hi! Summarise what UU ini says about Kamboja.") == ["Kamboja"]
    assert absent("MENURUT UU INI, APA KERJA SAMA DENGAN KAMBOJA?") == []
    assert absent("Bagaimana definisi Human Trafficking menurut UU ini dalam Bab III?") == []
    assert absent("Menurut UU ini, apa pendapat L'Hoiry?") == ["L'Hoiry"]
    # a name is found by its own stem in a document of its language: "Interpol" is no "internasional"
    # (their cognate keys are alike); an acronym with digits is a name, written or not
    assert absent("Menurut UU ini, apa peran Interpol dalam kerja sama internasional?") == ["Interpol"]
    assert absent("Menurut UU ini, apa peran BP2MI dan P2TP2A?") == ["BP2MI"]


def test_a_name_asked_in_another_language_is_looked_for_through_its_translations():
    """An English question over an Indonesian statute: "Governor" is "Gubernur", "Cambodia" is "Kamboja"; an
    acronym the lexicon does not know is not looked for ("EMR" is written "RME"), one it knows is ("ASEAN"). An Indonesian one over an English treaty: "PBB" is
    the "UN" that "United Nations" spells, "PDF" is looked for as it is."""
    from assistant.answer.scope import unmentioned
    from assistant.search.query import analyse

    class Names:
        words = {"perda.txt": {"guber", "daerah", "rencana", "aksi"}, "treaty.md": {"unite", "nation", "sekre"}}
        stems = {"perda.txt": {"gubernur", "daerah", "rencana", "aksi"},
                 "treaty.md": {"united", "nation", "secretary", "commercial", "carrier"}}
        authors, initials = {}, {"perda.txt": "PDIY", "treaty.md": "PPP"}
        acronyms = {"perda.txt": set(), "treaty.md": {"PREAMBLE"}}  # (a word in capitals spells nothing)
        spelled = {"perda.txt": set(), "treaty.md": {"UN"}}

    class Index:
        meta = {"documents": {}}

        @staticmethod
        def language(file):
            return "id" if file == "perda.txt" else "en"

    class Retriever:
        names, index = Names(), Index()

    def absent(question: str, language: str, file: str) -> list[str]:
        return unmentioned(analyse(question, None, language=language), file, Retriever())

    assert absent("According to this regulation, what must the Governor do with the EMR?", "en", "perda.txt") == []
    assert absent("According to this regulation, what does it say of Cambodia?", "en", "perda.txt") == ["Cambodia"]
    assert absent("According to this regulation, how does it work with ASEAN?", "en", "perda.txt") == ["ASEAN"]  # (known)
    # (an English name in an English document: by its lemma, "Carriers" is "carrier")
    assert absent("According to this protocol, what must Commercial Carriers check?", "en", "treaty.md") == []
    # (a code with digits is written alike in both languages: looked for as it is)
    assert absent("According to this regulation, what does BP2MI do?", "en", "perda.txt") == ["BP2MI"]
    # (and so are acronyms hyphened together: named whole)
    assert absent("According to this regulation, how is TF-IDF weighting used?", "en", "perda.txt") == ["TF-IDF"]
    assert absent("Resolusi PBB mana yang dirujuk protokol ini?", "id", "treaty.md") == []
    assert absent("Menurut protokol ini, format PDF atau PEM apa yang dipakai?", "id", "treaty.md") == ["PDF", "PEM"]
    # ("Sekretaris Jenderal": "secretary" is there, "general" too common to be a keyword)
    assert absent("Menurut protokol ini, siapa Sekretaris Jenderal?", "id", "treaty.md") == []
    assert absent("Menurut protokol ini, apa peran Majelis Kota?", "id", "treaty.md") == ["Majelis Kota"]
    # a name the lexicon does not know is written alike in both languages: looked for as it is ("Phnom Penh", "Baidu")
    assert absent("According to this regulation, when did the Governor visit Phnom Penh?", "en", "perda.txt") \
        == ["Phnom Penh"]
    assert absent("Menurut protokol ini, bagaimana Baidu bekerja sama dengan PBB?", "id", "treaty.md") == ["Baidu"]


def test_a_question_that_asks_what_a_document_says():
    from assistant.search.query import analyse

    for question in ("Apa isi kerja sama yang diatur dalam UU Nomor 21 Tahun 2007?", "Menurut artikel ini, siapa penulisnya?",
                     "How does UU 18/2017 deal with online scams?", "What penalty does the law itself prescribe?",
                     "Berapa korban yang dicatat dalam UNTOC?", "Kapan Kamboja meratifikasi menurut undang-undang ini?",
                     "Which hospitals were compared in this study?"):
        assert analyse(question, None).asks_source, question
    for question in ("When did Indonesia sign the Palermo Protocol?", "Siapa yang menandatangani MoU itu?",
                     "Apa isi kerja sama Indonesia dan Kamboja?", "Mengapa Indonesia membuat reservasi dalam Protokol Palermo?",
                     "When did Indonesia ratify the UNTOC?", "What did Indonesia reserve in the Palermo Protocol?",
                     "Did Indonesia sign this protocol?"):  # (a document a question is about, not its source)
        assert not analyse(question, None).asks_source, question
