"""Parallel reading (assistant/ingest/parallel.py): worker processes give what one process gives."""
from __future__ import annotations

from pdfmaker import ARTICLE, make_pdf

from assistant.ingest.load import LoadError
from assistant.ingest.parallel import Read, map_files, read_file, workers_for
from assistant.settings import Settings


def test_worker_processes_read_as_this_process_does_and_failures_keep_their_reason(tmp_path):
    (tmp_path / "a.txt").write_text("Retno Marsudi bertemu Prak Sokhonn di Phnom Penh pada 2 Agustus 2022.\n",
                                    encoding="utf-8")
    make_pdf(tmp_path / "b.pdf", ARTICLE, title="Kerja Sama Bilateral")
    (tmp_path / "c.txt").write_bytes(b"")
    settings = Settings.from_env()
    jobs = [(tmp_path / name, name, settings) for name in ("a.txt", "b.pdf", "c.txt")]
    here = {job[1]: out for job, out in map_files(read_file, jobs, 1)}
    there = {job[1]: out for job, out in map_files(read_file, jobs, 2)}
    assert isinstance(there["b.pdf"], Read) and there["b.pdf"].pages == len(ARTICLE)
    for name in ("a.txt", "b.pdf"):
        assert [c.to_dict() for c in there[name].chunks] == [c.to_dict() for c in here[name].chunks]
        assert there[name].meta == here[name].meta
    assert isinstance(there["c.txt"], LoadError) and "empty file" in there["c.txt"].reason
    assert str(tmp_path / "c.txt") in str(there["c.txt"])


def test_cancel_stops_before_the_pending_files_and_workers_follow_the_setting(tmp_path):
    (tmp_path / "a.txt").write_text("Satu dokumen pendek tentang kerja sama bilateral.\n", encoding="utf-8")
    settings = Settings.from_env()
    jobs = [(tmp_path / "a.txt", "a.txt", settings)] * 3
    assert list(map_files(read_file, jobs, 1, cancelled=lambda: True)) == []
    assert list(map_files(read_file, jobs, 2, cancelled=lambda: True)) == []
    assert workers_for(1) == 1 and workers_for(5, 3) == 3
