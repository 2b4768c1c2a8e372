# The README's two commands: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 5000
APP_STAMP := $(VENV)/.installed-app
TEST_STAMP := $(VENV)/.installed-test

# axe-core checks accessibility in the browser tests (test-only, from the npm registry).
AXE := tests/browser/node_modules/axe-core/axe.min.js

.PHONY: run test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(APP_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@ $(APP_STAMP)

run: $(APP_STAMP)
	$(BIN)/quizapp init
# A broken pack is reported (FILE:LINE:COLUMN) and skipped; it must not keep the server down.
	$(BIN)/quizapp import --allow-problems
	PORT=$(PORT) $(BIN)/quizapp serve

lint: $(TEST_STAMP)
	$(BIN)/ruff check quizapp tests tools bench
	$(BIN)/ruff format --check quizapp tests tools bench
	$(BIN)/bandit --quiet --recursive --severity-level medium quizapp
	$(BIN)/lint-imports --no-cache

$(AXE): tests/browser/package.json tests/browser/package-lock.json
	npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error
	touch $@

test: lint $(AXE)
	$(BIN)/python -m pytest

bench: $(TEST_STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache tests/browser/node_modules test-artifacts
