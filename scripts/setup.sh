#!/usr/bin/env bash
# Installs everything the project needs on a fresh Debian machine; safe to run again.
#   bash scripts/setup.sh run    Debian: chromium (chart images in reports) + Thai fonts; .venv with requirements.txt
#   bash scripts/setup.sh test   the same plus poppler-utils, LibreOffice (Writer, Impress: DOCX/PPTX -> PDF in tests;
#                                Calc: spreadsheets saved by LibreOffice as analysts save them)
#                                and requirements-dev.txt (pytest, playwright, ...)
set -euo pipefail
cd "$(dirname "$0")/.."
MODE=${1:-run}

# --- Debian packages (only those missing; needs root or sudo) -------------------------------
APT_PKGS="chromium fonts-thai-tlwg"
APT_LEAN=""   # installed without recommended packages (spelling dictionaries, Math, Python-UNO: not needed)
if [ "$MODE" = test ]; then
  APT_PKGS="$APT_PKGS poppler-utils"
  APT_LEAN="libreoffice-writer-nogui libreoffice-impress-nogui libreoffice-calc-nogui"
fi
missing="" missing_lean=""
for p in $APT_PKGS; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
for p in $APT_LEAN; do dpkg -s "$p" >/dev/null 2>&1 || missing_lean="$missing_lean $p"; done
if [ -n "$missing$missing_lean" ]; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "setup: installing Debian packages:$missing$missing_lean"
  $SUDO apt-get update -qq
  [ -z "$missing" ] || DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
  [ -z "$missing_lean" ] || \
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing_lean >/dev/null
fi

# --- Python virtual environment ---------------------------------------------------------------
PY=${PYTHON:-python3}
if ! "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "setup: Python 3.11 or newer is needed (found $("$PY" --version 2>&1))" >&2
  exit 1
fi
[ -x .venv/bin/python ] || "$PY" -m venv .venv
REQ=requirements.txt
[ "$MODE" = test ] && REQ=requirements-dev.txt
STAMP=".venv/.setup-$MODE-$(cat requirements.txt requirements-dev.txt | sha256sum | cut -c1-16)"
if [ ! -f "$STAMP" ]; then
  echo "setup: installing Python packages from $REQ"
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -r "$REQ"
  touch "$STAMP"
fi
