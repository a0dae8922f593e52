#!/usr/bin/env bash
# One entry point for newcomers and CI: sets up what is missing, then runs a task.
#   ./dev.sh demo     set up, then start the kiosk on its embedded demo
#   ./dev.sh test     set up, then run lint, layer contracts and the whole test suite on
#                     SQLite, then the hub's suite again on a throw-away PostgreSQL
#                     (tests/hub/postgres_pass.py); `./dev.sh test ARGS` runs only
#                     `pytest ARGS`, on SQLite
#   ./dev.sh test-postgres [ARGS]  set up, then only the PostgreSQL pass (pytest ARGS,
#                     default tests/hub; the slow tests left out)
#   ./dev.sh bench    set up, then print the benchmark figures
#   ./dev.sh bundle   set up, then build the PyInstaller one-folder bundle in dist/kiosk
#   ./dev.sh messages set up, then extract the French messages (pybabel extract), update every
#                     language's .po files, write the services' translations into the catalogue
#                     and compile the .mo files
#   ./dev.sh setup    only set up (this compiles the .po translations to .mo too)
# Idempotent: a second run installs nothing and starts in seconds.
set -euo pipefail
cd "$(dirname "$0")"

# Debian packages: Qt's offscreen, X11 and Wayland platforms, speech, audio measurement, venv, bundling.
DEB_PACKAGES=(
  python3 python3-venv python3-pip
  libglib2.0-0 libgl1 libegl1 libxkbcommon0 libfontconfig1 libdbus-1-3 fonts-dejavu-core
  xvfb xauth libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
  libxcb-render-util0 libxcb-shape0
  espeak-ng libespeak-ng1 alsa-utils sox
  binutils libpython3-dev  # objdump and libpython3.x.so, which PyInstaller bundles from
  poppler-utils  # pdftoppm and pdfinfo: the printing tests read the receipt PDFs back
  libfribidi0  # Pillow's libraqm loads it to lay out Arabic and Persian receipts (kiosk/printing/typeset.py)
  valgrind  # make bench counts the start-up's instructions with callgrind (the load-proof figure)
  chromium chromium-driver  # selenium drives the back office in a real headless browser
  postgresql  # the hub's production database: the hub's tests run on it too
  cage xwayland grim  # the kiosk's session: cage (which will not start without Xwayland); grim screenshots it
  libwayland-client0 libwayland-cursor0 libwayland-egl1  # PySide6's wayland platform plugin, cage's client
  systemd  # systemctl --root and systemd-analyze verify: install-session and its tests
)
VENV=.venv
STAMP="$VENV/.installed-$(sha256sum pyproject.toml | cut -c1-16)"

missing_debian_packages() {
  local pkg
  for pkg in "${DEB_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || echo "$pkg"
  done
}

install_debian_packages() {
  command -v dpkg-query >/dev/null || { echo "Not a Debian system: install the equivalents of: ${DEB_PACKAGES[*]}"; return; }
  local missing
  missing=$(missing_debian_packages | tr '\n' ' ')
  [ -z "${missing// /}" ] && return
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing Debian packages. As root, run:"
    echo "  apt-get update && apt-get install -y $missing"
    echo "then run this command again."
    exit 1
  fi
  echo "Installing Debian packages: $missing (log: .apt-install.log)"
  if ! { apt-get update && DEBIAN_FRONTEND=noninteractive \
         apt-get install -y --no-install-recommends $missing; } > .apt-install.log 2>&1; then
    tail -20 .apt-install.log
    echo "apt-get failed: see .apt-install.log"
    exit 1
  fi
}

install_python_packages() {
  [ -f "$STAMP" ] && return
  echo "Installing Python packages into $VENV (log: .pip-install.log)"
  python3 -m venv "$VENV"
  if ! { "$VENV/bin/python" -m pip install --upgrade pip \
         && "$VENV/bin/python" -m pip install -e ".[test,hub]"; } > .pip-install.log 2>&1; then
    grep -v "^WARNING: Location" .pip-install.log | tail -20
    echo "pip failed: see .pip-install.log"
    exit 1
  fi
  rm -f "$VENV"/.installed-*
  touch "$STAMP"
}

LOCALES=assets/locale
DOMAINS=(kiosk staff catalog)  # catalog: the services' texts, written into catalog.json

compile_messages() {  # .po -> .mo, every language; quick, so on every set-up
  local domain
  for domain in kiosk staff; do
    "$VENV/bin/pybabel" compile -d "$LOCALES" -D "$domain" > /dev/null
  done
}

update_messages() {
  local domain lang languages
  # every registry language but French (the source): offline_cache/languages.py
  languages=$("$VENV/bin/python" -c "from offline_cache.languages import CODES; print(*CODES[1:])")
  for domain in "${DOMAINS[@]}"; do
    "$VENV/bin/pybabel" extract -F "scripts/babel-$domain.cfg" --no-location --sort-output --omit-header \
      --project=borne-kiosk -o "$LOCALES/$domain.pot" . > /dev/null
    for lang in $languages; do
      if [ -f "$LOCALES/$lang/LC_MESSAGES/$domain.po" ]; then
        "$VENV/bin/pybabel" update -i "$LOCALES/$domain.pot" -d "$LOCALES" -D "$domain" \
          -l "$lang" -w 100 --ignore-obsolete > /dev/null
      else  # a language just added to the registry
        "$VENV/bin/pybabel" init -i "$LOCALES/$domain.pot" -d "$LOCALES" -D "$domain" \
          -l "$lang" -w 100 > /dev/null
      fi
    done
  done
  "$VENV/bin/python" scripts/catalog_translations.py
}

setup() {
  install_debian_packages
  install_python_packages
  compile_messages
}

task=${1:-help}
shift || true
case "$task" in
  setup) setup ;;
  messages)
    setup
    update_messages
    compile_messages ;;
  demo)
    setup
    exec "$VENV/bin/kiosk" demo "$@" ;;
  test)
    setup
    "$VENV/bin/ruff" check .
    "$VENV/bin/lint-imports"
    if [ $# -gt 0 ]; then exec "$VENV/bin/python" -m pytest "$@"; fi
    status=0
    "$VENV/bin/python" -m pytest || status=$?
    # The hub runs on PostgreSQL in production: its suite again there, whatever the first gave.
    "$VENV/bin/python" tests/hub/postgres_pass.py || status=$?
    exit $status ;;
  test-postgres)
    setup
    exec "$VENV/bin/python" tests/hub/postgres_pass.py "$@" ;;
  bench)
    setup
    exec "$VENV/bin/python" -m benchmarks "$@" ;;
  bundle)
    setup
    exec "$VENV/bin/pyinstaller" --noconfirm --clean --distpath dist --workpath build kiosk.spec ;;
  *)
    sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'
    exit 2 ;;
esac
