# Two commands for a fresh machine: `make run` (the main job) and `make test` (the test suite).
# Both create .venv/ if needed and install the project into it first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.biwaq-installed

.PHONY: run test install model bench clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev,dask]"
	@$(MAKE) --no-print-directory model
	@touch $(STAMP)

install: $(STAMP)

# The trained German model is optional: without it biwaq runs its rule components on spaCy's German
# tokenizer (and says so in every run's outputs). On machines without internet the download fails.
model:
	@$(BIN)/python -c "import de_core_news_sm" 2>/dev/null \
	  || $(BIN)/python -m spacy download de_core_news_sm >$(VENV)/spacy-download.log 2>&1 \
	  || echo "WARNING: could not download de_core_news_sm (no internet?); biwaq will use the rule-only German pipeline. Details: $(VENV)/spacy-download.log"

run: $(STAMP)
	$(BIN)/biwaq run --output outputs

test: $(STAMP)
	@sh scripts/install_test_deps.sh
	$(BIN)/python -m pytest

# Benchmarks (not part of the tests): figures for 2,000 and 20,000 generated articles; see docs/performance.md.
bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[bench]"
	$(BIN)/python -m benchmarks.run --sizes 2000,20000 --repeat 3 --json outputs/bench/results.json
	$(BIN)/python -m benchmarks.components --count 2000 --repeat 3
	$(BIN)/python -m benchmarks.pdf --repeat 25

clean:
	rm -rf $(VENV) .pytest_cache
