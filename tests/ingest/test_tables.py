"""Table rows with their header."""
from assistant.ingest.tables import header_of, row_text, rows_text


def test_a_row_reads_in_order_with_its_header():
    rows = [["Variabel", "Composite Reliability", "Alpha"], ["Stres Kerja", "0.838", "0.713"], ["Iklim", "0.857", ""]]
    assert header_of(rows) == rows[0]
    # the cells in the page's order (a quote of the page's text is found in the row), then the header
    assert rows_text(rows) == ["Variabel Composite Reliability Alpha",
                               "Stres Kerja 0.838 0.713 (Variabel | Composite Reliability | Alpha)",
                               "Iklim 0.857 (Variabel | Composite Reliability | Alpha)"]


def test_no_header_without_figures_below_or_with_figures_in_it():
    assert header_of([["Nama", "Peran"], ["Budi", "Ketua"]]) is None
    assert header_of([["2021", "2022"], ["10", "12"]]) is None
    assert row_text(["a", "b", "c"], ["x", "y"]) == "a b c"  # cells that do not line up: no header
