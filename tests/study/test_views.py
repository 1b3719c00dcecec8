"""Study views are cached per index version and rebuilt when the index changes."""
import shutil
from pathlib import Path

import pytest

from assistant.search.index import current_version
from assistant.study import views as study_views

pytestmark = pytest.mark.slow


def test_cache_beside_the_index_version_is_reused_then_rebuilt_after_a_reingest(thesis_settings, tmp_path):
    from assistant.ingest.build import ingest

    corpus, index = tmp_path / "corpus", tmp_path / "index"
    shutil.copytree(thesis_settings.corpus_dir, corpus)
    shutil.copytree(thesis_settings.index_dir, index, ignore=shutil.ignore_patterns("*.lock", "study.json"))
    first = study_views.load(index)
    cache = index / current_version(index) / study_views.CACHE
    assert cache.exists()
    stamp = cache.stat().st_mtime_ns
    assert study_views.load(index) == first and cache.stat().st_mtime_ns == stamp
    (corpus / "notes.txt").write_text("Catatan.\n\nPada 14 Mei 2025, peneliti mewawancarai Ibu Sulastri tentang "
                                      "pemulangan korban.\n", encoding="utf-8")
    report = ingest(thesis_settings.replace(corpus_dir=corpus, index_dir=index), progress=False, log=lambda *_: None)
    assert report.exit_code == 0
    assert not cache.exists()  # the old version went with its cache
    second = study_views.load(Path(index))
    assert any(e["date"] == "2025-05-14" for e in second["timeline"])
    assert (index / current_version(index) / study_views.CACHE).exists()
