"""Fixtures of the study tests, imported by each (a conftest.py here would shadow tests/conftest.py):
the study views of the real thesis (from the session's thesis index), the shared scorer and its gold sets."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from conftest import SHARED

EVAL = SHARED / "eval"  # the study scorer and its gold sets: the tests that use them skip without ../shared


@pytest.fixture(scope="session")
def scorer():
    path = EVAL / "score_study.py"
    if not path.exists():
        pytest.skip(f"{path} not present (a bare clone has no ../shared)")
    spec = importlib.util.spec_from_file_location("score_study", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def gold():
    def read(name: str) -> list[dict]:
        with open(EVAL / name, encoding="utf-8") as fh:
            return [json.loads(line) for line in fh if line.strip()]

    return read


@pytest.fixture(scope="session")
def views(thesis_settings):
    from assistant.study.views import load

    return load(Path(thesis_settings.index_dir))
