# CAR-T Reference — every target bootstraps .venv itself.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
KB := resources/kb/kb.sqlite
STAMP := $(VENV)/.installed
DATA := $(shell find data -type f 2>/dev/null) $(wildcard desktop/content/*.py desktop/content/*.tsv desktop/kb/*.py desktop/geo/gazetteer.py)
TS := $(wildcard resources/i18n/*.ts)
QM := $(TS:.ts=.qm)

.PHONY: run test test-slow test-bundle bench bundle dist lint system-deps kb i18n clean

run: $(STAMP) $(KB) $(QM)
	$(BIN)/cartref

# The everyday run; the slow tests (kill tests, the second paper size of the handout matrix)
# are `make test-slow`. CI runs both.
test: system-deps $(STAMP) $(KB) $(QM)
	$(BIN)/python -m pytest -m "not slow"

test-slow: system-deps $(STAMP) $(KB) $(QM)
	$(BIN)/python -m pytest -m slow

bench: $(STAMP) $(KB) $(QM)
	$(BIN)/python -m bench

lint: $(STAMP)
	$(BIN)/ruff check desktop tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports

system-deps:
	@bash scripts/system-deps.sh

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

kb: $(KB)

$(KB): $(STAMP) $(DATA)
	$(BIN)/cartref kb build

i18n: $(QM)

resources/i18n/%.qm: resources/i18n/%.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

bundle: system-deps $(STAMP) $(KB) $(QM)
	rm -rf build/cartref dist/cartref
	$(BIN)/pyinstaller --noconfirm --clean build.spec
	QT_QPA_PLATFORM=offscreen CARTREF_HOME=$$(mktemp -d) dist/cartref/cartref --self-test

test-bundle:
	$(BIN)/python -m pytest tests/e2e/test_bundle.py

dist: bundle
	$(BIN)/python scripts/make_dist.py

clean:
	rm -rf build dist $(KB) $(QM)
