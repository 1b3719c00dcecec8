"""Cold start: wall time of a fresh `assistant ask` process (median of a few runs)."""
from __future__ import annotations

import subprocess
import sys
import time

from common import OUT, ROOT, VENV_BIN, Report, median, subprocess_env
from context import Ctx


def bench_cold(ctx: Ctx, rep: Report) -> None:
    q = "Siapa yang ditemui Retno Marsudi pada 2 Agustus 2022?"
    cmd = [str(VENV_BIN / "assistant"), "ask", q, "--index", str(ctx.thesis_index)]
    env = subprocess_env()
    times = []
    runs = 2 if ctx.quick else 3
    for _ in range(runs):
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True, cwd=ROOT)
        times.append(time.perf_counter() - t0)
        if proc.returncode != 0:
            raise RuntimeError(f"assistant ask failed: {proc.stderr.strip()[-300:]}")
    cold = median(times)
    active = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, env={**env, "OMP_WAIT_POLICY": "ACTIVE"}, capture_output=True, text=True, cwd=ROOT)
        active.append(time.perf_counter() - t0)
    rep.figures["ask_cold_s_omp_active"] = round(median(active), 3)
    ok = rep.check("ask_cold_s (fresh `assistant ask`)", "ask_cold_s", round(cold, 3), "<=", 1.5,
                   note=f"median of {runs}: " + ", ".join(f"{t:.2f}" for t in times)
                   + f"; with OMP_WAIT_POLICY=ACTIVE: median {median(active):.2f}")
    if not ok:
        OUT.mkdir(parents=True, exist_ok=True)
        session_path = ctx.tmp / "cold.pyisession"
        code = ("import sys; from pyinstrument import Profiler; p = Profiler(interval=0.001); p.start()\n"
                "from assistant.cli import main\n"
                f"try:\n    main({cmd[1:]!r})\nfinally:\n    p.stop(); p.last_session.save({str(session_path)!r})\n")
        subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, cwd=ROOT)
        from pyinstrument.session import Session

        from common import save_profile, summarize_session
        session = Session.load(str(session_path))
        path = save_profile(session, "ask-cold")
        rep.profiles["ask-cold"] = summarize_session(session) + [f"  full tree: {path.relative_to(ROOT)}"]


