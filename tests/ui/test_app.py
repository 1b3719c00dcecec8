"""The Gradio app: a real `assistant serve` subprocess asked through gradio_client, and the upload rules."""
from __future__ import annotations

import json
import os
import re
import subprocess
import zipfile
from pathlib import Path

import pytest

from serverproc import ASSISTANT, copy_thesis, listening, outbound, serve

RETNO_ID = "Siapa yang ditemui Retno Marsudi pada 2 Agustus 2022?"
RETNO_EN = "Who did Retno Marsudi meet on 2 August 2022?"


@pytest.fixture(scope="module")
def server(thesis_settings, tmp_path_factory):
    """`assistant serve` (default host) over a private copy of the thesis index; yields (url, process, corpus)."""
    base = tmp_path_factory.mktemp("app")
    corpus, index = copy_thesis(thesis_settings, base)
    with serve(corpus, index, base / "serve.log") as (url, proc):
        yield url, proc, corpus, index


@pytest.fixture(scope="module")
def client(server):
    from gradio_client import Client

    return Client(server[0], verbose=False)


def _markers(answer: str) -> set[int]:
    return {int(n) for n in re.findall(r"\[(\d+)\]", answer)}


# -- safe defaults -----------------------------------------------------------------------------------

@pytest.mark.slow
def test_serve_binds_loopback_only_by_default(server):
    url, proc, _, _ = server
    port = int(url.rsplit(":", 1)[1].strip("/"))
    assert listening(port) == ["0100007F:" + f"{port:04X}"]  # 127.0.0.1, not 0.0.0.0 or ::


def test_launch_options_are_safe(monkeypatch):
    from assistant.ui.app import launch_options
    from assistant.settings import Settings

    monkeypatch.delenv("ASSISTANT_USER", raising=False)
    monkeypatch.delenv("ASSISTANT_PASSWORD", raising=False)
    opts = launch_options(Settings())
    assert opts["server_name"] == "127.0.0.1" and opts["share"] is False and opts["auth"] is None
    assert opts["allowed_paths"] == [str(Path(Settings().corpus_dir).resolve())]
    monkeypatch.setenv("ASSISTANT_USER", "ana")
    monkeypatch.setenv("ASSISTANT_PASSWORD", "s3cret")
    assert launch_options(Settings.from_env(host="0.0.0.0"))["auth"] == ("ana", "s3cret")


@pytest.mark.slow
def test_only_corpus_files_are_served(server):
    import urllib.error
    import urllib.request
    from urllib.parse import quote

    url, _, corpus, index = server
    ok = urllib.request.urlopen(url + "gradio_api/file=" + quote(str((corpus / "thesis.txt").resolve())))
    assert ok.status == 200 and b"Kamboja" in ok.read()
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.cell(0, 10, "halaman satu")
    pdf.output(str(corpus / "probe.pdf"))
    try:  # PDFs open in the browser (inline), so the link's #page=N works
        got = urllib.request.urlopen(url + "gradio_api/file=" + quote(str((corpus / "probe.pdf").resolve())))
        assert got.headers["content-type"] == "application/pdf"
        assert got.headers["content-disposition"].startswith("inline")
    finally:
        (corpus / "probe.pdf").unlink()
    for outside in ("/etc/passwd", str(next(Path(index).rglob("*.json")).resolve()), str(corpus / ".." / "serve.log")):
        with pytest.raises(urllib.error.HTTPError) as exc:
            urllib.request.urlopen(url + "gradio_api/file=" + quote(outside))
        assert exc.value.code in (403, 404)


@pytest.mark.slow
def test_login_from_environment(thesis_settings, tmp_path):
    import urllib.error
    import urllib.request

    from gradio_client import Client

    corpus, index = copy_thesis(thesis_settings, tmp_path)
    env = {"ASSISTANT_USER": "ana", "ASSISTANT_PASSWORD": "s3cret"}
    with serve(corpus, index, tmp_path / "serve.log", extra_env=env) as (url, _):
        with pytest.raises(Exception):
            Client(url, verbose=False).predict(RETNO_EN, api_name="/ask")
        with pytest.raises(urllib.error.HTTPError):
            urllib.request.urlopen(url + "gradio_api/file=" + str((corpus / "thesis.txt").resolve()))
        client = Client(url, auth=("ana", "s3cret"), verbose=False)
        assert client.predict(RETNO_EN, api_name="/ask")["answerable"]


# -- asking through gradio_client ----------------------------------------------------------------------

@pytest.mark.slow
def test_ask_endpoint_answers_with_matching_sources(client):
    result = client.predict(RETNO_ID, api_name="/ask")
    assert result["answerable"] and result["language"] == "id"
    assert "Neth Savouen" in result["answer"]
    numbers = [p["n"] for p in result["citations"]]
    assert _markers(result["answer"]) == set(numbers) and numbers == list(range(1, len(numbers) + 1))
    first = result["citations"][0]
    assert first["section"].startswith("BAB I") and first["file"] == "thesis.txt"
    assert any("Arisandy" in c for c in first["cites"])
    assert len(result["retrieved"]) >= 10


@pytest.mark.slow
def test_ask_endpoint_returns_the_cli_json(client, server):
    _, _, _, index = server
    via_app = client.predict(RETNO_EN, api_name="/ask")
    cli = subprocess.run([str(ASSISTANT), "ask", "--json", "--index", str(index), RETNO_EN],
                         capture_output=True, text=True, check=True,
                         env={**os.environ, "GRADIO_ANALYTICS_ENABLED": "False", "HF_HUB_OFFLINE": "1"})
    assert via_app == json.loads(cli.stdout)
    assert via_app["language"] == "en" and via_app["answer"].startswith("According")


MOU = "Kapan MoU antara Indonesia dan Kamboja tentang kerja sama kepolisian ditandatangani?"


@pytest.mark.slow
def test_ask_endpoint_takes_the_chat_so_far_for_a_follow_up(client):
    history = [{"role": "user", "content": MOU}, {"role": "assistant", "content": "Menurut tesis: …"}]
    result = client.predict("Siapa yang menandatanganinya?", history, api_name="/ask")
    assert result["question"] == "Siapa yang menandatanganinya?"
    assert result["searched"].startswith("Siapa yang menandatangani MoU antara Indonesia dan Kamboja")
    assert result["answerable"] and "Retno Marsudi" in result["answer"]
    alone = client.predict("Siapa yang menandatanganinya?", api_name="/ask")  # one argument, as before
    assert "searched" not in alone and alone["question"] == "Siapa yang menandatanganinya?"
    with pytest.raises(Exception, match="role 'robot'"):
        client.predict("Siapa yang menandatanganinya?", [{"role": "robot", "content": MOU}], api_name="/ask")


@pytest.mark.slow
def test_unanswerable_question_says_so_in_its_language(client):
    result = client.predict("Who won the 2022 World Cup?", api_name="/ask")
    assert result["answerable"] is False and result["language"] == "en" and result["citations"] == []


@pytest.mark.slow
def test_100kb_question_gets_a_clear_error(client):
    from gradio_client.exceptions import AppError

    with pytest.raises(AppError, match="too long"):
        client.predict("perdagangan manusia " * 5000, api_name="/ask")
    assert client.predict(RETNO_ID, api_name="/ask")["answerable"]  # still serving


@pytest.mark.slow
def test_server_makes_no_outbound_connection(client, server):
    client.predict(RETNO_EN, api_name="/ask")
    assert outbound(server[1].pid) == []


# -- uploads through the server -----------------------------------------------------------------------

@pytest.mark.slow
def test_upload_is_ingested_and_answered_without_restart(client, server, tmp_path):
    from gradio_client import handle_file

    corpus = server[2]
    doc = tmp_path / "Catatan Lapangan 2025.md"
    doc.write_text("# Catatan lapangan\n\nPada 9 Maret 2025, tim peneliti mewawancarai petugas imigrasi di "
                   "Bandara Soekarno-Hatta tentang modus perekrutan pekerja migran ke Sihanoukville.\n",
                   encoding="utf-8")
    status, _, info = client.predict([handle_file(str(doc))], api_name="/add_documents")
    assert "✓" in status and "Catatan Lapangan 2025.md" in info
    assert (corpus / "Catatan Lapangan 2025.md").is_file()
    result = client.predict("Siapa yang diwawancarai tim peneliti pada 9 Maret 2025?", api_name="/ask")
    assert any(p["file"] == "Catatan Lapangan 2025.md" for p in result["citations"] + result["retrieved"][:3])


@pytest.mark.slow
def test_upload_rejects_wrong_type_through_the_server(client, server, tmp_path):
    from gradio_client import handle_file
    from gradio_client.exceptions import AppError

    bad = tmp_path / "payload.exe"
    bad.write_bytes(b"MZ\x90\x00" * 100)
    before = sorted(p.name for p in server[2].iterdir())
    try:
        status, *_ = client.predict([handle_file(str(bad))], api_name="/add_documents")
        assert "✗" in status
    except AppError as exc:  # Gradio's own file_types check may refuse it first
        assert "type" in str(exc).lower()
    assert sorted(p.name for p in server[2].iterdir()) == before


# -- upload rules (the function the server calls) -----------------------------------------------------

def test_upload_path_traversal_name_stays_inside_corpus(tmp_path):
    from assistant.ui.upload import safe_name, save_upload

    corpus = tmp_path / "corpus"
    src = tmp_path / "x.txt"
    src.write_text("teks", encoding="utf-8")
    for evil in ("../../evil.txt", "..\\..\\evil.txt", "/etc/evil.txt", "corpus/../../evil.txt"):
        name, dup = save_upload(src, evil, corpus, max_mb=1)
        assert (corpus / name).resolve().parent == corpus.resolve()
    assert not (tmp_path / "evil.txt").exists() and not Path("/etc/evil.txt").exists()
    assert safe_name("..") is None and safe_name(".bashrc") is None
    assert safe_name("a\x00b<>|.txt") == "a_b___.txt" and safe_name("Laporan  Akhir.PDF") == "Laporan Akhir.pdf"


def test_upload_rejects_oversize_wrong_type_and_fake_content(tmp_path):
    from assistant.ui.upload import UploadRejected, save_upload

    corpus = tmp_path / "corpus"
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * (1024 * 1024 + 1))
    with pytest.raises(UploadRejected) as exc:
        save_upload(big, "big.txt", corpus, max_mb=1)
    assert exc.value.key == "too_big"
    exe = tmp_path / "tool.exe"
    exe.write_bytes(b"MZ")
    with pytest.raises(UploadRejected) as exc:
        save_upload(exe, "tool.exe", corpus, max_mb=1)
    assert exc.value.key == "bad_type"
    fake = tmp_path / "fake.pdf"
    fake.write_text("not a pdf", encoding="utf-8")
    with pytest.raises(UploadRejected) as exc:
        save_upload(fake, "fake.pdf", corpus, max_mb=1)
    assert exc.value.key == "bad_content"
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\x00\x01\x02text")
    with pytest.raises(UploadRejected):
        save_upload(binary, "bin.txt", corpus, max_mb=1)
    assert not corpus.exists() or list(corpus.iterdir()) == []


def test_upload_accepts_real_files_and_never_overwrites(tmp_path):
    from assistant.ui.upload import save_upload

    corpus = tmp_path / "corpus"
    docx = tmp_path / "notes.docx"
    with zipfile.ZipFile(docx, "w") as zf:
        zf.writestr("word/document.xml", "<w:document/>")
    assert save_upload(docx, "notes.docx", corpus, 1) == ("notes.docx", False)
    assert save_upload(docx, "notes.docx", corpus, 1) == ("notes.docx", True)  # same bytes: skipped
    other = tmp_path / "other.txt"
    other.write_text("satu", encoding="utf-8")
    again = tmp_path / "other2.txt"
    again.write_text("dua", encoding="utf-8")
    assert save_upload(other, "catatan.txt", corpus, 1) == ("catatan.txt", False)
    assert save_upload(again, "catatan.txt", corpus, 1) == ("catatan-2.txt", False)
    assert (corpus / "catatan.txt").read_text(encoding="utf-8") == "satu"
    assert not [p for p in corpus.iterdir() if p.name.startswith(".")]


# -- rendering ----------------------------------------------------------------------------------------

def test_answer_html_numbers_sources_and_highlights_the_quote(tmp_path):
    from assistant.ui.render import answer_html

    (tmp_path / "Pramudyani 2024.pdf").write_bytes(b"%PDF-1.4")
    text = "Kalimat pertama. Pada 2 Agustus 2022, Retno bertemu Neth Savouen.  Kalimat ketiga <b>."
    result = {"language": "en", "answer": "According to the thesis: “Pada 2 Agustus 2022, Retno bertemu Neth "
              "Savouen.” [1]", "citations": [
                  {"n": 1, "doc": "Pramudyani 2024", "file": "Pramudyani 2024.pdf", "page": 3, "page_label": "iii",
                   "section": "BAB I › A. Latar Belakang", "text": text, "score": 0.9, "cites": ["Arisandy, 2022"]}]}
    out = answer_html(result, tmp_path, written={"Arisandy, 2022": "Arisandy dan Soeharto, 2022"})
    assert "<mark>Pada 2 Agustus 2022, Retno bertemu Neth Savouen.</mark>" in out
    assert "Sources (1)" in out and "[1]" in out and "BAB I › A. Latar Belakang" in out
    assert "Pramudyani%202024.pdf#page=3" in out and "Open PDF at page iii" in out
    assert "Arisandy dan Soeharto, 2022" in out and "&lt;b&gt;" in out and "<b>.</b>" not in out


def test_a_follow_up_shows_what_was_searched_above_the_answer(tmp_path):
    from assistant.ui.render import answer_html

    result = {"language": "id", "question": "Siapa yang menandatanganinya?", "answer": "Korpus tidak menjawab <x>.",
              "searched": "Siapa yang menandatangani MoU <b>?", "citations": []}
    out = answer_html(result, tmp_path)
    assert out.startswith('<div class="searched muted">Dicari: Siapa yang menandatangani MoU &lt;b&gt;?</div>')
    assert out.index("searched") < out.index('class="answer"')
    english = answer_html({**result, "language": "en"}, tmp_path)
    assert "Searched: Siapa yang menandatangani MoU" in english
    assert "searched" not in answer_html({**result, "searched": None}, tmp_path)


def test_sources_list_the_works_backing_the_quote_first(tmp_path):
    from assistant.ui.render import answer_html, passages_html

    text = "Retno bertemu Neth Savouen (Arisandy dan Soeharto, 2022). Kejahatan meningkat (Midhol, 2022)."
    result = {"language": "en", "answer": "According to the thesis: “Retno bertemu Neth Savouen (Arisandy dan "
              "Soeharto, 2022).” [1]", "citations": [
                  {"n": 1, "doc": "thesis", "file": "thesis.txt", "page": None, "section": "BAB I", "text": text,
                   "score": 0.9, "cites": ["Midhol, 2022", "Arisandy, 2022"]}]}
    out = answer_html(result, tmp_path, backing={1: ["Arisandy, 2022"]})
    assert '<div class="src-cites src-backing">Cited for this sentence: Arisandy, 2022</div>' in out
    assert '<div class="src-cites src-others">Also cited in this passage: Midhol, 2022</div>' in out
    assert out.index("src-backing") < out.index("src-others")
    plain = answer_html(result, tmp_path)  # backing unknown: the passage's works in one list
    assert "Works cited: Midhol, 2022; Arisandy, 2022" in plain and "src-backing" not in plain
    found = {**result["citations"][0], "sentence": "Kejahatan meningkat (Midhol, 2022).",
             "backing": ["Midhol, 2022"], "others": ["Arisandy, 2022"]}
    cards = passages_html([found], tmp_path, "id")
    assert "Dikutip untuk kalimat ini: Midhol, 2022" in cards and "<mark>Kejahatan meningkat" in cards


@pytest.mark.slow
def test_chat_sources_put_the_quoted_sentence_s_works_first(engine, thesis_settings):
    from assistant.ui.app import ChatApp

    app = ChatApp(thesis_settings, engine)
    result = engine.ask(RETNO_ID)
    backing = app.backing(result)
    assert backing[1] == ["Arisandy, 2022"]
    html = app.respond([{"role": "user", "content": RETNO_ID}])[-1]["content"]
    assert "src-backing" in html and "Arisandy dan Soeharto, 2022" in html


@pytest.mark.slow
def test_chat_reads_its_history_for_a_follow_up(engine, thesis_settings):
    from assistant.ui.app import ChatApp

    app = ChatApp(thesis_settings, engine)
    history = app.respond([{"role": "user", "content": MOU}])
    history.append({"role": "user", "content": [{"type": "text", "text": "Siapa yang menandatanganinya?"}]})
    html = app.respond(history)[-1]["content"]
    assert "Dicari: Siapa yang menandatangani MoU antara Indonesia dan Kamboja" in html and "Retno Marsudi" in html
    history = app.respond(history) + [{"role": "user", "content": RETNO_ID}]
    assert app.respond(history)[-1]["content"] == app.respond([{"role": "user", "content": RETNO_ID}])[-1]["content"]


def test_corpus_link_never_points_outside_corpus(tmp_path):
    from assistant.ui.render import file_url

    (tmp_path / "corpus").mkdir()
    (tmp_path / "secret.pdf").write_bytes(b"%PDF")
    assert file_url("../secret.pdf", tmp_path / "corpus", 1) is None
    assert file_url("missing.pdf", tmp_path / "corpus", 1) is None


def test_ui_strings_complete_in_both_languages():
    from assistant.ui.strings import STRINGS

    assert set(STRINGS["id"]) == set(STRINGS["en"])
    assert all(STRINGS["id"][k] != STRINGS["en"][k] for k in ("title", "send", "sources", "too_long"))


# -- the chat handlers in process: cited PDFs in the corpus back the answer --------------------------

@pytest.mark.slow
def test_chat_answer_shows_supporting_passages_from_a_cited_pdf(thesis_settings, tmp_path):
    from fpdf import FPDF

    from assistant.ui.app import ChatApp
    from assistant.engine import Assistant
    from assistant.ingest.build import ingest

    corpus, index = copy_thesis(thesis_settings, tmp_path)
    pdf = FPDF()
    pdf.set_title("Kunjungan Menlu ke Phnom Penh")
    pdf.set_author("Arisandy")
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.multi_cell(0, 8, "Kunjungan Menlu ke Phnom Penh.\n\nMenteri Luar Negeri Retno Marsudi bertemu Kepala Kepolisian Kamboja Neth Savouen pada "
                         "2 Agustus 2022 untuk membahas kerja sama pencegahan perdagangan manusia.")
    pdf.output(str(corpus / "Arisandy 2022.pdf"))
    settings = thesis_settings.replace(corpus_dir=corpus, index_dir=index)
    assert ingest(settings, progress=False, log=lambda *_: None).exit_code == 0
    app = ChatApp(settings, Assistant(settings))
    assert app.sources.get("Arisandy, 2022") == "Arisandy 2022.pdf"
    history = app.respond([{"role": "user", "content": RETNO_ID}])
    html = history[-1]["content"]
    assert history[-1]["role"] == "assistant" and "Neth Savouen" in html
    assert "Arisandy%202022.pdf" in html  # the cited work links to its PDF in the corpus
    assert "Dari sumber yang dikutip" in html or "From the cited source" in html


def test_support_block_renders_source_passages(tmp_path):
    from assistant.ui.render import answer_html

    (tmp_path / "Arisandy 2022.pdf").write_bytes(b"%PDF-1.4")
    result = {"language": "id", "answer": "Menurut tesis: “A.” [1]", "citations": [
        {"n": 1, "doc": "thesis", "file": "thesis.txt", "page": None, "section": "BAB I", "text": "A. B.",
         "score": 1.0, "cites": ["Arisandy, 2022"]}]}
    support = [{"key": "Arisandy, 2022", "file": "Arisandy 2022.pdf", "for": 1, "reference": None,
                "passages": [{"doc": "Arisandy 2022", "file": "Arisandy 2022.pdf", "page": 1, "section": "",
                              "text": "Retno bertemu Neth Savouen.", "score": 0.8}]}]
    out = answer_html(result, tmp_path, sources={"Arisandy, 2022": "Arisandy 2022.pdf"}, support=support)
    assert "Dari sumber yang dikutip" in out and "Retno bertemu Neth Savouen." in out
    assert "Arisandy%202022.pdf#page=1" in out and "<mark>A.</mark>" in out


def test_markdown_italics_of_the_documents_render_as_emphasis():
    from assistant.ui.render import escape, highlight

    assert escape("a *human trafficking* b <i>") == "a <em>human trafficking</em> b &lt;i&gt;"
    assert escape("2 * 3 * 4") == "2 * 3 * 4"
    marked = highlight("Satu *border control* dua. Tiga.", ["Satu *border control* dua."])
    assert marked == "<mark>Satu <em>border control</em> dua.</mark> Tiga."


def test_a_list_quoted_by_its_items_first_words_is_highlighted_piece_by_piece():
    from assistant.ui.render import highlight

    passage = "Dokumen meliputi: a. surat keterangan sehat dari dokter; b. paspor yang diterbitkan kantor imigrasi; c. visa."
    marked = highlight(passage, ["a. surat keterangan sehat … b. paspor yang diterbitkan … c. visa."])
    assert marked.count("<mark>") == 3 and "<mark>b. paspor yang diterbitkan</mark>" in marked, marked
