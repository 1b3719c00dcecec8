"""Start `assistant serve` as a real subprocess on a free loopback port (shared by the app and browser tests)."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ASSISTANT = Path(sys.executable).with_name("assistant")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def copy_thesis(settings, dest: Path) -> tuple[Path, Path]:
    """A private copy of the session's corpus and index, so uploads do not touch the shared fixture."""
    corpus, index = dest / "corpus", dest / "index"
    shutil.copytree(settings.corpus_dir, corpus)
    shutil.copytree(settings.index_dir, index, ignore=shutil.ignore_patterns("*.lock"))
    return corpus, index


@contextmanager
def running(cmd: list[str], log: Path, probe: str, wait: float = 180.0, env: dict | None = None, cwd: Path | None = None):
    """Run `cmd` until the block ends; yields the process once `probe` (a URL) answers (an HTTP error
    counts: e.g. 401 behind a login). Fails with the log if it exits or never answers."""
    with open(log, "w") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=cwd)
    try:
        deadline = time.monotonic() + wait
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"{Path(cmd[0]).name} exited ({proc.returncode}):\n{log.read_text()}")
            try:
                urllib.request.urlopen(probe, timeout=5)
                break
            except urllib.error.HTTPError:
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"{' '.join(cmd[:3])} did not answer in {wait:.0f} s:\n{log.read_text()}")
                time.sleep(0.5)
        yield proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@contextmanager
def serve(corpus: Path, index: Path, log: Path, extra_env: dict | None = None, args: list[str] | None = None,
          wait: float = 180.0):
    """Run `assistant serve` until the block ends; yields (url, process). Fails with the log if it never answers."""
    port = free_port()
    env = {**os.environ, "GRADIO_ANALYTICS_ENABLED": "False", "HF_HUB_OFFLINE": "1", **(extra_env or {})}
    cmd = [str(ASSISTANT), "serve", "--index", str(index), "--corpus", str(corpus), "--port", str(port), *(args or [])]
    url = f"http://127.0.0.1:{port}/"
    with running(cmd, log, url + "gradio_api/info", wait, env, ROOT) as proc:
        yield url, proc


def _tcp_table() -> dict[str, tuple[str, str, str]]:
    """inode -> (local address, remote address, state) for the IPv4 and IPv6 TCP sockets of this namespace."""
    table = {}
    for name in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(name).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            f = line.split()
            table[f[9]] = (f[1], f[2], f[3])
    return table


def _is_loopback(hex_addr: str) -> bool:
    ip = hex_addr.split(":")[0]
    if len(ip) == 8:  # IPv4, little-endian
        return ip.endswith("7F") or ip == "00000000"
    return ip in ("00000000000000000000000001000000", "0" * 32) or ip.startswith("0000000000000000FFFF0000") \
        and ip[-2:] == "7F"


def process_sockets(pid: int) -> list[tuple[str, str, str]]:
    """(local, remote, state) hex entries of every TCP socket the process holds."""
    table = _tcp_table()
    found = []
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inode = target[8:-1]
            if inode in table:
                found.append(table[inode])
    return found


def outbound(pid: int) -> list[tuple[str, str, str]]:
    """Sockets of `pid` whose remote end is not loopback (an outbound connection)."""
    return [s for s in process_sockets(pid) if not _is_loopback(s[1])]


def listening(port: int) -> list[str]:
    """Local addresses (hex) listening on `port`."""
    hex_port = f"{port:04X}"
    return [local for local, _, state in _tcp_table().values() if state == "0A" and local.endswith(":" + hex_port)]
