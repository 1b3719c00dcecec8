"""Listing the documents of an index and picking one by name."""
import pytest

from assistant.search.documents import DocumentNotFound, list_documents, resolve


def test_list_and_resolve(tmp_path):
    from assistant.ingest.build import ingest
    from assistant.search.index import Index
    from assistant.settings import Settings

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "uu-9-2030.txt").write_text("UNDANG-UNDANG REPUBLIK INDONESIA\nNOMOR 9 TAHUN 2030\nTENTANG\nNELAYAN\n"
                                          "Pasal 1\nNelayan berhak atas pelindungan.\nPasal 2\nIsi kedua.\n"
                                          "Pasal 3\nIsi ketiga.\n", encoding="utf-8")
    (corpus / "catatan.md").write_text("# Catatan Lapangan di Pesisir\n\nNelayan melaut setiap pagi.\n", encoding="utf-8")
    settings = Settings(corpus_dir=corpus, index_dir=tmp_path / "index")
    assert ingest(settings, progress=False, log=lambda *_: None).exit_code == 0
    index = Index.load(settings.index_dir)
    docs = {d["file"]: d for d in list_documents(index)}
    assert docs["uu-9-2030.txt"]["title"] == "UU No. 9 Tahun 2030" and docs["uu-9-2030.txt"]["kind"] == "statute"
    assert docs["catatan.md"]["title"] == "Catatan Lapangan di Pesisir" and docs["catatan.md"]["passages"] == 1
    assert resolve(index, "uu-9-2030") == {"uu-9-2030.txt"} == resolve(index, "uu no. 9")
    assert resolve(index, "pesisir") == {"catatan.md"}
    with pytest.raises(DocumentNotFound, match="no document matches 'laut'.*catatan.md"):
        resolve(index, "laut")
