# CAR-T Reference — every target bootstraps .venv itself.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
KB := resources/kb/kb.sqlite
STAMP := $(VENV)/.installed
DATA := $(shell find data -type f 2>/dev/null) $(wildcard desktop/content/*.py desktop/content/*.tsv desktop/kb/*.py desktop/geo/gazetteer.py)
# Translations (docs/i18n.md): Qt .ts -> .qm for widgets, gettext .po -> .mo for everything else.
TS := $(wildcard resources/i18n/*.ts)
QM := $(TS:.ts=.qm)
PO := $(wildcard resources/locale/*/LC_MESSAGES/cartref.po)
MO := $(PO:.po=.mo)
COMPILED := $(QM) $(MO)

.PHONY: run test test-slow test-bundle bench bundle dist lint content-check system-deps kb i18n i18n-extract i18n-check clean

run: $(STAMP) $(KB) $(COMPILED)
	$(BIN)/cartref

# The everyday run; the slow tests (kill tests, the second paper size of the handout matrix)
# are `make test-slow`. CI runs both.
test: system-deps $(STAMP) $(KB) $(COMPILED)
	$(BIN)/python -m pytest -m "not slow"

test-slow: system-deps $(STAMP) $(KB) $(COMPILED)
	$(BIN)/python -m pytest -m slow

bench: $(STAMP) $(KB) $(COMPILED)
	$(BIN)/python -m bench

lint: $(STAMP)
	$(BIN)/ruff check desktop tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports

# Content kept current: fails when a source, rule or label version was last reviewed more than
# a year ago, or has no review date (`cartref kb verify --stale`, desktop/kb/stale.py).
content-check: $(STAMP) $(KB)
	$(BIN)/cartref kb verify $(KB) --stale 365

system-deps:
	@bash scripts/system-deps.sh

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

kb: $(KB)

# The search index holds the metric and cohort labels in Chinese (from the gettext catalogue).
$(KB): $(STAMP) $(DATA) $(MO)
	$(BIN)/cartref kb build

# `make i18n`: extract the messages from the code into the .ts/.pot, merge them into every
# language's .ts/.po (translations kept, new ones left for the translator), then compile.
i18n: i18n-extract
	$(MAKE) $(COMPILED)

i18n-extract: $(STAMP)
	$(BIN)/python scripts/i18n.py extract

# Fails on any untranslated, unfinished or fuzzy entry, and on a .qm/.mo older than its source.
i18n-check: $(STAMP) $(COMPILED)
	$(BIN)/python scripts/i18n.py check

resources/i18n/%.qm: resources/i18n/%.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

resources/locale/%/LC_MESSAGES/cartref.mo: resources/locale/%/LC_MESSAGES/cartref.po $(STAMP)
	$(BIN)/pybabel compile -D cartref -d resources/locale -l $*

bundle: system-deps $(STAMP) $(KB) $(COMPILED)
	rm -rf build/cartref dist/cartref
	$(BIN)/pyinstaller --noconfirm --clean build.spec
	QT_QPA_PLATFORM=offscreen CARTREF_HOME=$$(mktemp -d) dist/cartref/cartref --self-test

test-bundle:
	$(BIN)/python -m pytest tests/e2e/test_bundle.py

dist: bundle
	$(BIN)/python scripts/make_dist.py

clean:
	rm -rf build dist $(KB) $(COMPILED)

# Windows, built and tested on Linux under Wine (scripts/windows/; needs `system-deps.sh windows`,
# which scripts/windows/setup.sh runs). Downloads and the Wine prefix are cached in
# ~/.cache/cartref-windows (CARTREF_WIN_CACHE).
.PHONY: windows test-windows windows-setup
windows-setup:
	bash scripts/windows/setup.sh

windows: $(STAMP) $(KB) $(COMPILED)
	bash scripts/windows/build.sh

test-windows: $(STAMP) $(KB) $(COMPILED)
	bash scripts/windows/test.sh
