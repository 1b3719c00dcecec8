"""OCR: text for the PDF pages that have no usable text layer, read by Tesseract (Indonesian + English).

A page needs OCR when its text layer is garbage (a broken font map: `pdftext.garbled`,
`pdftext.run_together`), or when it has no text (or a few letters) over pictures covering most of the
page (a scan; a cover's logo or a figure is left alone), or over any picture in a file where no page
has text. Such a page is rendered by pypdfium2 (greyscale, 300 dpi) and read
by the `tesseract` program, whose hOCR output gives each line's box, baseline and glyph height and
each word's confidence. The lines come back as `pdftext.Line`s with the geometry a text layer gives
(PDF points, y growing upwards, font size from the glyph height), so the same clean-up (running
headers, paragraphs, headings, hyphenation) applies to them.

Results are cached per file digest, one JSON line per page as it is read (an ingest cut short keeps
the pages it read; a torn last line is ignored). A page Tesseract cannot read is reported and the
others go on; without Tesseract the result says what to install. bench/run.py `ocr_pages_s`.
"""
from __future__ import annotations

import functools
import hashlib
import io
import itertools
import json
import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from . import pdftext
from .pdftext import Line

LANGUAGES = ("ind", "eng")
DPI = 300
MAX_PIXELS = 40_000_000  # a poster-sized page is rendered smaller than DPI
PAGE_TIMEOUT_S = 300
# a line's font size from its glyphs: the larger of its ascent (baseline to the top of its tallest glyph)
# ÷ ASCENT_EM and Tesseract's x_size (ascender to descender) × EM_PER_X_SIZE; the first misses on a line
# without capitals or ascenders, the second on a line without descenders. Fitted on Times and Courier.
ASCENT_EM = 0.68
EM_PER_X_SIZE = 1.1
SAME_SIZE = 1.08  # sizes this close are one size, measured with noise (see even_sizes; pdftext._same_size)
INSTALL = ("install Tesseract with Indonesian: the Debian packages tesseract-ocr and tesseract-ocr-ind "
           "(`sudo bash scripts/setup-system.sh`)")
CACHE_FORMAT = 4  # raise when the lines kept for a page change (their geometry, what is dropped)
_FEW_LETTERS = 30  # fewer letters than this over a page-sized picture: a scan (perhaps with a stamp or page number)
_LETTER = re.compile(r"[^\W\d_]")
_SCAN_SHARE = 0.6  # pictures covering this share of a page make it a scan (a cover's logo or a figure do not)


@dataclass
class OcrOptions:
    """Where results are cached (None: nowhere), how many pages are read at once, and a callback
    told ("todo", n) when n pages of a file need OCR and ("done", 1) as each one is read."""

    cache_dir: Path | None = None
    threads: int = 1
    progress: Callable[[str, int], None] | None = None


@dataclass
class OcrResult:
    """What OCR did to one file: mean word confidence (0-100) of each page it read (1-based),
    pages it could not read with the reason, and why OCR could not run at all (None if it could)."""

    confidence: dict[int, float] = field(default_factory=dict)
    failed: dict[int, str] = field(default_factory=dict)
    unavailable: str | None = None
    needed: list[int] = field(default_factory=list)
    unread: list[int] = field(default_factory=list)  # needed, but OCR is unavailable
    blank: list[int] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def warnings(self, name: str) -> list[str]:
        """One line per problem, naming the file and the pages."""
        out = [f"{name}: {note}" for note in self.notes]
        if self.unavailable:
            out.append(f"{name}: no usable text layer on {_pages(self.unread)}, not read: {self.unavailable}")
        for page, reason in sorted(self.failed.items()):
            out.append(f"{name}: OCR could not read page {page}: {reason}")
        return out

    def why_no_text(self) -> str:
        """Why a file whose pages have no text layer has no text after OCR either."""
        if self.unavailable:
            return f"it needs OCR: {self.unavailable}"
        if self.failed:
            return "and OCR could not read it (" + "; ".join(f"page {n}: {why}" for n, why in self.failed.items()) + ")"
        return "and OCR found no text in it (blank pages?)"

    def summary(self) -> str:
        """'pages 2-9 OCR'd (mean confidence 89)', or ''."""
        if not self.confidence:
            return ""
        mean = sum(self.confidence.values()) / len(self.confidence)
        return f"{_pages(sorted(self.confidence))} OCR'd (mean confidence {mean:.0f})"


def needs_ocr(lines: list[Line]) -> bool:
    """True when a page's text layer is unusable: empty, garbled or run together."""
    text = "\n".join(line.text for line in lines)
    return (not text.strip() or pdftext.garbled(text)
            or max(map(len, text.split()), default=0) >= 20 and pdftext.run_together(text))  # (a long word first: cheap)


def _few_letters(lines: list[Line]) -> bool:
    """Fewer than _FEW_LETTERS letters (counting stops there)."""
    found = 0
    for line in lines:
        found += sum(1 for _ in itertools.islice(_LETTER.finditer(line.text), _FEW_LETTERS - found))
        if found >= _FEW_LETTERS:
            return False
    return True


def _picture_share(lines: list[Line], page) -> float:
    """The share of the page its pictures cover, when it has few letters (a stamp, a page number)
    or none; 0 otherwise."""
    if not _few_letters(lines):
        return 0.0
    import pypdfium2.raw as raw

    area = 0.0
    for picture in page.get_objects(filter=[raw.FPDF_PAGEOBJ_IMAGE], max_depth=2):
        left, bottom, right, top = picture.get_bounds()
        area += max(0.0, right - left) * max(0.0, top - bottom)
    width, height = page.get_size()
    return min(1.0, area / max(1.0, width * height))


@functools.lru_cache(maxsize=1)
def engine() -> tuple[str | None, str, list[str]]:
    """(languages to read with, e.g. "ind+eng", Tesseract's version line, notes), or (None, why
    OCR cannot run, [])."""
    exe = shutil.which("tesseract")
    if exe is None:
        return None, f"Tesseract is not installed ({INSTALL})", []
    try:
        listed = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=60)
        version = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.SubprocessError) as exc:
        return None, f"tesseract does not run ({exc}; {INSTALL})", []
    have = set(listed.stdout.split()) | set(listed.stderr.split())
    langs = [lang for lang in LANGUAGES if lang in have]
    if not langs:
        return None, f"Tesseract has neither Indonesian nor English language data ({INSTALL})", []
    notes = [f"OCR without {lang} language data ({INSTALL})" for lang in LANGUAGES if lang not in langs]
    return "+".join(langs), (version.stdout or version.stderr).splitlines()[0].strip(), notes


def read_pages(pdf, pages: list[list[Line]], path: Path, options: OcrOptions | None = None) -> OcrResult:
    """OCR the pages of the open pypdfium2 document `pdf` whose lines (`pages`, changed in place)
    are unusable; a page keeps its text layer when OCR finds nothing better."""
    options = options or OcrOptions()
    garbage = {i for i, lines in enumerate(pages) if lines and needs_ocr(lines)}
    few = [i for i, lines in enumerate(pages) if i not in garbage and _few_letters(lines)]
    image_only = len(few) + len(garbage) == len(pages)  # no page has text: any picture may hold some
    shares = {i: _picture_share(pages[i], pdf[i]) for i in few}
    scans = [i for i, share in shares.items() if share >= _SCAN_SHARE or image_only and share > 0]
    result = OcrResult(needed=sorted(i + 1 for i in [*garbage, *scans]))
    if not result.needed:
        return result
    langs, info, notes = engine()
    cache = _Cache(options.cache_dir, path, langs) if options.cache_dir else None
    known = cache.read() if cache else {}  # (without Tesseract, what it read before still counts)
    unread = [number for number in result.needed if number not in known]
    if unread and langs is None:
        result.unavailable, result.unread = info, unread
    elif unread:
        result.notes = notes
    progress = options.progress or (lambda kind, n: None)
    progress("todo", len(result.needed) - len(result.unread))

    def take(number: int, lines: list[Line] | None, confidence: float, error: str | None) -> None:
        if error:
            result.failed[number] = error
        elif lines and not needs_ocr(lines):
            pages[number - 1] = lines
            result.confidence[number] = round(confidence, 1)
        elif not pages[number - 1]:
            result.blank.append(number)
        else:
            result.failed[number] = "no usable text found (the text layer is kept)"
        progress("done", 1)

    pending: list[tuple[int, Future]] = []
    with ThreadPoolExecutor(max_workers=max(1, options.threads)) as pool:
        for number in result.needed:
            if number in known:
                take(number, *known[number], None)
                continue
            if langs is None:
                continue
            try:  # pdfium is not thread-safe: pages are rendered here, read by tesseract in the pool
                image, scale = _render(pdf[number - 1])
            except Exception as exc:  # noqa: BLE001 - one bad page must not stop the file
                take(number, None, 0.0, f"cannot render it ({exc})")
                continue
            height = pdf[number - 1].get_height()
            pending.append((number, pool.submit(_recognise, image, scale, height, langs)))
            while len(pending) > max(1, options.threads) or pending and pending[0][1].done():
                _finish(*pending.pop(0), take, cache)
        while pending:
            _finish(*pending.pop(0), take, cache)
    even_sizes([line for number in result.confidence for line in pages[number - 1]])
    return result


def even_sizes(lines: list[Line]) -> None:
    """Give the lines one size per size they were set in: OCR measures each line with a few per
    cent of noise, and the clean-up tells headings and paragraphs apart by size. Sizes within
    SAME_SIZE of the smallest of a run (in size order) take the run's median."""
    run: list[Line] = []
    for line in sorted((line for line in lines if line.size), key=lambda line: line.size) + [None]:
        if run and (line is None or line.size > SAME_SIZE * run[0].size):
            median = run[len(run) // 2].size
            for member in run:
                member.size = median
            run = []
        if line is not None:
            run.append(line)


def _finish(number: int, future: Future, take: Callable, cache: _Cache | None) -> None:
    try:
        lines, confidence = future.result()
    except Exception as exc:  # noqa: BLE001 - tesseract failing on one page must not stop the file
        take(number, None, 0.0, str(exc) or exc.__class__.__name__)
        return
    if cache is not None:
        cache.add(number, lines, confidence)
    take(number, lines, confidence, None)


def _render(page) -> tuple[bytes, float]:
    """The page as a greyscale PGM image at DPI (less for huge pages), and pixels per point."""
    scale = min(DPI / 72, (MAX_PIXELS / max(1.0, page.get_width() * page.get_height())) ** 0.5)
    # (stretching the grey levels first, PIL's autocontrast, read "MySQL" right 8 to 16 times out of 26 on a
    # 160-dpi journal page depending on the share clipped, and put a stray "." and a lost heading into a
    # clean page: left out)
    image = page.render(scale=scale, grayscale=True).to_pil()
    if image.mode != "L":
        image = image.convert("L")
    buffer = io.BytesIO()
    image.save(buffer, "PPM")  # uncompressed: tesseract reads it from stdin at once
    return buffer.getvalue(), scale


def _recognise(image: bytes, scale: float, height: float, langs: str) -> tuple[list[Line], float]:
    """Tesseract's lines of one page image and their mean word confidence. One thread per process
    (OpenMP threads only fight the other readers: 2 threads took 7× longer on a busy 2-core machine)."""
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        run = subprocess.run(["tesseract", "stdin", "stdout", "-l", langs, "--dpi", str(round(72 * scale)), "hocr"],
                             input=image, capture_output=True, timeout=PAGE_TIMEOUT_S, env=env)
    except subprocess.TimeoutExpired:
        raise RuntimeError(f"tesseract took over {PAGE_TIMEOUT_S:g} s") from None
    if run.returncode != 0:
        raise RuntimeError(f"tesseract failed ({run.stderr.decode(errors='replace').strip()[-200:]})")
    return hocr_lines(run.stdout.decode("utf-8", errors="replace"), scale, height)


_LINE_CLASSES = {"ocr_line", "ocr_header", "ocr_textfloat", "ocr_caption"}


def hocr_lines(hocr: str, scale: float, height: float) -> tuple[list[Line], float]:
    """The lines of a Tesseract hOCR page (pixels at `scale` per point, page `height` points) as
    pdftext Lines, and the mean confidence of their words (0 when there are none)."""
    root = ET.fromstring(hocr.encode())
    lines: list[Line] = []
    confidences: list[float] = []
    for span in root.iter("{http://www.w3.org/1999/xhtml}span"):
        if span.get("class") not in _LINE_CLASSES:
            continue
        props = _props(span.get("title", ""))
        words = [("".join(w.itertext()).strip(), float(_props(w.get("title", "")).get("x_wconf", ["0"])[0]))
                 for w in span.iter("{http://www.w3.org/1999/xhtml}span") if w.get("class") == "ocrx_word"]
        words = [(text, conf) for text, conf in words if text]
        if not words or "bbox" not in props:
            continue
        x0, _, x1, bottom = (float(v) for v in props["bbox"])
        offset = float(props.get("baseline", ["0", "0"])[1])
        baseline = bottom + offset  # at the line's left edge (slope × 0), where a text layer's origin is
        size = max((baseline - float(props["bbox"][1])) / ASCENT_EM,
                   float(props.get("x_size", ["0"])[0]) * EM_PER_X_SIZE) / scale
        lines.append(Line(" ".join(text for text, _ in words), round(x0 / scale, 2), round(x1 / scale, 2),
                          round(height - baseline / scale, 2), round(size, 2)))
        confidences += [conf for _, conf in words]
    return lines, sum(confidences) / len(confidences) if confidences else 0.0


def _props(title: str) -> dict[str, list[str]]:
    """hOCR title properties: "bbox 1 2 3 4; x_wconf 96" → {"bbox": ["1", "2", "3", "4"], "x_wconf": ["96"]}."""
    out = {}
    for part in title.split(";"):
        key, *values = part.split()
        if values:
            out[key] = values
    return out


class _Cache:
    """OCR'd pages of one file, keyed by its content digest: `<dir>/<sha256>.jsonl`, a header line
    naming how pages were read (format, dpi, languages), then one line per page, appended (and flushed) as pages are read."""

    def __init__(self, folder: Path, path: Path, languages: str | None):
        self.path = Path(folder) / f"{file_sha256(path)}.jsonl"
        self.header = {"format": CACHE_FORMAT, "dpi": DPI, "languages": languages}
        self.valid = self.torn = False

    def read(self) -> dict[int, tuple[list[Line], float]]:
        try:
            text = self.path.read_text(encoding="utf-8")
        except OSError:
            return {}
        rows = text.splitlines()
        try:  # pages read with other settings do not count (any languages will do when Tesseract is missing)
            header = json.loads(rows[0])
            self.valid = all(header.get(k) == v for k, v in self.header.items() if v is not None)
        except (IndexError, ValueError, AttributeError):
            self.valid = False
        self.torn = not text.endswith("\n")
        out = {}
        for row in rows[1:] if self.valid else []:
            try:
                item = json.loads(row)
                out[item["page"]] = [Line(*values) for values in item["lines"]], item["confidence"]
            except (ValueError, KeyError, TypeError):  # a line torn by a crash
                continue
        return out

    def add(self, number: int, lines: list[Line], confidence: float) -> None:
        row = json.dumps({"page": number, "confidence": confidence,
                          "lines": [[ln.text, ln.x0, ln.x1, ln.y, ln.size] for ln in lines]}, ensure_ascii=False)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with open(self.path, "a" if self.valid else "w", encoding="utf-8") as fh:
                if not self.valid:
                    fh.write(json.dumps(self.header) + "\n")
                fh.write(("\n" if self.valid and self.torn else "") + row + "\n")
            self.valid, self.torn = True, False
        except OSError:  # a read-only index folder: OCR again next time
            pass


def file_sha256(path: Path) -> str:
    """sha256 of the file's content (as the index's manifest records it)."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def prune_cache(folder: Path, keep: set[str]) -> None:
    """Remove the cached OCR of files whose digest is not in `keep`."""
    for path in Path(folder).glob("*.jsonl"):
        if path.stem not in keep:
            path.unlink(missing_ok=True)


def _pages(numbers: list[int]) -> str:
    """'page 3', 'pages 2-9', 'pages 1, 4-6'."""
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    shown = ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}-{r[-1]}" for r in runs)
    return f"page{'s' if len(numbers) > 1 else ''} {shown}"
