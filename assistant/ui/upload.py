"""Upload rules for the chat app: allowed types, size limit, sanitised names, nothing outside corpus/."""
from __future__ import annotations

import filecmp
import os
import re
import shutil
import unicodedata
import zipfile
from pathlib import Path

ALLOWED = (".pdf", ".docx", ".txt", ".md")


class UploadRejected(Exception):
    """A file that is not saved; `key` names the reason in ui_strings, `values` fill it in."""

    def __init__(self, key: str, **values):
        self.key = key
        self.values = values
        super().__init__(key)


def safe_name(name: str) -> str | None:
    """A plain file name from a user-supplied one: no folders, no control or odd characters, no leading dot."""
    base = re.split(r"[\\/]", unicodedata.normalize("NFKC", name or ""))[-1]
    base = re.sub(r"[^\w .()+,-]", "_", base)
    base = re.sub(r"\s+", " ", base).strip(" .")
    stem, ext = os.path.splitext(base)
    stem = stem.lstrip(".- ")[:100]
    if not stem or not ext:
        return None
    return stem + ext.lower()


def content_matches(path: Path, ext: str) -> bool:
    """True when the bytes look like the claimed type (PDF header, DOCX zip, text without NULs)."""
    with open(path, "rb") as fh:
        head = fh.read(65536)
    if ext == ".pdf":
        return b"%PDF-" in head[:1024]
    if ext == ".docx":
        try:
            with zipfile.ZipFile(path) as zf:
                return "word/document.xml" in zf.namelist()
        except zipfile.BadZipFile:
            return False
    return b"\x00" not in head


def _free_name(corpus: Path, name: str) -> Path:
    """`name` in `corpus`, or `stem-2.ext`, `stem-3.ext`… when taken."""
    target = corpus / name
    stem, ext = os.path.splitext(name)
    n = 2
    while target.exists() or target.is_symlink():
        target = corpus / f"{stem}-{n}{ext}"
        n += 1
    return target


def save_upload(src: Path | str, original_name: str, corpus_dir: Path | str, max_mb: float) -> tuple[str, bool]:
    """Copy an uploaded file into `corpus_dir`; returns (saved name, False) or (existing name, True) for a
    duplicate. Raises UploadRejected for a bad type, content, size or name."""
    src = Path(src)
    name = safe_name(original_name)
    if name is None:
        raise UploadRejected("bad_name")
    ext = os.path.splitext(name)[1]
    if ext not in ALLOWED:
        raise UploadRejected("bad_type", ext=ext, allowed=", ".join(ALLOWED))
    size = src.stat().st_size
    if size == 0:
        raise UploadRejected("empty_file")
    if size > max_mb * 1024 * 1024:
        raise UploadRejected("too_big", mb=size / 1024 / 1024, limit=max_mb)
    if not content_matches(src, ext):
        raise UploadRejected("bad_content", ext=ext)
    corpus = Path(corpus_dir).resolve()
    corpus.mkdir(parents=True, exist_ok=True)
    existing = corpus / name
    if existing.is_file() and not existing.is_symlink() and filecmp.cmp(src, existing, shallow=False):
        return name, True
    target = _free_name(corpus, name)
    if target.parent.resolve() != corpus:
        raise UploadRejected("bad_name")
    tmp = corpus / f".upload-{os.getpid()}-{target.name}"
    shutil.copyfile(src, tmp)
    os.replace(tmp, target)
    return target.name, False
