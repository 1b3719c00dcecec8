"""Shared fixtures: the real thesis ingested once per test session into a temporary index."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

ROOT = Path(__file__).resolve().parent.parent
THESIS = ROOT / "corpus" / "thesis.txt"
DEV = ROOT / "tests" / "data" / "dev.jsonl"  # the project's copy of ../shared/eval/dev.jsonl
# Beside the project's CI only (a bare clone has none): the tests that read it skip without it.
SHARED = Path(os.environ.get("ASSISTANT_SHARED_DIR") or ROOT.parent / "shared")  # ../shared, or where it is


@pytest.fixture(scope="session")
def thesis_settings(tmp_path_factory):
    """Settings whose corpus holds only the thesis, ingested into a fresh index."""
    from assistant.ingest.build import ingest
    from assistant.settings import Settings

    base = tmp_path_factory.mktemp("thesis")
    corpus = base / "corpus"
    corpus.mkdir()
    shutil.copy(THESIS, corpus / "thesis.txt")
    settings = Settings.from_env(corpus_dir=corpus, index_dir=base / "index")
    report = ingest(settings, progress=False, log=lambda *_: None)
    assert report.exit_code == 0, report.summary()
    return settings


@pytest.fixture(scope="session")
def engine(thesis_settings):
    """The loaded assistant over the thesis index."""
    from assistant.engine import Assistant

    return Assistant(thesis_settings)


@pytest.fixture(scope="session")
def llm_url(tmp_path_factory):
    """A real llama.cpp server (llama-cpp-python) with the bundled Gemma 3 270M; yields its /v1 URL."""
    pytest.importorskip("llama_cpp.server.app", reason="needs the test extra: llama-cpp-python[server]")
    from llmserver import llama_server

    with llama_server(tmp_path_factory.mktemp("llm") / "llama.log") as url:
        yield url
