"""Helpers for bench/run.py: timing, percentiles, a results table, pyinstrument summaries,
Debian documentation (installed with apt-get when missing) and process memory."""
from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
VENV_BIN = ROOT / ".venv" / "bin"
DEBIAN_PDFS = {
    "debian-reference-en": Path("/usr/share/debian-reference/debian-reference.en.pdf"),
    "debian-reference-id": Path("/usr/share/debian-reference/debian-reference.id.pdf"),
}


def pct(values: list[float], q: float) -> float:
    """q-th percentile (0-100), linear interpolation; nan for no values."""
    if not values:
        return float("nan")
    xs = sorted(values)
    pos = (len(xs) - 1) * q / 100
    lo = int(pos)
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo)


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


@dataclass
class Row:
    name: str
    value: object
    goal: str = ""
    ok: bool | None = None
    note: str = ""


@dataclass
class Report:
    rows: list[Row] = field(default_factory=list)
    figures: dict = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    profiles: dict = field(default_factory=dict)

    def add(self, name: str, value, goal: str = "", ok: bool | None = None, note: str = "",
            key: str | None = None) -> None:
        self.rows.append(Row(name, value, goal, ok, note))
        if key:
            self.figures[key] = value

    def check(self, name: str, key: str, value: float, op: str, limit: float, unit: str = "", note: str = "") -> bool:
        ok = value >= limit if op == ">=" else value <= limit
        self.add(name, value, f"{op} {limit:g}{unit}", ok, note, key)
        return ok

    def print_table(self, stream=sys.stdout) -> None:
        def fmt(v):
            if isinstance(v, float):
                return f"{v:,.3f}" if abs(v) < 10 else f"{v:,.1f}"
            return str(v)

        w0 = max(len(r.name) for r in self.rows) if self.rows else 10
        w1 = max(len(fmt(r.value)) for r in self.rows) if self.rows else 10
        print(f"{'figure':<{w0}}  {'value':>{w1}}  {'goal':<10}  {'':4}  note", file=stream)
        print("-" * (w0 + w1 + 40), file=stream)
        for r in self.rows:
            mark = "" if r.ok is None else ("ok" if r.ok else "MISS")
            print(f"{r.name:<{w0}}  {fmt(r.value):>{w1}}  {r.goal:<10}  {mark:4}  {r.note}", file=stream)


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------- profiles

def summarize_session(session, top: int = 12, root_filter: str | None = None) -> list[str]:
    """The functions where the time goes: self time and inclusive time (each function counted
    once per call path), as short text lines."""
    root = session.root_frame()
    if root is None:
        return ["(no samples)"]
    total = root.time or 1e-9
    self_t: dict[str, float] = {}
    incl_t: dict[str, float] = {}

    def key(frame) -> str:
        path = frame.file_path_short or frame.file_path or ""
        return f"{frame.function}  {path}:{frame.line_no}"

    def walk(frame, active: frozenset) -> None:
        k = key(frame)
        child_time = sum(c.time for c in frame.children)
        self_t[k] = self_t.get(k, 0.0) + max(frame.time - child_time, 0.0)
        if k not in active:
            incl_t[k] = incl_t.get(k, 0.0) + frame.time
        for c in frame.children:
            walk(c, active | {k})

    walk(root, frozenset())
    lines = [f"total {total:.3f} s sampled"]
    lines.append("  by self time:")
    for k, t in sorted(self_t.items(), key=lambda kv: -kv[1])[:top]:
        lines.append(f"    {100 * t / total:5.1f}%  {t:7.3f} s  {k}")
    lines.append("  by inclusive time (project and library entry points):")
    shown = 0
    for k, t in sorted(incl_t.items(), key=lambda kv: -kv[1]):
        if shown >= top:
            break
        if t / total > 0.97 and shown == 0 and "<module>" in k:
            continue
        if root_filter and root_filter not in k and "site-packages" not in k and "assistant/" not in k:
            continue
        lines.append(f"    {100 * t / total:5.1f}%  {t:7.3f} s  {k}")
        shown += 1
    return lines


def save_profile(session, name: str) -> Path:
    OUT.mkdir(parents=True, exist_ok=True)
    from pyinstrument.renderers import ConsoleRenderer

    text = ConsoleRenderer(unicode=False, color=False, show_all=False).render(session)
    path = OUT / f"profile-{name}.txt"
    path.write_text(text, encoding="utf-8")
    return path


def keep_profile(name: str, session, report: Report) -> None:
    path = save_profile(session, name)
    report.profiles[name] = summarize_session(session) + [f"  full tree: {path.relative_to(ROOT)}"]


def profiled(fn, interval: float = 0.002):
    """(fn(), session): run fn() under pyinstrument (sampling, low overhead at this interval)."""
    from pyinstrument import Profiler

    profiler = Profiler(interval=interval)
    profiler.start()
    try:
        result = fn()
    finally:
        profiler.stop()
    return result, profiler.last_session


def profile_call(name: str, fn, report: Report, interval: float = 0.001):
    """Run fn() under pyinstrument; keep the summary in the report and the tree in bench/out/."""
    result, session = profiled(fn, interval)
    keep_profile(name, session, report)
    return result


# ---------------------------------------------------------------- Debian documentation

def ensure_debian_docs() -> dict[str, Path]:
    """The Debian Reference PDFs (English, Indonesian), installed with apt-get if missing."""
    missing = [pkg for pkg, path in DEBIAN_PDFS.items() if not path.exists()]
    if missing:
        log(f"installing {' '.join(missing)} with apt-get (needs root)")
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        cmd = ["apt-get", "install", "-y", "-q", "--no-install-recommends", *missing]
        if os.geteuid() != 0 and shutil.which("sudo"):
            cmd = ["sudo", "-n", *cmd]
        for attempt in range(60):  # another apt-get may hold the dpkg lock for a while
            proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
            if proc.returncode == 0:
                break
            if "lock" in proc.stderr.lower():
                time.sleep(5)
                continue
            if "Unable to locate package" in proc.stderr and attempt == 0:
                subprocess.run(["apt-get", "update", "-q"], env=env, capture_output=True)
                continue
            raise RuntimeError(f"apt-get install {' '.join(missing)} failed: {proc.stderr.strip()[-400:]}")
    found = {pkg: path for pkg, path in DEBIAN_PDFS.items() if path.exists()}
    if not found:
        raise RuntimeError("Debian Reference PDFs not available")
    return found


# ---------------------------------------------------------------- processes and memory

def rss_tree_mb(pid: int) -> tuple[float, float]:
    """(RSS, sum of peak RSS) in MB over the process and its descendants."""
    def children(p: int) -> list[int]:
        out = []
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    out += [int(x) for x in fh.read().split()]
        except OSError:
            pass
        return out

    def status(p: int) -> dict:
        vals = {}
        try:
            with open(f"/proc/{p}/status") as fh:
                for line in fh:
                    if line.startswith(("VmRSS:", "VmHWM:")):
                        k, v = line.split(":", 1)
                        vals[k] = int(v.split()[0]) / 1024
        except OSError:
            pass
        return vals

    todo, rss, hwm = [pid], 0.0, 0.0
    seen = set()
    while todo:
        p = todo.pop()
        if p in seen:
            continue
        seen.add(p)
        s = status(p)
        rss += s.get("VmRSS", 0.0)
        hwm += s.get("VmHWM", 0.0)
        todo += children(p)
    return rss, hwm


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_port(port: int, timeout: float, proc: subprocess.Popen | None = None) -> bool:
    import socket

    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if proc is not None and proc.poll() is not None:
            return False
        with socket.socket() as s:
            s.settimeout(0.5)
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return True
        time.sleep(0.25)
    return False


def subprocess_env() -> dict:
    env = dict(os.environ)
    env.setdefault("HF_HUB_OFFLINE", "1")
    env.setdefault("TRANSFORMERS_OFFLINE", "1")
    env.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    env["PYTHONPATH"] = str(ROOT) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


def load_dev_questions() -> list[str]:
    """The dev questions (tests/data/dev.jsonl, the project's copy of ../shared/eval/dev.jsonl), else a few fixed ones."""
    path = ROOT / "tests" / "data" / "dev.jsonl"
    qs = []
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                qs.append(json.loads(line)["question"])
    return qs or [
        "Siapa yang ditemui Retno Marsudi pada 2 Agustus 2022?",
        "Who did Retno Marsudi meet on 2 August 2022?",
        "Apa kepanjangan ACTIP?",
        "Who won the 2022 World Cup?",
    ]
