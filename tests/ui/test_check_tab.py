"""The Periksa draf / Check draft tab: its handler over the real thesis index, and the tab in a real headless
Chromium against a real `assistant serve` (a pasted paragraph with one wrong citation is marked, with
the right work)."""
from __future__ import annotations

import docx
import gradio as gr
import pytest

from test_browser import CHROMIUM, LOCAL, app_url, browser, shots  # noqa: F401 - shared fixtures

from assistant.check.draft import DraftParagraph, Draft
from assistant.ui.check_render import draft_html
from assistant.ui.check_tab import CheckTab

PARAGRAPH = ("Diplomasi bilateral lazim dipakai negara berdaulat karena memungkinkan dialog penuh, dari hubungan politik "
             "hingga urusan konsuler (Rana, 2018). Kemiskinan dan sulitnya mendapatkan pendidikan membuat perempuan dan "
             "anak rentan dieksploitasi (Pinatih dkk, 2023). Bagian berikut membahas kerja sama bilateral.")


def _quiet(*_args, **_kwargs) -> None:
    """Stands in for gr.Progress outside a request."""


def test_draft_html_marks_each_sentence_with_a_word_and_keeps_the_text_between():
    draft = Draft([DraftParagraph("Satu <b>. Dua.")])
    results = [{"text": "Satu <b>.", "verdict": "unsupported", "cited": [], "suggest": [], "why": "no_support", "fact": None,
                "evidence": [], "paragraph": 0, "start": 0, "end": 9},
               {"text": "Dua.", "verdict": "ok", "cited": [], "suggest": [], "why": "about_itself", "fact": None,
                "evidence": [], "paragraph": 0, "start": 10, "end": 14}]
    page = draft_html(draft, results, "en", "/nonexistent")
    assert 'data-verdict="unsupported"' in page and "! unsupported" in page and "· no citation needed" in page
    assert "Satu &lt;b&gt;." in page and "<b>" not in page  # escaped
    assert "</details> <details" in page  # the space between the sentences kept


@pytest.mark.slow
def test_handler_marks_the_wrong_citation_and_writes_both_downloads(engine, thesis_settings):
    tab = CheckTab(thesis_settings, engine)
    page, md, commented = tab.check(PARAGRAPH, None, "id", progress=_quiet)
    assert page.count('data-verdict="wrong_citation"') == 1 and 'data-verdict="supported"' in page
    assert "Wulandari, 2014" in page and "kutipan salah" in page
    md, commented = (button.value["path"] for button in (md, commented))
    assert md.endswith(".check.md") and "Wulandari, 2014" in open(md, encoding="utf-8").read()
    assert commented.endswith(".checked.docx") and len(list(docx.Document(commented).comments)) == 1


@pytest.mark.slow
def test_handler_refuses_empty_and_bad_drafts_with_the_reason(engine, thesis_settings, tmp_path):
    tab = CheckTab(thesis_settings, engine)
    with pytest.raises(gr.Error, match="Tempel draf"):
        tab.check("  ", None, "id", progress=_quiet)
    bad = tmp_path / "bab2.docx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(gr.Error, match="bab2.docx.*not a DOCX"):
        tab.check("", str(bad), "en", progress=_quiet)


@pytest.mark.slow
def test_pasted_paragraph_with_a_wrong_citation_is_marked_with_the_right_work(browser, app_url, shots):  # noqa: F811
    assert CHROMIUM
    outside: list[str] = []
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.on("request", lambda r: None if r.url.startswith(LOCAL) else outside.append(r.url))
    page.goto(app_url)
    page.get_by_role("tab", name="Periksa draf").click()
    page.locator("#check-text textarea").fill(PARAGRAPH)
    page.locator("#check-btn").click()
    page.locator("#check-result details.ck-s").first.wait_for(timeout=180_000)
    marked = page.locator("#check-result details.ck-s")
    assert marked.count() == 3
    wrong = page.locator('#check-result details[data-verdict="wrong_citation"]')
    assert wrong.count() == 1 and "Pinatih dkk, 2023" in wrong.locator("summary").inner_text()
    assert "kutipan salah" in wrong.locator(".ck-badge").inner_text()  # a word, not colour alone
    assert not wrong.locator(".ck-detail").is_visible()
    wrong.locator("summary").click()  # the evidence on click
    detail = wrong.locator(".ck-detail")
    detail.wait_for(state="visible", timeout=10_000)
    assert "Wulandari, 2014" in detail.locator(".ck-suggest").inner_text()
    assert "Kemiskinan dan kesulitan mendapatkan akses pendidikan" in detail.inner_text()
    assert page.locator('#check-result details[data-verdict="supported"]').count() == 1
    assert page.locator("#check-md").is_visible() and page.locator("#check-docx").is_visible()
    page.screenshot(path=str(shots / "desktop-check.png"), full_page=True)
    assert outside == []
