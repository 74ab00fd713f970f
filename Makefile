# The two commands of README.md:  make report  and  make test.
# Set-up is part of each: a virtual environment in .venv with torch pinned to the CPU wheel on this disk.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: report test setup clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

report: $(STAMP)
	HF_HUB_OFFLINE=1 $(BIN)/compare run corpus/ -o reports

test: $(STAMP)
	HF_HUB_OFFLINE=1 $(BIN)/python -m pytest

clean:
	rm -rf reports .pytest_cache test-output
