#!/usr/bin/env bash
# README command 2: set up what the tests need and run them all (unit, AppTest, browser).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
exec .venv/bin/python -m pytest "$@"
