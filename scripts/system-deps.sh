#!/usr/bin/env bash
# Debian packages the app and its tests need beyond Python wheels:
#   poppler-utils (pdftotext/pdftoppm in handout tests), zbar-tools (QR decoding in tests),
#   xvfb + xcb libraries (a real window under Xvfb), at-spi2-core + python3-pyatspi + dbus (the
#   screen-reader test, tests/e2e/test_atspi.py: the AT-SPI bus in a private D-Bus session, walked
#   by the system python3). No CJK font: the tests must show that the
#   bundled one (resources/fonts) is enough on a machine that has none, as at the sites served.
# `system-deps.sh windows` instead installs what the Windows build under Wine needs (make windows,
# make test-windows): 64-bit Wine, mingw-w64 (the ICU stub, see scripts/windows/icuuc_stub.c),
# NSIS (makensis builds the installer natively), zip, Xvfb and xwininfo (the window smoke test),
# poppler-utils (the handout PDFs' smoke test).
# Installs them when run as root with apt; otherwise prints the exact command to run.
set -euo pipefail
if [ "${1:-}" = windows ]; then
  PKGS=(wine wine64 gcc-mingw-w64-x86-64-win32 nsis zip unzip xvfb xauth x11-utils poppler-utils)
  APT_OPTS=(--no-install-recommends)  # wine's recommends are 32-bit Wine, Mono, fonts: not needed
else
  APT_OPTS=()
  PKGS=(poppler-utils zbar-tools xvfb xauth libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxkbcommon-x11-0
        libxcb-image0 libxcb-render-util0 libxcb-randr0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1
        libegl1 libgl1 libfontconfig1 libdbus-1-3 libglib2.0-0 at-spi2-core python3-pyatspi dbus-bin dbus-daemon)
fi
missing=()
for p in "${PKGS[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "system-deps: not a Debian system; install the equivalents of: ${missing[*]}" >&2
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
  echo "system-deps: installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${APT_OPTS[@]}" "${missing[@]}" >/dev/null
else
  echo "system-deps: please run: sudo apt-get install -y ${missing[*]}" >&2
fi
