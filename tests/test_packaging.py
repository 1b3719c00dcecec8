"""What the package installs: every data file the code reads is in pyproject's package-data."""
import fnmatch
import tomllib

from conftest import ROOT


def test_every_data_file_is_packaged():
    globs = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["assistant"]
    data = [p.relative_to(ROOT / "assistant").as_posix() for p in (ROOT / "assistant" / "data").iterdir()]
    unpackaged = [f for f in data if not any(fnmatch.fnmatch(f, g) for g in globs)]
    assert unpackaged == [], unpackaged
