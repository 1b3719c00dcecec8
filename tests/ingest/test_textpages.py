"""Pages of a text file: page marks and running lines told by their repetition, headings never taken for them."""
from assistant.ingest.textpages import running_lines, split_pages

BODY = "Kalimat isi halaman yang cukup panjang untuk mengisi sebuah halaman transkripsi undang-undang. " * 12


def _statute(pages: int = 5) -> str:
    lines = ["www.contoh.go.id"]
    for n in range(1, pages + 1):
        lines += [f"Pasal {n}", BODY, "PELINDUNGAN PEKERJA" if n <= 2 else "Cukup jelas.", f"www.contoh.go.id {n}",
                  "www.contoh.go.id"]
    return "\n".join(lines)


def test_page_marks_cut_pages_with_their_printed_numbers():
    pages = split_pages(_statute())
    assert [p.label for p in pages] == ["1", "2", "3", "4", "5"]
    assert [p.number for p in pages] == [1, 2, 3, 4, 5]
    assert all("www.contoh" not in p.text for p in pages)
    assert pages[2].text.startswith("Pasal 3")


def test_headings_with_growing_numbers_and_a_title_repeated_twice_stay():
    text = _statute()
    marks, drop = running_lines(text.split("\n"))
    kept = [line for i, line in enumerate(text.split("\n")) if i not in drop]
    assert sum(line.startswith("Pasal ") for line in kept) == 5
    assert kept.count("PELINDUNGAN PEKERJA") == 2


def test_n_of_total_marks_and_text_without_marks():
    text = "\n".join(f"{BODY}\n{n} / 4" for n in range(1, 5))
    assert [p.label for p in split_pages(text)] == ["1", "2", "3", "4"]
    plain = split_pages("Satu paragraf.\n\nDua paragraf.")
    assert len(plain) == 1 and plain[0].number is None and plain[0].label is None


def test_a_watermark_printed_several_times_a_page_and_a_long_notice_are_running_lines():
    """A court decision saved as text: each page opens with its watermark five times and ends with a
    notice of full sentences; the short sentence a statute repeats ("Cukup jelas.") is its own text."""
    notice = "Kepaniteraan berusaha untuk selalu mencantumkan informasi paling kini dan akurat sebagai bentuk komitmen."
    lines = []
    for n in range(1, 7):
        lines += ["Mahkamah Agung Republik Indonesia"] * 5 + [BODY, "Cukup jelas.", f"Halaman {n} dari 6", notice]
    pages = split_pages("\n".join(lines))
    assert [p.label for p in pages] == ["1", "2", "3", "4", "5", "6"]
    assert all("Mahkamah Agung" not in p.text and "Kepaniteraan" not in p.text for p in pages)
    assert all(p.text.count("Cukup jelas.") == 1 for p in pages)


def test_a_long_sentence_repeated_in_a_text_without_page_marks_stays():
    """A transcript repeats its interviewer's question: without page marks it is no notice."""
    question = ("Pewawancara menanyakan pendapat responden mengenai kebijakan perlindungan pekerja migran "
                "Indonesia di luar negeri sekarang ini.")
    lines = []
    for _ in range(6):
        lines += [question, BODY]
    _, drop = running_lines(lines)
    assert not drop
