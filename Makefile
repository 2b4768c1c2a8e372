# The README's two commands: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 5000
APP_STAMP := $(VENV)/.installed-app
TEST_STAMP := $(VENV)/.installed-test

# axe-core checks accessibility in the browser tests (test-only, from the npm registry).
AXE := tests/browser/node_modules/axe-core/axe.min.js

.PHONY: run test lint bench clean translations

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(APP_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(TEST_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@ $(APP_STAMP)

# Once the server answers, the address to open and how to make a teacher account are the
# last lines a newcomer reads, below gunicorn's own (they go on logging requests after).
define RUN_MESSAGE

  quizapp is running: open http://127.0.0.1:$(PORT) in your browser.
  Make a teacher account (in another terminal):
      $(BIN)/quizapp create-user NAME --role teacher
  Learners register on the site. Stop the server with Ctrl+C.

endef
export RUN_MESSAGE
# Polls until a worker answers (a request for the favicon), for at most a minute.
define WAIT_FOR_SERVER
import sys, time, urllib.request
deadline = time.monotonic() + 60
while True:
    try:
        urllib.request.urlopen("http://127.0.0.1:$(PORT)/static/favicon.svg", timeout=2).close()
        break
    except OSError:
        if time.monotonic() > deadline:
            sys.exit(1)
        time.sleep(0.2)
endef
export WAIT_FOR_SERVER

run: $(APP_STAMP)
	$(BIN)/quizapp init
# A broken pack is reported (FILE:LINE:COLUMN) and skipped; it must not keep the server down.
	$(BIN)/quizapp import --allow-problems
	@PORT=$(PORT) $(BIN)/quizapp serve & server=$$!; \
	trap 'kill $$server 2>/dev/null; wait $$server; exit 0' INT TERM; \
	if $(BIN)/python -c "$$WAIT_FOR_SERVER"; then printf '%s\n' "$$RUN_MESSAGE"; fi; \
	wait $$server

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

# After changing a string shown to users: extract every msgid (sorted, no line numbers, so
# the files change only when a message does), add new ones to each language's catalogue,
# and compile. Translate the new empty msgstr lines, then run it again to compile them;
# `make test` fails while a catalogue has one untranslated.
TRANSLATIONS := quizapp/translations
translations: $(TEST_STAMP)
	$(BIN)/pybabel -q extract -F babel.cfg -k lazy_gettext -k N_ --no-location \
		--sort-output --omit-header -o $(TRANSLATIONS)/messages.pot .
	$(BIN)/pybabel -q update -i $(TRANSLATIONS)/messages.pot -d $(TRANSLATIONS) \
		--no-fuzzy-matching --ignore-obsolete --ignore-pot-creation-date
	$(BIN)/pybabel -q compile -d $(TRANSLATIONS)

bench: $(TEST_STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache tests/browser/node_modules test-artifacts
