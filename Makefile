# One entry point for people and CI: everything is set up from nothing.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-dev
EXAMPLE := examples/shop

.PHONY: run test lint bench screenshots clean venv

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

venv: $(STAMP)

run: $(STAMP)
	$(BIN)/architect $(EXAMPLE)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/lint-imports

test: lint
	$(BIN)/pytest -q

bench: $(STAMP)
	$(BIN)/python bench/bench_map.py
	$(BIN)/python bench/bench_tui.py
	$(BIN)/python bench/bench_apply.py
	$(BIN)/python bench/bench_rules.py
	$(BIN)/python bench/bench_realworld.py

screenshots: $(STAMP)
	$(BIN)/python scripts/export_screenshots.py
	$(BIN)/python scripts/update_readme_keys.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
