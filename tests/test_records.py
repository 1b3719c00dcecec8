"""The shared records (assistant/records.py)."""
from assistant.records import SECTION_SEP, innermost_heading


def test_a_section_path_ends_with_its_innermost_heading():
    path = SECTION_SEP.join(["Penjelasan", "II. Pasal demi pasal", "Pasal 10"])
    assert innermost_heading(path) == "Pasal 10" and innermost_heading("BAB I") == "BAB I" and innermost_heading("") == ""
