# Samråd — two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
LOCK   := requirements-dev.lock
DB     ?= sqlite+aiosqlite:///./samrad.db

.PHONY: run test lint bench lock package clean browser

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11+ is needed ($(PYTHON) not found); set PYTHON=..."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Every dependency (dev extras and the build backend included) comes from the hashed lock; then Samråd itself,
# editable, with nothing more resolved. A dependency added to pyproject.toml without `make lock` fails
# tests/test_deploy.py.
$(STAMP): $(BIN)/python pyproject.toml $(LOCK)
	$(BIN)/python -m pip install --quiet --require-hashes -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	@touch $(STAMP)

## lock: re-resolve the hashed locks from pyproject.toml and requirements-build.in: requirements-dev.lock (with
## the dev extras: make, CI) and requirements.lock (the same versions, runtime only: the Docker image)
UV_COMPILE = $(BIN)/python -m uv pip compile pyproject.toml requirements-build.in --generate-hashes --universal \
	--python-version 3.11
lock: $(BIN)/python
	$(BIN)/python -m pip install --quiet uv
	$(UV_COMPILE) --extra dev -o requirements-dev.lock
	$(UV_COMPILE) -c requirements-dev.lock -o requirements.lock

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

## test: the whole suite (SQLite and the PostgreSQL server at 127.0.0.1:5432), one pytest-xdist worker per core;
## an idle worker steals queued tests from a busy one, so the run does not end on one core
test: $(STAMP) browser
	$(BIN)/ruff check .
	$(BIN)/mypy --strict routing knowledge
	$(BIN)/mypy bot dialogs admin
	$(BIN)/python -m pytest -n auto --dist worksteal

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy --strict routing knowledge
	$(BIN)/mypy bot dialogs admin

## bench: matching, then whole consultations against Samråd (one worker, and `serve --workers 2`), the stock echo
## bot and a bare handler on PostgreSQL (BENCH_DB=sqlite for the SQLite file); never part of `make test`
BENCH_DB ?= postgres
bench: $(STAMP)
	$(BIN)/python -m bench.match
	$(BIN)/python -m bench.masking
	$(BIN)/python -m bench.load --db $(BENCH_DB)

package: $(STAMP)
	$(BIN)/python -m bot.package

clean:
	rm -rf $(VENV) build *.egg-info samrad.db
