"""PDF parts besides the body: the first page's title block, footnotes at the foot, raised note markers."""
from assistant.ingest.load import load_document
from pdfmaker import ARTICLE, make_pdf, paper_pdf


def test_title_authors_footnotes_and_markers(tmp_path):
    doc = load_document(paper_pdf(tmp_path / "artikel.pdf"))
    assert doc.title == "Kerja Sama Pemerintah Daerah dalam Pelindungan Pekerja Migran"
    assert doc.meta["authors"] == ["Sari Wulandari", "Budi Santoso"]
    assert [(n.number, n.text[:20]) for n in doc.pages[0].notes] == [("1", "Lihat laporan tahuna"),
                                                                      ("2", "Lihat putusan pengad")]
    assert [n.number for n in doc.pages[1].notes] == ["3", "4"]
    body = " ".join(p.text for p in doc.pages)
    assert "Lihat laporan" not in body  # notes are not body text
    assert "desa1" not in body and "desa2" not in body and "bersama desa[^1]" in body  # markers read as marks


def test_a_first_heading_is_no_title_and_numbers_out_of_sequence_are_no_notes(tmp_path):
    doc = load_document(make_pdf(tmp_path / "artikel.pdf", ARTICLE, title="Kerja Sama Bilateral"))
    assert doc.title == "Kerja Sama Bilateral"  # one word ("Pendahuluan") is no title: the metadata's
    assert not any(p.notes for p in doc.pages)  # the page numbers at the foot are no footnotes


def test_a_part_label_under_the_authors_is_no_author():
    """"Abstraksi" on the line under "Ahmad Sahal" (a scanned paper) heads the abstract; it names no one."""
    from assistant.ingest.pdfparts import _names

    assert _names("Ahmad Sahal") and _names("Dewi Purwanti, Mafizatun Nurhayati")
    assert not _names("Abstraksi") and not _names("Abstract") and not _names("Kata Kunci")
