#!/usr/bin/env bash
# `make test-windows`: tests/unit and tests/e2e under Wine's Windows Python (pytest, pytest-qt,
# hypothesis from scripts/windows/requirements.txt). Extra arguments go to pytest, e.g.
#   bash scripts/windows/test.sh tests/unit/test_paths.py -x
# Slow and bundle tests are left out, as they need the Linux bundle; the Windows bundle has its
# own smoke tests in build.sh.
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$ROOT"
[ -f resources/kb/kb.sqlite ] || { echo "windows: resources/kb/kb.sqlite is missing: run \`make kb i18n\` first" >&2; exit 2; }

bash "$WIN_SCRIPTS/setup.sh"
trap 'wineserver -k 2>/dev/null || true' EXIT

step "pytest under Wine"
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(tests/unit tests/e2e -m "not slow and not bundle")
# Qt offscreen as on Linux (tests/conftest.py); the pytest temp folders in the prefix's %TEMP%.
WIN_ENV=(QT_QPA_PLATFORM=offscreen)
# pyproject's addopts already has -q (another would drop pytest's closing "N passed" line);
# Windows line ends are turned into Unix ones for the log.
rc=0
set -o pipefail
wpy -m pytest -p no:cacheprovider "${targets[@]}" | tr -d '\r' || rc=$?
step "done in $SECONDS s"
exit "$rc"
