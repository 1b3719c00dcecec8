

def test_a_word_in_spaced_letters_over_its_number_is_the_title():
    from assistant.ingest.titles import first_line

    assert first_line("P U T U S A N\nNomor 133/Pid.Sus/2025/PN Idm\nDEMI KEADILAN") == "PUTUSAN Nomor 133/Pid.Sus/2025/PN Idm"
    assert first_line("Laporan Tahunan Dinas\nNomor telepon kantor") == "Laporan Tahunan Dinas"
