"""The CLI contract evaluation tools rely on: `assistant ask --json [--batch]`."""
import json
import signal
import subprocess
import sys

import pytest

from conftest import ROOT


def _assistant(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "assistant.cli", *args], capture_output=True, text=True,
                          input=stdin, cwd=ROOT, timeout=300)


@pytest.mark.slow
def test_ask_batch_passes_ids_through(thesis_settings, tmp_path):
    batch = tmp_path / "q.jsonl"
    batch.write_text('{"id": "a", "question": "Apa kepanjangan ACTIP?", "other": 1}\n\n'
                     '{"question": "Who won the 2022 FIFA World Cup?"}\n', encoding="utf-8")
    out = _assistant("ask", "--json", "--batch", str(batch), "--index", str(thesis_settings.index_dir))
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["id"] for r in rows] == ["a", None]
    assert set(rows[0]) >= {"id", "question", "language", "answer", "answerable", "citations", "retrieved"}
    assert rows[0]["answerable"] and "Trafficking in Persons" in rows[0]["answer"]
    assert rows[1]["answerable"] is False and rows[1]["language"] == "en"
    passage = rows[0]["retrieved"][0]
    assert isinstance(passage["score"], float) and isinstance(passage["cites"], list)


def test_ask_text_output_lists_sources(thesis_settings):
    out = _assistant("ask", "Siapa yang ditemui Retno Marsudi pada 2 Agustus 2022?", "--index", str(thesis_settings.index_dir))
    assert out.returncode == 0, out.stderr
    assert "[1] thesis — BAB I › A. Latar Belakang" in out.stdout


def test_bad_batch_line_names_file_and_line(thesis_settings, tmp_path):
    batch = tmp_path / "bad.jsonl"
    batch.write_text('{"question": "ok?"}\nnot json\n', encoding="utf-8")
    out = _assistant("ask", "--json", "--batch", str(batch), "--index", str(thesis_settings.index_dir))
    assert out.returncode != 0 and f"{batch}:2" in out.stderr


def test_missing_index_says_how_to_build_it(tmp_path):
    out = _assistant("ask", "x?", "--index", str(tmp_path / "none"))
    assert out.returncode != 0 and "ingest.py" in out.stderr


@pytest.mark.parametrize("read_first_line", [True, False])
def test_closed_output_pipe_ends_quietly(thesis_settings, tmp_path, read_first_line):
    # `assistant ask --batch … | head -1` (a batch outgrows the pipe's buffer) and `assistant ask … | true`
    batch = tmp_path / "q.jsonl"
    batch.write_text('{"question": "Apa kepanjangan ACTIP?"}\n' * 40, encoding="utf-8")
    args = ["--json", "--batch", str(batch)] if read_first_line else ["Apa kepanjangan ACTIP?"]
    proc = subprocess.Popen([sys.executable, "-m", "assistant.cli", "ask", *args, "--index", str(thesis_settings.index_dir)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    if read_first_line:
        assert json.loads(proc.stdout.readline())["answerable"]
    proc.stdout.close()
    stderr = proc.stderr.read()
    assert proc.wait(timeout=300) == 128 + signal.SIGPIPE
    assert stderr == ""
