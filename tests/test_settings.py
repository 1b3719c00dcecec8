"""Settings: variables override defaults, and docs/configuration.md's table is the one
scripts/settings_table.py makes from Settings (rerun the script after adding a field)."""
import importlib.util
import subprocess
import sys

from assistant.settings import Settings

from conftest import ROOT


def test_variables_override_defaults_and_the_password_stays_out_of_repr(monkeypatch):
    monkeypatch.setenv("ASSISTANT_PORT", "8000")
    monkeypatch.setenv("ASSISTANT_USER", "ana")
    monkeypatch.setenv("ASSISTANT_PASSWORD", "s3cret")
    settings = Settings.from_env(host="0.0.0.0")
    assert (settings.port, settings.host, settings.user, settings.password) == (8000, "0.0.0.0", "ana", "s3cret")
    assert "s3cret" not in repr(settings)


def test_configuration_table_matches_settings():
    spec = importlib.util.spec_from_file_location("settings_table", ROOT / "scripts" / "settings_table.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    table = script.table()
    assert all(f"`ASSISTANT_{name.upper()}`" in table for name in ("index_dir", "port", "user", "password"))
    assert "`--index` (ask, serve, documents, citations, cite, check, study, ingest.py)" in table  # flags found in both parsers
    check = subprocess.run([sys.executable, str(ROOT / "scripts" / "settings_table.py"), "--check"],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
