"""The chat in a real headless Chromium (Debian's): screenshots at 1280×800 and phone width, and a question
typed into the page through Playwright. Screenshots go to $ASSISTANT_SCREENSHOTS (default: a temp folder)."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from serverproc import copy_thesis, serve

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-default-apps", "--disable-extensions", "--metrics-recording-only", "--mute-audio"]
LOCAL = ("http://127.0.0.1", "data:", "blob:", "about:")

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian chromium missing: run scripts/setup-system.sh")]


@pytest.fixture(scope="module")
def app_url(thesis_settings, tmp_path_factory):
    base = tmp_path_factory.mktemp("browser")
    corpus, index = copy_thesis(thesis_settings, base)
    with serve(corpus, index, base / "serve.log") as (url, _):
        yield url


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    folder = Path(os.environ.get("ASSISTANT_SCREENSHOTS") or tmp_path_factory.mktemp("shots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _chromium(url: str, profile: Path, *args: str) -> subprocess.CompletedProcess:
    cmd = [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--virtual-time-budget=20000", *args, url]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=180)


@pytest.mark.parametrize("name,size", [("desktop", "1280,800"), ("phone", "390,844")])
def test_chromium_screenshot_shows_the_app(app_url, shots, tmp_path, name, size):
    png = shots / f"cli-{name}.png"
    _chromium(app_url, tmp_path / "profile", f"--window-size={size}", f"--screenshot={png}")
    assert png.is_file() and png.stat().st_size > 10_000  # a drawn page, not a blank one
    with open(png, "rb") as fh:
        assert fh.read(8) == b"\x89PNG\r\n\x1a\n"
    dom = _chromium(app_url, tmp_path / "profile2", f"--window-size={size}", "--dump-dom").stdout
    assert "Asisten Tesis" in dom and "Kirim" in dom and 'id="chatbot"' in dom


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        try:
            b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS[1:])
        except Exception as exc:  # Playwright may refuse a Chromium it does not know
            pytest.skip(f"Playwright cannot drive {CHROMIUM}: {exc}")
        yield b
        b.close()


def _watch(page, outside: list[str]) -> None:
    page.on("request", lambda r: None if r.url.startswith(LOCAL) else outside.append(r.url))


def _ask(page, question: str) -> None:
    page.locator("#question textarea").fill(question)
    page.locator("#send-btn").click()


def _upload(browser, app_url: str, path):
    """A new page that puts `path` in the Upload tab and starts the ingest."""
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(app_url)
    page.get_by_role("tab", name="Unggah").click()
    page.locator("#upload-files input[type=file]").set_input_files(str(path))
    # (a wait, not a speed check: a 120-page PDF's upload took over 60 s on two busy cores)
    page.locator("#upload-files").get_by_text(path.name).first.wait_for(timeout=300_000)
    page.locator("#upload-btn").click()
    return page


def test_typed_question_gets_a_cited_answer_in_the_page(browser, app_url, shots):
    outside: list[str] = []
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    _watch(page, outside)
    page.goto(app_url)
    _ask(page, "Siapa yang ditemui Retno Marsudi pada 2 Agustus 2022?")
    page.locator("#chatbot .src").first.wait_for(timeout=120_000)
    answer = page.locator("#chatbot .answer").last.inner_text()
    assert "Neth Savouen" in answer and "[1]" in answer
    first = page.locator("#chatbot .src").first
    assert first.locator(".src-n").inner_text() == "[1]"
    assert "BAB I › A. Latar Belakang" in first.inner_text()
    assert "Neth Savouen" in first.locator("mark").first.inner_text()  # the answering sentence, highlighted
    assert "Arisandy" in first.locator(".src-backing").inner_text()  # the quoted sentence's work, first
    href = first.locator("a.src-link").get_attribute("href")
    assert page.request.get(app_url + href).ok  # the corpus file is served
    page.locator("#chatbot .answer").last.scroll_into_view_if_needed()  # the answer, not its sources' end
    page.screenshot(path=str(shots / "desktop-answer.png"))  # README's docs/chat.png
    _ask(page, "Who won the 2022 World Cup?")
    page.locator("#chatbot .answer").nth(1).wait_for(timeout=120_000)
    assert "corpus" in page.locator("#chatbot .answer").nth(1).inner_text().lower()
    assert outside == []


def test_a_follow_up_is_understood_and_an_unrelated_question_is_not_bent(browser, app_url, shots):
    outside: list[str] = []
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    _watch(page, outside)
    page.goto(app_url)
    answers = page.locator("#chatbot .answer")
    _ask(page, "Kapan MoU antara Indonesia dan Kamboja tentang kerja sama kepolisian ditandatangani?")
    answers.nth(0).wait_for(timeout=120_000)
    assert page.locator("#chatbot .searched").count() == 0  # a first question is searched as typed
    _ask(page, "Siapa yang menandatanganinya?")
    answers.nth(1).wait_for(timeout=120_000)
    searched = page.locator("#chatbot .searched").first
    assert searched.inner_text().startswith("Dicari: Siapa yang menandatangani MoU antara Indonesia dan Kamboja")
    assert "Retno Marsudi" in answers.nth(1).inner_text() and "[1]" in answers.nth(1).inner_text()
    answers.nth(1).scroll_into_view_if_needed()
    page.screenshot(path=str(shots / "desktop-followup.png"))
    unrelated = "Apa jenis data yang digunakan dalam penelitian ini?"
    _ask(page, unrelated)
    answers.nth(2).wait_for(timeout=120_000)
    assert page.locator("#chatbot .searched").count() == 1  # not bent: searched as typed
    fresh = browser.new_page(viewport={"width": 1280, "height": 800})
    fresh.goto(app_url)
    _ask(fresh, unrelated)
    fresh.locator("#chatbot .answer").first.wait_for(timeout=120_000)
    assert answers.nth(2).inner_html() == fresh.locator("#chatbot .answer").first.inner_html()
    assert "data sekunder" in answers.nth(2).inner_text()
    assert outside == []


def test_language_switch_and_phone_width(browser, app_url, shots):
    outside: list[str] = []
    page = browser.new_page(viewport={"width": 390, "height": 844})
    _watch(page, outside)
    page.goto(app_url)
    page.get_by_label("English").check()
    page.get_by_role("tab", name="Upload").wait_for(timeout=30_000)
    assert page.locator("#send-btn").inner_text() == "Send"
    _ask(page, "Who did Retno Marsudi meet on 2 August 2022?")
    page.locator("#chatbot .src").first.wait_for(timeout=120_000)
    assert "According to the thesis" in page.locator("#chatbot .answer").last.inner_text()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390 + 1  # no sideways scrolling on a phone
    page.screenshot(path=str(shots / "phone-answer.png"))
    assert outside == []


BIB = """@article{lazarus2025,
  author = {Lazarus, Suleman and Chiang, Mark and Button, Mark},
  title = {Cybercrime and human trafficking (test entry)},
  journal = {Test Journal},
  year = {2025}
}
"""


@pytest.fixture(scope="module")
def cite_url(thesis_settings, tmp_path_factory):
    """The app over the thesis plus a bibliography (.bib) in its corpus."""
    base = tmp_path_factory.mktemp("cite")
    corpus, index = copy_thesis(thesis_settings, base)
    (corpus / "refs.bib").write_text(BIB, encoding="utf-8")
    with serve(corpus, index, base / "serve.log") as (url, _):
        yield url


def test_find_a_citation_tab_gives_the_work_its_reference_and_copies(browser, cite_url, shots):
    outside: list[str] = []
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=cite_url.rstrip("/"))
    page = context.new_page()
    _watch(page, outside)
    page.goto(cite_url)
    page.get_by_role("tab", name="Kutipan").click()
    page.locator("#claim textarea").fill("Traffickers use VPNs and the dark web so police cannot trace them")
    page.locator("#find-btn").click()
    page.locator("#cite-work .cite-in-text").wait_for(timeout=120_000)
    assert page.locator("#cite-work .cite-in-text").inner_text().strip() == "(Lazarus, Chiang, & Button, 2025)"
    assert "Lazarus, S., Chiang, M. and Button, M. (2025)" in page.locator("#cite-work .cite-reference").inner_text()
    assert page.locator("#cite-in-text textarea").input_value() == "(Lazarus, Chiang, & Button, 2025)"
    assert page.locator("#cite-reference textarea").input_value().startswith("Lazarus, S., Chiang, M.")
    support = page.locator("#cite-results .src")
    assert support.count() == 1 and "vpn, dark web" in support.locator("mark").inner_text()
    assert "Lazarus" in support.locator(".src-backing").inner_text()
    assert "Ngo" in support.locator(".src-others").inner_text()  # the passage's other work, apart
    page.locator("#cite-in-text button[aria-label='Copy']").click()
    page.wait_for_function("navigator.clipboard.readText().then(t => t.length > 0)", timeout=10_000)
    assert page.evaluate("navigator.clipboard.readText()") == "(Lazarus, Chiang, & Button, 2025)"
    page.locator("#cite-reference button[aria-label='Copy']").click()
    page.wait_for_function("navigator.clipboard.readText().then(t => t.startsWith('Lazarus, S.'))", timeout=10_000)
    page.screenshot(path=str(shots / "desktop-cite.png"), full_page=True)
    page.locator("#claim textarea").fill("Resep rendang padang membutuhkan santan dan cabai")
    page.locator("#find-btn").click()
    page.locator("#cite-work .cite-none").wait_for(timeout=120_000)
    assert page.locator("#cite-in-text textarea").count() == 0 or not page.locator("#cite-in-text").is_visible()
    assert outside == []
    context.close()


def test_upload_in_the_page_is_ingested_and_answered(browser, app_url, shots, tmp_path):
    doc = tmp_path / "catatan-wawancara.txt"
    doc.write_text("Catatan wawancara.\n\nPada 14 Mei 2025, peneliti mewawancarai Ibu Sulastri, petugas "
                   "perlindungan WNI di KBRI Phnom Penh, tentang pemulangan korban penipuan daring.\n", encoding="utf-8")
    page = _upload(browser, app_url, doc)
    page.locator("#upload-status").get_by_text("Indeks diperbarui").wait_for(timeout=300_000)
    assert "✓ catatan-wawancara.txt" in page.locator("#upload-status").inner_text()
    assert "catatan-wawancara.txt" in page.locator("#index-info").inner_text()
    page.screenshot(path=str(shots / "desktop-upload.png"))
    page.get_by_role("tab", name="Tanya").click()
    _ask(page, "Siapa yang diwawancarai peneliti pada 14 Mei 2025?")
    page.locator("#chatbot .src").first.wait_for(timeout=120_000)
    assert "Sulastri" in page.locator("#chatbot .answer").last.inner_text()


def test_big_pdf_upload_shows_progress_while_questions_are_answered(browser, app_url, shots, tmp_path):
    from pdfmaker import manual_pdf

    pdf = manual_pdf(tmp_path / "panduan-bengkel.pdf", 120, title="Panduan Bengkel",
                     fact="Mesin penggiling kopi model K-77 memerlukan daya listrik sebesar 450 watt.")
    uploader = _upload(browser, app_url, pdf)
    bar = uploader.locator("#ingest-progress")
    bar.get_by_text("120 halaman").wait_for(timeout=300_000)  # read: pages counted, texts being embedded
    assert bar.locator("progress").count() == 1 and "sisa" in bar.inner_text()
    uploader.screenshot(path=str(shots / "desktop-upload-progress.png"))

    asker = browser.new_page(viewport={"width": 1280, "height": 800})  # another user, meanwhile
    asker.goto(app_url)
    _ask(asker, "Siapa yang ditemui Retno Marsudi pada 2 Agustus 2022?")
    asker.locator("#chatbot .src").first.wait_for(timeout=300_000)
    assert "Neth Savouen" in asker.locator("#chatbot .answer").last.inner_text()
    assert "Indeks diperbarui" not in uploader.locator("#upload-status").inner_text()  # still ingesting

    uploader.locator("#upload-status").get_by_text("Indeks diperbarui").wait_for(timeout=1_200_000)
    assert "panduan-bengkel.pdf" in uploader.locator("#index-info").inner_text()
    _ask(asker, "Berapa watt daya listrik mesin penggiling kopi model K-77?")
    asker.locator("#chatbot .answer").nth(1).wait_for(timeout=300_000)
    answer = asker.locator("#chatbot .answer").nth(1).inner_text()
    assert "450 watt" in answer and answer.startswith("Menurut Panduan Bengkel:")  # named as itself, no restart


STUDY = [["# Pelatihan Kader Posyandu di Desa Pesisir",
          "Artikel ini melaporkan pelatihan kader posyandu di tiga desa pesisir",
          "Kabupaten Sikka dan pengaruhnya pada kunjungan balita.",
          "",
          "Penelitian ini berlangsung selama enam bulan, dari Januari sampai",
          "Juni 2023, dengan wawancara kepada empat puluh dua kader posyandu.",
          "",
          "Kunjungan balita naik dari rata-rata 31 menjadi 47 anak per bulan."]]


@pytest.fixture(scope="module")
def two_documents_url(thesis_settings, tmp_path_factory):
    """The app over the thesis and a short article (a real PDF), ingested together."""
    from pdfmaker import make_pdf

    from assistant.ingest.build import ingest

    base = tmp_path_factory.mktemp("picker")
    corpus, index = copy_thesis(thesis_settings, base)
    make_pdf(corpus / "kader-posyandu.pdf", STUDY)
    settings = thesis_settings.replace(corpus_dir=corpus, index_dir=index)
    assert ingest(settings, progress=False, log=lambda *_: None).exit_code == 0
    with serve(corpus, index, base / "serve.log") as (url, _):
        yield url


def test_picking_one_document_asks_that_document(browser, two_documents_url, shots):
    outside: list[str] = []
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    _watch(page, outside)
    page.goto(two_documents_url)
    picker = page.locator("#doc-picker")
    picker.locator("input").click()
    page.get_by_role("option", name="Pelatihan Kader Posyandu di Desa Pesisir").click()
    _ask(page, "Berapa lama penelitian ini berlangsung?")
    answer = page.locator("#chatbot .answer").first
    answer.wait_for(timeout=120_000)
    text = answer.inner_text()
    assert "enam bulan" in text and text.startswith("Menurut Pelatihan Kader Posyandu di Desa Pesisir:"), text
    sources = page.locator("#chatbot .src")
    assert all("Pelatihan Kader Posyandu" in sources.nth(i).inner_text() for i in range(sources.count()))
    page.screenshot(path=str(shots / "desktop-document-picker.png"))
    assert outside == []
