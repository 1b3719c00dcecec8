"""Study views of one document: the items of a view whose source is in the documents picked."""
from __future__ import annotations


def _in(source: dict | None, files: frozenset[str]) -> bool:
    return bool(source) and source.get("file") in files


def of_documents(view: str, data, files: frozenset[str] | None):
    """`data` of study view `view` (timeline, glossary, guide, cards) kept to the items from `files` (all: None)."""
    if files is None:
        return data
    if view == "timeline":
        return [e for e in data if e.get("file") in files or any(_in(s, files) for s in e.get("sources") or [])]
    if view == "guide":
        return {**data, "documents": [d for d in data.get("documents", []) if d.get("file") in files]}
    # glossary terms and cards: each has its source (a term also its definitions' sources)
    return [item for item in data if _in(item.get("source"), files)
            or any(_in(d.get("source"), files) for d in item.get("definitions") or [])]
