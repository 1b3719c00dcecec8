"""A real index of a few small text documents, for tests that need one of their own."""
from __future__ import annotations

from pathlib import Path


def ingest_texts(base: Path, texts: dict[str, str]):
    """Settings whose corpus (under `base`) holds `texts` (file name → text), ingested into a fresh index."""
    from assistant.ingest.build import ingest
    from assistant.settings import Settings

    corpus = base / "corpus"
    corpus.mkdir()
    for name, text in texts.items():
        (corpus / name).write_text(text, encoding="utf-8")
    settings = Settings(corpus_dir=corpus, index_dir=base / "index")
    report = ingest(settings, progress=False, log=lambda *_: None)
    assert report.exit_code == 0, report.summary()
    return settings
