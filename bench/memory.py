"""Serving memory: engine peak RSS over the dev questions, and `assistant serve`'s process tree
after start and a few questions through gradio_client."""
from __future__ import annotations

import json
import math
import subprocess
import sys
import time

from common import ROOT, VENV_BIN, Report, free_port, rss_tree_mb, subprocess_env, wait_port
from context import Ctx


ENGINE_RSS = r"""
import json, sys
from assistant.engine import Assistant
from assistant.settings import Settings
a = Assistant(Settings.from_env(index_dir=sys.argv[1]))
for q in json.loads(sys.argv[2]):
    a.ask(q)
vals = {}
for line in open("/proc/self/status"):
    if line.startswith(("VmRSS:", "VmHWM:")):
        k, v = line.split(":", 1); vals[k] = int(v.split()[0]) / 1024
print(json.dumps(vals))
"""


def bench_rss(ctx: Ctx, rep: Report) -> None:
    env = subprocess_env()
    proc = subprocess.run([sys.executable, "-c", ENGINE_RSS, str(ctx.thesis_index), json.dumps(ctx.questions)],
                          env=env, capture_output=True, text=True, cwd=ROOT)
    engine = json.loads(proc.stdout.strip().splitlines()[-1]) if proc.returncode == 0 else {}
    engine_rss = engine.get("VmHWM", float("nan"))
    rep.add("engine peak RSS MB (Assistant + all dev questions)", round(engine_rss, 1), key="engine_rss_mb")
    serve_rss = float("nan")
    note = ""
    try:
        import importlib.util

        if importlib.util.find_spec("assistant.ui.app") is None:
            raise RuntimeError("assistant.ui.app not present")
        port = free_port()
        sp = subprocess.Popen([str(VENV_BIN / "assistant"), "serve", "--index", str(ctx.thesis_index),
                               "--port", str(port)], env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, text=True)
        try:
            if not wait_port(port, 120, sp):
                err = sp.stderr.read()[-300:] if sp.poll() is not None else "no port after 120 s"
                raise RuntimeError(f"serve did not start: {err}")
            asked = _ask_served(port, ctx.questions[:3])
            time.sleep(1.0)
            serve_rss, serve_hwm = rss_tree_mb(sp.pid)
            serve_rss = max(serve_rss, serve_hwm)
            note = "after start" + (f" and {asked} questions through gradio_client" if asked else
                                    " (no question asked: gradio_client call failed)")
        finally:
            sp.terminate()
            try:
                sp.wait(10)
            except subprocess.TimeoutExpired:
                sp.kill()
    except Exception as exc:  # noqa: BLE001 - serving is another developer's work in progress
        note = f"serve unavailable ({exc}); rss_mb is the engine figure"
    rep.add("`assistant serve` peak RSS MB (process tree)", round(serve_rss, 1), note=note, key="serve_rss_mb")
    rss = serve_rss if not math.isnan(serve_rss) else engine_rss
    rep.check("rss_mb (serving, thesis)", "rss_mb", round(rss, 1), "<=", 500)


def _ask_served(port: int, questions: list[str]) -> int:
    """Ask through the running Gradio app with gradio_client; the endpoint is discovered."""
    try:
        from gradio_client import Client

        client = Client(f"http://127.0.0.1:{port}/", verbose=False)
        api = client.view_api(print_info=False, return_format="dict") or {}
        endpoints = api.get("named_endpoints", {})
        name = next((n for n, e in endpoints.items()
                     if len(e.get("parameters", [])) >= 1 and any(w in n for w in ("ask", "chat", "respond", "answer"))),
                    None)
        if name is None:
            return 0
        params = endpoints[name]["parameters"]
        n = 0
        for q in questions:
            args = [q] + [p.get("parameter_default") for p in params[1:]]
            client.predict(*args, api_name=name)
            n += 1
        return n
    except Exception:  # noqa: BLE001
        return 0


