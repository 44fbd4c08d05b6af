# Two commands for a newcomer: `make run` and `make test`. Both install first.
PYTHON ?= $(shell command -v python3.12 || command -v python3.13 || echo python3)
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/sellerdesk
TEST_REDIS_URL ?= redis://127.0.0.1:6379/15

.PHONY: install run test lint chromium

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

# The embedded run: DEBUG on and a development key, which only EMBEDDED=1 gives.
run: install
	EMBEDDED=1 $(BIN)/python manage.py migrate --noinput
	EMBEDDED=1 $(BIN)/python manage.py seed_demo
	EMBEDDED=1 PORT=$(PORT) $(BIN)/python manage.py run_embedded

chromium:
	command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq chromium; }

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

test: install lint chromium
	DATABASE_URL=$(TEST_DATABASE_URL) REDIS_URL=$(TEST_REDIS_URL) $(BIN)/pytest
