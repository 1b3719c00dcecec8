"""Resume after kill -9: a real `ingest.py` killed once its progress bar shows half the passages
embedded; the next run's share of passages reused from what the killed run kept (VectorLog), and
what the kill lost (embedded but not yet written: at most the last ~2 s)."""
from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time

from common import ROOT, Report, ensure_debian_docs, log, subprocess_env
from context import Ctx


def bench_resume(ctx: Ctx, rep: Report) -> None:
    from assistant.ingest.build import ingest
    from assistant.settings import Settings

    corpus = ctx.tmp / "corpus-resume"
    corpus.mkdir()
    shutil.copy(ROOT / "corpus" / "thesis.txt", corpus / "thesis.txt")
    words = 80  # quick: the thesis in ~130 passages (4-5 batches of 32)
    if not ctx.quick:  # the case: the English Debian Reference (623 passages at 220 words)
        path = ensure_debian_docs()["debian-reference-en"]
        shutil.copy(path, corpus / path.name)
        words = 220
    index = ctx.tmp / "index-resume"
    proc = subprocess.Popen([sys.executable, "ingest.py", "--corpus", str(corpus), "--index", str(index),
                             "--chunk-words", str(words)], cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, env=subprocess_env())
    seen = bytearray()
    reader = threading.Thread(target=lambda: [seen.extend(b) for b in iter(lambda: proc.stderr.read1(512), b"")],
                              daemon=True)
    reader.start()
    done = total = 0
    deadline = time.monotonic() + 1800
    while proc.poll() is None and time.monotonic() < deadline:
        bars = re.findall(rb"embedding passages:\s+\d+%\|[^|]*\|\s*(\d+)/(\d+)", bytes(seen))
        if bars:
            done, total = map(int, bars[-1])
            if done >= total / 2:
                break
        time.sleep(0.05)
    if proc.poll() is not None or not total:
        rep.add("resume section", "ERROR", note="the ingest ended before half its passages were embedded")
        return
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    log(f"resume: killed at {done}/{total} passages embedded")
    t0 = time.perf_counter()
    report = ingest(Settings.from_env(corpus_dir=corpus, index_dir=index, chunk_words=words), progress=False,
                    log=lambda *_: None)
    rerun = time.perf_counter() - t0
    passages = report.chunks
    rep.add("resume_reused_share (passages the rerun reuses)", round(report.resumed / passages, 3),
            key="resume_reused_share",
            note=f"killed at {done}/{total} passages embedded ({done / total:.0%}); {report.resumed} of {passages} "
                 f"reused; rerun {rerun:.1f} s")
    rep.add("  resume_lost_texts (embedded before the kill, not kept)", max(0, done - report.resumed),
            key="resume_lost_texts", note="written every 2 s and after each batch")
