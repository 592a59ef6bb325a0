# shellcheck shell=bash
# Sourced by the scripts in scripts/windows/: where the Wine prefix, the Windows Python and the
# downloads live, and how to run Windows programs under Wine so that they behave.
#
# Everything Wine-specific sits here and in setup.sh; nothing of it ends up in the bundle.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WIN_SCRIPTS="$ROOT/scripts/windows"

# Downloads (the embeddable Python, the win_amd64 wheels) and the prepared prefix are kept outside
# the checkout so that a fresh clone (as CI makes one) reuses them. Override with CARTREF_WIN_CACHE.
WIN_CACHE="${CARTREF_WIN_CACHE:-${XDG_CACHE_HOME:-${HOME:-$ROOT/build}/.cache}/cartref-windows}"
WIN_PYVER=3.11
WIN_PYTAG=cp311
export WINEPREFIX="$WIN_CACHE/prefix"
export WINEARCH=win64
# Wine's own diagnostics ("fixme:" lines by the thousand) would bury the program's output.
export WINEDEBUG="${WINEDEBUG:--all}"
# Without this, the first wineboot offers to download Wine Mono and Gecko (a dialog that waits
# for ever with no network, as on CI). The program needs neither .NET nor an HTML engine.
export WINEDLLOVERRIDES="mscoree,mshtml="
WIN_PY_DIR="$WINEPREFIX/drive_c/py311"   # C:\py311
WIN_PY="$WIN_PY_DIR/python.exe"
WIN_SITE="$WIN_PY_DIR/Lib/site-packages"
WIN_WHEELS="$WIN_CACHE/wheels"

# The Linux environment is passed through to Windows programs by Wine. pip's settings here point
# at Linux paths (find-links, CA bundle, constraints) that make Wine's pip fail; Python settings
# are ignored anyway by the embeddable Python (its ._pth file puts it in isolated mode), but
# are dropped too so that nothing of the Linux side leaks into a Windows run by accident.
_wine_clean_env() {
  local -a unset_args=()
  local name
  while IFS='=' read -r name _; do
    case "$name" in
      PIP_*|PYTHON*|VIRTUAL_ENV|CARTREF_*) unset_args+=(-u "$name") ;;
    esac
  done < <(env)
  printf '%s\n' "${unset_args[@]}"
}

# wine_run PROGRAM ARGS...: run a Windows program with stdout and stderr kept apart, each through
# a pipe. Why pipes: a Windows Python under Wine 8.0 dies at start-up ("init_sys_streams: can't
# initialize sys standard streams / OSError: [WinError 6] Invalid handle") when its stdout or
# stderr is a regular file, as it is when CI captures output to a log. stdin is /dev/null for
# the same reason (no terminal to inherit). Variables given as WIN_ENV=(NAME=value ...) are passed.
# Killed after WIN_TIMEOUT seconds (default 600). Returns the program's exit code.
wine_run() {
  local -a clean
  mapfile -t clean < <(_wine_clean_env)
  local rc
  set +e
  timeout "${WIN_TIMEOUT:-600}" env "${clean[@]}" "${WIN_ENV[@]}" wine "$@" </dev/null 2> >(cat >&2) | cat
  rc=${PIPESTATUS[0]}
  set -e
  return "$rc"
}

# wpy ARGS...: Wine's Windows Python.
wpy() {
  wine_run "$WIN_PY" "$@"
}

# winpath PATH: the Windows form of a Linux path (Wine maps / to Z:).
winpath() {
  local abs
  abs="$(realpath -m "$1")"
  printf 'Z:%s' "${abs//\//\\}"
}

# step NAME: print a timed heading, so the log shows where the minutes go.
STEP_T0=$SECONDS
step() {
  printf '\n== windows: %s (t=%ds)\n' "$1" "$((SECONDS - STEP_T0))"
}

WIN_ENV=()
