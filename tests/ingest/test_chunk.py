"""Chunking: rejoined paragraphs, section paths, list handling, sentence attribution."""
from pathlib import Path

from assistant.ingest.chunk import chunk_document, paragraphs, split_sentences
from assistant.ingest.load import Document, Page, load_document

from conftest import THESIS


def _doc(text: str) -> Document:
    return Document(path=Path("x.txt"), title="x", pages=[Page(None, text)])


def test_paragraph_broken_at_old_page_boundary_is_rejoined():
    paras = paragraphs(load_document(THESIS))
    joined = [p.text for p in paras if "dalam bidang yang tidak terlalu menguntungkan" in p.text]
    assert len(joined) == 1
    assert not any(p.text.startswith("terlalu menguntungkan") for p in paras)


def test_paragraph_broken_after_function_word_is_rejoined():
    paras = paragraphs(load_document(THESIS))
    assert any("Atmasasmita (2021) melalui penelitiannya tentang “International" in p.text for p in paras)


def test_section_paths_follow_thesis_headings():
    chunks = chunk_document(load_document(THESIS), "thesis.txt")
    sections = {c.section for c in chunks}
    assert "BAB I › A. Latar Belakang" in sections
    assert "BAB I › E. Metode Penelitian › 1. Tipe Penelitian" in sections
    assert "BAB II › B. Kerja Sama Bilateral" in sections
    # "BAB 2 Tinjauan Pustaka" inside the composition list is not a chapter heading
    assert not any(s.startswith("BAB 2") or s.startswith("BAB IV") for s in sections)
    # a numbered research question is not a heading
    assert not any("Untuk mengetahui" in s for s in sections)
    retno = next(c for c in chunks if "Retno Marsudi melakukan pertemuan" in c.text)
    assert retno.section == "BAB I › A. Latar Belakang"
    assert retno.page is None and retno.file == "thesis.txt"


def test_chunks_respect_size_and_keep_whole_sentences():
    chunks = chunk_document(load_document(THESIS), "thesis.txt", chunk_words=80)
    for c in chunks:
        assert c.text == " ".join(s.text for s in c.sentences)
        # one sentence may exceed the budget on its own; otherwise the budget holds
        assert len(c.text.split()) <= 80 or len(c.sentences) == 1 or max(len(s.text.split()) for s in c.sentences) > 40


def test_chunk_ids_are_stable_content_hashes():
    a = chunk_document(load_document(THESIS), "thesis.txt")
    b = chunk_document(load_document(THESIS), "thesis.txt")
    assert [c.id for c in a] == [c.id for c in b]
    assert len({c.id for c in a}) == len(a)


def test_list_stays_with_its_lead_in():
    text = ("B. Faktor\n\nDalam Munatama & Zhaidah (2023) menjelaskan beberapa faktor:\n\n"
            "- Faktor sumber daya yang terbatas.\n\n- Faktor keamanan warga negara.")
    chunks = chunk_document(_doc(text), "x.txt")
    assert len(chunks) == 1
    assert [s.text for s in chunks[0].sentences][1:] == ["- Faktor sumber daya yang terbatas.", "- Faktor keamanan warga negara."]
    # the narrative citation backs the list items that follow it
    assert all("Munatama, 2023" in s.cites for s in chunks[0].sentences)


def test_parenthetical_citation_backs_the_sentences_before_it():
    text = ("A. Latar\n\nPada 2 Agustus 2022 Retno bertemu Neth Savouen. Disepakati tim teknis akan bertemu "
            "(Arisandy dan Soeharto, 2022). Dua hari kemudian Retno bertemu Sar Kheng (Yashinta dan Haryati, 2022).")
    chunk = chunk_document(_doc(text), "x.txt")[0]
    assert [s.cites for s in chunk.sentences] == [["Arisandy, 2022"], ["Arisandy, 2022"], ["Yashinta, 2022"]]
    assert chunk.cites == ["Arisandy, 2022", "Yashinta, 2022"]


def test_sentence_split_keeps_citations_and_abbreviations():
    sents = split_sentences("Menurut Rudy (2002) politik bilateral penting. Hal ini dijelaskan (Malik, 2022). Dst.")
    assert sents[0] == "Menurut Rudy (2002) politik bilateral penting."
    assert sents[1] == "Hal ini dijelaskan (Malik, 2022)."


def test_a_listed_term_and_its_dash_description_are_one_item():
    text = ("A. Ruas\n\nBerikut adalah definisinya.\n\n• ”Suggests”\n\n– Ini menyatakan ketergantungan yang lemah.\n\n"
            "• ”Enhances”\n\n– Ini menyatakan ketergantungan lemah ke arah yang berlawanan.\n\n"
            "• Paket biner tidak aman untuk dipasang.\n\n– kompatibilitas versi pustaka")
    sents = [s.text for s in chunk_document(_doc(text), "x.txt")[0].sentences]
    assert "• ”Enhances” – Ini menyatakan ketergantungan lemah ke arah yang berlawanan." in sents
    assert "• ”Suggests” – Ini menyatakan ketergantungan yang lemah." in sents
    # a sub-item under a full sentence stays an item of its own
    assert sents[-2:] == ["• Paket biner tidak aman untuk dipasang.", "– kompatibilitas versi pustaka"]


def test_a_table_of_contents_is_not_a_passage():
    text = ("# Daftar Isi\n\n1.3.1 Penyesuaian MC . . . . . . . . . . . . 17 1.3.2 Memulai MC . . . . . . . . . 17\n\n"
            "# Bab 1\n\nMC adalah pengelola berkas. Hasilnya . . . . . tidak terduga.")
    texts = [c.text for c in chunk_document(_doc(text), "x.txt")]
    assert texts == ["MC adalah pengelola berkas. Hasilnya . . . . . tidak terduga."]


def test_a_list_item_never_continues_the_paragraph_before_it():
    # a table row or item ending on a function word ("web") is not a sentence broken mid-way
    text = ("Berikut penganalisis log terkenal.\n\n• analog 3739 penganalisis log server web\n\n"
            "• awstats 6895 penganalisis log server yang kuat\n\n• sarg 845 generator laporan analisis")
    sents = [s.text for s in chunk_document(_doc(text), "x.txt")[0].sentences]
    assert sents == ["Berikut penganalisis log terkenal.", "• analog 3739 penganalisis log server web",
                     "• awstats 6895 penganalisis log server yang kuat", "• sarg 845 generator laporan analisis"]


def test_a_command_line_is_a_sentence_of_its_own():
    # a prompt line ends with no full stop, often on a function word ("now"): it never runs on into the prose
    text = ("You can shutdown the system under the normal multiuser mode from the commandline.\n\n"
            "＃ shutdown -h now\n\nYou can shutdown the system under the single-user mode from the commandline.\n\n"
            "＃ poweroff -i -f\n\nSee the next section.\n\nRun it like this\n$ ls -l /etc\nand read the output.\n\n"
            "Matikan sistem dari baris perintah\n＃ shutdown -h now\n\nlalu tunggu sampai lampu padam.")
    sentences = [s for p in paragraphs(_doc(text)) for s in split_sentences(p.text)]
    assert "＃ shutdown -h now" in sentences and "＃ poweroff -i -f" in sentences
    assert "$ ls -l /etc" in sentences
    assert "＃ shutdown -h now" in sentences and "lalu tunggu sampai lampu padam." in sentences
    assert "You can shutdown the system under the single-user mode from the commandline." in sentences


def test_a_symbol_ending_in_a_question_mark_stays_with_its_table_row():
    assert split_sentences("$? exit status of the most recent command") == ["$? exit status of the most recent command"]
    assert split_sentences("$! PID of most recently started background job") == [
        "$! PID of most recently started background job"]
    assert split_sentences("Apa itu? Ini jawabannya.") == ["Apa itu?", "Ini jawabannya."]


def test_an_author_cut_from_the_year_of_the_citation_is_one_sentence():
    """"Wulur et al." | "(2023) menyatakan …": cut at "al." by the segmenter, or by a page or column break."""
    assert split_sentences("Fidyah dalam Wulur et al. (2023) menyatakan bahwa SDM menentukan mutu sistem.") == \
        ["Fidyah dalam Wulur et al. (2023) menyatakan bahwa SDM menentukan mutu sistem."]
    pages = [Page(9, "Kualitas SDM menentukan daya saing organisasi itu sendiri. Fidyah dalam Wulur et al."),
             Page(10, "(2023) menyatakan bahwa sistem informasi yang berkualitas membutuhkan SDM yang kompeten.")]
    text = " ".join(p.text for p in paragraphs(Document(path=Path("x.pdf"), title="x", pages=pages)))
    assert "Wulur et al. (2023) menyatakan" in text
    sentences = [s.text for c in chunk_document(Document(path=Path("x.pdf"), title="x", pages=pages), "x.pdf")
                 for s in c.sentences]
    assert any(s.startswith("Fidyah dalam Wulur et al. (2023) menyatakan") for s in sentences), sentences


def test_an_abbreviation_before_a_number_ends_no_sentence():
    """"… denda paling banyak Rp." | "15.000.000.000,00 …": the sum is the answer to a penalty question."""
    assert split_sentences("dipidana dengan denda paling banyak Rp. 15.000.000.000,00 (lima belas miliar rupiah). "
                           "Kalimat dua.") == [
        "dipidana dengan denda paling banyak Rp. 15.000.000.000,00 (lima belas miliar rupiah).", "Kalimat dua."]
    assert split_sentences("Lihat hlm. 12 dan Art. 3 di sini. Dua.") == ["Lihat hlm. 12 dan Art. 3 di sini.", "Dua."]
    # an item number after a sentence is still an item of its own
    assert split_sentences("Diatur dalam tiga ayat.\n1. Setiap orang. 2. Dua.") == [
        "Diatur dalam tiga ayat.", "1. Setiap orang.", "2. Dua."]


def test_a_sentence_ending_on_a_referring_word_is_still_ended():
    """"… tiga bagian." then "1. Pendahuluan": the full stop ends it; only "Rp."/"No." abbreviations go on."""
    from assistant.ingest.chunk import _continues

    assert not _continues("Laporan ini terdiri atas tiga bagian.", "1. Pendahuluan")
    assert not _continues("It is described in the next section.", "2019 was a good year.")
    assert _continues("sebagaimana dimaksud pada ayat", "(1) meliputi:")
    sentences = [s for p in paragraphs(_doc("Laporan terdiri atas tiga bagian.\n1. Pendahuluan;\n2. Metode.")) for s in
                 split_sentences(p.text)]
    assert sentences == ["Laporan terdiri atas tiga bagian.", "1. Pendahuluan;", "2. Metode."], sentences


def test_a_numbered_reference_broken_onto_a_new_line_is_no_list_item():
    """"… dimaksud pada ayat" | "(1) meliputi:": the "(1)" names the paragraph referred to."""
    text = "(2) Sanksi administratif sebagaimana dimaksud pada ayat\n(1) meliputi:\na. peringatan tertulis;\nb. denda."
    sentences = [s for p in paragraphs(_doc(text)) for s in split_sentences(p.text)]
    assert sentences[0] == "(2) Sanksi administratif sebagaimana dimaksud pada ayat (1) meliputi:", sentences
    assert "a. peringatan tertulis;" in sentences


def test_a_very_long_sentence_of_clauses_is_cut_at_its_semicolons():
    """A court's considerations run on with semicolons ("…; Menimbang, bahwa …"); brackets and short
    sentences are left whole."""
    from assistant.ingest.chunk import split_sentences

    first = "Menimbang, bahwa unsur " + "setiap orang " * 30 + "telah terpenuhi menurut hukum (Smith, 2020; Jones, 2021)"
    second = "Menimbang, bahwa dalam persidangan " + "Majelis Hakim tidak menemukan alasan pemaaf " * 4
    sentences = split_sentences(f"{first}; {second.strip()};")
    assert sentences == [f"{first};", f"{second.strip()};"]
    assert split_sentences("Ia datang; Kemudian ia pergi.") == ["Ia datang; Kemudian ia pergi."]


def test_a_line_opening_with_a_bracketed_marker_is_split_into_its_sentences():
    # sentencex leaves such a line whole; the marker stays on its first sentence
    line = ("(1) the contractual approach (treaty drafting), and (2) the judicial approach (interpretation). "
            "The fiduciary theory provides a principled method. This framework offers a timely solution.")
    assert split_sentences(line) == [
        "(1) the contractual approach (treaty drafting), and (2) the judicial approach (interpretation).",
        "The fiduciary theory provides a principled method.", "This framework offers a timely solution."]
    assert split_sentences("(2) Setiap orang dilarang. Ketentuan lain berlaku.") == [
        "(2) Setiap orang dilarang.", "Ketentuan lain berlaku."]
    assert split_sentences("(a) ") == ["(a)"]


def test_a_note_mark_after_a_full_stop_ends_that_sentence():
    assert split_sentences("Istilahnya “tidak mampu”.[^2] Kedua, indikator belum optimal.[^3][^4] Ketiga.") == [
        "Istilahnya “tidak mampu”.[^2]", "Kedua, indikator belum optimal.[^3][^4]", "Ketiga."]


def test_a_mark_after_a_closing_quote_ends_the_sentence_and_no_text_moves():
    assert split_sentences('The court called it "unfair."[^1] Second, damages were awarded.') == [
        'The court called it "unfair."[^1]', "Second, damages were awarded."]
    assert split_sentences("Pekerja migran rentan. [^1] Pemerintah belum bertindak.") == [
        "Pekerja migran rentan. [^1]", "Pemerintah belum bertindak."]
