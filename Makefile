# Two commands on a fresh machine with Python 3.11 and make:
#   make report   # installs into .venv, regenerates analyses/ (the main job)
#   make test     # installs into .venv, runs the test suite
PY ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install report test lint bench notebooks clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install -q --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

report: $(STAMP)
	$(BIN)/regiondev report --out analyses --force

test: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check regiondev tests benchmarks
	$(BIN)/ruff format --check regiondev tests benchmarks
	$(BIN)/mypy

notebooks: $(STAMP)
	$(BIN)/python -m pip install -q --disable-pip-version-check -e '.[notebooks]'
	$(BIN)/jupyter lab notebooks/

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_cli.py

clean:
	rm -rf $(VENV) build *.egg-info
