from assistant.study.dates import find_dates


def dates(text: str) -> list[tuple[str, str | None]]:
    return [(d.date, d.end) for d in find_dates(text)]


def test_full_dates_in_indonesian_and_english():
    assert dates("Pada Rabu 13 Maret 2024 terjadi pertemuan") == [("2024-03-13", None)]
    assert dates("Retno met him on 2 August 2022 and on August 4, 2022.") == [("2022-08-02", None), ("2022-08-04", None)]
    assert dates("released 2023-06-10") == [("2023-06-10", None)]


def test_month_year_event_years_and_ranges():
    assert dates("sejak Januari 2020") == [("2020-01", None)]
    assert dates("ACTIP dibentuk pada tahun 2015 di Kuala Lumpur") == [("2015", None)]
    assert dates("mulai rutin sejak 2022") == [("2022", None)]
    assert dates("pada tahun 2022-2024") == [("2022", "2024")]
    assert dates("between 2019 and 2021") == [("2019", "2021")]


def test_publication_years_of_citations_are_not_dates():
    for text in ("(Arisandy dan Soeharto, 2022) menyebutkan", "Menurut Rudy (2002) politik bilateral",
                 "Sementara itu menurut Kevin Bales (2014), perdagangan", "(Lazarus, Chiang, & Button, 2025)",
                 "dikutip dalam Kyslyi dkk, (2021)", "see Smith et al. (2020, p. 4)"):
        assert dates(text) == [], text


def test_versions_pages_sections_and_counts_are_not_dates():
    for text in ("Debian 2.2 dirilis", "lihat bagian 2.1.3 dan halaman 2015", "in 2048-bit keys",
                 "sekitar 2000 orang", "kernel 5.10.2019", "pada 1.2019", "in 2020.1", "Bagian 1999-2 berisi",
                 "May we help", "may 2020 be"):
        assert dates(text) == [], text
