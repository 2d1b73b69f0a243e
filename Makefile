# Clusterhub — every command a developer or CI needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PORT ?= 8000
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: setup system-packages compile-messages demo test test-reference lint typecheck bench clean

# Re-installs only when the project's dependency list changes.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev,geo,spark]'
	touch $(STAMP)

# Front-end libraries, served as static files; reinstalled when the lock file changes.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch node_modules/.installed

# Translations: the .po catalogues are committed, the .mo files are compiled here (needs GNU
# gettext's msgfmt); a catalogue is recompiled only when its .po is newer than its .mo.
PO_FILES := $(wildcard clusterhub/locale/*/LC_MESSAGES/django.po)
MO_FILES := $(PO_FILES:.po=.mo)

$(MO_FILES): %.mo: %.po | $(STAMP)
	$(BIN)/clusterhub compilemessages --ignore=.venv --ignore=node_modules --locale=$(word 3,$(subst /, ,$@))

compile-messages: $(MO_FILES)

# Debian/Ubuntu packages (chromium, Java 17, Pango and a font, gettext): installed with
# apt-get when run as root, else make stops here with the one command to run.
system-packages:
	@PYTHON=$(PYTHON) bash .ci/system-packages.sh

# The static files `clusterhub serve` serves (hashed and compressed names, in STATIC_ROOT,
# default ./staticfiles); collected again when the front-end libraries or our files change.
STATIC_SOURCES := $(shell find clusterhub -path '*/static/*' -type f)
$(VENV)/.static-collected: node_modules/.installed $(STATIC_SOURCES) pyproject.toml | $(STAMP)
	$(BIN)/clusterhub collectstatic --no-input --clear --verbosity 0
	touch $@

setup: system-packages $(STAMP) node_modules/.installed compile-messages $(VENV)/.static-collected

# The demo keeps its own secret key in .clusterhub-secret (git-ignored, mode 0600), made once.
# The background worker (mail of survey rounds) runs beside the server and stops with it.
demo: setup
	test -s .clusterhub-secret || $(BIN)/python -c "import os, secrets; fd = os.open('.clusterhub-secret', os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600); os.write(fd, secrets.token_urlsafe(64).encode()); os.close(fd)"
	chmod 600 .clusterhub-secret
	$(BIN)/clusterhub migrate --no-input
	export SECRET_KEY_FILE="$(CURDIR)/.clusterhub-secret"; \
	$(BIN)/clusterhub worker & worker=$$!; trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT INT TERM; \
	$(BIN)/clusterhub demo --port $(PORT)

test: setup
	$(BIN)/python -m pytest

# Checks against the real Eurostat and GISCO files in ../shared/data (or
# CLUSTERHUB_REFERENCE_DATA); they fail, not skip, when the data is missing.
test-reference: setup
	$(BIN)/python -m pytest tests/reference

lint: setup
	$(BIN)/ruff check clusterhub tests bench
	$(BIN)/ruff format --check clusterhub tests bench
	$(BIN)/lint-imports

typecheck: setup
	$(BIN)/mypy clusterhub

# The benchmarks' servers and peers (gunicorn, Datasette), only where benchmarks run.
$(VENV)/.bench-installed: pyproject.toml | $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev,geo,spark,bench]'
	touch $(VENV)/.bench-installed

bench: setup $(VENV)/.bench-installed
	$(BIN)/python bench/import_members.py
	$(BIN)/python bench/export_demo.py

clean:
	rm -rf $(VENV) *.egg-info clusterhub.sqlite3
