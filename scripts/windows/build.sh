#!/usr/bin/env bash
# `make windows`: the Windows build, made and smoke-tested on Linux under Wine.
#
#   dist/windows/cartref/            the one-folder bundle (cartref.exe: the CLI, a console program;
#                                    "CAR-T Reference.exe": the window, no console)
#   dist/cartref-<v>-windows-x64.zip          portable: a `portable` marker keeps data beside it
#   dist/cartref-<v>-windows-x64-setup.exe    per-user NSIS installer
#   dist/windows/screenshots/        the window under Wine with the Windows platform plugin, en and zh
#
# Checks, each fatal: bundle <= 100 MB and zip <= 50 MB; every DLL a shipped binary imports is
# shipped or is a Windows system DLL; icon, version and manifest in both executables; the frozen
# --self-test, a search piped as JSON (UTF-8, Chinese), handouts to PDF in en and zh, the window
# shown with QT_QPA_PLATFORM=windows; the portable zip keeping its data beside itself; a silent
# install, the installed --self-test, a silent uninstall leaving the user's data.
set -euo pipefail
source "$(dirname "$0")/common.sh"
cd "$ROOT"

MAX_BUNDLE_MB=100
MAX_ZIP_MB=50
VERSION="$(sed -n 's/^__version__ = "\(.*\)"/\1/p' desktop/__init__.py)"
BUNDLE="$ROOT/dist/windows/cartref"
ZIP="$ROOT/dist/cartref-$VERSION-windows-x64.zip"
SETUP="$ROOT/dist/cartref-$VERSION-windows-x64-setup.exe"
WORK="$ROOT/build/windows"
SHOTS="$ROOT/dist/windows/screenshots"
LINUX_PY="$ROOT/.venv/bin/python"
[ -x "$LINUX_PY" ] || LINUX_PY=python3

for need in resources/kb/kb.sqlite resources/i18n/ui_zh_CN.qm; do
  [ -f "$need" ] || { echo "windows: $need is missing: run \`make kb i18n\` first" >&2; exit 2; }
done

bash "$WIN_SCRIPTS/setup.sh"

XVFB_PID=""
MAKENSIS_PID=""
cleanup() {
  wineserver -k 2>/dev/null || true
  if [ -n "$MAKENSIS_PID" ]; then kill "$MAKENSIS_PID" 2>/dev/null || true; fi
  if [ -n "$XVFB_PID" ]; then kill "$XVFB_PID" 2>/dev/null || true; fi
}
trap cleanup EXIT

fail() { echo "windows: FAILED: $*" >&2; exit 1; }

mkdir -p "$WORK"
if [ "${CARTREF_WIN_REUSE_BUNDLE:-}" = 1 ] && [ -f "$BUNDLE/cartref.exe" ]; then
  echo "windows: reusing $BUNDLE (CARTREF_WIN_REUSE_BUNDLE=1, for working on the checks)"
else
  step "PyInstaller (build.spec, under Wine)"
  rm -rf "$BUNDLE" "$WORK/cartref"
  wpy -m PyInstaller --noconfirm --log-level WARN --distpath "$(winpath dist/windows)" \
    --workpath "$(winpath "$WORK")" build.spec
fi
[ -f "$BUNDLE/cartref.exe" ] || fail "PyInstaller made no cartref.exe"

step "bundle checks"
bundle_mb=$(( $(du -sb "$BUNDLE" | cut -f1) / 1000000 ))
echo "windows: bundle $bundle_mb MB, $(find "$BUNDLE" -type f | wc -l) files (budget $MAX_BUNDLE_MB MB)"
[ "$bundle_mb" -le "$MAX_BUNDLE_MB" ] || fail "bundle is $bundle_mb MB > $MAX_BUNDLE_MB MB"
[ ! -e "$BUNDLE/_internal/icuuc.dll" ] || fail "the Wine-only ICU stub was bundled"
# Every DLL that a shipped binary imports is shipped too, or is part of Windows (Wine's system32
# stands in for it here: kernel32, user32, ... and icuuc, which Windows 10 has; the api-ms-win-*
# and ext-ms-* "API sets" are names that Windows itself resolves, not files).
shipped="$(find "$BUNDLE" -type f \( -iname '*.dll' -o -iname '*.pyd' \) -printf '%f\n' | tr '[:upper:]' '[:lower:]' | sort -u)"
system="$(ls "$WINEPREFIX/drive_c/windows/system32" | tr '[:upper:]' '[:lower:]' | sort -u)"
missing="$(find "$BUNDLE" -type f \( -iname '*.dll' -o -iname '*.pyd' -o -iname '*.exe' \) -print0 \
  | xargs -0 -n 50 x86_64-w64-mingw32-objdump -p 2>/dev/null | sed -n 's/^\s*DLL Name: //p' \
  | tr '[:upper:]' '[:lower:]' | grep -v -e '^api-ms-win-' -e '^ext-ms-' | sort -u \
  | comm -23 - <(printf '%s\n%s\n' "$shipped" "$system" | sort -u))"
[ -z "$missing" ] || fail "shipped binaries import DLLs that are neither shipped nor in Windows: $missing"
for exe in cartref.exe "CAR-T Reference.exe"; do
  wpy scripts/windows/check_exe.py "$(winpath "$BUNDLE/$exe")" "$VERSION" || fail "$exe resources"
done

# The installer is compressed (LZMA, ~1.5 CPU-minutes) while the smoke tests below run under Wine.
rm -f "$SETUP"
makensis -V2 -DVERSION="$VERSION" -DSRCDIR="$BUNDLE" -DOUTFILE="$SETUP" \
  -DICON="$ROOT/resources/icons/cartref.ico" "$WIN_SCRIPTS/cartref.nsi" > "$WORK/makensis.log" 2>&1 &
MAKENSIS_PID=$!

# Smoke tests of the frozen program, in a fresh user folder.
HOME_DIR="$WORK/home"
rm -rf "$HOME_DIR" && mkdir -p "$HOME_DIR"
WIN_ENV=("CARTREF_HOME=$(winpath "$HOME_DIR")" QT_QPA_PLATFORM=offscreen)
EXE="$BUNDLE/cartref.exe"

step "frozen --self-test"
out="$(wine_run "$EXE" --self-test)" || fail "self-test exit $?: $out"
echo "$out"
[ "$(echo "$out" | tail -n1 | tr -d '\r')" = "self-test: ok" ] || fail "self-test did not end with 'self-test: ok'"

step "frozen search, piped JSON"
for query in myeloma 骨髓瘤; do
  wine_run "$EXE" search "$query" --json > "$WORK/search.json" || fail "search $query exit $?"
  "$LINUX_PY" - "$WORK/search.json" "$query" <<'PY' || fail "search $query: not UTF-8 JSON hits"
import json, sys
hits = json.loads(open(sys.argv[1], "rb").read().decode("utf-8"))  # strict: the bytes must be UTF-8
assert hits and {"kind", "id", "title", "score"} <= set(hits[0]), hits
print(f"windows: search {sys.argv[2]}: {len(hits)} hits, first: {hits[0]['title']}")
PY
done

step "frozen handouts to PDF (en, zh)"
for spec in "about-car-t en" "warning-signs zh"; do
  set -- $spec
  pdf="$WORK/handout-$1-$2.pdf"
  rm -f "$pdf"
  wine_run "$EXE" handout "$1" --lang "$2" --out "$(winpath "$pdf")" --infusion-date 2026-12-01 \
    || fail "handout $1 $2 exit $?"
  pages="$(pdfinfo "$pdf" | sed -n 's/^Pages: *//p')"
  [ "${pages:-0}" -ge 1 ] || fail "handout $1 $2: not a PDF"
  text="$(pdftotext -l 1 "$pdf" - | tr -d '\n ')"
  if [ "$2" = zh ]; then
    case "$text" in *症状*) ;; *) fail "handout $1 zh: no Chinese text in the PDF" ;; esac
    pdffonts "$pdf" | grep -qi 'wenquanyi\|wqy' || fail "handout $1 zh: the bundled CJK font is not embedded"
  fi
  echo "windows: handout $1 $2: $pages page(s), $(( $(stat -c %s "$pdf") / 1000 )) KB"
done

step "the window, Windows platform plugin, under Xvfb"
display=":$(( 200 + $$ % 300 ))"
Xvfb "$display" -screen 0 1280x860x24 -nolisten tcp >/dev/null 2>&1 &
XVFB_PID=$!
sleep 1
export DISPLAY="$display"
GUI="$BUNDLE/CAR-T Reference.exe"
WIN_ENV=("CARTREF_HOME=$(winpath "$HOME_DIR")" QT_QPA_PLATFORM=windows CARTREF_EXIT_WHEN_SHOWN=1)
t0=$SECONDS
WIN_TIMEOUT=180 wine_run "$GUI" || fail "the window did not show and quit (exit $?)"
echo "windows: window shown and closed in $(( SECONDS - t0 )) s"

# Screenshots: the window left open; grabbed by the Linux side's Qt from the X server.
mkdir -p "$SHOTS"
for lang in en zh; do
  shot_home="$WORK/home-$lang"
  rm -rf "$shot_home" && mkdir -p "$shot_home"
  printf '[General]\nlanguage=%s\n' "$lang" > "$shot_home/settings.ini"
  WIN_ENV=("CARTREF_HOME=$(winpath "$shot_home")" QT_QPA_PLATFORM=windows)
  # A fresh Wine session for each: a window opened in the session the previous run left behind
  # came out 1024 pixels wide around a 1200-pixel page (X window and Qt's size disagreed).
  wineserver -k 2>/dev/null || true
  wine_run "$GUI" >/dev/null 2>&1 &
  app=$!
  title=""
  for _ in $(seq 1 240); do
    # the main window's title names its page ("Home — CAR-T Reference") once it is set up
    title="$(xwininfo -root -tree 2>/dev/null | grep -o '"[^"]* — CAR-T [^"]*"' | head -n1 || true)"
    [ -n "$title" ] && break
    sleep 0.5
  done
  # (a title in another form still counts: the screenshot is what matters here)
  [ -n "$title" ] || title="$(xwininfo -root -tree 2>/dev/null | grep -o '"[^"]*CAR-T[^"]*"' | head -n1 || true)"
  [ -n "$title" ] || fail "no window appeared for the $lang screenshot"
  sleep 8  # let it take its size and paint (a loaded machine is slow here)
  QT_QPA_PLATFORM=xcb "$LINUX_PY" -c "
import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication([])
sys.exit(0 if app.primaryScreen().grabWindow(0).save(sys.argv[1]) else 1)" "$SHOTS/window-wine-$lang.png" \
    || fail "screenshot $lang"
  echo "windows: window $title -> $(basename "$SHOTS")/window-wine-$lang.png"
  wineserver -k 2>/dev/null || true
  wait "$app" 2>/dev/null || true
done
kill "$XVFB_PID" 2>/dev/null || true
XVFB_PID=""
unset DISPLAY

step "portable zip"
stage="$WORK/zip"
rm -rf "$stage" "$ZIP" && mkdir -p "$stage"
cp -a "$BUNDLE" "$stage/cartref"
cp "$WIN_SCRIPTS/portable.txt" "$stage/cartref/portable"
(cd "$stage" && zip -q -9 -r -X "$ZIP" cartref)
zip_mb=$(( $(stat -c %s "$ZIP") / 1000000 ))
echo "windows: $(basename "$ZIP") $zip_mb MB (budget $MAX_ZIP_MB MB)"
[ "$zip_mb" -le "$MAX_ZIP_MB" ] || fail "zip is $zip_mb MB > $MAX_ZIP_MB MB"
# Unzipped elsewhere (a USB stick), with no CARTREF_HOME: the data goes beside the program.
stick="$WORK/stick"
rm -rf "$stick" && mkdir -p "$stick"
unzip -q "$ZIP" -d "$stick"
WIN_ENV=(QT_QPA_PLATFORM=offscreen)
out="$(wine_run "$stick/cartref/cartref.exe" --self-test)" || fail "portable self-test: $out"
[ -d "$stick/cartref/user-data" ] || fail "the portable program did not keep its data beside itself"
echo "windows: portable self-test ok, data in cartref/user-data/ ($(ls "$stick/cartref/user-data" | tr '\n' ' '))"

step "NSIS installer (makensis, native)"
wait "$MAKENSIS_PID" || { cat "$WORK/makensis.log" >&2; fail "makensis"; }
MAKENSIS_PID=""
echo "windows: $(basename "$SETUP") $(( $(stat -c %s "$SETUP") / 1000000 )) MB"

step "installer under Wine: silent install, self-test, silent uninstall"
local_appdata="$(wine_run "$WIN_PY" -c "import os; print(os.environ['LOCALAPPDATA'])" | tr -d '\r')"
unix_of() { winepath -u "$1" 2>/dev/null | tr -d '\r'; }
progdir="$(unix_of "$local_appdata\\Programs\\CAR-T Reference")"
datadir="$(unix_of "$local_appdata\\cartref")"
startmenu="$(unix_of "$(wine_run "$WIN_PY" -c "import os; print(os.environ['APPDATA'])" | tr -d '\r')\\Microsoft\\Windows\\Start Menu\\Programs")"
rm -rf "$progdir" "$datadir"
WIN_ENV=()
wine_run "$SETUP" /S || fail "silent install exit $?"
wineserver -w
[ -f "$progdir/cartref.exe" ] && [ -f "$progdir/CAR-T Reference.exe" ] || fail "nothing installed in $progdir"
[ -f "$startmenu/CAR-T Reference.lnk" ] || fail "no Start-menu entry in $startmenu"
WIN_ENV=(QT_QPA_PLATFORM=offscreen)  # no CARTREF_HOME: the installed program uses %LOCALAPPDATA%\cartref
out="$(wine_run "$progdir/cartref.exe" --self-test)" || fail "installed self-test: $out"
[ -d "$datadir" ] || fail "the installed program made no user folder in %LOCALAPPDATA%\\cartref"
echo "user data" > "$datadir/kept.txt"
WIN_ENV=()
wine_run "$progdir/uninstall.exe" /S || fail "silent uninstall exit $?"
wineserver -w  # the uninstaller runs on from a copy in %TEMP%
[ ! -e "$progdir" ] || fail "the uninstaller left $progdir: $(ls -A "$progdir")"
[ ! -e "$startmenu/CAR-T Reference.lnk" ] || fail "the uninstaller left the Start-menu entry"
[ -f "$datadir/kept.txt" ] || fail "the uninstaller removed the user's data"
echo "windows: installed, self-test ok, uninstalled; program files gone, user data kept"
# Asked to, it removes the data too.
wine_run "$SETUP" /S && wineserver -w
wine_run "$progdir/uninstall.exe" /S /REMOVEDATA && wineserver -w
[ ! -e "$datadir" ] || fail "uninstall /REMOVEDATA left the user's data"
echo "windows: uninstall /REMOVEDATA removed the user's data"

step "done in $SECONDS s"
ls -la "$ZIP" "$SETUP"
