"""Ingestion (assistant/ingest.py): bad input, incremental runs, the lock, kill -9, inspect."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from pdfmaker import ARTICLE, encrypt_pdf, image_only_pdf, make_pdf

import assistant.ingest.build as ingest_mod
from assistant.search.index import Index
from assistant.ingest.build import IngestBusy, ingest, inspect_file, is_stale
from assistant.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
RETNO = ("Retno Marsudi bertemu Menteri Luar Negeri Kamboja Prak Sokhonn pada 2 Agustus 2022 di Phnom Penh.\n\n"
         "Pertemuan itu membahas perlindungan warga negara Indonesia yang menjadi korban perdagangan orang.\n")


def _run(settings: Settings) -> tuple:
    lines: list[str] = []
    report = ingest(settings, progress=False, log=lines.append)
    return report, lines


def _files(settings: Settings) -> set[str]:
    return {c.file for c in Index.load(Path(settings.index_dir)).chunks}


def _env() -> dict:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


@pytest.fixture(scope="module")
def bad_corpus(tmp_path_factory):
    """One ingest of a corpus mixing good files with every kind of bad one."""
    base = tmp_path_factory.mktemp("bad")
    corpus = base / "corpus"
    corpus.mkdir()
    (corpus / "retno.txt").write_text(RETNO, encoding="utf-8")
    make_pdf(corpus / "artikel.pdf", ARTICLE, title="Kerja Sama Bilateral")
    (corpus / "catatan-lama.txt").write_bytes(("Catatan “lama” dari café di Phnom Penh tentang pemulangan korban. " * 6)
                                              .encode("cp1252"))
    (corpus / "rusak.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage\n")
    encrypt_pdf(make_pdf(base / "plain.pdf", ARTICLE), corpus / "rahasia.pdf")
    image_only_pdf(corpus / "pindaian.pdf", text="")  # a blank scan: OCR finds nothing either
    (corpus / "kosong.txt").write_bytes(b"")
    (corpus / "besar.txt").write_text("kata " * 20000)  # 100 KB, over the 0.05 MB limit below
    (corpus / "gambar.xyz").write_text("bukan dokumen")
    (corpus / "salinan-retno.txt").write_text(RETNO, encoding="utf-8")  # a copy: indexed once
    (corpus / "~$laporan.docx").write_bytes(b"\x00" * 162)  # Word's lock file: ignored
    shutil.copy(make_pdf(base / "lain.pdf", ARTICLE[1:]), corpus / "laporan.txt")
    (corpus / "putaran-a.txt").symlink_to(corpus / "putaran-b.txt")
    (corpus / "putaran-b.txt").symlink_to(corpus / "putaran-a.txt")
    glued = ["Berikutadalahbeberapametodeyangdigunakandalampenelitian"] * 12
    make_pdf(corpus / "lengket.pdf", [glued])
    settings = Settings.from_env(corpus_dir=corpus, index_dir=base / "index", max_file_mb=0.05)
    report, lines = _run(settings)
    return settings, report, lines


BAD = {
    "rusak.pdf": "corrupt or unreadable PDF",
    "rahasia.pdf": "encrypted PDF: a password is needed to open it",
    "pindaian.pdf": "no text layer in 1 page(s): scanned/image-only PDF",
    "kosong.txt": "empty file",
    "besar.txt": "over the 0.05 MB limit",
    "laporan.txt": "looks like a PDF (wrong extension?)",
    "putaran-a.txt": "symlink loop",
    "putaran-b.txt": "symlink loop",
    "lengket.pdf": "run together without spaces",
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_file_gets_one_line_and_the_rest_ingests(bad_corpus, name):
    settings, report, lines = bad_corpus
    mine = [line for line in lines if line.startswith(f"failed {name}: ")]
    assert len(mine) == 1 and BAD[name] in mine[0], lines
    assert name in report.failed
    assert _files(settings) == {"retno.txt", "artikel.pdf", "catatan-lama.txt"}


def test_wrong_extension_and_copies_are_skipped_lock_files_ignored(bad_corpus):
    settings, report, lines = bad_corpus
    assert report.skipped == ["gambar.xyz", "salinan-retno.txt"]
    assert any(line.startswith("skipped gambar.xyz: unsupported file type '.xyz'") for line in lines)
    assert "skipped salinan-retno.txt: same content as retno.txt" in lines
    assert not any("~$laporan.docx" in line for line in lines)


def test_non_utf8_text_is_ingested_with_a_warning(bad_corpus):
    settings, report, lines = bad_corpus
    assert "catatan-lama.txt" in report.ingested
    assert any(line.startswith("warning catatan-lama.txt: not UTF-8, decoded as") for line in lines)
    text = " ".join(c.text for c in Index.load(Path(settings.index_dir)).chunks if c.file == "catatan-lama.txt")
    assert "“lama”" in text and "café" in text


def test_partial_failure_summary_and_exit_code(bad_corpus):
    settings, report, _ = bad_corpus
    assert report.exit_code == 3
    assert report.summary().startswith(f"ingested 3 (0 unchanged, 0 removed), skipped 2, failed {len(BAD)} file(s)")
    run = subprocess.run([sys.executable, "ingest.py", "--corpus", str(settings.corpus_dir), "--index",
                          str(settings.index_dir), "--max-file-mb", "0.05", "--quiet"],
                         cwd=ROOT, capture_output=True, text=True, env=_env())
    assert run.returncode == 3, run.stderr
    assert "failed rahasia.pdf: encrypted PDF" in run.stdout
    assert f"skipped 2, failed {len(BAD)} file(s)" in run.stdout.splitlines()[-1]
    assert "index unchanged" in run.stdout.splitlines()[-1]
    assert "files:" not in run.stderr, "--quiet: no progress bars"
    assert not is_stale(settings), "unchanged failed files do not make the index stale"


def test_nothing_ingestible_exits_1(tmp_path):
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "kosong.txt").write_bytes(b"")
    report, lines = _run(Settings.from_env(corpus_dir=tmp_path / "c", index_dir=tmp_path / "i"))
    assert report.exit_code == 1 and lines == ["failed kosong.txt: empty file (0 bytes)"]


def test_unreadable_file_as_non_root(tmp_path):
    """Root reads chmod-000 files, so the ingest runs as 'nobody' (setpriv)."""
    setpriv = shutil.which("setpriv")
    if os.geteuid() == 0 and not setpriv:
        pytest.skip("running as root without setpriv: cannot make a file unreadable")
    prefix = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"] if os.geteuid() == 0 else []
    base = Path("/tmp") / f"unreadable-{os.getpid()}-{time.monotonic_ns()}"
    corpus = base / "corpus"
    corpus.mkdir(parents=True)
    try:
        (corpus / "retno.txt").write_text(RETNO, encoding="utf-8")
        (corpus / "rahasia.txt").write_text("tidak boleh dibaca", encoding="utf-8")
        (corpus / "rahasia.txt").chmod(0)
        if prefix:
            os.chown(base, 65534, 65534)
        run = subprocess.run(prefix + [sys.executable, "ingest.py", "--corpus", str(corpus), "--index",
                                       str(base / "index"), "--quiet"],
                             cwd=ROOT, capture_output=True, text=True, env={**_env(), "HOME": str(base)})
        assert run.returncode == 3, run.stdout + run.stderr
        assert "failed rahasia.txt: permission denied" in run.stdout
        assert {c.file for c in Index.load(base / "index").chunks} == {"retno.txt"}
    finally:
        shutil.rmtree(base, ignore_errors=True)


def test_incremental_runs(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(RETNO, encoding="utf-8")
    (corpus / "b.txt").write_text("Dokumen B membahas nota kesepahaman tentang ketenagakerjaan.\n", encoding="utf-8")
    make_pdf(corpus / "artikel.pdf", ARTICLE, title="Kerja Sama Bilateral")
    settings = Settings.from_env(corpus_dir=corpus, index_dir=tmp_path / "index")
    first, _ = _run(settings)
    assert first.exit_code == 0 and first.written and first.embedded > 0
    assert not is_stale(settings)

    def not_again(path, *_):
        raise AssertionError(f"unchanged {path} was loaded again")

    with monkeypatch.context() as m:  # nothing changed: nothing loaded, embedded or written
        m.setattr(ingest_mod, "read_file", not_again)
        second, lines = _run(settings)
    assert second.embedded == 0 and not second.written and second.unchanged == ["a.txt", "artikel.pdf", "b.txt"]
    assert second.exit_code == 0 and lines == []

    (corpus / "a.txt").write_text(RETNO + "\nKalimat baru: kunjungan berikutnya dijadwalkan tahun 2023.\n", encoding="utf-8")
    (corpus / "b.txt").unlink()
    (corpus / "jurnal").mkdir()
    (corpus / "artikel.pdf").rename(corpus / "jurnal" / "artikel.pdf")
    assert is_stale(settings)
    third, lines = _run(settings)
    assert "renamed artikel.pdf → jurnal/artikel.pdf" in lines
    assert third.removed == ["artikel.pdf", "b.txt"] and third.written
    assert 0 < third.embedded <= 4 and third.reused > 0, third.summary()
    chunks = Index.load(settings.index_dir).chunks
    assert {c.file for c in chunks} == {"a.txt", "jurnal/artikel.pdf"}
    assert sum("pertumbuhan" in c.text for c in chunks) == 1, "renamed file not duplicated"
    assert any("dijadwalkan tahun 2023" in c.text for c in chunks)
    assert len({c.id for c in chunks}) == len(chunks)
    assert not is_stale(settings)

    full = ingest(settings, progress=False, log=lambda *_: None, full=True)  # --full: re-read, reuse vectors
    assert full.written and full.embedded == 0 and full.unchanged == []

    version = (settings.index_dir / "CURRENT").read_text().strip()
    (settings.index_dir / version / "chunks.jsonl").write_text("{broken", encoding="utf-8")
    (corpus / "a.txt").write_text(RETNO, encoding="utf-8")
    repaired, lines = _run(settings)  # unchanged files come back from the corpus, not the broken index
    assert any(line.startswith("warning the live index is unreadable") for line in lines)
    assert {c.file for c in Index.load(settings.index_dir).chunks} == {"a.txt", "jurnal/artikel.pdf"}
    assert repaired.exit_code == 0 and repaired.unchanged == ["jurnal/artikel.pdf"]


def _two_files(tmp_path: Path) -> Settings:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "retno.txt").write_text(RETNO, encoding="utf-8")
    make_pdf(corpus / "artikel.pdf", ARTICLE, title="Kerja Sama Bilateral")
    return Settings.from_env(corpus_dir=corpus, index_dir=tmp_path / "index")


def test_ingest_embeds_passages_and_titles_and_questions_bring_the_sentences(tmp_path):
    from assistant.engine import Assistant

    settings = _two_files(tmp_path)
    events = []
    report = ingest(settings, progress=False, log=lambda *_: None, on_progress=events.append)
    assert list(dict.fromkeys(p.stage for p in events)) == ["reading", "passages", "done"]
    index = Index.load(settings.index_dir)
    assert report.embedded == len(index.chunks) + len(index.section_texts) and index.sentence_texts == []
    assert not is_stale(settings)
    assistant = Assistant(settings)
    answer = assistant.ask("Siapa yang ditemui Retno Marsudi pada 2 Agustus 2022?")
    assert answer["answerable"] and "Prak Sokhonn" in answer["answer"]
    asked = len(assistant.index.sentence_texts)
    assert asked > 2 and assistant.keep_sentence_vectors()
    assert assistant.warm() == len(assistant.index.places) - asked  # the rest, as the chat does in the background
    # an ingest after a change keeps the vectors of unchanged sentences
    (settings.corpus_dir / "retno.txt").write_text(RETNO + "\n\nKalimat baru ditambahkan di akhir berkas ini.",
                                                   encoding="utf-8")
    report, _ = _run(settings)
    again = Index.load(settings.index_dir)
    assert report.written and 0 < len(again.missing_sentences()) < len(again.chunks)
    assert len(again.sentence_texts) >= len(index.chunks)


def test_sentences_at_ingest_turned_on_later_or_an_old_cut_short_index_is_stale(tmp_path):
    from assistant.search.index import current_version

    settings = _two_files(tmp_path)
    _run(settings)
    assert not is_stale(settings) and is_stale(settings.replace(sentences_at_ingest=True))
    report, _ = _run(settings.replace(sentences_at_ingest=True))
    assert report.written and Index.load(settings.index_dir).meta["sentences_complete"]
    # the earlier code's second phase, cut short, also lacked section titles: rebuilt whatever the setting
    meta_path = settings.index_dir / current_version(settings.index_dir) / "meta.json"
    meta = json.loads(meta_path.read_text())
    meta_path.write_text(json.dumps({k: v for k, v in {**meta, "sentences_complete": False}.items()
                                     if k != "sections_complete"}))
    assert is_stale(settings)


@pytest.mark.slow
def test_progress_counts_what_is_embedded_when_passages_repeat(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    paragraph = " ".join(["Kalimat yang sama diulang di setiap bagian berkas ini."] * 30)
    (corpus / "ulang.txt").write_text("\n\n".join([paragraph] * 8), encoding="utf-8")
    events = []
    report = ingest(Settings.from_env(corpus_dir=corpus, index_dir=tmp_path / "index"), progress=False,
                    log=lambda *_: None, on_progress=events.append)
    last = events[-1]
    assert last.texts_done == last.texts_total == report.embedded > 1


@pytest.mark.slow
def test_progress_reports_files_pages_texts_and_a_searchable_first_phase(tmp_path):
    from assistant.engine import Assistant

    settings = _two_files(tmp_path).replace(sentences_at_ingest=True)
    events, early = [], []

    def on_progress(p):
        events.append(p)
        if p.stage == "searchable":  # passages and BM25 saved: questions are answered already
            early.append(Assistant(settings).ask("Siapa yang ditemui Retno Marsudi pada 2 Agustus 2022?"))

    report = ingest(settings, progress=False, log=lambda *_: None, on_progress=on_progress)
    stages = list(dict.fromkeys(p.stage for p in events))
    assert stages == ["reading", "passages", "searchable", "sentences", "done"]
    last = events[-1]
    assert last.files_done == last.files_total == 2 and last.pages >= 2
    assert last.texts_done == last.texts_total == report.embedded > 0
    assert all(p.eta_s is not None for p in events if p.stage == "sentences")
    first = next(p for p in events if p.texts_done)  # the first estimate already counts the first batch's time
    assert first.texts_done == first.texts_total or first.eta_s > 0.01
    assert early[0]["answerable"] and "Prak Sokhonn" in early[0]["answer"]
    index = Index.load(settings.index_dir)
    assert index.meta["sentences_complete"] and len(index.sentence_texts) == len(index.sentence_vectors) > 2
    # what is embedded: each passage, each distinct sentence alone, each section title
    assert report.embedded == len(index.chunks) + len(index.sentence_texts) + len(index.section_texts)


def test_an_index_written_by_another_version_is_stale_and_rebuilt(tmp_path):
    from assistant.search.index import current_version

    settings = _two_files(tmp_path)
    _run(settings)
    meta_path = settings.index_dir / current_version(settings.index_dir) / "meta.json"
    meta_path.write_text(json.dumps({**json.loads(meta_path.read_text()), "format": 1}))
    assert is_stale(settings)
    report, lines = _run(settings)
    assert report.written and any("another version of the assistant" in line for line in lines)
    index = Index.load(settings.index_dir)
    from assistant.search import INDEX_FORMAT

    assert index.meta["format"] == INDEX_FORMAT and not is_stale(settings)
    assert report.reused == len(index.chunks)  # its passage vectors are reused; sentences are embedded anew


def test_index_records_the_code_fingerprint_of_the_run_start(tmp_path, monkeypatch):
    """Code that changes during a long ingest must not be recorded over chunks made by the old code."""
    settings = _two_files(tmp_path)
    prints = iter(["code-at-start", "code-changed-meanwhile"])
    monkeypatch.setattr(ingest_mod, "fingerprint", lambda s: next(prints, "code-changed-meanwhile"))
    ingest(settings, progress=False, log=lambda *_: None)
    assert Index.load(settings.index_dir).meta["fingerprint"] == "code-at-start"


def test_cancel_keeps_the_searchable_index_and_the_next_run_finishes_it(tmp_path):
    from assistant.ingest.build import IngestCancelled

    settings = _two_files(tmp_path).replace(sentences_at_ingest=True)
    stop = threading.Event()
    stop.set()
    with pytest.raises(IngestCancelled):  # cancelled while reading: nothing written
        ingest(settings, progress=False, log=lambda *_: None, cancel=stop)
    assert not (settings.index_dir / "CURRENT").exists()

    stop.clear()
    with pytest.raises(IngestCancelled):  # cancelled in the second phase: the first stays live
        ingest(settings, progress=False, log=lambda *_: None, cancel=stop,
               on_progress=lambda p: p.stage == "searchable" and stop.set())
    index = Index.load(settings.index_dir)
    assert not index.meta["sentences_complete"] and len(index.chunks) > 1
    assert is_stale(settings)
    report, _ = _run(settings)  # the next run finishes: the sentences the cancelled run embedded were kept
    assert report.written and report.reused == len(index.chunks) + len(index.section_texts) and report.embedded == 0
    assert Index.load(settings.index_dir).meta["sentences_complete"] and not is_stale(settings)


def test_second_ingest_refuses_with_a_clear_message(tmp_path):
    settings = Settings.from_env(corpus_dir=tmp_path / "corpus", index_dir=tmp_path / "index")
    (tmp_path / "corpus").mkdir()
    (tmp_path / "index").mkdir()
    holder = subprocess.Popen([sys.executable, "-c", "import sys, time; from filelock import FileLock; "
                               f"lock = FileLock({str(tmp_path / 'index' / '.ingest.lock')!r}); lock.acquire(); "
                               "print('locked', flush=True); time.sleep(120)"], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(IngestBusy, match="another ingest is already writing"):
            ingest(settings, progress=False, log=lambda *_: None, wait=0.2)
        run = subprocess.run([sys.executable, "ingest.py", "--corpus", str(tmp_path / "corpus"), "--index",
                              str(tmp_path / "index")], cwd=ROOT, capture_output=True, text=True, env=_env())
        assert run.returncode == 75 and "another ingest is already writing" in run.stderr
    finally:
        holder.kill()
        holder.wait()


def _article(n: int) -> list[list[str]]:
    return [[f"Dokumen {n} bagian {p} kalimat {i}: kerja sama penanganan perdagangan orang tahap {n * 100 + p * 10 + i}."
             for i in range(14)] for p in range(2)]


def test_kill_9_mid_ingest_leaves_the_old_index_answering(tmp_path):
    from filelock import FileLock

    from assistant.engine import Assistant

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "retno.txt").write_text(RETNO, encoding="utf-8")
    settings = Settings.from_env(corpus_dir=corpus, index_dir=tmp_path / "index")
    assert _run(settings)[0].exit_code == 0
    for n in range(4):
        make_pdf(corpus / f"laporan-{n}.pdf", _article(n))
    proc = subprocess.Popen([sys.executable, "ingest.py", "--corpus", str(corpus), "--index", str(settings.index_dir)],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=_env())
    seen = bytearray()
    reader = threading.Thread(target=lambda: [seen.extend(b) for b in iter(lambda: proc.stderr.read1(256), b"")],
                              daemon=True)
    reader.start()
    deadline = time.monotonic() + 300
    while b"embedding" not in seen and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert b"embedding" in seen and proc.poll() is None, "the ingest should be embedding now"
    with pytest.raises(IngestBusy, match="another ingest is already writing"):  # meanwhile: a second ingest
        ingest(settings, progress=False, log=lambda *_: None)
    os.kill(proc.pid, signal.SIGKILL)
    assert proc.wait() == -signal.SIGKILL

    result = Assistant(settings).ask("Siapa yang ditemui Retno Marsudi pada 2 Agustus 2022?")
    assert result["retrieved"] and {p["file"] for p in result["retrieved"]} == {"retno.txt"}
    assert "Kamboja" in result["retrieved"][0]["text"]
    lock = FileLock(str(settings.index_dir / ".ingest.lock"))
    lock.acquire(timeout=0)  # the killed ingest's lock died with it
    lock.release()
    assert is_stale(settings)


def _kept(index_dir: Path, meta: dict) -> set[str]:
    """Content keys of the vectors an ingest of `index_dir` has kept so far (its VectorLog)."""
    from assistant.ingest.vectorlog import VectorLog

    return set(VectorLog(index_dir, meta["embedder"], int(meta["dim"])).read())


def _answers(settings: Settings, questions: list[str]) -> list[tuple]:
    from assistant.engine import Assistant

    assistant = Assistant(settings)
    return [(r["answer"], [(p["file"], p["page"], p["text"]) for p in r["retrieved"][:3]])
            for r in map(assistant.ask, questions)]


@pytest.mark.slow
def test_kill_9_halfway_through_embedding_the_rerun_reuses_what_was_embedded(tmp_path):
    """A real ingest killed once half its passages are embedded: the last good index answers meanwhile,
    the rerun embeds only the rest, and the result is the index a clean run builds."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "retno.txt").write_text(RETNO, encoding="utf-8")
    settings = Settings.from_env(corpus_dir=corpus, index_dir=tmp_path / "index", chunk_words=80)
    assert _run(settings)[0].exit_code == 0  # the last good index: retno.txt alone
    shutil.copy(ROOT / "corpus" / "thesis.txt", corpus / "thesis.txt")
    clean = settings.replace(index_dir=tmp_path / "clean")
    shutil.copytree(settings.index_dir, clean.index_dir)
    assert _run(clean)[0].exit_code == 0  # from the same start, not interrupted
    clean_index = Index.load(clean.index_dir)
    passages = set(clean_index.passage_keys)
    questions = [json.loads(line)["question"] for line in
                 (ROOT / "tests" / "data" / "own_eval.jsonl").read_text(encoding="utf-8").splitlines()[:6]]
    before = _answers(settings, questions[:1])

    proc = subprocess.Popen([sys.executable, "ingest.py", "--corpus", str(corpus), "--index", str(settings.index_dir),
                             "--chunk-words", "80", "--quiet"], cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, env=_env())
    deadline = time.monotonic() + 600
    asked = False
    while len(kept := _kept(settings.index_dir, clean_index.meta) & passages) < len(passages) / 2 and proc.poll() is None:
        assert time.monotonic() < deadline, "not half the passage vectors kept after 10 minutes"
        if kept and not asked:
            assert _answers(settings, questions[:1]) == before, "the last good index answers meanwhile"
            asked = True
        time.sleep(0.1)
    os.kill(proc.pid, signal.SIGKILL)
    assert proc.wait() == -signal.SIGKILL, "killed while embedding"
    kept = _kept(settings.index_dir, clean_index.meta) & passages
    assert len(kept) < len(passages), "killed before the end of the passages"
    assert {c.file for c in Index.load(settings.index_dir).chunks} == {"retno.txt"}
    assert _answers(settings, questions[:1]) == before

    report, _ = _run(settings)
    assert report.exit_code == 0 and report.resumed >= len(kept) >= 0.45 * len(passages), report.summary()
    assert report.embedded <= len(passages) - len(kept) + len(clean_index.section_texts), report.summary()
    resumed = Index.load(settings.index_dir)
    assert [c.to_dict() for c in resumed.chunks] == [c.to_dict() for c in clean_index.chunks]
    assert resumed.passage_keys == clean_index.passage_keys
    assert _answers(settings, questions) == _answers(clean, questions)
    assert _kept(settings.index_dir, clean_index.meta) == set(), "the saved index holds the vectors now"


def test_inspect_shows_pages_chunks_and_cites_without_an_index(tmp_path):
    pdf = make_pdf(tmp_path / "artikel.pdf", ARTICLE, labels_start=7, title="Kerja Sama Bilateral")
    result = inspect_file(pdf, Settings.from_env(index_dir=tmp_path / "index"))
    assert [(p["page"], p["label"]) for p in result["pages"]] == [(1, "7"), (2, "8")]
    assert {"id", "page", "section", "text", "cites"} <= set(result["chunks"][0])
    assert result["chunks"][0]["section"] == "Pendahuluan" and result["warnings"] == []
    run = subprocess.run([sys.executable, "-m", "assistant.cli", "inspect", str(pdf), "--json"],
                         cwd=tmp_path, capture_output=True, text=True, env={**_env(), "ASSISTANT_INDEX_DIR": "index"})
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["chunks"] == result["chunks"]
    assert not (tmp_path / "index").exists()
    (tmp_path / "kosong.txt").write_bytes(b"")
    bad = subprocess.run([sys.executable, "-m", "assistant.cli", "inspect", str(tmp_path / "kosong.txt"), "--json"],
                         cwd=tmp_path, capture_output=True, text=True, env=_env())
    assert bad.returncode == 1 and json.loads(bad.stdout)["error"] == "empty file (0 bytes)"
