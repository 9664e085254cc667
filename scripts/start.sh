#!/usr/bin/env bash
# README command 1: set up, create the database (plan + demo data when empty) and start the dashboard.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh run
.venv/bin/python -m tracker init
.venv/bin/python -m tracker demo --if-empty
echo "Dashboard: http://localhost:${PORT:-8501}  (Ctrl+C to stop)"
exec .venv/bin/python -m streamlit run app.py --server.port "${PORT:-8501}" "$@"
