"""Lists in an answer: a lead-in and the items after it (assistant/answer/lists.py)."""


def test_list_items_end_with_the_list_and_heads_keep_abbreviations():
    """The items of "… meliputi:" end at their last item ("c. … ." after "a. …;"), not at the next ayat;
    a page-cited "(2017: 8)" opens no list; a citation's "; p. 12" is no item; "No." ends no clause."""
    from assistant.answer.lists import heads, is_lead_in, list_items
    from assistant.records import Sentence

    s = [Sentence(t, []) for t in ("a. peringatan tertulis;", "b. penghentian sementara; atau", "c. pencabutan izin.",
                                   "(2) Ketentuan lebih lanjut diatur dengan Peraturan Menteri.", "(3) Menteri dapat.")]
    assert [x.text for x in list_items(s)] == [x.text for x in s[:3]]
    assert [x.text for x in list_items([Sentence("1. Satu;", []), Sentence("a. dua;", [])])] == ["1. Satu;"]
    assert not is_lead_in(Sentence("Menurut Sugiyono (2017: 8) metode ini berlandaskan positivisme;", []))
    assert is_lead_in(Sentence("Pekerja hanya dapat bekerja ke negara yang: a. mempunyai peraturan;", []))
    items = [Sentence("a. satu dua tiga (Jones, 2019; p. 12) empat lima enam tujuh delapan;", []),
             Sentence("b. UU No. 21 Tahun 2007 tentang pemberantasan tindak pidana perdagangan orang;", []),
             Sentence("c. tiga.", [])]
    shown = heads(items, 10)
    assert shown.startswith("a. satu dua tiga …") and "b. UU No. 21 …" in shown and shown.endswith("c. tiga."), shown


def test_a_short_list_after_a_long_lead_in_is_given_whole():
    """A treaty's paragraph leads in to its list in 45 words ("… in particular, the provision of:"); the four
    items (33 words) are the answer, given whole in one quote, not cut to their first words ("c) Medical …")."""
    from assistant.answer.extractive import AnswerConfig
    from assistant.answer.lists import items_after
    from assistant.records import Chunk, Sentence
    from assistant.search.retrieve import Hit

    lead = ("3. Each State Party shall consider implementing measures to provide for the physical, psychological and "
            "social recovery of victims of trafficking in persons, including, in appropriate cases, in cooperation "
            "with non-governmental organizations, other relevant organizations and other elements of civil society, "
            "and, in particular, the provision of:")
    items = ["a) Appropriate housing;",
             "b) Counselling and information, in particular as regards their legal rights, in a language that the "
             "victims of trafficking in persons can understand;",
             "c) Medical, psychological and material assistance; and",
             "d) Employment, educational and training opportunities."]
    sentences = [Sentence(x, []) for x in [lead, *items]]
    hit = Hit(Chunk("0", "Protocol", "protocol.md", 1, "0", "Article 6", " ".join([lead, *items]), sentences), 0, 1.0, 1.0, 0.0)
    quoted = " ".join(x.text for _, x in items_after(hit, sentences[0], len(lead.split()), AnswerConfig().max_words))
    assert "Medical, psychological and material assistance" in quoted, quoted
    assert "Employment, educational and training opportunities." in quoted, quoted
