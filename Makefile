# The two commands a new user needs: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench score clean-venv

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The optional extras are installed too, so that their tests run rather than skip.
$(STAMP): $(BIN)/python pyproject.toml Makefile
	$(BIN)/python -m pip install --quiet -e '.[test,dask,zstd,html,parquet,datatrove,datasets]'
	touch $(STAMP)

demo: $(STAMP)
	@for f in fixtures/seeds/*.txt; do \
	  case $$f in *.expected.txt) continue;; esac; \
	  echo "==> $$f"; $(BIN)/normalize "$$f"; echo; \
	  echo "--- what was fixed (normalize --explain; every edit is reversible):"; \
	  $(BIN)/normalize --explain "$$f" | tail -n +2; echo; \
	done

test: $(STAMP)
	$(BIN)/python -m pytest -q

# Measures, then writes benchmarks/README.md and docs/benchmarks.png (about 5 minutes on 2 CPUs).
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	$(BIN)/python benchmarks/report.py

score: $(STAMP)
	$(BIN)/python ../shared/tools/seeds_check.py
	$(BIN)/python ../shared/tools/score.py ../shared/corpus/dev.jsonl --show 5

clean-venv:
	rm -rf $(VENV)
