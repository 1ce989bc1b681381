# Every target makes its own virtual environment first; only python3 (>= 3.10) and make needed.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: report test lint bench clean

report: $(STAMP)  ## the discrepancy report on claims.yaml
	$(BIN)/discrepancy report claims.yaml

test: $(STAMP)  ## the whole test suite
	$(BIN)/python -m pytest

lint: $(STAMP)  ## ruff (lint and format check) and mypy, all clean
	$(BIN)/ruff check discrepancy tests bench
	$(BIN)/ruff format --check discrepancy tests bench
	$(BIN)/mypy

bench: $(STAMP)  ## speed of the report and of --help (every benchmark: bench/README.md)
	$(BIN)/python bench/startup.py

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	# compiled once here: an editable install is not, and where PYTHONDONTWRITEBYTECODE is set
	# (as in many containers) each run would compile the package again (a tenth of a second)
	$(BIN)/python -m compileall -q discrepancy
	touch $(STAMP)

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis *.egg-info

.PHONY: check
check: $(STAMP)  ## the CI gate: no contradiction in claims.yaml beyond .discrepancy-baseline.json
	$(BIN)/discrepancy check claims.yaml

.PHONY: golden
golden: $(STAMP)  ## regenerate every golden file (review the diff): each format from tests/fixtures, and the README's Markdown from claims.yaml
	$(BIN)/python -m pytest tests/test_render_golden.py --update-golden -q
	$(BIN)/discrepancy report claims.yaml --format markdown --output tests/golden/claims.md
	$(BIN)/discrepancy report claims.yaml --all --format markdown --output tests/golden/claims-all.md

.PHONY: bench-quantities
bench-quantities: $(STAMP)  ## speed of the quantity reader, distinct and repeated (bench/quantities.py)
	$(BIN)/python bench/quantities.py

.PHONY: bench-grouping
bench-grouping: $(STAMP)  ## grouping quality and scale, 10k to 1M claims (docs/grouping.md)
	$(BIN)/python bench/grouping.py all

.PHONY: bench-hostile
bench-hostile: $(STAMP)  ## worst-case sizes and refused inputs, time and peak memory (bench/hostile.py)
	$(BIN)/python bench/hostile.py
