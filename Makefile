# Two entry points: `make chat` (set up, ingest if stale, open the chat) and `make test` (the whole
# suite); `make test-quick` leaves out the tests marked slow (pytest -m "not slow").
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
export GRADIO_ANALYTICS_ENABLED := False
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: setup setup-test chat ingest test test-quick bench

$(VENV)/.base: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e .
	touch $@

$(VENV)/.test: $(VENV)/.base scripts/setup-llama.sh
	bash scripts/setup-llama.sh $(PY)
	$(PY) -m pip install -q -e ".[test,bench]"
	bash scripts/setup-system.sh
	touch $@

setup: $(VENV)/.base
setup-test: $(VENV)/.test

ingest: setup
	$(PY) ingest.py

chat: setup
	$(PY) ingest.py --if-stale
	$(VENV)/bin/assistant serve

test: setup-test
	$(VENV)/bin/lint-imports
	$(PY) -m pytest -q

test-quick: setup-test
	$(VENV)/bin/lint-imports
	$(PY) -m pytest -q -m "not slow"

bench: setup-test
	$(PY) bench/run.py --quick
