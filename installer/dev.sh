#!/usr/bin/env bash
# Set up everything VIP Desk needs on Debian (system libraries, a virtual environment, the
# package with its test extras) and then run it. Safe to run again: it installs only what is
# missing and reinstalls Python packages only when pyproject.toml changed.
#
#   bash installer/dev.sh run [vipdesk arguments]   launch the app on the embedded demo database
#   bash installer/dev.sh test [pytest arguments]   lint, type-check and run the whole test suite
#   bash installer/dev.sh bench [--cases N]         benchmarks (not part of the tests)
#   bash installer/dev.sh setup                     only set up
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
VENV="$ROOT/.venv"

# PLATFORM.md: Qt offscreen and under Xvfb, PostgreSQL for the tests, PDF tools, and a real
# Secret Service keychain (gnome-keyring on D-Bus) for the key-management tests.
APT_PACKAGES=(
  libglib2.0-0 libgl1 libegl1 libxkbcommon0 libfontconfig1 libdbus-1-3 fonts-dejavu-core
  libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xkb1
  libxcb-randr0 libxcb-render-util0 libxcb-image0 xvfb xauth
  postgresql poppler-utils qpdf
  dbus gnome-keyring
)

say() { printf '\033[1m[vipdesk]\033[0m %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else say "need root to run: $*"; return 1
  fi
}

install_system_packages() {
  command -v dpkg-query >/dev/null 2>&1 || { say "not Debian: install ${APT_PACKAGES[*]} yourself"; return 0; }
  local wanted=("${APT_PACKAGES[@]}") missing=() pkg
  if ! command -v python3 >/dev/null 2>&1 || ! python3 -c 'import venv, ensurepip' 2>/dev/null; then
    wanted+=(python3 python3-venv)
  fi
  for pkg in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing system packages: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

install_python_packages() {
  local python=${PYTHON:-python3}
  "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { say "Python 3.11 or newer is needed"; exit 1; }
  if [ ! -x "$VENV/bin/python" ]; then
    say "creating the virtual environment in .venv"
    "$python" -m venv "$VENV"
  fi
  local stamp="$VENV/.vipdesk-installed" digest
  digest=$(sha256sum pyproject.toml | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$digest" ] || ! "$VENV/bin/python" -c 'import vipdesk' 2>/dev/null; then
    say "installing Python packages"
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check -e ".[test,dev]"
    echo "$digest" > "$stamp"
  fi
}

setup() {
  install_system_packages
  install_python_packages
}

command=${1:-run}
shift || true
case "$command" in
  setup)
    setup
    ;;
  run)
    setup
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
      out="$ROOT/vipdesk-screenshot.png"
      say "no display here: rendering the main window to $out instead (set DISPLAY to see it live)"
      if [ -z "${VIPDESK_PASSPHRASE:-}" ] && [ -z "${VIPDESK_HOME:-}" ]; then
        # The embedded database is encrypted; with no keychain and nobody to type a passphrase,
        # render a throwaway demo under a one-time random passphrase that is never stored.
        home=$(mktemp -d)
        trap 'rm -rf "$home"' EXIT
        say "rendering a fresh demo portfolio (set VIPDESK_HOME and VIPDESK_PASSPHRASE to render yours)"
        VIPDESK_HOME="$home" VIPDESK_PASSPHRASE="$(head -c 24 /dev/urandom | base64)" \
          "$VENV/bin/vipdesk" --screenshot "$out" "$@"
        exit $?
      fi
      exec "$VENV/bin/vipdesk" --screenshot "$out" "$@"
    fi
    exec "$VENV/bin/vipdesk" "$@"
    ;;
  test)
    setup
    export QT_QPA_PLATFORM=offscreen
    say "ruff"
    "$VENV/bin/ruff" check vipdesk tests
    say "mypy"
    "$VENV/bin/mypy"
    say "pytest"
    exec "$VENV/bin/pytest" "$@"
    ;;
  bench)
    setup
    export QT_QPA_PLATFORM=offscreen
    exec "$VENV/bin/python" -m tests.benchmarks "$@"
    ;;
  *)
    say "usage: bash installer/dev.sh {run|test|bench|setup} [arguments]"
    exit 2
    ;;
esac
