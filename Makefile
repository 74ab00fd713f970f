# The two commands of README.md:  make report  and  make test.
# Set-up is part of each: a virtual environment in .venv with torch pinned to the CPU wheel on this disk.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

AXE := tests/.node/node_modules/axe-core/axe.min.js

.PHONY: report test setup browser clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

report: $(STAMP)
	HF_HUB_OFFLINE=1 $(BIN)/compare run corpus/ -o reports

# The browser tests drive Debian's Chromium (never a downloaded browser) and inject axe-core from npm;
# the Spark engine's test needs Java (Debian's default-jre-headless).
browser: $(AXE)
	@test -x /usr/bin/chromium || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; }
	@command -v java >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq default-jre-headless >/dev/null; }

$(AXE):
	npm install --silent --no-save --no-audit --no-fund --prefix tests/.node axe-core@4

test: $(STAMP) browser
	$(BIN)/ruff check compare tools tests benchmarks
	$(BIN)/mypy
	HF_HUB_OFFLINE=1 $(BIN)/python -m pytest

clean:
	rm -rf reports .pytest_cache test-output tests/.node
