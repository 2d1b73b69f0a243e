# Clusterhub — every command a developer or CI needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8000
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: setup demo test test-postgres lint typecheck bench clean

# Re-installs only when the project's dependency list changes.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev,geo]'
	touch $(STAMP)

# Front-end libraries, served as static files; reinstalled when the lock file changes.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch node_modules/.installed

setup: $(STAMP) node_modules/.installed

demo: setup
	$(BIN)/clusterhub migrate --no-input
	$(BIN)/clusterhub demo --port $(PORT)

test: setup
	$(BIN)/python -m pytest

lint: setup
	$(BIN)/ruff check clusterhub tests bench
	$(BIN)/ruff format --check clusterhub tests bench

typecheck: setup
	$(BIN)/mypy clusterhub

bench: setup
	$(BIN)/python bench/import_members.py
	$(BIN)/python bench/export_demo.py

clean:
	rm -rf $(VENV) *.egg-info clusterhub.sqlite3
