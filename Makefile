# One-command entry points for a fresh clone; each target sets up .venv itself.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.twin-extract-installed

.PHONY: setup run test bench evaluate clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e ".[review,test]"
	touch $(STAMP)

setup: $(STAMP)

run: setup
	$(BIN)/twin-extract run corpus/source-article.txt corpus/gold/dev.jsonl corpus/gold/test.jsonl corpus/gold/holdout.jsonl corpus/gold/real-dev.jsonl corpus/gold/real-test.jsonl -o outputs/records.jsonl

test: setup
	$(BIN)/python -m pytest -q

evaluate: setup
	$(BIN)/twin-extract evaluate corpus/gold/dev.jsonl
	$(BIN)/twin-extract evaluate corpus/gold/test.jsonl
	$(BIN)/twin-extract evaluate corpus/gold/holdout.jsonl
	$(BIN)/twin-extract evaluate corpus/gold/real-dev.jsonl
	$(BIN)/twin-extract evaluate --no-errors corpus/gold/real-test.jsonl
	$(BIN)/twin-extract evaluate corpus/gold/uk-dev.jsonl
	$(BIN)/twin-extract evaluate --no-errors corpus/gold/uk-test.jsonl

bench: setup
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache
