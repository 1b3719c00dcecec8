#!/usr/bin/env python3
"""Study aid timings on an existing index: building all views (no cache), loading them from the
cache, the tab's open handler, and — with --browser — opening the tab in headless Chromium against a
real `assistant serve` (click on "Belajar" until the first timeline event shows).

    PYTHONPATH=. .venv/bin/python bench/study.py --index INDEX [--corpus CORPUS] [--browser] [--repeat 5]

Prints one JSON line of medians (seconds)."""
from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def timed(fn, repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return round(statistics.median(runs), 4)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--browser", action="store_true")
    args = parser.parse_args()

    from assistant.search.index import Index, current_version
    from assistant.settings import Settings
    from assistant.study import views
    from assistant.ui.study_tab import StudyTab

    work = Path(tempfile.mkdtemp(prefix="bench-study-"))
    index_dir = work / "index"
    shutil.copytree(args.index, index_dir, ignore=shutil.ignore_patterns("*.lock", views.CACHE))
    cache = index_dir / current_version(index_dir) / views.CACHE
    index = Index.load(index_dir)
    out = {"sentences": len(index.sentence_texts)}
    out["index_load"] = timed(lambda: Index.load(index_dir), args.repeat)
    out["build_views"] = timed(lambda: views.build(index), args.repeat)

    def cold() -> None:
        cache.unlink(missing_ok=True)
        views.load(index_dir, index)

    out["build_and_cache"] = timed(cold, args.repeat)
    out["load_cached"] = timed(lambda: views.load(index_dir, index), args.repeat)

    class Loaded:  # the parts of Assistant the tab uses
        pass

    loaded = Loaded()
    loaded.index = index
    tab = StudyTab(Settings.from_env(index_dir=index_dir, corpus_dir=args.corpus), loaded)
    out["tab_open_handler"] = timed(lambda: tab.open("id"), args.repeat)
    if args.browser:
        out["tab_open_browser"] = browser_open(args.corpus, index_dir, work, args.repeat)
    shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(out))


def browser_open(corpus: Path, index_dir: Path, work: Path, repeat: int) -> float:
    """Median seconds from clicking the tab to the first timeline event shown, in a fresh page each time."""
    sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "ui")]
    from playwright.sync_api import sync_playwright
    from serverproc import serve
    from test_browser import CHROMIUM, FLAGS

    runs = []
    with serve(corpus, index_dir, work / "serve.log") as (url, _), sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS[1:])
        for _ in range(repeat):
            page = browser.new_page()
            page.goto(url)
            page.get_by_role("tab", name="Belajar").wait_for()
            start = time.perf_counter()
            page.get_by_role("tab", name="Belajar").click()
            page.locator("#study-timeline .tl-item").first.wait_for(timeout=120_000)
            runs.append(time.perf_counter() - start)
            page.close()
        browser.close()
    return round(statistics.median(runs), 4)


if __name__ == "__main__":
    main()
