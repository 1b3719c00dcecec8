"""Which document a question names, on a real index of four small documents."""
import pytest
from smallindex import ingest_texts

STATUTE = ("UNDANG-UNDANG REPUBLIK INDONESIA\nNOMOR 9 TAHUN 2030\nTENTANG\nPELINDUNGAN NELAYAN PESISIR\n"
           "Pasal 1\nNelayan pesisir berhak atas pelindungan dari cuaca buruk.\nPasal 2\nPemerintah menyediakan "
           "asuransi bagi nelayan pesisir.\nPasal 3\nUndang-Undang ini mulai berlaku pada tanggal diundangkan.\n"
           "PENJELASAN\nATAS\nUNDANG-UNDANG REPUBLIK INDONESIA\nNOMOR 9 TAHUN 2030\nI. UMUM\nPelindungan nelayan "
           "pesisir dilaksanakan melalui asuransi dan pelatihan keselamatan di laut.\n")
TREATY = ("# Convention on Maritime Rescue Cooperation\n\n### Article 1\n\n#### Purpose\n\nStates Parties shall "
          "cooperate in rescue at sea.\n\n### Article 2\n\n#### Depositary\n\nThe Secretary-General shall be the "
          "depositary.\n\n### Article 3\n\n#### Entry into force\n\nThis Convention enters into force after ten "
          "ratifications.\n\n### Article 4\n\n#### Signature\n\nThis Convention is open for signature at Lisbon. "
          "States may take additional measures.\n")


@pytest.fixture(scope="module")
def retriever(tmp_path_factory):
    from assistant.engine import Assistant

    thesis = ("Nelayan pesisir menghadapi cuaca buruk dan kerja sama penyelamatan di laut menjadi penting bagi negara "
              "kepulauan. Perjanjian internasional mulai berlaku setelah diratifikasi oleh negara.\n")
    settings = ingest_texts(tmp_path_factory.mktemp("mentions"), {"a.txt": STATUTE, "b.md": TREATY, "thesis.txt": thesis})
    return Assistant(settings).retriever


@pytest.mark.parametrize("question, named", [
    ("Apa isi Pasal 2 UU Nomor 9 Tahun 2030?", "a.txt"),  # number and year
    ("What does the 2030 law say about insurance?", "a.txt"),  # a law of that year
    ("Who is the depositary of the Convention on Maritime Rescue?", "b.md"),  # title words
    ("Kapan konvensi ini mulai berlaku?", "b.md"),  # "this convention": the title's head noun
    ("Who is the depositary of the Lisbon Convention?", "b.md"),  # a convention by the place its text names
    ("Siapa penyimpan Konvensi Lisbon?", "b.md"),
    ("Who is the depositary of the Lisbon Protocol?", None),  # … and by its kind: no protocol is indexed
    ("Who is the depositary of the Additional Convention?", None),  # "additional": a word of its text, no name
    ("Apa yang dihadapi nelayan pesisir?", None),  # topic words name no document
])
def test_the_named_document(retriever, question, named):
    assert retriever.names.named(retriever.query(question)) == named


def test_the_thesis_means_the_thesis_and_a_named_part_ranks_first(retriever):
    hits = retriever.search(retriever.query("Apa isi Pasal 2 UU Nomor 9 Tahun 2030?"), k=3)
    assert hits[0].chunk.section.endswith("Pasal 2") and hits[0].named
    home = retriever.search(retriever.query("Apa yang dibahas tesis ini tentang laut?"), k=3)
    assert home[0].chunk.file == "thesis.txt" and home[0].named


def test_an_acronym_names_the_title_it_spells_most_of(retriever):
    """"CMRC" spells the convention's title and, inside it, a protocol's title quoting the convention's
    full name: the convention is named (both scored alike before, so neither was)."""
    from assistant.search.mentions import DocumentNames

    names = DocumentNames(names={"b.md": set(), "c.md": set()}, idf={}, statutes={}, heads={}, authors={},
                          initials={"b.md": "COMRC", "c.md": "PORBSTCOMRC"})  # "Protocol on Rescue Boats, Supplementing the …"
    query = retriever.query("When did the CMRC enter into force?")
    assert names.scores(query) == pytest.approx({"b.md": 3.0, "c.md": 3.0 * 5 / 11})  # by the share of initials spelt
    assert names.named(query) == "b.md"


def test_the_penjelasan_asked_of_a_named_statute_ranks_first(retriever):
    """"according to the elucidation" with the statute named by number or by its title's words."""
    for question in ("Menurut penjelasan UU Nomor 9 Tahun 2030, siapa menyediakan asuransi bagi nelayan pesisir?",
                     "What does the elucidation of the law on coastal fishermen protection say about insurance?"):
        hits = retriever.search(retriever.query(question), k=3)
        assert hits[0].chunk.section.startswith("Penjelasan"), (question, [h.chunk.section for h in hits])


def test_the_penjelasan_asked_of_no_named_statute_is_searched_in_every_statute(retriever):
    """"according to the general elucidation", no statute named: a statute's Penjelasan, not the thesis
    or its Pasal 2 on insurance, comes first."""
    question = "According to the general elucidation, who provides the insurance?"
    query = retriever.query(question)
    assert retriever.names.named(query) is None
    hits = retriever.search(query, k=3)
    assert hits[0].chunk.section.startswith("Penjelasan"), [h.chunk.section for h in hits]


def test_an_indonesian_question_reaches_the_english_treatys_article_through_its_english_gloss(retriever):
    """The question's vector summed with its word-for-word English gloss searches the English passages:
    the article answering comes first; with the question's own vector alone the Indonesian thesis did."""
    from dataclasses import replace

    query = retriever.query("Berapa ratifikasi yang diperlukan agar perjanjian itu berlaku?")
    assert query.english_vector is not None
    hits = retriever.search(query, k=3)
    assert (hits[0].chunk.file, hits[0].chunk.section) == ("b.md", "Article 3 Entry into force")
    assert retriever.search(replace(query, english_vector=None), k=3)[0].chunk.file == "thesis.txt"
    assert retriever.query("When does the convention enter into force?").english_vector is None  # English: its own


def test_an_authors_surname_names_the_paper(retriever):
    from assistant.search.mentions import DocumentNames

    names = DocumentNames(names={"p.pdf": set(), "q.pdf": set()}, idf={}, statutes={}, heads={}, initials={},
                          authors={"p.pdf": {"purwanti", "nurhayati"}, "q.pdf": {"ramadhani"}})
    assert names.named(retriever.query("Metode analisis apa yang dipakai dalam penelitian Purwanti dan Nurhayati?")) \
        == "p.pdf"
    assert names.named(retriever.query("Metode analisis apa yang dipakai dalam penelitian ini?")) is None


def test_a_noun_that_calls_one_kind_names_the_one_document_of_that_kind(retriever):
    """"artikel ini", "this paper" with one paper indexed beside the thesis: that paper (the thesis is no article);
    "penelitian ini" may be the thesis, and with two papers "this article" names neither."""
    from assistant.search.mentions import DocumentNames

    def names(kinds: dict[str, str]) -> DocumentNames:
        return DocumentNames(names=dict.fromkeys(kinds, set()), idf={}, statutes={}, heads={}, initials={},
                             authors={}, kinds=kinds)

    one = names({"p.pdf": "paper", "thesis.txt": "document", "a.txt": "statute"})
    for question in ("Metode penelitian apa yang digunakan penulis dalam artikel ini?", "What method does this paper use?"):
        assert one.named(retriever.query(question)) == "p.pdf", question
    assert one.named(retriever.query("Kapan undang-undang ini disahkan?")) == "a.txt"
    assert one.named(retriever.query("Metode apa yang digunakan dalam penelitian ini?")) is None
    two = names({"p.pdf": "paper", "q.pdf": "paper", "thesis.txt": "document"})
    assert two.named(retriever.query("What method does this article use?")) is None
    # … or as the source it asks ("according to the convention", "menurut Konvensi"), not a part ("under Article 12")
    treaty = names({"t.md": "treaty", "p.pdf": "paper", "thesis.txt": "document"})
    for question in ("How can witnesses testify safely according to the convention?",
                     "Apa bentuk tanggung jawab badan hukum menurut Konvensi?"):
        assert treaty.named(retriever.query(question)) == "t.md", question
    assert treaty.named(retriever.query("Who may organise apprenticeships according to Article 12?")) is None


def test_only_a_papers_author_names_it_and_not_as_the_questions_first_word(retriever):
    from assistant.search.mentions import DocumentNames

    documents = retriever.index.meta["documents"]
    saved = {f: dict(m) for f, m in documents.items()}
    try:
        documents["a.txt"].update(authors=["TENTANG"])  # a statute's subject line read as a name
        documents["b.md"].update(kind="paper", authors=["Maria Santos", "Ph.D"])
        names = DocumentNames.of(retriever.index)
        assert names.authors["a.txt"] == set() and names.authors["b.md"] == {"santos"}
        assert names.named(retriever.query("Menurut Santos, kapan perjanjian mulai berlaku?")) == "b.md"
        assert names.named(retriever.query("Santos menulis apa tentang nelayan pesisir?")) is None
    finally:
        documents.clear()
        documents.update(saved)


def test_english_candidates_are_english_even_where_indonesian_passages_lie_closer(retriever):
    """With the question nearest to Indonesian passages, the English candidates are still the closest
    English ones, as many as asked (a search of the whole index, then kept to English, found none)."""
    import numpy as np

    english = set(np.flatnonzero(retriever.english_rows).tolist())
    indonesian = next(r for r in range(len(retriever.index.chunks)) if r not in english)
    vector = retriever.index.vectors.reconstruct(indonesian)
    found = retriever._english_candidates(vector, 2, None)
    assert len(found) == 2 and set(found) <= english
    assert retriever.query("Apa itu?").english_vector is None  # stopwords alone: no gloss to search with


def test_a_documents_words_are_read_as_stems_and_an_english_ones_as_lemmas_too(retriever):
    """For the scope check (answer/scope.py): the statute's stems, not cognate keys ("internasional" is no
    "interpol"); the treaty's inflected words and their lemmas ("ratifications" and "ratification")."""
    names = retriever.names
    assert "internasional" in names.stems["thesis.txt"] and "inter" not in names.stems["thesis.txt"]
    assert {"ratifications", "ratification", "parties", "party", "enters", "enter"} <= names.stems["b.md"]
    assert "nelayan" in names.stems["a.txt"]


def test_an_acronym_with_digits_is_read_and_spells_the_letters_it_counts():
    """"P3MI" is "PPPMI" (Perusahaan Penempatan Pekerja Migran Indonesia); "BP2MI", "P2TP2A", "COVID19" are
    acronyms of a text."""
    from assistant.search.mentions import _ACRONYM, spells

    assert spells("P3MI", "PPPMI") and spells("BP2MI", "BPPMI") and not spells("P3MI", "PPMI")
    assert _ACRONYM.findall("BP2MI, P2TP2A dan COVID19 bukan BP") == ["BP2MI", "P2TP2A", "COVID19"]


@pytest.mark.parametrize("question, said", [
    # a treaty called by a place its text names, with its kind; by the title's words and a document noun
    ("Siapa penyimpan Konvensi Lisbon?", "Siapa penyimpan konvensi ini?"),
    ("Who is the depositary of the Convention on Maritime Rescue?", "Who is the depositary of this convention?"),
    ("Who is the depositary of the Lisbon Convention under Article 2?", "Who is the depositary of this convention under Article 2?"),
    ("What does the 2030 law say about insurance?", "What does this law say about insurance?"),  # a law by its year
    ("Apa isi Pasal 2 UU Nomor 9 Tahun 2030?", None),  # a statute by number: legal.as_this_law says it
    ("Apa yang dihadapi nelayan pesisir?", None),  # no document named
    ("Who is the Secretary in this convention?", None),  # a name of its text, but apart from "this convention"
])
def test_the_question_said_of_the_document_it_names(retriever, question, said):
    assert retriever.names.said_of_named(retriever.query(question)) == said


def test_title_words_alone_are_not_said_as_this_document():
    """A paper named by its title's words only ("retrieval engines") may be asked about them: they stay; with a
    document noun or its author's surname they name it, and are said so."""
    from assistant.search.keywords import tokenize
    from assistant.search.mentions import DocumentNames
    from assistant.search.query import analyse

    title = set(tokenize("retrieval engines"))
    names = DocumentNames(names={"p.pdf": title, "q.pdf": {"hewan"}}, idf=dict.fromkeys(title, 1.5), statutes={},
                          heads={}, initials={"p.pdf": "RE"}, authors={"p.pdf": {"ahmad"}, "q.pdf": set()},
                          kind_nouns={"p.pdf": ("study", "penelitian")})
    said = lambda q: names.said_of_named(analyse(q, None))  # noqa: E731
    assert said("How do retrieval engines rank pages?") is None
    assert said("How do pages rank in the retrieval engines study?") == "How do pages rank in this study?"
    assert said("Apa kesimpulan penelitian Ahmad?") == "Apa kesimpulan penelitian ini?"
    # (its subject after "tentang", as a statute's title: the document's name)
    assert said("Apa kesimpulan penelitian Ahmad tentang retrieval engines?") == "Apa kesimpulan penelitian ini?"


def test_a_named_treatys_passages_are_searched_with_what_is_asked_of_it(retriever):
    """"Kapan Konvensi Lisbon mulai berlaku?": every passage of the convention holds its name; asked of "konvensi
    ini", the article on entry into force comes first among them, in the places the whole question gives it."""
    query = retriever.query("When does the Lisbon Convention enter into force?")
    assert query.within_vector is not None
    hits = [h for h in retriever.search(query, k=6) if h.chunk.file == "b.md"]
    assert hits[0].chunk.section == "Article 3 Entry into force" and all(h.within for h in hits)
    assert retriever.query("When does a convention enter into force?").within_vector is None
