"""Find a citation on an article's own in-text citations (a small real index of one invented article)."""
import pytest

from assistant.answer.cite import find_citation
from smallindex import ingest_texts

ARTICLE = """# Irigasi Tetes dan Kesejahteraan Petani Hortikultura di Kabupaten Sleman

## Abstrak

Penelitian ini menganalisis faktor yang mempengaruhi keberhasilan irigasi tetes pada petani hortikultura.

## 1. Pendahuluan

Irigasi tetes menghemat air dan pupuk pada lahan kering. Pemerintah daerah mendorong petani hortikultura memakai irigasi tetes sejak tahun 2015.

## 2. Pembahasan

Menurut Hartono (2021) salah satu faktor yang dapat mempengaruhi keberhasilan penerapan irigasi tetes adalah ketersediaan petani terlatih yang memadai, baik dari jumlah maupun keterampilannya. Sejalan dengan penelitian Wibisono dan Putri (2019) yang menyatakan bahwa salah satu faktor yang menentukan keberhasilan sebuah teknologi pertanian adalah tenaga kerja yang memadai. Berdasarkan kedua penelitian tersebut disimpulkan bahwa penerapan irigasi tetes memerlukan petani terlatih yang memadai, apalagi dalam perawatan sistem irigasi itu sendiri sehingga pelatihan petani di Kabupaten Sleman perlu dilakukan agar keberhasilan irigasi tetes lebih maksimal.

## Daftar Pustaka

Hartono, B. (2021). Adopsi Irigasi Tetes oleh Petani Lahan Kering. Jurnal Agroteknologi, 5(2), 10-20.

Wibisono, A. dan Putri, D. (2019). Tenaga Kerja dan Teknologi Pertanian. Jurnal Pertanian, 3(1), 1-9.
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    from assistant.engine import Assistant

    return Assistant(ingest_texts(tmp_path_factory.mktemp("article"), {"irigasi.md": ARTICLE}))


def test_a_claim_a_paragraph_s_conclusion_restates_cites_the_work_that_says_it(engine):
    """The conclusion "Berdasarkan kedua penelitian tersebut …" states the claim best but names no work: it
    inherits Wibisono from the sentence before. "Menurut Hartono (2021) …" says it nearly as closely and names
    its work: Hartono is the work to cite."""
    found = find_citation(engine, "Penerapan irigasi tetes memerlukan petani terlatih yang memadai.")
    assert found["cite"] == ["Hartono, 2021"], found["support"]
    assert found["support"]["sentence"].startswith("Menurut Hartono (2021)")
