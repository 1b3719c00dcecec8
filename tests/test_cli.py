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


MOU = "Kapan MoU antara Indonesia dan Kamboja tentang kerja sama kepolisian ditandatangani?"


def test_a_batch_line_s_history_makes_a_follow_up_standalone(thesis_settings, tmp_path):
    batch = tmp_path / "dialogue.jsonl"
    lines = [{"id": "f", "question": "Siapa yang menandatanganinya?", "history": [{"role": "user", "content": MOU}]},
             {"id": "alone", "question": "Siapa yang menandatanganinya?"},
             {"id": "switch", "question": "Apa kepanjangan ACTIP?", "history": [{"role": "user", "content": MOU}]}]
    batch.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    out = _assistant("ask", "--json", "--batch", str(batch), "--index", str(thesis_settings.index_dir))
    assert out.returncode == 0, out.stderr
    rows = {r["id"]: r for r in map(json.loads, out.stdout.splitlines())}
    assert rows["f"]["question"] == "Siapa yang menandatanganinya?"
    assert rows["f"]["searched"] == "Siapa yang menandatangani MoU antara Indonesia dan Kamboja tentang kerja sama kepolisian?"
    assert rows["f"]["answerable"] and "Retno Marsudi" in rows["f"]["answer"] and "Dicari" not in rows["f"]["answer"]
    assert "searched" not in rows["alone"] and "searched" not in rows["switch"]
    chat = tmp_path / "chat.json"
    chat.write_text(json.dumps(lines[0]["history"]), encoding="utf-8")
    text = _assistant("ask", "Siapa yang menandatanganinya?", "--history", str(chat),
                      "--index", str(thesis_settings.index_dir))
    assert text.returncode == 0 and text.stdout.startswith("Dicari: Siapa yang menandatangani MoU"), text.stderr
    chat.write_text('[{"role": "user"}]', encoding="utf-8")
    bad = _assistant("ask", "Siapa yang menandatanganinya?", "--history", str(chat), "--index", str(thesis_settings.index_dir))
    assert bad.returncode != 0 and f"{chat}: history message 1 must be an object" in bad.stderr


def test_a_bad_history_stops_the_batch_before_any_answer(thesis_settings, tmp_path):
    batch = tmp_path / "bad.jsonl"
    batch.write_text('{"question": "Apa kepanjangan ACTIP?"}\n'
                     '{"question": "Siapa yang menandatanganinya?", "history": "Kapan MoU ditandatangani?"}\n',
                     encoding="utf-8")
    out = _assistant("ask", "--json", "--batch", str(batch), "--index", str(thesis_settings.index_dir))
    assert out.returncode != 0 and out.stdout == ""
    assert f"{batch}:2: history must be a list of {{role, content}} messages, not str" in out.stderr


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


@pytest.mark.parametrize("name, content, reason", [
    ("missing.docx", None, "missing file"),
    ("draft.pdf", b"%PDF-1.4", "unsupported draft type '.pdf'"),
    ("draft.docx", b"PK\x03\x04 not really a zip", "corrupt or unreadable DOCX"),
])
def test_check_bad_draft_gives_one_line_naming_file_and_reason(tmp_path, name, content, reason):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    out = _assistant("check", str(path), "--index", str(tmp_path / "no-index-needed"))
    assert out.returncode != 0 and out.stdout == ""
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0] and reason in lines[0]


def test_check_needs_a_draft_or_a_batch():
    out = _assistant("check")
    assert out.returncode != 0 and "DRAFT" in out.stderr


def test_check_batch_gives_id_verdict_and_suggestions(thesis_settings, tmp_path):
    batch = tmp_path / "draft.jsonl"
    batch.write_text(json.dumps({"id": "s1", "text": "Para korban dijaga oleh orang bersenjata dan anjing pelacak "
                                                     "sepanjang hari (Rudy, 2002)."}) + "\n"
                     + json.dumps({"text": "The following section describes the method."}) + "\n", encoding="utf-8")
    out = _assistant("check", "--json", "--batch", str(batch), "--index", str(thesis_settings.index_dir))
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["id"] for r in rows] == ["s1", None]
    assert rows[0]["verdict"] == "wrong_citation" and rows[0]["suggest"][0] == "Armandhanu, 2025"
    assert rows[0]["cited"] == ["Rudy, 2002"] and rows[1]["verdict"] == "ok"
    evidence = rows[0]["evidence"][0]
    assert set(evidence) >= {"sentence", "doc", "page", "section", "works"} and evidence["works"] == ["Armandhanu, 2025"]
