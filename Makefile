# CAR-T Reference — every target bootstraps .venv itself.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
KB := resources/kb/kb.sqlite
STAMP := $(VENV)/.installed
DATA := $(shell find data -type f 2>/dev/null) $(wildcard desktop/kb/*.py desktop/geo/*.py)
TS := $(wildcard resources/i18n/*.ts)
QM := $(TS:.ts=.qm)

.PHONY: run test test-bundle bench bundle dist lint system-deps kb i18n clean

run: $(STAMP) $(KB) $(QM)
	$(BIN)/cartref

test: system-deps $(STAMP) $(KB) $(QM)
	$(BIN)/python -m pytest

bench: $(STAMP) $(KB) $(QM)
	$(BIN)/python -m bench

lint: $(STAMP)
	$(BIN)/ruff check desktop tests bench
	$(BIN)/mypy

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

# Windows, built and tested on Linux under Wine (scripts/windows/; needs `system-deps.sh windows`,
# which scripts/windows/setup.sh runs). Downloads and the Wine prefix are cached in
# ~/.cache/cartref-windows (CARTREF_WIN_CACHE).
.PHONY: windows test-windows windows-setup
windows-setup:
	bash scripts/windows/setup.sh

windows: $(STAMP) $(KB) $(QM)
	bash scripts/windows/build.sh

test-windows: $(STAMP) $(KB) $(QM)
	bash scripts/windows/test.sh
