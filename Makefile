# Samråd — two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DB     ?= sqlite+aiosqlite:///./samrad.db

.PHONY: run test lint bench package clean browser

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11+ is needed ($(PYTHON) not found); set PYTHON=..."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

## run: install, migrate the SQLite database, load demo data when empty, serve on http://localhost:3978
## (development mode: no MicrosoftAppId, a loud banner, one worker process)
run: $(STAMP)
	DATABASE_URL='$(DB)' $(BIN)/samrad db upgrade
	DATABASE_URL='$(DB)' $(BIN)/samrad load-demo --if-empty
	DATABASE_URL='$(DB)' SAMRAD_DEV=1 $(BIN)/samrad serve --dev --workers 1

## chat: talk to the bot in the terminal (same dialogs, no Teams)
chat: $(STAMP)
	DATABASE_URL='$(DB)' $(BIN)/samrad db upgrade
	DATABASE_URL='$(DB)' $(BIN)/samrad load-demo --if-empty
	DATABASE_URL='$(DB)' SAMRAD_DEV=1 $(BIN)/samrad chat

## browser: Debian's Chromium for the Playwright tests (no browser download)
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then (apt-get update -qq && apt-get install -y -qq chromium >/dev/null) || echo "chromium could not be installed; browser tests will skip"; \
	  else echo "chromium not installed (needs root: apt-get install chromium); browser tests will skip"; fi; }

## test: the whole suite (SQLite and the PostgreSQL server at 127.0.0.1:5432)
test: $(STAMP) browser
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .

bench: $(STAMP)
	$(BIN)/python -m bench.match
	$(BIN)/python -m bench.masking
	$(BIN)/python -m bench.load

package: $(STAMP)
	$(BIN)/python -m bot.package

clean:
	rm -rf $(VENV) build *.egg-info samrad.db
