"""Splitting a draft into sentences that keep their in-text citations and their place."""
from __future__ import annotations

from assistant.check.draft import Draft, DraftParagraph
from assistant.check.sentences import draft_sentences, sentence_of, spans


def _split(text: str) -> list[tuple[str, list[str]]]:
    return [(s.text, s.keys) for s in draft_sentences(Draft([DraftParagraph(text)]))]


def test_each_sentence_keeps_its_citations():
    text = ("Pelaku memakai jaringan global (L'Hoiry, Moretti & Antonopoulos, 2024). Rudy (2002) menyebut politik "
            "bilateral sebagai kerja sama dua negara. Pertemuan berlanjut (Arisandy dan Soeharto, 2022; Ginjar, 2023).")
    assert _split(text) == [
        ("Pelaku memakai jaringan global (L'Hoiry, Moretti & Antonopoulos, 2024).", ["L'Hoiry, 2024"]),
        ("Rudy (2002) menyebut politik bilateral sebagai kerja sama dua negara.", ["Rudy, 2002"]),
        ("Pertemuan berlanjut (Arisandy dan Soeharto, 2022; Ginjar, 2023).", ["Arisandy, 2022", "Ginjar, 2023"]),
    ]


def test_a_citation_split_off_by_the_segmenter_goes_back_to_its_sentence():
    assert _split("Kejahatan ini lintas batas, kata Kyslyi dkk. (2021) dalam bukunya. Angkanya naik. (Midhol, 2022)") == [
        ("Kejahatan ini lintas batas, kata Kyslyi dkk. (2021) dalam bukunya.", ["Kyslyi, 2021"]),
        ("Angkanya naik. (Midhol, 2022)", ["Midhol, 2022"]),
    ]


def test_spans_point_into_the_paragraph_text():
    text = "Satu  kalimat (Smith et al., 2020).   Dua\tkalimat lagi."
    found = spans(text)
    assert [text[a:b] for a, b in found] == ["Satu  kalimat (Smith et al., 2020).", "Dua\tkalimat lagi."]


def test_claim_is_the_sentence_without_its_citations():
    s = sentence_of("Goswami (2022) menekankan kunjungan pejabat tinggi (lihat Rana, 2018, hlm. 4).")
    assert s.keys == ["Goswami, 2022", "Rana, 2018"]
    assert "2022" not in s.claim and "Rana" not in s.claim and "kunjungan pejabat tinggi" in s.claim
    assert (s.start, s.end) == (0, len(s.text))


def test_sentences_remember_their_paragraph():
    draft = Draft([DraftParagraph("A satu. A dua."), DraftParagraph("B satu.")])
    assert [(s.paragraph, s.text) for s in draft_sentences(draft)] == [(0, "A satu."), (0, "A dua."), (1, "B satu.")]


def test_a_footnote_mark_after_the_full_stop_stays_with_its_sentence():
    text = "Pekerja migran rentan. [^1] Pemerintah belum bertindak."
    assert [text[a:b] for a, b in spans(text)] == ["Pekerja migran rentan. [^1]", "Pemerintah belum bertindak."]
