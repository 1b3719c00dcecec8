"""Table rows as items that keep their cells together, each with its header when the table has one.

A table's first row is its header when its cells hold no figures and a later row's do (or it is the
only bold row); a row with as many cells as the header reads "first cell — Header 2: cell 2; Header 3:
cell 3", so the row answers on its own what its figures are ("Kepribadian Tipe A — Composite
Reliability: 0.739; Cronbach's Alpha: 0.470"); other rows keep their cells apart with " | ".
"""
from __future__ import annotations

import re

_FIGURE = re.compile(r"\d")


def header_of(rows: list[list[str]]) -> list[str] | None:
    """The header row of a table's rows (cells), or None."""
    if len(rows) < 2 or len(rows[0]) < 2:
        return None
    first, rest = rows[0], rows[1:]
    if any(_FIGURE.search(cell) for cell in first) or not any(_FIGURE.search(c) for row in rest for c in row):
        return None
    return first


def row_text(cells: list[str], header: list[str] | None) -> str:
    """One row as text, with its header when the cells line up with it."""
    if header and len(cells) == len(header) and cells != header:
        pairs = "; ".join(f"{h}: {c}" for h, c in zip(header[1:], cells[1:]) if c)
        return f"{cells[0]} — {pairs}" if pairs else cells[0]
    return " | ".join(cells)


def rows_text(rows: list[list[str]]) -> list[str]:
    """Each row of a table as text (the header row as itself)."""
    header = header_of(rows)
    return [" | ".join(row) if header is not None and i == 0 else row_text(row, header) for i, row in enumerate(rows)]
