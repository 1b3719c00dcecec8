"""Write docs/configuration.md's table from `Settings`: every field with its `ASSISTANT_*`
variable, default, the flags that set it, and its comment in settings.py. Rerun after adding a
field (tests/test_settings.py fails while docs/configuration.md and Settings differ).

    python scripts/settings_table.py           # rewrite the table between the markers
    python scripts/settings_table.py --check   # exit 1 when README.md is out of date
"""
from __future__ import annotations

import argparse
import ast
import dataclasses
import io
import sys
import tokenize
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant import settings as settings_module  # noqa: E402
from assistant.settings import Settings  # noqa: E402

README = ROOT / "docs" / "configuration.md"  # the README links to it
START = "<!-- settings-table: written by scripts/settings_table.py from assistant/settings.py -->"
END = "<!-- /settings-table -->"
_ENV_TYPES = (str, int, float, bool, Path)  # what Settings.from_env can read from a variable


def comments() -> dict[str, str]:
    """Field → its comment: the one on its line, else the comment lines right above it, else
    the last such block above (a group heading)."""
    source = Path(settings_module.__file__).read_text(encoding="utf-8")
    by_line: dict[int, tuple[str, bool]] = {}  # line → (comment, whole line is a comment)
    for tok in tokenize.generate_tokens(io.StringIO(source).readline):
        if tok.type == tokenize.COMMENT:
            by_line[tok.start[0]] = (tok.string.lstrip("#").strip(), not tok.line[:tok.start[1]].strip())
    cls = next(n for n in ast.parse(source).body if isinstance(n, ast.ClassDef) and n.name == "Settings")
    found, heading = {}, ""
    for node in cls.body:
        if not (isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name)):
            continue
        above, line = [], node.lineno - 1
        while line in by_line and by_line[line][1]:
            above.insert(0, by_line[line][0])
            line -= 1
        heading = " ".join(above) or heading
        own = by_line.get(node.lineno, ("", True))
        found[node.target.id] = own[0] if not own[1] else heading
    return found


def _parsers() -> dict[str, argparse.ArgumentParser]:
    """Command → its parser: the `assistant` commands (ask, serve, …) and `ingest.py`."""
    from assistant.cli import build_parser
    from assistant.ingest.build import build_parser as ingest_parser

    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    return {**sub.choices, "ingest.py": ingest_parser()}


def flags() -> dict[str, list[str]]:
    """Field → "`--flag` (commands)" for each flag whose destination is the field (`--index` → index_dir)."""
    fields = {f.name for f in dataclasses.fields(Settings)}
    where: dict[tuple[str, str], list[str]] = {}
    for command, parser in _parsers().items():
        for action in parser._actions:
            name = next((n for n in (action.dest, action.dest + "_dir") if n in fields), None)
            if name and action.option_strings:
                where.setdefault((name, max(action.option_strings, key=len)), []).append(command)
    out: dict[str, list[str]] = {}
    for (name, flag), commands in where.items():
        out.setdefault(name, []).append(f"`{flag}` ({', '.join(commands)})")
    return out


def _default(value: object) -> str:
    if isinstance(value, Path):
        value = f"{value.relative_to(ROOT)}/" if value.is_relative_to(ROOT) else value
    return f"`{value}`" if value != "" else "(unset)"


def _cell(text: str) -> str:
    """Text safe in a Markdown table cell: no column breaks, no HTML tags ("st:<model>")."""
    return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")


def table() -> str:
    """The Markdown table, one row a field that a variable can set."""
    notes, set_by = comments(), flags()
    rows = ["| variable | default | flag | what it sets |", "|---|---|---|---|"]
    for f in dataclasses.fields(Settings):
        default = getattr(Settings(), f.name)
        if not isinstance(default, _ENV_TYPES):
            continue
        rows.append(f"| `ASSISTANT_{f.name.upper()}` | {_default(default)} | "
                    f"{'<br>'.join(set_by.get(f.name, [])) or '–'} | {_cell(notes.get(f.name, ''))} |")
    return "\n".join(rows)


def with_table(readme: str) -> str:
    """README text with the table between the markers replaced by the current one."""
    head, found, rest = readme.partition(START + "\n")
    if not found or END not in rest:
        raise SystemExit(f"{README}: markers {START!r} … {END!r} not found")
    return head + START + "\n" + table() + "\n" + rest[rest.index(END):]


def main() -> int:
    text = README.read_text(encoding="utf-8")
    new = with_table(text)
    if "--check" in sys.argv[1:]:
        if new != text:
            print(f"{README}: the settings table differs from Settings; run python scripts/settings_table.py")
            return 1
        return 0
    README.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
