"""Table rows with their header."""
from assistant.ingest.tables import header_of, row_text, rows_text


def test_a_row_reads_with_its_header():
    rows = [["Variabel", "Composite Reliability", "Alpha"], ["Stres Kerja", "0.838", "0.713"], ["Iklim", "0.857", ""]]
    assert header_of(rows) == rows[0]
    assert rows_text(rows) == ["Variabel | Composite Reliability | Alpha",
                               "Stres Kerja — Composite Reliability: 0.838; Alpha: 0.713",
                               "Iklim — Composite Reliability: 0.857"]


def test_no_header_without_figures_below_or_with_figures_in_it():
    assert header_of([["Nama", "Peran"], ["Budi", "Ketua"]]) is None
    assert header_of([["2021", "2022"], ["10", "12"]]) is None
    assert row_text(["a", "b", "c"], ["x", "y"]) == "a | b | c"  # cells that do not line up keep apart
