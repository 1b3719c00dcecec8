"""PDF text clean-up rules (assistant/pdftext.py) on hand-made lines."""
from assistant.ingest.pdftext import (Line, garbled, heading_levels, join_across_pages, join_hyphenated, paragraphs,
                               printed_labels, run_together, strip_headers_footers, vocabulary)

NO_VOCAB = (set(), set())


def test_hyphenation_is_rejoined_but_reduplication_and_compounds_keep_the_hyphen():
    assert join_hyphenated("mendorong pertum", "buhan ekonomi", NO_VOCAB) == "mendorong pertumbuhan ekonomi"
    assert join_hyphenated("yang berbeda", "beda", NO_VOCAB) == "yang berbeda-beda"
    assert join_hyphenated("anak", "anak", NO_VOCAB) == "anak-anak"
    assert join_hyphenated("sebaik", "baiknya", NO_VOCAB) == "sebaik-baiknya"
    assert join_hyphenated("bentuk", "bentuknya", NO_VOCAB) == "bentuk-bentuknya"
    assert join_hyphenated("sayur", "mayur", NO_VOCAB) == "sayur-mayur"
    assert join_hyphenated("Indonesia", "Kamboja", NO_VOCAB) == "Indonesia-Kamboja"
    assert join_hyphenated("COVID", "19", NO_VOCAB) == "COVID-19"


def test_document_vocabulary_decides_compounds():
    vocab = vocabulary(["a low-level tool", "the procedure and the process"])
    assert join_hyphenated("low", "level", vocab) == "low-level"
    assert join_hyphenated("pro", "cess", vocab) == "process"
    vocab = vocabulary(["install fonts-crosextra-caladea"])
    assert join_hyphenated("the fonts-crosextra", "caladea", vocab) == "the fonts-crosextra-caladea"
    assert join_hyphenated("xserver-xorg", "video", NO_VOCAB) == "xserver-xorg-video"
    vocab = vocabulary(["it takes time", "a consuming task", "the process"])
    assert join_hyphenated("time", "consuming", vocab) == "time-consuming"
    assert join_hyphenated("pro", "cess", vocab) == "process"


def test_running_headers_and_page_numbers_are_dropped():
    body = ["Pendahuluan singkat.", "Metode penelitian.", "Hasil dan pembahasan.", "Kesimpulan akhir."]
    pages = [[Line("Jurnal Kajian Asia Vol. 7"), Line(text), Line(str(n))] for n, text in enumerate(body, 1)]
    pages[2].append(Line("Halaman xii"))
    cleaned, printed = strip_headers_footers(pages)
    assert [[line.text for line in p] for p in cleaned] == [[text] for text in body]
    assert printed == [1, 2, 3, 4]


def test_printed_page_numbers_become_labels_when_they_run_at_an_offset():
    assert printed_labels([45, 46, None, 48]) == ["45", "46", "47", "48"]
    assert printed_labels([1, 2, 3]) is None, "same as the physical pages: nothing to add"
    assert printed_labels([None, 7, None]) is None, "one number is not a pattern"
    assert printed_labels([12, 3, 40, 7]) is None


def test_lines_join_into_paragraphs_and_big_short_lines_become_headings():
    y = 700.0
    lines = [Line("Latar Belakang", 60, 200, y, 16)]
    text = ["Kalimat pertama paragraf ini cukup panjang untuk satu baris penuh di", "halaman, lalu berlanjut.",
            "Paragraf baru dimulai di sini dengan baris yang juga panjang sekali", "dan selesai."]
    widths = [500, 150, 500, 100]
    y -= 30
    for i, (t, w) in enumerate(zip(text, widths)):
        lines.append(Line(t, 60, 60 + w, y, 11))
        y -= 14 if i % 2 == 0 else 24
    _, levels = heading_levels([lines, [Line("Bab Dua", 60, 150, 700, 16)]])
    paras = paragraphs(lines, NO_VOCAB, levels)
    assert paras == ["# Latar Belakang",
                     "Kalimat pertama paragraf ini cukup panjang untuk satu baris penuh di halaman, lalu berlanjut.",
                     "Paragraf baru dimulai di sini dengan baris yang juga panjang sekali dan selesai."]


def test_a_literal_hash_line_is_not_a_heading():
    assert paragraphs([Line("# apt-get update", 60, 200, 700, 9)], NO_VOCAB, {}) == ["\uff03 apt-get update"]


def test_word_split_across_pages_is_completed_on_its_first_page():
    assert join_across_pages(["akhir halaman pertum-", "buhan ekonomi naik."], NO_VOCAB) == \
        ["akhir halaman pertumbuhan", "ekonomi naik."]


def test_run_together_text_is_detected():
    glued = "Berikutadalahbeberapametodeyangdigunakandalampenelitianini " * 6
    assert run_together(glued)
    assert not run_together("Berikut adalah beberapa metode yang digunakan dalam penelitian ini. " * 6)
    assert not run_together("see https://example.org/a/very/long/path/that/goes/on/and/on " * 6)


def test_vocabulary_leaves_out_pieces_of_split_words():
    whole, _ = vocabulary(["ekonomi yang pertum-", "buhan cepat", "sec\ufffe", "tion dua"])
    assert {"ekonomi", "yang", "cepat", "dua"} <= whole and not whole & {"pertum", "buhan", "sec", "tion"}


def test_garbled_text_is_detected():
    assert garbled("\ue001\ue002\ue003 \ue004\ue005 " * 12)
    assert garbled("Ker\ufffd\ufffda sa\ufffd\ufffd " * 10)
    assert not garbled("Kerja sama bilateral Indonesia dan Kamboja (2022) — “penting”. " * 3)


def test_soft_hyphen_inside_a_line_is_dropped_at_the_end_it_hyphenates():
    lines = [Line("perlin\xaddungan pertum\xad", 60, 500, 700, 11), Line("buhan ekonomi.", 60, 150, 686, 11)]
    assert paragraphs(lines, NO_VOCAB, {}) == ["perlindungan pertumbuhan ekonomi."]


def test_a_pipe_of_the_text_is_no_cell_break():
    from assistant.ingest.pdftext import CELL, _with_headers

    rows = ["• paket" + CELL + "ukuran", "• knockd" + CELL + "109", "• fail2ban" + CELL + "2127"]
    assert _with_headers(["• ps aux | grep ssh", *rows]) == [
        "• ps aux | grep ssh", "• paket ukuran", "• knockd 109 (paket | ukuran)", "• fail2ban 2127 (paket | ukuran)"]


def test_a_catchword_at_a_page_foot_is_dropped():
    """"Pasal 2 …" at a page's foot repeats the next page's first words: no text, no heading of its own."""
    first = ["Ketentuan umum berlaku.", "Dalam Peraturan ini:", "Pasal 1", "Cukup jelas.", "Penjelasan berikut.", "Pasal 2 …"]
    pages = [[Line(t) for t in first],
             [Line(t) for t in ["Pasal 2", "Ayat (1)", "Klasifikasi didasarkan pada aktivitas.", "Huruf a", "(2) Larangan …"]],
             [Line("(3) Ketentuan lain."), Line("Selesai.")]]
    cleaned, _ = strip_headers_footers(pages)
    assert [line.text for line in cleaned[0]] == first[:-1]
    assert cleaned[1][-1].text == "(2) Larangan …"  # the next page begins otherwise: kept
    pages[1][-1] = Line("Bagian 2 …")  # … and "Bagian 2" is not "Bagian 20"
    pages[2] = [Line("Bagian 20"), Line("Selesai.")]
    assert strip_headers_footers(pages)[0][1][-1].text == "Bagian 2 …"


def test_a_spacing_accent_before_its_letter_is_set_on_it_in_a_tex_pdf():
    """TeX's PDFs give "é" as "´" then "e": the author cited is Vélez, not "V´elez"; other PDFs use "´" as an
    apostrophe ("Jum´at", "Indonesia´s"), and a degree sign stays."""
    from assistant.ingest.pdftext import tex_accents

    assert tex_accents("V´elez (1998) and Casta˜neda; Mart´ınez, na¨ıve", "TeX pdfTeX-1.40.19") \
        == "Vélez (1998) and Castañeda; Martínez, naïve"
    assert tex_accents("Indonesia´s 25˚C, ``quoted''", "LaTeX with hyperref") == "Indonesia´s 25˚C, ``quoted''"
    assert tex_accents("shalat Jum´at, V´elez", "Microsoft® Word 2016") == "shalat Jum´at, V´elez"


def test_a_pasal_heading_opening_many_pages_is_no_running_header():
    """A statute's pages often open with "Pasal N" (and end with its catchword): the heading, digits aside the
    same on many pages, is kept; a real running header is dropped."""
    from assistant.ingest.pdftext import strip_headers_footers

    subjects = ["Limbah", "Sumber", "Bahan", "Zat", "Fasilitas"]
    pages = [[Line("PRESIDEN REPUBLIK INDONESIA", 60, 300, 780, 11), Line(f"Pasal {n}", 60, 120, 760, 11),
              Line("Ayat (1)", 60, 120, 740, 11), Line(f"{subject} radioaktif dikelola oleh penghasil.", 60, 500, 720, 11),
              Line(f"Pengelolaan {subject.lower()} dilakukan sesuai peraturan.", 60, 500, 700, 11),
              Line(f"- {n} -", 280, 300, 40, 11)] for n, subject in enumerate(subjects, 1)]
    out, _ = strip_headers_footers(pages)
    assert [[line.text for line in lines] for lines in out] == [
        [f"Pasal {n}", "Ayat (1)", f"{subject} radioaktif dikelola oleh penghasil.",
         f"Pengelolaan {subject.lower()} dilakukan sesuai peraturan."] for n, subject in enumerate(subjects, 1)]
